import type { SecurityEntry } from '../securities/bundled-securities';
import { aShareId, codeOf, marketOf, type SecurityId } from '../securities/security-id';
import { codeAt, mayStartCode, type CodeHit } from './code-at';
import { NameAutomaton, pairBit } from './name-automaton';

/** How a mention was recognised; shown to the user as the reason for a mark. */
export type MentionRule =
  | 'exchange-code' // 09988.HK, 600519.SH, SH600519, AMZN.O
  | 'cashtag' // $AMZN
  | 'exchange-prefix' // NASDAQ: AMZN
  | 'name' // 阿里巴巴, Amazon
  | 'learned-alias' // a name a report tied to a code: 中际旭创（300308.SZ）
  | 'ticker-in-context'; // AMZN alone in a table cell, (AMZN), or beside its company's name

/** One security mentioned in a text: where, which listing, and why. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  id: SecurityId;
  rule: MentionRule;
}

/** Finds securities in plain text; built once per dictionary and reused for every text. */
export interface SecurityMatcher {
  find(text: string): Mention[];
  /** Adds a name after construction: aliases learned during an import help the reports after it. */
  addName(name: string, id: SecurityId, rule?: NameRule): void;
}

/** The rules a name in the trie can carry. */
type NameRule = Extract<MentionRule, 'name' | 'learned-alias'>;

/**
 * Uppercase words that are common acronyms in finance prose; even when a listing uses one as its ticker, the bare
 * word needs a strong signal (cashtag, exchange prefix or suffix) to count.
 */
const COMMON_ACRONYMS = new Set(
  'A I AI IT ON CEO CFO COO CTO GDP CPI PPI PMI EPS PE PB ROE ROI IPO ETF HK SH SZ US USA UK EU UN Q1 Q2 Q3 Q4 YOY QOQ FY AM PM OK TV PC API APP ESG M&A AR VR MR IoT SaaS IMF FED FOMC GPU CPU TPU LLM AGI EV NEV ALL ANY ARE FOR NOW NEW BIG BEST ONE TWO KEY WELL GOOD REAL SEE RUN CAR BUY SELL HOLD'.split(
    ' ',
  ),
);

/** The bare code as written in an entry's id, for the tickers and six-digit codes that need context. */
function bareCodeOf(id: SecurityId): string | undefined {
  const market = marketOf(id);
  return market === 'US' || market === 'SH' || market === 'SZ' || market === 'BJ' ? codeOf(id) : undefined;
}

const isDigit = (u: number) => u >= 48 && u <= 57;

/** Character kinds for the hot loop (ASCII letters, digits, `$`; everything else OTHER): one load, no range checks. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const DOLLAR = 4;
const ASCII_KIND = (() => {
  const kinds = new Uint8Array(65536); // every code unit, so a lookup is never out of bounds (a slow path in V8)
  for (let u = 97; u <= 122; u++) kinds[u] = LOWER;
  for (let u = 65; u <= 90; u++) kinds[u] = UPPER;
  for (let u = 48; u <= 57; u++) kinds[u] = DIGIT;
  kinds[36] = DOLLAR;
  return kinds;
})();
const isWordKind = (kind: number) => kind === LOWER || kind === UPPER || kind === DIGIT;
/**
 * `text[start, end)`, up to five uppercase ASCII letters, as a number (five bits a letter), or -1 if it is anything
 * else: a word checked against the tickers without making a string of it.
 */
function upperKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (ASCII_KIND[unit] !== UPPER) return -1;
    key = key * 32 + unit - 64;
  }
  return key;
}
const upperKeyOf = (word: string) => upperKey(word, 0, word.length);

/** A colon (ASCII or full-width) at `at`, or after one space. */
function isColon(text: string, at: number): boolean {
  const u = text.charCodeAt(at) === 32 ? text.charCodeAt(at + 1) : text.charCodeAt(at);
  return u === 58 || u === 0xff1a;
}

/** End of the run of Latin letters and digits from `i`. */
function wordEnd(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length) {
    const kind = ASCII_KIND[text.charCodeAt(end)]!;
    if (kind === OTHER || kind === DOLLAR) break;
    end++;
  }
  return end;
}
const isSpace = (u: number) => u === 32 || u === 9 || u === 10 || u === 13 || u === 0xa0 || u === 0x3000;

/** Whether a bare code stands where a code is expected: alone in its text (a table cell, a link), or in brackets. */
function bareCodeHasContext(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  let after = end;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  if (before < 0 && after >= text.length) return true;
  const open = text[before];
  const close = text[after];
  return (open === '(' || open === '（') && (close === ')' || close === '）' || close === ',' || close === '，' || close === '/');
}

/** A name found in `text` as a mention (a plain function: a closure here would move `text` off the stack). */
function nameMention(text: string, start: number, end: number, value: NameValue): Mention {
  return { start, end, text: text.slice(start, end), id: value.id, rule: value.rule };
}

/**
 * The first position after `after` whose two units pass the pair filter, or -1. Every name and code is at least two
 * units long, so this one load per position rules out almost all of them; a loop of its own, with nothing else in
 * it, so the compiler keeps it in registers.
 */
function nextCandidate(text: string, after: number, pairs: Int32Array): number {
  const length = text.length;
  let unit = text.charCodeAt(after + 1);
  for (let i = after + 2; i < length; i++) {
    const next = text.charCodeAt(i);
    const bit = pairBit(unit, next);
    if ((pairs[bit >>> 5]! & (1 << (bit & 31))) !== 0) return i - 1;
    unit = next;
  }
  return -1;
}

/**
 * Reads what starts at `start`, a position whose first two units passed the pair filter: a name; or at an ASCII word
 * start (or `$`), a Latin name, a code spelling, a bare code for later, or nothing. Returns where scanning resumes:
 * `start` itself if nothing was read, else past the word. The common cases (a CJK name, a word inside a word, a plain
 * uppercase word) are settled here, in the function every candidate goes through, so they run optimised from the
 * first text on.
 */
function lookAt(
  text: string,
  start: number,
  names: NameAutomaton<NameValue>,
  tickers: ReadonlySet<number>,
  found: Mention[],
  bare: BareHit[],
): number {
  const unit = text.charCodeAt(start);
  if (unit >= 128) {
    // No word boundary before CJK names.
    const end = names.longestEndAt(text, start);
    if (end < 0) return start;
    found.push(nameMention(text, start, end, names.lastValues[0]!));
    return end;
  }
  const kind = ASCII_KIND[unit]!;
  if (kind === OTHER) return start;
  const previous = text.charCodeAt(start - 1);
  // Inside a word: Latin names and codes start only at word starts.
  if (kind !== DOLLAR && isWordKind(ASCII_KIND[previous & 0xffff]!)) return start;
  // After `.` or `$` it is the tail of a number or a spelling already read (`3.14`, `US$100`): skipped.
  if (previous === 46 || previous === 36) return wordEnd(text, start);
  const second = text.charCodeAt(start + 1);
  if (names.mayStartName(unit, second)) {
    const end = names.longestEndAt(text, start);
    if (end > 0) {
      found.push(nameMention(text, start, end, names.lastValues[0]!));
      return end;
    }
  }
  if (kind === LOWER || (kind === UPPER && ASCII_KIND[second & 0xffff] === LOWER)) {
    // Lowercase and Capitalised words are prose, but for `sh600519`/`hk09988` and `Nasdaq:`.
    const end = wordEnd(text, start);
    if (!(kind === LOWER ? isDigit(text.charCodeAt(start + 2)) : isColon(text, end))) return end;
  }
  if (kind === UPPER) {
    // A plain uppercase word (`IT`, `CEO`, `AMZN`), nothing attached: the common case in English prose, settled
    // with one lookup. Only a ticker the dictionary knows becomes a candidate for context.
    const end = wordEnd(text, start);
    const after = text.charCodeAt(end);
    const key = end - start <= 5 && after !== 46 && after !== 45 && !isColon(text, end) ? upperKey(text, start, end) : -1;
    if (key >= 0) {
      if (tickers.has(key)) bare.push({ kind: 'bare', start, end, code: text.slice(start, end), digits: false });
      return end;
    }
  }
  return readCode(text, start, found, bare);
}

/** Reads a code spelling at a word start (see {@link codeAt}); returns where scanning resumes. */
function readCode(text: string, start: number, found: Mention[], bare: BareHit[]): number {
  const { hit, next } = codeAt(text, start);
  if (hit?.kind === 'strong' && hit.id)
    found.push({ start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), id: hit.id, rule: hit.rule });
  else if (hit?.kind === 'bare') bare.push(hit);
  return wordEnd(text, next - 1);
}

/** Two lists of mentions in text order as one; `a` first where both start at the same place. */
function mergeByStart(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  const merged: Mention[] = [];
  let j = 0;
  for (const mention of a) {
    while (j < b.length && b[j]!.start < mention.start) merged.push(b[j++]!);
    merged.push(mention);
  }
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** What a name in the automaton carries. */
type NameValue = { id: SecurityId; rule: NameRule };
type BareHit = Extract<CodeHit, { kind: 'bare' }>;

/** Options of a matcher. */
export interface MatcherOptions {
  /** Traditional → simplified units (`chineseVariantTable()`, or the part of it a tab needs), so 騰訊 finds 腾讯. */
  variants?: ReadonlyMap<number, number>;
}

function foldTable(variants: ReadonlyMap<number, number> | undefined): Uint16Array | undefined {
  if (!variants?.size) return undefined;
  const table = new Uint16Array(65536);
  for (let unit = 0; unit < 65536; unit++) table[unit] = unit;
  for (const [from, to] of variants) table[from] = to;
  return table;
}

/**
 * Builds the matcher for a set of securities. One pass over the text: at each character a single table load says
 * whether a name can start there (names through a trie, longest match; word boundaries for Latin, none for CJK),
 * and ASCII word starts are read as code spellings. Strong codes (with an exchange, cashtags, exchange prefixes)
 * count alone; bare tickers and six-digit codes only in a supporting context (SPEC.md: "bare words are never
 * trusted alone").
 */
export function createSecurityMatcher(entries: Iterable<SecurityEntry>, options: MatcherOptions = {}): SecurityMatcher {
  const names = new NameAutomaton<NameValue>(foldTable(options.variants));
  const bareCodes = new Map<string, SecurityId>();
  const issuerOf = new Map<SecurityId, string>();
  /** The listings of each issuer, the other way round. */
  const listingsOf = new Map<string, SecurityId[]>();
  const setIssuer = (id: SecurityId, issuer: string) => {
    const old = issuerOf.get(id);
    if (old === issuer) return;
    if (old !== undefined)
      listingsOf.set(
        old,
        listingsOf.get(old)!.filter((listing) => listing !== id),
      );
    issuerOf.set(id, issuer);
    listingsOf.set(issuer, [...(listingsOf.get(issuer) ?? []), id]);
  };
  const addName = (name: string, id: SecurityId, rule: NameRule = 'name') => {
    if (name.length >= 2) names.add(name, { id, rule });
    if (!issuerOf.has(id)) setIssuer(id, id);
  };
  for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b++) if (mayStartCode(a, b)) names.allowPair(a, b);
  for (const entry of entries) {
    setIssuer(entry.id, entry.issuer ?? entry.id);
    for (const name of entry.names) addName(name, entry.id);
    const bare = bareCodeOf(entry.id);
    if (bare) bareCodes.set(bare, entry.id);
  }
  /** {@link upperKey} of the tickers a bare uppercase word may be, common acronyms aside. */
  const tickers = new Set<number>();
  for (const code of bareCodes.keys()) if (!COMMON_ACRONYMS.has(code) && code.length <= 5) tickers.add(upperKeyOf(code));
  tickers.delete(-1);

  return {
    addName,
    find(text) {
      const found: Mention[] = [];
      const bare: BareHit[] = [];
      const pairs = names.pairs;
      for (let start = nextCandidate(text, -1, pairs); start >= 0; start = nextCandidate(text, start, pairs))
        start = Math.max(start, lookAt(text, start, names, tickers, found, bare) - 1);
      // Names and strong codes were pushed in text order, and so are the bare codes that count: a merge, not a sort.
      const counted = bare.length ? resolveBareCodes(text, bare, found) : [];
      return counted.length ? mergeByStart(found, counted) : found;
    },
  };

  /** Bare tickers and codes count when they stand in context or their company is named in the same text: those that do. */
  function resolveBareCodes(text: string, candidates: readonly BareHit[], found: readonly Mention[]): Mention[] {
    let namedIds: Set<SecurityId> | undefined;
    const named = (id: SecurityId) =>
      listingsOf.get(issuerOf.get(id) ?? '')?.some((listing) => (namedIds ??= namesOf(found)).has(listing)) ?? false;
    const counted: Mention[] = [];
    for (const { start, end, code, digits } of candidates) {
      if (COMMON_ACRONYMS.has(code) || code.length < 2) continue;
      const known = bareCodes.get(code);
      if (!known && !digits) continue;
      const inContext = bareCodeHasContext(text, start, end);
      // A six-digit code alone in its cell or link, or in brackets, is a mainland code even when the dictionary does
      // not list it (stock tables list hundreds); a bare uppercase word needs the dictionary too.
      const id = known ?? (inContext ? aShareId(code) : undefined);
      if (id && (inContext || named(id))) counted.push({ start, end, text: code, id, rule: 'ticker-in-context' });
    }
    return counted;
  }

  /** Listings named among `found` (their issuers are looked up only for the few bare codes that need them). */
  function namesOf(found: readonly Mention[]): Set<SecurityId> {
    const ids = new Set<SecurityId>();
    for (const { rule, id } of found) if (rule === 'name' || rule === 'learned-alias') ids.add(id);
    return ids;
  }
}

import type { SecurityEntry } from '../securities/bundled-securities';
import { aShareId, codeOf, marketOf, type SecurityId } from '../securities/security-id';
import { codeAt, type CodeHit } from './code-at';
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
/** Whether `text[start, end)` is all uppercase ASCII letters. */
function isUpperRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (ASCII_KIND[text.charCodeAt(i)] !== UPPER) return false;
  return true;
}

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
 * Reads the word (or cashtag) starting at `i`, a word start: a Latin name, a code spelling, a bare code for later,
 * or nothing. Returns where scanning resumes.
 */
function readWord(
  text: string,
  i: number,
  kind: number,
  names: NameAutomaton<NameValue>,
  bareCodes: ReadonlyMap<string, SecurityId>,
  found: Mention[],
  bare: BareHit[],
): number {
  // After `.` or `$` it is the tail of a number or a spelling already read (`3.14`, `US$100`): skipped.
  const previous = text.charCodeAt(i - 1);
  if (previous === 46 || previous === 36) return wordEnd(text, i);
  if (names.firstUnits[text.charCodeAt(i)] !== 0) {
    const end = names.longestEndAt(text, i);
    if (end > 0) {
      found.push(nameMention(text, i, end, names.lastValues[0]!));
      return end;
    }
  }
  if (kind === LOWER || (kind === UPPER && ASCII_KIND[text.charCodeAt(i + 1)] === LOWER)) {
    // Lowercase and Capitalised words are prose, but for `sh600519`/`hk09988` and `Nasdaq:`.
    const end = wordEnd(text, i);
    if (!(kind === LOWER ? isDigit(text.charCodeAt(i + 2)) : isColon(text, end))) return end;
  }
  if (kind === UPPER) {
    // A plain uppercase word (`IT`, `CEO`, `AMZN`), nothing attached: the common case in English prose, settled
    // with one lookup. Only a ticker the dictionary knows becomes a candidate for context.
    const end = wordEnd(text, i);
    const after = text.charCodeAt(end);
    if (end - i <= 5 && after !== 46 && after !== 45 && !isColon(text, end) && isUpperRun(text, i, end)) {
      const word = text.slice(i, end);
      if (bareCodes.has(word) && !COMMON_ACRONYMS.has(word)) bare.push({ kind: 'bare', start: i, end, code: word, digits: false });
      return end;
    }
  }
  const { hit, next } = codeAt(text, i);
  if (hit?.kind === 'strong' && hit.id)
    found.push({ start: hit.start, end: hit.end, text: text.slice(hit.start, hit.end), id: hit.id, rule: hit.rule });
  else if (hit?.kind === 'bare') bare.push(hit);
  return wordEnd(text, next - 1);
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
  const addName = (name: string, id: SecurityId, rule: NameRule = 'name') => {
    if (name.length >= 2) names.add(name, { id, rule });
    if (!issuerOf.has(id)) issuerOf.set(id, id);
  };
  for (const entry of entries) {
    issuerOf.set(entry.id, entry.issuer ?? entry.id);
    for (const name of entry.names) addName(name, entry.id);
    const bare = bareCodeOf(entry.id);
    if (bare) bareCodes.set(bare, entry.id);
  }

  return {
    addName,
    find(text) {
      const found: Mention[] = [];
      const bare: BareHit[] = [];
      const first = names.firstUnits;
      const fold = names.foldTable;
      const pairs = names.pairs;
      const length = text.length;
      for (let i = 0; i < length; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 128) {
          if (first[fold ? fold[unit]! : unit] === 0) continue;
          const next = text.charCodeAt(i + 1);
          const bit = pairBit(fold ? fold[unit]! : unit, fold && next < 65536 ? fold[next]! : next);
          if ((pairs[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
          const end = names.longestEndAt(text, i);
          if (end < 0) continue;
          found.push(nameMention(text, i, end, names.lastValues[0]!));
          i = end - 1;
          continue;
        }
        const kind = ASCII_KIND[unit]!;
        if (kind === OTHER) continue;
        // A word or a cashtag starts here; the loop jumps over the rest of every word it reads. Plain lowercase words,
        // most of English prose, are skipped right here; everything else is read by readWord, kept out of this loop so
        // the loop stays small enough for the compiler to keep its variables in registers.
        if (kind === LOWER && first[unit] === 0 && !isDigit(text.charCodeAt(i + 2))) {
          i = wordEnd(text, i) - 1;
          continue;
        }
        i = readWord(text, i, kind, names, bareCodes, found, bare) - 1;
      }
      // Names and strong codes were pushed in text order; bare codes join afterwards and need a sort.
      return bare.length && resolveBareCodes(text, bare, found) ? found.sort((a, b) => a.start - b.start) : found;
    },
  };

  /** Bare tickers and codes count when they stand in context or their company is named in the same text; true if any did. */
  function resolveBareCodes(text: string, candidates: readonly Extract<CodeHit, { kind: 'bare' }>[], found: Mention[]): boolean {
    let issuersNamed: Set<string | undefined> | undefined;
    const named = (id: SecurityId) =>
      (issuersNamed ??= new Set(found.filter((m) => m.rule === 'name' || m.rule === 'learned-alias').map((m) => issuerOf.get(m.id)))).has(
        issuerOf.get(id),
      );
    const before = found.length;
    for (const { start, end, code, digits } of candidates) {
      if (COMMON_ACRONYMS.has(code) || code.length < 2) continue;
      const known = bareCodes.get(code);
      if (!known && !digits) continue;
      const inContext = bareCodeHasContext(text, start, end);
      // A six-digit code alone in its cell or link, or in brackets, is a mainland code even when the dictionary does
      // not list it (stock tables list hundreds); a bare uppercase word needs the dictionary too.
      const id = known ?? (inContext ? aShareId(code) : undefined);
      if (id && (inContext || named(id))) found.push({ start, end, text: code, id, rule: 'ticker-in-context' });
    }
    return found.length > before;
  }
}

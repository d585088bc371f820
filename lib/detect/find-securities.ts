import type { SecurityEntry } from '../securities/bundled-securities';
import { aShareId, codeOf, marketOf, type SecurityId } from '../securities/security-id';
import { mayStartCode } from './code-at';
import { NameAutomaton } from './name-automaton';
import { MentionBuffer } from './mention-buffer';
import { scanText, upperKey, type Listing, type NameRule, type NameValue } from './scan-text';
import type { Mention } from './mention';

// Kept for importers written before the vocabulary moved to ./mention.
export type { Mention, MentionRule } from './mention';

/** Finds securities in plain text; built once per dictionary and reused for every text. */
export interface SecurityMatcher {
  find(text: string): Mention[];
  /** Adds a name after construction: aliases learned during an import help the reports after it. */
  addName(name: string, id: SecurityId, rule?: NameRule): void;
}

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

/** No mentions, shared (never written to). */
const NO_MENTIONS: readonly Mention[] = [];

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
 * Builds the matcher for a set of securities. One pass over the text ({@link scanText}): at each character a table
 * load on its first two units says whether a name or code can start there (names through a trie, longest match;
 * word boundaries for Latin, none for CJK), and ASCII word starts are read as code spellings. Strong codes (with an
 * exchange, cashtags, exchange prefixes) count alone; bare tickers and six-digit codes only in a supporting context
 * (SPEC.md: "bare words are never trusted alone").
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
  /** Each listing's mark, set while a text is read when a name of it is found. */
  const listings = new Map<SecurityId, Listing>();
  const listingOf = (id: SecurityId) => {
    let listing = listings.get(id);
    if (!listing) listings.set(id, (listing = { namedIn: 0 }));
    return listing;
  };
  const addName = (name: string, id: SecurityId, rule: NameRule = 'name') => {
    if (name.length >= 2) names.add(name, { id, rule, listing: listingOf(id) });
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
  for (const code of bareCodes.keys()) if (!COMMON_ACRONYMS.has(code) && code.length <= 5) tickers.add(upperKey(code, 0, code.length));
  tickers.delete(-1);
  /** Reused by every find: see {@link MentionBuffer}. */
  const buffer = new MentionBuffer();

  return {
    addName,
    find(text) {
      buffer.reset();
      scanText(text, names.filter.first, names.filter.second, names, tickers, buffer);
      // Names and strong codes were recorded in text order, and so are the bare codes that count: a merge, not a sort.
      return buffer.toMentions(text, buffer.bareCount ? resolveBareCodes(text) : NO_MENTIONS);
    },
  };

  /**
   * Bare tickers and codes count when they stand in context or their company is named in the same text: those of
   * {@link buffer} that do.
   */
  function resolveBareCodes(text: string): Mention[] {
    const counted: Mention[] = [];
    for (let k = 0; k < buffer.bareCount; k++) {
      const { start, end, code, digits } = buffer.bareAt(k);
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

  /** Whether a listing of the same issuer as `id` was named in the text just read. */
  function named(id: SecurityId): boolean {
    const siblings = listingsOf.get(issuerOf.get(id) ?? '');
    if (siblings) for (const listing of siblings) if (listings.get(listing)?.namedIn === buffer.serial) return true;
    return false;
  }
}

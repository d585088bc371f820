import type { SecurityEntry } from '../securities/bundled-securities';
import { aShareId, hongKongId, marketOf, codeOf, usId, type SecurityId } from '../securities/security-id';
import { NameTrie } from './name-trie';

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

/**
 * Codes with an exchange attached, cashtags and exchange prefixes: strong signals on their own. Each branch is a
 * bounded run of one character class, so matching stays linear on any input.
 */
const STRONG_CODE =
  /(?<![A-Za-z0-9$.])(?:\$([A-Z]{1,5}(?:\.[A-Z])?)(?![A-Za-z0-9])|(?:NASDAQ|NYSE|NYSEARCA|AMEX|Nasdaq|Nyse)\s?[:：]\s?([A-Z]{1,5}(?:\.[A-Z])?)(?![A-Za-z0-9])|(\d{6})\.(SH|SZ|SS|BJ|sh|sz|ss|bj)(?![A-Za-z0-9])|(SH|SZ|BJ|sh|sz|bj)(\d{6})(?![0-9])|(\d{4,5})\.(HK|hk)(?![A-Za-z0-9])|(HK|hk)(\d{5})(?![0-9])|([A-Z]{1,5}(?:\.[A-Z])?)(?:\.(?:O|OQ|N)|-US)(?![A-Za-z0-9]))/g;

/** Bare uppercase words and bare six-digit numbers: tickers only in a supporting context. */
const BARE_CODE = /(?<![A-Za-z0-9$.])(?:([A-Z]{1,5}(?:\.[A-Z])?)(?![A-Za-z0-9])|(\d{6})(?![0-9.]))/g;

const isLatinOrDigit = (unit: number) => (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122);

function strongCodeId(m: RegExpExecArray): [SecurityId | undefined, MentionRule, number, number] {
  const start = m.index;
  const end = start + m[0].length;
  if (m[1]) return [usId(m[1]), 'cashtag', start, end];
  if (m[2]) return [usId(m[2]), 'exchange-prefix', end - m[2].length, end];
  if (m[3]) return [aShareId(m[3], m[4]), 'exchange-code', start, end];
  if (m[6]) return [aShareId(m[6], m[5]), 'exchange-code', start, end];
  if (m[7]) return [hongKongId(m[7]), 'exchange-code', start, end];
  if (m[10]) return [hongKongId(m[10]), 'exchange-code', start, end];
  return [usId(m[11] ?? ''), 'exchange-code', start, end];
}

/** The bare code as written in an entry's id, for the tickers and six-digit codes that need context. */
function bareCodeOf(id: SecurityId): string | undefined {
  const market = marketOf(id);
  return market === 'US' || market === 'SH' || market === 'SZ' || market === 'BJ' ? codeOf(id) : undefined;
}

/** Whether a bare code stands where a code is expected: alone in its text, or in brackets. */
function bareCodeHasContext(text: string, start: number, end: number): boolean {
  if (text.trim().length === end - start) return true;
  const before = text.slice(0, start).trimEnd().slice(-1);
  const after = text.slice(end).trimStart().slice(0, 1);
  return (before === '(' || before === '（') && (after === ')' || after === '）' || after === ',' || after === '，' || after === '/');
}

/**
 * Builds the matcher for a set of securities: names through a trie (longest match; word boundaries for Latin, none
 * for CJK), codes through the exchange-qualified spellings, and bare tickers only with a supporting context
 * (SPEC.md: "bare words are never trusted alone").
 */
export function createSecurityMatcher(entries: Iterable<SecurityEntry>): SecurityMatcher {
  const names = new NameTrie<{ id: SecurityId; rule: NameRule }>();
  const bareCodes = new Map<string, SecurityId>();
  const issuerOf = new Map<SecurityId, string>();
  for (const entry of entries) {
    issuerOf.set(entry.id, entry.issuer ?? entry.id);
    for (const name of entry.names) if (name.length >= 2) names.add(name, { id: entry.id, rule: 'name' });
    const bare = bareCodeOf(entry.id);
    if (bare) bareCodes.set(bare, entry.id);
  }

  const findNames = (text: string): Mention[] => {
    const found: Mention[] = [];
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (!names.startsWith(unit)) continue;
      if (isLatinOrDigit(unit) && i > 0 && isLatinOrDigit(text.charCodeAt(i - 1))) continue;
      const hit = names.longestAt(text, i, (end) => {
        const last = text.charCodeAt(end - 1);
        return !isLatinOrDigit(last) || end === text.length || !isLatinOrDigit(text.charCodeAt(end));
      });
      if (!hit) continue;
      const { id, rule } = hit.values[0]!;
      found.push({ start: i, end: hit.end, text: text.slice(i, hit.end), id, rule });
      i = hit.end - 1;
    }
    return found;
  };

  return {
    addName(name, id, rule = 'name') {
      if (name.length >= 2) names.add(name, { id, rule });
      if (!issuerOf.has(id)) issuerOf.set(id, id);
    },
    find(text) {
      const found: Mention[] = [];
      for (const m of text.matchAll(STRONG_CODE)) {
        const [id, rule, start, end] = strongCodeId(m);
        if (id) found.push({ start, end, text: text.slice(start, end), id, rule });
      }
      const named = findNames(text);
      found.push(...named);
      const issuersNamed = new Set(named.map((mention) => issuerOf.get(mention.id)));
      for (const m of text.matchAll(BARE_CODE)) {
        const code = m[1] ?? m[2]!;
        if (COMMON_ACRONYMS.has(code) || code.length < 2) continue;
        const start = m.index;
        const end = start + code.length;
        const inContext = bareCodeHasContext(text, start, end);
        // A six-digit code alone in its cell or link, or in brackets, is a mainland code even when the dictionary does
        // not list it (stock tables list hundreds); a bare uppercase word needs the dictionary too.
        const id = bareCodes.get(code) ?? (m[2] && inContext ? aShareId(code) : undefined);
        if (id && (inContext || issuersNamed.has(issuerOf.get(id)))) found.push({ start, end, text: code, id, rule: 'ticker-in-context' });
      }
      return withoutOverlaps(found);
    },
  };
}

/** Keeps the earliest, then longest, of overlapping mentions. */
function withoutOverlaps(mentions: Mention[]): Mention[] {
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  let reach = 0;
  for (const mention of mentions) {
    if (mention.start < reach) continue;
    kept.push(mention);
    reach = mention.end;
  }
  return kept;
}

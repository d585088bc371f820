import type { SecurityEntry } from '../securities/bundled-securities';
import { codeOf, marketOf, type SecurityId } from '../securities/security-id';
import { codeStartPairs } from './code-at';
import { NameAutomaton } from './name-automaton';
import { MentionBuffer } from './mention-buffer';
import { NOT_A_NAME, STRONG, WEAK, scanText, upperKey, type Listing, type NameRule, type NameValue } from './scan-text';
import type { Mention } from './mention';

// Kept for importers written before the vocabulary moved to ./mention.
export type { Mention, MentionRule } from './mention';

/**
 * What a caller knows about where a text stands, beyond the text itself. The matcher reads one text at a time; the
 * page or report around it can say more.
 */
export interface FindContext {
  /**
   * Listings the surrounding page or report is about (its quote URL, its title, the report's codes): their weak
   * names and bare codes count here as if the text named them.
   */
  support?: ReadonlySet<SecurityId>;
  /**
   * The text stands where a code is expected (a code column of a table, a quote link's text): a bare ticker or
   * six-digit code alone in it counts, when the dictionary lists it.
   */
  codeSlot?: boolean;
}

/** Finds securities in plain text; built once per dictionary and reused for every text. */
export interface SecurityMatcher {
  /**
   * The mentions in `text`, in text order. Strong names and qualified codes count alone; weak names (ordinary words,
   * places, short forms: `SecurityEntry.weak`) count when their issuer is named strongly or by a code in the same
   * text, or is in `context.support`; bare codes count in brackets after a name, beside their company's name, in a
   * code slot, or when supported.
   */
  find(text: string, context?: FindContext): Mention[];
  /**
   * How many weak names and listed bare codes the last {@link find} read but did not count for want of support: a
   * caller that learns more about the page or report (its other texts) may read that text again with `support`.
   */
  readonly deferred: number;
  /** Adds a name after construction: aliases learned during an import help the reports after it. */
  addName(name: string, id: SecurityId, rule?: NameRule): void;
  /**
   * Adds listings after construction (a tab's page named securities its dictionary lacked), read as a build with them
   * would read: entries with a `rank` take their place among those built with one (the lower rank's name and bare
   * code win, as in a build from entries sorted by rank). No new variants: a matcher folds only what it was built with.
   */
  addEntries(entries: Iterable<RankedEntry>): void;
}

/** An entry with its place in the securities master (lower first), as tabs get them. */
export type RankedEntry = SecurityEntry & { rank?: number };

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

/**
 * Whether a bare code stands where a code is expected: in brackets (`(600519)`, `（AMZN，`), or alone in its text when
 * the caller says the text is a code slot. Alone in a text is not enough by itself: buttons, tabs and menus (PRO,
 * LIVE, TOP, HKD) and table cells of counts (a six-digit click count) are texts alone too. A ticker in brackets that
 * glosses the words before it is an abbreviation, not a code ({@link glossesWordsBefore}).
 */
function bareCodeHasContext(text: string, start: number, end: number, codeSlot: boolean, digits: boolean): boolean {
  let before = start - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  let after = end;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  if (before < 0 && after >= text.length) return codeSlot;
  const open = text[before];
  const close = text[after];
  const bracketed =
    (open === '(' || open === '（') && (close === ')' || close === '）' || close === ',' || close === '，' || close === '/');
  return bracketed && (digits || !glossesWordsBefore(text, before, text.slice(start, end)));
}

/**
 * Han ideographs (the unified block and extension A) and CJK punctuation (《群星纪元》（SLG）): the end of a Chinese
 * term an abbreviation glosses.
 */
const endsChineseTerm = (u: number) => (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x3001 && u <= 0x303f);

/** Small words an English term's abbreviation usually skips (`Return on Equity` is ROE, `Bank of America` BofA). */
const SKIPPED_IN_ABBREVIATIONS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', '&']);

/**
 * Whether the upper-case word in the bracket opened at `open` abbreviates the words before it: a Chinese term
 * (年复合增长率（CAGR）, 液化天然气（LNG）, 客观缓解率（ORR）: a company written so is named there, and its name counts
 * the ticker) or English words whose initials spell it (compound annual growth rate (CAGR)).
 */
function glossesWordsBefore(text: string, open: number, code: string): boolean {
  let last = open - 1;
  while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
  if (last < 0) return false;
  if (endsChineseTerm(text.charCodeAt(last))) return true;
  const words = text
    .slice(Math.max(0, last + 1 - 120), last + 1)
    .split(/[^A-Za-z&]+/)
    .filter(Boolean);
  const initials = (list: string[]) =>
    list
      .map((word) => word[0])
      .join('')
      .toUpperCase();
  const kept = words.filter((word) => !SKIPPED_IN_ABBREVIATIONS.has(word.toLowerCase()));
  return initials(words.slice(-code.length)) === code || initials(kept.slice(-code.length)) === code;
}

/**
 * A bracketed price change right after a name (南京港（+16.9%）, 平安 (-3.2%)): the way lists of movers write a
 * stock, so a weak name there is the security. Read from the name's end; the window holds the longest such bracket.
 */
const PRICE_CHANGE_AFTER = /^\s?[（(]\s?[+\-−－]?\d{1,3}(?:\.\d{1,2})?\s?%\s?[）)]/;
const PRICE_CHANGE_WINDOW = 14;
/** What may stand before an entry of a list of movers: a separator, a colon, emphasis, a space or the text's start. */
const LIST_ENTRY_BEFORE = /[、，,：:；;*\s|】]$/;

/**
 * Whether `text[start, end)` is a whole entry of a list of movers: a price change after it and a separator before it
 * (服务机器人（+18.96%） is a sector's entry, not 机器人's).
 */
function isMoverEntry(text: string, start: number, end: number): boolean {
  return (start === 0 || LIST_ENTRY_BEFORE.test(text[start - 1]!)) && PRICE_CHANGE_AFTER.test(text.slice(end, end + PRICE_CHANGE_WINDOW));
}

/**
 * Characters that, written before 国, make a word (中国, 我国, 全国, 美国 …): Chinese prose writes 中国新能源汽车 and
 * 我国新能源 in nearly every report, and 国新能源 (SH:600617) is not meant there.
 */
const BEFORE_GUO = new Set('中我全各本外两该美英德法日韩俄泰出回强大');
const GUO = '国'.charCodeAt(0);

/**
 * The mentions less the names starting with 国 glued to a character before it ({@link BEFORE_GUO}): the longer reading
 * wins there. A name written after such a word (中国国航) is read whole from its own start, the longest match. The same
 * array when nothing is dropped.
 */
function withoutGluedGuo(text: string, mentions: Mention[]): Mention[] {
  const glued = (mention: Mention) =>
    mention.start > 0 &&
    text.charCodeAt(mention.start) === GUO &&
    mention.end - mention.start >= 3 &&
    (mention.rule === 'name' || mention.rule === 'learned-alias') &&
    BEFORE_GUO.has(text[mention.start - 1]!);
  return mentions.some(glued) ? mentions.filter((mention) => !glued(mention)) : mentions;
}

/** No mentions, shared (never written to). */
const NO_MENTIONS: readonly Mention[] = [];

/** Options of a matcher. */
export interface MatcherOptions {
  /** Traditional → simplified units (`chineseVariantTable()`, or the part of it a tab needs), so 騰訊 finds 腾讯. */
  variants?: ReadonlyMap<number, number>;
  /** Phrases that hold a name but are not it (海纳百川 holds 纳百川): read as a whole, yielding nothing. */
  notNames?: Iterable<string>;
  /** Old tickers and the listing each means today (`US:FB` → `US:META`): a code spelling of one gives the other. */
  renamed?: Iterable<readonly [SecurityId, SecurityId]>;
  /** Tickers that name no listing today: a code spelling of one gives nothing. */
  delisted?: Iterable<SecurityId>;
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
  const names = new NameAutomaton<NameValue>(foldTable(options.variants), options.variants);
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
    const group = listingsOf.get(issuer);
    if (group) group.push(id);
    else listingsOf.set(issuer, [id]);
  };
  /** Each listing's mark, set while a text is read when a name of it is found. */
  const listings = new Map<SecurityId, Listing>();
  const listingOf = (id: SecurityId) => {
    let listing = listings.get(id);
    if (!listing) listings.set(id, (listing = { namedIn: 0 }));
    return listing;
  };
  /** Each ranked entry's rank, for entries added later ({@link addEntries}). */
  const rankOf = new Map<SecurityId, number>();
  const addName = (name: string, id: SecurityId, rule: NameRule = 'name', strength = STRONG, precedes?: (value: NameValue) => boolean) => {
    if (name.length >= 2) names.add(name, { id, rule, listing: listingOf(id), strength }, precedes);
    if (!issuerOf.has(id)) setIssuer(id, id);
  };
  const addEntry = (entry: RankedEntry, later: boolean) => {
    setIssuer(entry.id, entry.issuer ?? entry.id);
    const { rank } = entry;
    if (rank !== undefined) rankOf.set(entry.id, rank);
    // Added later, a name goes before the values of higher rank, where a build from sorted entries puts it.
    const precedes = later && rank !== undefined ? (value: NameValue) => (rankOf.get(value.id) ?? -Infinity) > rank : undefined;
    const weak = entry.weak?.length ? new Set(entry.weak) : undefined;
    for (const name of entry.names) addName(name, entry.id, 'name', weak?.has(name) ? WEAK : STRONG, precedes);
    const bare = bareCodeOf(entry.id);
    if (!bare) return;
    const owner = later ? bareCodes.get(bare) : undefined;
    // In a build from sorted entries the last one (highest rank) holds a bare code.
    if (owner === undefined || rank === undefined || (rankOf.get(owner) ?? -Infinity) <= rank) bareCodes.set(bare, entry.id);
  };
  for (const [a, b] of codeStartPairs()) names.allowPair(a, b);
  for (const entry of entries) addEntry(entry, false);
  const nothing: Listing = { namedIn: 0 };
  for (const phrase of options.notNames ?? [])
    if (phrase.length >= 2) names.add(phrase, { id: 'US:A', rule: 'name', listing: nothing, strength: NOT_A_NAME });
  /** Code spellings that mean another listing today (renamed), or none (delisted: mapped to undefined). */
  const recoded = new Map<SecurityId, SecurityId | undefined>(options.renamed ?? []);
  for (const id of options.delisted ?? []) recoded.set(id, undefined);
  for (const [from, to] of recoded) {
    const bare = bareCodeOf(from);
    if (bare && to) bareCodes.set(bare, to);
    else if (bare) bareCodes.delete(bare);
  }
  /** Recodes of bare codes: what a bare spelling means today, or undefined when it means nothing. */
  const recodedBare = new Map<string, SecurityId | undefined>();
  for (const [from, to] of recoded) {
    const bare = bareCodeOf(from);
    if (bare) recodedBare.set(bare, to);
  }
  /** {@link upperKey} of the tickers a bare uppercase word may be, common acronyms aside. */
  const tickers = new Set<number>();
  const addTicker = (code: string) => {
    if (!COMMON_ACRONYMS.has(code) && code.length <= 5) tickers.add(upperKey(code, 0, code.length));
  };
  for (const code of bareCodes.keys()) addTicker(code);
  tickers.delete(-1);
  /** Reused by every find: see {@link MentionBuffer}. */
  const buffer = new MentionBuffer();

  let deferred = 0;
  return {
    addName,
    addEntries(added) {
      for (const entry of added) {
        addEntry(entry, true);
        const bare = bareCodeOf(entry.id);
        if (!bare || !bareCodes.has(bare)) continue;
        // Recodes apply over every entry, as in a build.
        if (recodedBare.has(bare)) {
          const to = recodedBare.get(bare);
          if (to) bareCodes.set(bare, to);
          else bareCodes.delete(bare);
        }
        if (bareCodes.has(bare)) addTicker(bare);
      }
      tickers.delete(-1);
    },
    get deferred() {
      return deferred;
    },
    find(text, context) {
      deferred = 0;
      buffer.reset();
      scanText(text, names.filter.first, names.filter.second, names, tickers, buffer);
      if (!buffer.bareCount && !buffer.weakCount) {
        const mentions = withoutGluedGuo(text, buffer.toMentions(text, NO_MENTIONS));
        return recoded.size ? recode(mentions) : mentions;
      }
      // Codes support the names of their issuer, as strong names do (their listing's mark).
      for (let k = 0; k < buffer.count; k++) if (buffer.ruleAt(k) !== 'name' && buffer.ruleAt(k) !== 'learned-alias') mark(buffer.idAt(k));
      const support = context?.support;
      const bare = buffer.bareCount ? resolveBareCodes(text, context?.codeSlot === true, support) : NO_MENTIONS;
      const late = buffer.weakCount ? mergeByStart(bare, resolveWeakNames(text, support)) : bare;
      // Names and strong codes were recorded in text order, and so are the late ones: a merge, not a sort.
      const mentions = withoutGluedGuo(text, buffer.toMentions(text, late));
      return recoded.size ? recode(mentions) : mentions;
    },
  };

  /** Marks a listing as named in the text being read (see {@link named}). */
  function mark(id: SecurityId): void {
    const listing = listings.get(id);
    if (listing) listing.namedIn = buffer.serial;
  }

  /** Whether `id` or another listing of its issuer is among `support`. */
  function supported(id: SecurityId, support: ReadonlySet<SecurityId> | undefined): boolean {
    if (!support?.size) return false;
    for (const listing of listingsOf.get(issuerOf.get(id) ?? '') ?? [id]) if (support.has(listing)) return true;
    return support.has(id);
  }

  /**
   * Bare tickers and six-digit codes count when the dictionary lists them and they stand in context (brackets, a
   * code slot), their company is named in the same text (a weak name will do: `民生 600016`), or (tickers only) the
   * caller supports them: those of {@link buffer} that do.
   */
  function resolveBareCodes(text: string, codeSlot: boolean, support: ReadonlySet<SecurityId> | undefined): Mention[] {
    const counted: Mention[] = [];
    for (let k = 0; k < buffer.bareCount; k++) {
      const { start, end, code, digits } = buffer.bareAt(k);
      if (COMMON_ACRONYMS.has(code) || code.length < 2) continue;
      const id = bareCodes.get(code);
      if (!id) continue;
      // A number is a code only where the text says so (brackets, a code column, its name beside it): a count that
      // happens to equal the code of a security named elsewhere on the page is still a count.
      if (bareCodeHasContext(text, start, end, codeSlot, digits) || named(id) || weaklyNamed(id) || (!digits && supported(id, support)))
        counted.push({ start, end, text: code, id, rule: 'ticker-in-context' });
      else deferred++;
    }
    for (const mention of counted) mark(mention.id);
    return counted;
  }

  /** Whether a weak name of `id`'s issuer was read in the text just read. */
  function weaklyNamed(id: SecurityId): boolean {
    const issuer = issuerOf.get(id);
    for (let k = 0; k < buffer.weakCount; k++) if (issuerOf.get(buffer.weakValue(k).id) === issuer) return true;
    return false;
  }

  /**
   * The weak names of {@link buffer} whose issuer is named strongly, by a code, or supported by the caller, and that
   * stand as words of their own ({@link standsAsWord}).
   */
  function resolveWeakNames(text: string, support: ReadonlySet<SecurityId> | undefined): Mention[] {
    const counted: Mention[] = [];
    for (let k = 0; k < buffer.weakCount; k++) {
      const { id, rule } = buffer.weakValue(k);
      const start = buffer.weakStart(k);
      const end = buffer.weakEnd(k);
      if (!standsAsWord(text, start, end)) continue;
      if (named(id) || supported(id, support) || isMoverEntry(text, start, end))
        counted.push({ start, end, text: text.slice(start, end), id, rule });
      else deferred++;
    }
    return counted;
  }

  /** Mentions with renamed tickers given today's listing and delisted ones dropped (the same array if none is). */
  function recode(mentions: Mention[]): Mention[] {
    if (!mentions.some((mention) => recoded.has(mention.id))) return mentions;
    const out: Mention[] = [];
    for (const mention of mentions) {
      if (!recoded.has(mention.id) || mention.rule === 'name' || mention.rule === 'learned-alias') out.push(mention);
      else {
        const id = recoded.get(mention.id);
        if (id) out.push({ ...mention, id });
      }
    }
    return out;
  }

  /** Whether a listing of the same issuer as `id` was named (strongly, or by a code) in the text just read. */
  function named(id: SecurityId): boolean {
    const siblings = listingsOf.get(issuerOf.get(id) ?? '');
    if (siblings) for (const listing of siblings) if (listings.get(listing)?.namedIn === buffer.serial) return true;
    return false;
  }
}

/** Characters either side of a weak Chinese name given to the word segmenter: enough for the words around it. */
const SEGMENT_CONTEXT = 8;
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Whether a weak Chinese name at `text[start, end)` starts and ends where words do, by the platform's word segmenter
 * (ICU's dictionary, in browsers and Node alike): 工行 in 化工行业 straddles 化工|行业 and 中行 in 市场中行业 straddles
 * 中|行业, while 平安 in 平安寿险 is a word. A short window only: the segmenter slows with the square of its input.
 * Latin names have their word boundaries already.
 */
function standsAsWord(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) < 0x3400) return true;
  const from = Math.max(0, start - SEGMENT_CONTEXT);
  const window = text.slice(from, Math.min(text.length, end + SEGMENT_CONTEXT));
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let startsWord = false;
  for (const { index, segment } of wordSegmenter.segment(window)) {
    const at = from + index;
    if (at === start) startsWord = true;
    if (at < end && at + segment.length > end) return false;
    if (at + segment.length === end) return startsWord;
    if (at > end) break;
  }
  return startsWord;
}

/** Two lists of mentions, each in text order, as one in text order. */
function mergeByStart(a: readonly Mention[], b: readonly Mention[]): readonly Mention[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const merged: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!);
  return merged;
}

import { aShareId, hongKongId, usId, type SecurityId } from '../securities/security-id';

/** A code found at a position: strong (its spelling alone says it is a security) or bare (needs context). */
export type CodeHit =
  | { kind: 'strong'; start: number; end: number; id: SecurityId | undefined; rule: 'exchange-code' | 'cashtag' | 'exchange-prefix' }
  | { kind: 'bare'; start: number; end: number; code: string; digits: boolean };

/** What the scan found at a position and where scanning may resume. */
export interface CodeScan {
  hit: CodeHit | undefined;
  next: number;
}

const isDigit = (u: number) => u >= 48 && u <= 57;
const isUpper = (u: number) => u >= 65 && u <= 90;
const isLetter = (u: number) => isUpper(u) || (u >= 97 && u <= 122);
/** Latin letter or digit: what word boundaries are made of. */
export const isAlnum = (u: number) => isDigit(u) || isLetter(u);

/** Exchange names that, before a colon, make the next word a ticker: `NASDAQ: AMZN`, `(NYSE: A)`. */
const EXCHANGES = new Set(['NASDAQ', 'Nasdaq', 'NYSE', 'Nyse', 'NYSEARCA', 'AMEX', 'NYSEAMERICAN']);

/** Class bits of {@link CLASS}. */
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
const LETTER = UPPER | LOWER;
const ALNUM = DIGIT | LETTER;
/**
 * The class bits of every code unit: one load instead of a predicate call per character. This code runs a few
 * thousand times per megabyte, and for the first texts a page reads it runs unoptimised, where every call counts.
 */
const CLASS = (() => {
  const classes = new Uint8Array(65536);
  for (let u = 48; u <= 57; u++) classes[u] = DIGIT;
  for (let u = 65; u <= 90; u++) classes[u] = UPPER;
  for (let u = 97; u <= 122; u++) classes[u] = LOWER;
  return classes;
})();

/** The class bits of `text[at]`; 0 past the end. */
const classAt = (text: string, at: number) => (at < text.length ? CLASS[text.charCodeAt(at)]! : 0);

/** End of the run from `from` of units in any of the classes `bits`. */
function runEnd(text: string, from: number, bits: number): number {
  let i = from;
  while (i < text.length && (CLASS[text.charCodeAt(i)]! & bits) !== 0) i++;
  return i;
}

/** Two units as one number, for comparing a two-letter word with {@link SH} and the like without making a string. */
const pairKey = (a: number, b: number) => (a << 16) | b;
const SH = pairKey(83, 72);
const SZ = pairKey(83, 90);
const SS = pairKey(83, 83);
const BJ = pairKey(66, 74);
const HK = pairKey(72, 75);
/** {@link pairKey} of the two ASCII letters at `at`, uppercased (a letter's case is its 0x20 bit). */
const upperPairAt = (text: string, at: number) => pairKey(text.charCodeAt(at) & ~0x20, text.charCodeAt(at + 1) & ~0x20);
/** The exchange suffix a {@link pairKey} stands for, as aShareId expects it, or undefined. */
function mainlandSuffix(key: number): string | undefined {
  return key === SH ? 'SH' : key === SZ ? 'SZ' : key === SS ? 'SS' : key === BJ ? 'BJ' : undefined;
}

/**
 * Lowercase prefixes of codes (`sh600519`, `hk09988`) and the first two letters of the exchange names, as
 * {@link pairKey}s: the matcher asks {@link mayStartCode} of thousands of ASCII pairs when it is built (on every page),
 * where making a string of each pair cost tens of milliseconds before the code is optimised.
 */
const keyOf = (pair: string) => pairKey(pair.charCodeAt(0), pair.charCodeAt(1));
const LOWER_PREFIXES = new Set(['sh', 'sz', 'bj', 'hk'].map(keyOf));
const EXCHANGE_STARTS = new Set([...EXCHANGES].map(keyOf));

/**
 * Whether a code spelling that {@link codeAt} reads can start with units `a`, `b` (a bare single letter aside: it never
 * counts). The matcher looks only at positions whose first two units pass its pair filter, so every spelling codeAt
 * learns must be let through here; code-at.test.ts checks the two against each other.
 */
export function mayStartCode(a: number, b: number): boolean {
  if (a === 36) return isUpper(b); // $AMZN
  if (isDigit(a)) return isDigit(b); // 600519, 09988.HK, 3067.HK
  const pair = pairKey(a, b);
  // AMZN, SH600519, HK:2015; A.N, A-US; Nasdaq:, Nyse:
  if (isUpper(a)) return isUpper(b) || b === 46 || b === 45 || EXCHANGE_STARTS.has(pair);
  return LOWER_PREFIXES.has(pair);
}

/**
 * Every ASCII pair {@link mayStartCode} lets through, as a matcher's build needs them: only the first units a code can
 * start with (`$`, digits, capitals, the first letters of lower-case prefixes) are tried, a third of all pairs.
 */
export function codeStartPairs(): [number, number][] {
  const firsts = [36];
  for (let u = 48; u <= 57; u++) firsts.push(u);
  for (let u = 65; u <= 90; u++) firsts.push(u);
  for (const key of LOWER_PREFIXES) firsts.push(key >>> 16);
  const pairs: [number, number][] = [];
  for (const a of new Set(firsts)) for (let b = 0; b < 128; b++) if (mayStartCode(a, b)) pairs.push([a, b]);
  return pairs;
}

/** End of `[A-Z]{1,5}` (plus a `.B` share class) from `from`, or -1; never followed by a letter or digit. */
function tickerEnd(text: string, from: number): number {
  const end = runEnd(text, from, UPPER);
  if (end === from || end - from > 5 || (classAt(text, end) & ALNUM) !== 0) return -1;
  if (text.charCodeAt(end) === 46 && classAt(text, end + 1) === UPPER && (classAt(text, end + 2) & ALNUM) === 0) {
    const suffix = text.charCodeAt(end + 1);
    if (suffix !== 79 && suffix !== 78) return end + 2; // not .O or .N, which are exchanges
  }
  return end;
}

/**
 * Reads a code spelling that starts at `i`, where `text[i]` is `$` or an ASCII letter or digit at a word start:
 * `$AMZN`; `600519.SH`, `09988.HK`, `SH600519`, `HK09988`, `HK:2015`; `NASDAQ: AMZN`; `AMZN.O`, `AMZN-US`; bare
 * `AMZN` or `600519`. Hand-written rather than a RegExp so the matcher reads each character once.
 */
export function codeAt(text: string, i: number): CodeScan {
  const u = text.charCodeAt(i);
  if (u === 36) {
    const end = tickerEnd(text, i + 1);
    return end < 0
      ? { hit: undefined, next: i + 1 }
      : { hit: { kind: 'strong', start: i, end, id: usId(text.slice(i + 1, end)), rule: 'cashtag' }, next: end };
  }
  if (isDigit(u)) return digitsAt(text, i);
  return lettersAt(text, i);
}

function digitsAt(text: string, i: number): CodeScan {
  const end = runEnd(text, i, DIGIT);
  const length = end - i;
  if (text.charCodeAt(end) === 46 && (classAt(text, end + 1) & LETTER) !== 0) {
    const suffixEnd = runEnd(text, end + 1, LETTER);
    if ((classAt(text, suffixEnd) & DIGIT) !== 0) return { hit: undefined, next: suffixEnd };
    // Every suffix that counts has two letters, in either case.
    const suffix = suffixEnd - end === 3 ? upperPairAt(text, end + 1) : -1;
    const mainland = length === 6 ? mainlandSuffix(suffix) : undefined;
    if (mainland) {
      const id = aShareId(text.slice(i, end), mainland);
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id, rule: 'exchange-code' }, next: suffixEnd };
    }
    if ((length === 4 || length === 5) && suffix === HK) {
      const id = hongKongId(text.slice(i, end));
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id, rule: 'exchange-code' }, next: suffixEnd };
    }
    return { hit: undefined, next: suffixEnd };
  }
  const decimal = text.charCodeAt(end) === 46 && classAt(text, end + 1) === DIGIT;
  if (length === 6 && !decimal) return { hit: { kind: 'bare', start: i, end, code: text.slice(i, end), digits: true }, next: end };
  return { hit: undefined, next: end };
}

/** Whether every unit of `text[start, end)` is in the classes `bits`. */
function allIn(text: string, start: number, end: number, bits: number): boolean {
  for (let i = start; i < end; i++) if ((CLASS[text.charCodeAt(i)]! & bits) === 0) return false;
  return true;
}

function lettersAt(text: string, i: number): CodeScan {
  const end = runEnd(text, i, LETTER);
  const upper = allIn(text, i, end, UPPER);
  const after = text.charCodeAt(end);
  if (isDigit(after)) {
    const digitsStop = runEnd(text, end, DIGIT);
    const digits = digitsStop - end;
    const same = upper || allIn(text, i, end, LOWER);
    const boundary = (classAt(text, digitsStop) & LETTER) === 0;
    // SH600519, sh600519, HK09988: a two-letter prefix in one case.
    const prefix = same && boundary && end - i === 2 ? upperPairAt(text, i) : -1;
    const mainland = digits === 6 && prefix !== SS ? mainlandSuffix(prefix) : undefined;
    if (mainland) {
      const id = aShareId(text.slice(end, digitsStop), mainland);
      return { hit: { kind: 'strong', start: i, end: digitsStop, id, rule: 'exchange-code' }, next: digitsStop };
    }
    if (digits === 5 && prefix === HK) {
      const id = hongKongId(text.slice(end, digitsStop));
      return { hit: { kind: 'strong', start: i, end: digitsStop, id, rule: 'exchange-code' }, next: digitsStop };
    }
    return { hit: undefined, next: runEnd(text, digitsStop, ALNUM) };
  }
  if (after === 58 || after === 0xff1a || (after === 32 && (text.charCodeAt(end + 1) === 58 || text.charCodeAt(end + 1) === 0xff1a))) {
    const colon = after === 32 ? end + 1 : end;
    const valueStart = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    if (EXCHANGES.has(text.slice(i, end))) {
      const tickerStop = tickerEnd(text, valueStart);
      if (tickerStop > 0) {
        const id = usId(text.slice(valueStart, tickerStop));
        return { hit: { kind: 'strong', start: valueStart, end: tickerStop, id, rule: 'exchange-prefix' }, next: tickerStop };
      }
    }
    // HK:2015, written exactly so.
    if (
      end - i === 2 &&
      text.charCodeAt(i) === 72 &&
      text.charCodeAt(i + 1) === 75 &&
      colon === end &&
      isDigit(text.charCodeAt(valueStart))
    ) {
      const digitsStop = runEnd(text, valueStart, DIGIT);
      if (digitsStop - valueStart <= 5 && (classAt(text, digitsStop) & ALNUM) === 0) {
        const id = hongKongId(text.slice(valueStart, digitsStop));
        return { hit: { kind: 'strong', start: i, end: digitsStop, id, rule: 'exchange-code' }, next: digitsStop };
      }
    }
  }
  if (!upper || end - i > 5) return { hit: undefined, next: end };
  const stop = tickerEnd(text, i);
  if (stop < 0) return { hit: undefined, next: end };
  const ticker = text.slice(i, stop);
  if (text.charCodeAt(stop) === 46) {
    const suffixEnd = runEnd(text, stop + 1, UPPER);
    const suffix = text.slice(stop + 1, suffixEnd);
    if ((suffix === 'O' || suffix === 'OQ' || suffix === 'N') && (classAt(text, suffixEnd) & ALNUM) === 0) {
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id: usId(ticker), rule: 'exchange-code' }, next: suffixEnd };
    }
  }
  if (text.charCodeAt(stop) === 45 && text.startsWith('US', stop + 1) && (classAt(text, stop + 3) & ALNUM) === 0) {
    return { hit: { kind: 'strong', start: i, end: stop + 3, id: usId(ticker), rule: 'exchange-code' }, next: stop + 3 };
  }
  return { hit: { kind: 'bare', start: i, end: stop, code: ticker, digits: false }, next: stop };
}

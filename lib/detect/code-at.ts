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

// One loop per character class rather than one loop taking a predicate: a function argument called per character
// is a call V8 cannot inline, and these run at every word start.
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}
function lettersEnd(text: string, from: number): number {
  let i = from;
  while (isLetter(text.charCodeAt(i))) i++;
  return i;
}
function upperEnd(text: string, from: number): number {
  let i = from;
  while (isUpper(text.charCodeAt(i))) i++;
  return i;
}
function alnumEnd(text: string, from: number): number {
  let i = from;
  while (isAlnum(text.charCodeAt(i))) i++;
  return i;
}

/** Lowercase prefixes of codes (`sh600519`, `hk09988`) and the first two letters of the exchange names. */
const LOWER_PREFIXES = new Set(['sh', 'sz', 'bj', 'hk']);
const EXCHANGE_STARTS = new Set([...EXCHANGES].map((exchange) => exchange.slice(0, 2)));

/**
 * Whether a code spelling that {@link codeAt} reads can start with units `a`, `b` (a bare single letter aside: it never
 * counts). The matcher looks only at positions whose first two units pass its pair filter, so every spelling codeAt
 * learns must be let through here; code-at.test.ts checks the two against each other.
 */
export function mayStartCode(a: number, b: number): boolean {
  if (a === 36) return isUpper(b); // $AMZN
  if (isDigit(a)) return isDigit(b); // 600519, 09988.HK, 3067.HK
  const pair = String.fromCharCode(a, b);
  // AMZN, SH600519, HK:2015; A.N, A-US; Nasdaq:, Nyse:
  if (isUpper(a)) return isUpper(b) || b === 46 || b === 45 || EXCHANGE_STARTS.has(pair);
  return LOWER_PREFIXES.has(pair);
}

/** End of `[A-Z]{1,5}` (plus a `.B` share class) from `from`, or -1; never followed by a letter or digit. */
function tickerEnd(text: string, from: number): number {
  const end = upperEnd(text, from);
  if (end === from || end - from > 5 || isAlnum(text.charCodeAt(end))) return -1;
  if (text.charCodeAt(end) === 46 && isUpper(text.charCodeAt(end + 1)) && !isAlnum(text.charCodeAt(end + 2))) {
    const suffix = text[end + 1];
    if (suffix !== 'O' && suffix !== 'N') return end + 2;
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
  const end = digitsEnd(text, i);
  const length = end - i;
  const code = text.slice(i, end);
  if (text.charCodeAt(end) === 46 && isLetter(text.charCodeAt(end + 1))) {
    const suffixEnd = lettersEnd(text, end + 1);
    if (isAlnum(text.charCodeAt(suffixEnd))) return { hit: undefined, next: suffixEnd };
    const suffix = text.slice(end + 1, suffixEnd).toUpperCase();
    if (length === 6 && (suffix === 'SH' || suffix === 'SZ' || suffix === 'SS' || suffix === 'BJ')) {
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id: aShareId(code, suffix), rule: 'exchange-code' }, next: suffixEnd };
    }
    if ((length === 4 || length === 5) && suffix === 'HK') {
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id: hongKongId(code), rule: 'exchange-code' }, next: suffixEnd };
    }
    return { hit: undefined, next: suffixEnd };
  }
  const decimal = text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1));
  if (length === 6 && !decimal) return { hit: { kind: 'bare', start: i, end, code, digits: true }, next: end };
  return { hit: undefined, next: end };
}

function isUpperWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isUpper(text.charCodeAt(i))) return false;
  return true;
}

function lettersAt(text: string, i: number): CodeScan {
  const end = lettersEnd(text, i);
  const word = text.slice(i, end);
  const upper = isUpperWord(text, i, end) ? word : word.toUpperCase();
  const after = text.charCodeAt(end);
  if (isDigit(after)) {
    const digitsStop = digitsEnd(text, end);
    const digits = digitsStop - end;
    const same = word === upper || word === word.toLowerCase();
    const boundary = !isLetter(text.charCodeAt(digitsStop));
    if (same && boundary && digits === 6 && (upper === 'SH' || upper === 'SZ' || upper === 'BJ')) {
      return {
        hit: { kind: 'strong', start: i, end: digitsStop, id: aShareId(text.slice(end, digitsStop), upper), rule: 'exchange-code' },
        next: digitsStop,
      };
    }
    if (same && boundary && digits === 5 && upper === 'HK') {
      return {
        hit: { kind: 'strong', start: i, end: digitsStop, id: hongKongId(text.slice(end, digitsStop)), rule: 'exchange-code' },
        next: digitsStop,
      };
    }
    return { hit: undefined, next: alnumEnd(text, digitsStop) };
  }
  if (after === 58 || after === 0xff1a || (after === 32 && (text.charCodeAt(end + 1) === 58 || text.charCodeAt(end + 1) === 0xff1a))) {
    const colon = after === 32 ? end + 1 : end;
    const valueStart = text.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
    if (EXCHANGES.has(word)) {
      const tickerStop = tickerEnd(text, valueStart);
      if (tickerStop > 0)
        return {
          hit: {
            kind: 'strong',
            start: valueStart,
            end: tickerStop,
            id: usId(text.slice(valueStart, tickerStop)),
            rule: 'exchange-prefix',
          },
          next: tickerStop,
        };
    }
    if (word === 'HK' && colon === end && isDigit(text.charCodeAt(valueStart))) {
      const digitsStop = digitsEnd(text, valueStart);
      if (digitsStop - valueStart <= 5 && !isAlnum(text.charCodeAt(digitsStop))) {
        return {
          hit: { kind: 'strong', start: i, end: digitsStop, id: hongKongId(text.slice(valueStart, digitsStop)), rule: 'exchange-code' },
          next: digitsStop,
        };
      }
    }
  }
  if (word !== upper || word.length > 5) return { hit: undefined, next: end };
  const stop = tickerEnd(text, i);
  if (stop < 0) return { hit: undefined, next: end };
  const ticker = text.slice(i, stop);
  if (text.charCodeAt(stop) === 46) {
    const suffixEnd = upperEnd(text, stop + 1);
    const suffix = text.slice(stop + 1, suffixEnd);
    if ((suffix === 'O' || suffix === 'OQ' || suffix === 'N') && !isAlnum(text.charCodeAt(suffixEnd))) {
      return { hit: { kind: 'strong', start: i, end: suffixEnd, id: usId(ticker), rule: 'exchange-code' }, next: suffixEnd };
    }
  }
  if (text.charCodeAt(stop) === 45 && text.startsWith('US', stop + 1) && !isAlnum(text.charCodeAt(stop + 3))) {
    return { hit: { kind: 'strong', start: i, end: stop + 3, id: usId(ticker), rule: 'exchange-code' }, next: stop + 3 };
  }
  return { hit: { kind: 'bare', start: i, end: stop, code: ticker, digits: false }, next: stop };
}

import type { SecurityId } from '../securities/security-id';
import { codeAt } from './code-at';
import type { MentionRule } from './mention';
import type { MentionBuffer } from './mention-buffer';
import { NameAutomaton } from './name-automaton';
import { nextPassingPair } from './pair-filter';

/** The rules a name in the trie can carry. */
export type NameRule = Extract<MentionRule, 'name' | 'learned-alias'>;
/** One listing's mark: the number of the last text that named it ({@link MentionBuffer.serial}). */
export type Listing = { namedIn: number };
/** A name counts alone. */
export const STRONG = 0;
/** A name counts only with support (see `weak` in SecurityEntry): held until the whole text is read. */
export const WEAK = 1;
/** A phrase that holds a name but is not one (海纳百川): read, so the name inside is not, and yields nothing. */
export const NOT_A_NAME = 2;
/** What a name in the automaton carries: its listing, the rule, the listing's mark, and its {@link STRONG strength}. */
export type NameValue = { id: SecurityId; rule: NameRule; listing: Listing; strength: number };

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
export function upperKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (ASCII_KIND[unit] !== UPPER) return -1;
    key = key * 32 + unit - 64;
  }
  return key;
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

/**
 * Records the name {@link NameAutomaton.longestEndAt} just found, and marks its listing as named in this text: a bare
 * ticker of the same company then counts, and the mark answers that without a set of the text's names.
 */
function addName(out: MentionBuffer, start: number, end: number, value: NameValue): void {
  if (value.strength === STRONG) {
    out.add(start, end, value.id, value.rule);
    value.listing.namedIn = out.serial;
  } else if (value.strength === WEAK) out.addWeak(start, end, value);
}

/**
 * Last two units of names that are a parent company's subsidiary when written straight after the parent's name
 * (申万宏源西部证券, 中信建投期货): such a name right after another name is part of one longer name, not a second company.
 */
const SUBSIDIARY_ENDINGS = new Set([
  '证券',
  '银行',
  '保险',
  '期货',
  '基金',
  '信托',
  '资本',
  '国际',
  '投资',
  '租赁',
  '资管',
  '理财',
  '人寿',
  '财险',
]);

/** Whether the CJK name `text[start, end)`, which starts where another name ended, names that name's subsidiary. */
function isSubsidiaryName(text: string, end: number): boolean {
  return SUBSIDIARY_ENDINGS.has(text.slice(end - 2, end));
}

/**
 * Every name and code spelling in `text`, in text order, into `out`: names and strong codes, and bare codes (which
 * count only in context). `first` and `second` are the tables of the names' {@link NameAutomaton.filter}, passed in:
 * a getter read here would be one more thing the optimised loop must have seen. Each position costs a load or two
 * of the pair filter (every name and code is at least two units long); what passes and is settled in a few loads
 * (a CJK name or none, a position inside a Latin word) is settled here, without a call. ASCII word starts go to
 * {@link lookAtWord}.
 */
export function scanText(
  text: string,
  first: Int32Array,
  second: Int32Array,
  names: NameAutomaton<NameValue>,
  tickers: ReadonlySet<number>,
  out: MentionBuffer,
): void {
  // Nothing before the loop: V8 allocates a function's feedback vector only after it has run a while, so on the
  // first call what precedes the loop leaves no feedback, and code optimised from it deoptimises on the second.
  for (let from = 0, lastNameEnd = -1; ;) {
    const start = nextPassingPair(text, from, first, second);
    if (start < 0) return;
    let resume = start + 1;
    const unit = text.charCodeAt(start);
    if (unit >= 128) {
      // No word boundary before CJK names.
      const end = names.mayStartAt(text, start) ? names.longestEndAt(text, start) : -1;
      if (end >= 0) {
        if (start !== lastNameEnd || !isSubsidiaryName(text, end)) addName(out, start, end, names.lastValues[0]!);
        resume = lastNameEnd = end;
      }
    } else {
      const kind = ASCII_KIND[unit]!;
      // Latin names and codes start only at word starts (a `$` anywhere). No unit before the text: no word.
      const previous = start > 0 ? text.charCodeAt(start - 1) : 0;
      if (kind === DOLLAR || (kind !== OTHER && !isWordKind(ASCII_KIND[previous]!)))
        resume = Math.max(resume, lookAtWord(text, start, kind, previous, names, tickers, out));
    }
    from = resume;
  }
}

/**
 * Reads what starts at an ASCII word start (or `$`) whose first two units passed the pair filter: a Latin name, a
 * code spelling, a bare code for later, or nothing. Returns where scanning resumes: `start` itself if nothing was
 * read, else past the word. The common cases (a word after `.`, a plain uppercase word) are settled first.
 */
function lookAtWord(
  text: string,
  start: number,
  kind: number,
  previous: number,
  names: NameAutomaton<NameValue>,
  tickers: ReadonlySet<number>,
  out: MentionBuffer,
): number {
  // After `.` or `$` it is the tail of a number or a spelling already read (`3.14`, `US$100`): skipped.
  if (previous === 46 || previous === 36) return wordEnd(text, start);
  const unit = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  if (kind === UPPER || kind === DIGIT) {
    // A qualified code wins over a name it starts with: `NASDAQ: GOOG` is Alphabet, not Nasdaq Inc.; `BYD.N` a code.
    const end = wordEnd(text, start);
    const after = text.charCodeAt(end);
    if (after === 46 || after === 45 || isColon(text, end)) {
      const { hit, next } = codeAt(text, start);
      if (hit?.kind === 'strong' && hit.id) {
        out.add(hit.start, hit.end, hit.id, hit.rule);
        return wordEnd(text, next - 1);
      }
    }
  }
  if (names.mayStartName(unit, second)) {
    const end = names.longestEndAt(text, start);
    if (end > 0) {
      addName(out, start, end, names.lastValues[0]!);
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
      if (tickers.has(key)) out.addBare({ kind: 'bare', start, end, code: text.slice(start, end), digits: false });
      return end;
    }
  }
  return readCode(text, start, out);
}

/** Reads a code spelling at a word start (see {@link codeAt}); returns where scanning resumes. */
function readCode(text: string, start: number, out: MentionBuffer): number {
  const { hit, next } = codeAt(text, start);
  if (hit?.kind === 'strong' && hit.id) out.add(hit.start, hit.end, hit.id, hit.rule);
  else if (hit?.kind === 'bare') out.addBare(hit);
  return wordEnd(text, next - 1);
}

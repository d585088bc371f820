import type { SecurityId } from '../securities/security-id';
import type { CodeHit } from './code-at';
import type { Mention, MentionRule } from './mention';
import type { NameValue } from './scan-text';

/** A bare ticker or six-digit code, kept until the whole text is read: it counts only in context. */
export type BareHit = Extract<CodeHit, { kind: 'bare' }>;

/** Mentions a buffer holds before it first grows (a page's text node rarely has more). */
const INITIAL_CAPACITY = 64;

/**
 * What one scan finds, in storage a matcher reuses from text to text: positions in typed arrays, ids and rules in
 * arrays that only ever hold strings, bare codes in an array that only holds bare hits. The scan writes nothing else,
 * so what it touches keeps one shape: a fresh empty array per text changes its elements kind on the first push, and
 * optimised code that saw the other kind deoptimises. Entries are overwritten, never truncated, so the arrays keep
 * their capacity (setting `length = 0` frees it). The mentions handed out are built at the end by {@link toMentions}.
 */
export class MentionBuffer {
  #starts = new Int32Array(INITIAL_CAPACITY);
  #ends = new Int32Array(INITIAL_CAPACITY);
  // Created holding a value of their kind, so their elements kind is the one they keep (see the class comment).
  readonly #ids: SecurityId[] = ['US:A'];
  readonly #rules: MentionRule[] = ['name'];
  readonly #bare: BareHit[] = [{ kind: 'bare', start: 0, end: 0, code: '', digits: false }];
  /** Weak names ({@link addWeak}): where, and what the trie holds for them. */
  #weakStarts = new Int32Array(INITIAL_CAPACITY);
  #weakEnds = new Int32Array(INITIAL_CAPACITY);
  readonly #weakValues: NameValue[] = [];
  #count = 0;
  #bareCount = 0;
  #weakCount = 0;
  /** The serial number of the text being read: 1 for the first, one more at each {@link reset}. */
  serial = 0;

  /** Empties the buffer for the next text. */
  reset(): void {
    this.#count = 0;
    this.#bareCount = 0;
    this.#weakCount = 0;
    this.serial++;
  }

  /** Records a mention of `text[start, end)`; mentions come in text order. */
  add(start: number, end: number, id: SecurityId, rule: MentionRule): void {
    const k = this.#count++;
    if (k === this.#starts.length) this.#grow();
    this.#starts[k] = start;
    this.#ends[k] = end;
    this.#ids[k] = id;
    this.#rules[k] = rule;
  }

  /** Records a bare code; they come in text order. */
  addBare(hit: BareHit): void {
    this.#bare[this.#bareCount++] = hit;
  }

  /** Records a weak name (it counts only with support, decided once the whole text is read); in text order. */
  addWeak(start: number, end: number, value: NameValue): void {
    const k = this.#weakCount++;
    if (k === this.#weakStarts.length) {
      const starts = new Int32Array(k * 2);
      starts.set(this.#weakStarts);
      this.#weakStarts = starts;
      const ends = new Int32Array(k * 2);
      ends.set(this.#weakEnds);
      this.#weakEnds = ends;
    }
    this.#weakStarts[k] = start;
    this.#weakEnds[k] = end;
    this.#weakValues[k] = value;
  }

  /** How many weak names were recorded. */
  get weakCount(): number {
    return this.#weakCount;
  }

  /** Start, end and value of the `k`th weak name. */
  weakStart(k: number): number {
    return this.#weakStarts[k]!;
  }
  weakEnd(k: number): number {
    return this.#weakEnds[k]!;
  }
  weakValue(k: number): NameValue {
    return this.#weakValues[k]!;
  }

  /** How many names and strong codes were recorded. */
  get count(): number {
    return this.#count;
  }

  /** Listing and rule of the `k`th recorded mention. */
  idAt(k: number): SecurityId {
    return this.#ids[k]!;
  }
  ruleAt(k: number): MentionRule {
    return this.#rules[k]!;
  }

  /** How many bare codes were recorded. */
  get bareCount(): number {
    return this.#bareCount;
  }

  /** The `k`th bare code. */
  bareAt(k: number): BareHit {
    return this.#bare[k]!;
  }

  /**
   * The mentions recorded since the last {@link reset}, as new objects, merged in text order with `more` (itself in
   * text order); a recorded mention comes first where both start at the same place.
   */
  toMentions(text: string, more: readonly Mention[]): Mention[] {
    const mentions: Mention[] = [];
    let j = 0;
    for (let k = 0; k < this.#count; k++) {
      const start = this.#starts[k]!;
      while (j < more.length && more[j]!.start < start) mentions.push(more[j++]!);
      const end = this.#ends[k]!;
      mentions.push({ start, end, text: text.slice(start, end), id: this.#ids[k]!, rule: this.#rules[k]! });
    }
    while (j < more.length) mentions.push(more[j++]!);
    return mentions;
  }

  #grow(): void {
    const starts = new Int32Array(this.#starts.length * 2);
    starts.set(this.#starts);
    this.#starts = starts;
    const ends = new Int32Array(this.#ends.length * 2);
    ends.set(this.#ends);
    this.#ends = ends;
  }
}

/**
 * Posting lists: the slots of the documents holding one term, ascending (the index appends slots in increasing order,
 * so a list is sorted without ever being sorted). A list holding a large share of the library also keeps a bitset,
 * so intersecting it with another costs one bit test per candidate instead of a walk: `季度点评` at 100,000 seeded
 * reports is three bigrams that each hold every report.
 */
export interface Posting {
  slots: number[];
  /** Bit `s` set when slot `s` is in `slots`; kept once the list is long ({@link wantsBits}). */
  bits?: Uint32Array;
}

/** A list gets a bitset from this length, and when it holds at least 1/{@link BITSET_SHARE} of all slots. */
const BITSET_MIN_LENGTH = 1_024;
const BITSET_SHARE = 16;

const hasBit = (bits: Uint32Array, slot: number) => ((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;

function setBit(posting: Posting, slot: number): void {
  let bits = posting.bits!;
  if (slot >>> 5 >= bits.length) {
    const grown = new Uint32Array(Math.max(bits.length * 2, (slot >>> 5) + 1));
    grown.set(bits);
    posting.bits = bits = grown;
  }
  bits[slot >>> 5]! |= 1 << (slot & 31);
}

/** Appends `slot` (larger than any in the list) to `posting`; `slots` is how many slots the index has. */
export function appendSlot(posting: Posting, slot: number, slots: number): void {
  posting.slots.push(slot);
  if (posting.bits) setBit(posting, slot);
  else if (wantsBits(posting.slots.length, slots)) {
    posting.bits = new Uint32Array((slots >>> 5) + 1);
    for (const held of posting.slots) setBit(posting, held);
  }
}

/** The first index in `list` from `from` on whose value is at least `value` (exponential, then binary search). */
function seek(list: readonly number[], value: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && list[high]! < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >> 1;
    if (list[middle]! < value) from = middle + 1;
    else high = middle;
  }
  return from;
}

/**
 * Slots in every one of the lists, ascending. The shortest list drives; each other list is asked by a bit test when
 * it has a bitset, else searched forward from where it was last found (galloping), so the work is bounded by the
 * rarest term.
 */
export function intersectPostings(lists: readonly Posting[]): readonly number[] {
  if (!lists.length) return [];
  const [driver, ...rest] = [...lists].sort((a, b) => a.slots.length - b.slots.length);
  if (!rest.length) return driver!.slots;
  const at = new Array<number>(rest.length).fill(0);
  const out: number[] = [];
  candidates: for (const slot of driver!.slots) {
    for (let i = 0; i < rest.length; i++) {
      const { bits, slots } = rest[i]!;
      if (bits) {
        if (!hasBit(bits, slot)) continue candidates;
        continue;
      }
      const found = (at[i] = seek(slots, slot, at[i]!));
      if (found === slots.length) break candidates;
      if (slots[found] !== slot) continue candidates;
    }
    out.push(slot);
  }
  return out;
}

/** Whether a list of `length` slots among `slots` is long enough to be intersected as a bitset. */
export const wantsBits = (length: number, slots: number) => length >= BITSET_MIN_LENGTH && length * BITSET_SHARE >= slots;

/** The bitset of a posting over `words` 32-bit words: its own (zero-extended) or one built from its slots. */
export function bitsOf(posting: Posting, words: number): Uint32Array {
  const bits = new Uint32Array(words);
  if (posting.bits) bits.set(posting.bits.subarray(0, words));
  else for (const slot of posting.slots) bits[slot >>> 5]! |= 1 << (slot & 31);
  return bits;
}

/** `into` AND the posting's bits, in place. */
export function andBits(into: Uint32Array, posting: Posting): void {
  const bits = posting.bits ?? bitsOf(posting, into.length);
  for (let w = 0; w < into.length; w++) into[w]! &= bits[w] ?? 0;
}

/** Set bits in a bitset. */
export function countBits(bits: Uint32Array): number {
  let count = 0;
  for (let word of bits) {
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/** Whether slot `slot` is set. */
export { hasBit };

/** Slots in any of the lists, ascending, with a bitset when the union is long; `slots` is one past the largest slot. */
export function unionPostings(lists: readonly Posting[], slots: number): Posting {
  if (lists.length <= 1) return lists[0] ?? { slots: [] };
  const seen = new Uint8Array(slots);
  let count = 0;
  for (const list of lists)
    for (const slot of list.slots)
      if (!seen[slot]) {
        seen[slot] = 1;
        count++;
      }
  const out = new Array<number>(count);
  for (let slot = 0, n = 0; n < count; slot++) if (seen[slot]) out[n++] = slot;
  const union: Posting = { slots: out };
  if (wantsBits(count, slots)) union.bits = bitsOf(union, (slots >>> 5) + 1);
  return union;
}

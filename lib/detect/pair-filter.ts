/** Size of each pair filter in bits (64 KB): few false positives for dictionaries of tens of thousands of names. */
const PAIR_BITS = 1 << 19;

/** The first filter's bit of a pair of units. */
export const pairBit = (a: number, b: number) => (Math.imul(a, 0x2c1b3c6d) ^ b) & (PAIR_BITS - 1);

/**
 * The confirming filter's bit of a pair: the top 19 bits of a Fibonacci hash of both units at once, independent of
 * {@link pairBit} (whose low bits are `b` xor a multiple of `a`), so a pair that collides in one rarely does in both.
 * The multiplier is 0x9e3779b1 written as the int32 it is to `Math.imul`: a literal above 2^31 is a double, which
 * optimised code converts at every use.
 */
export const confirmBit = (a: number, b: number) => Math.imul((a << 16) | b, -1640531535) >>> 13;

/**
 * The bit of three units in a table of name starts: {@link confirmBit}'s hash of the first two mixed with a multiple
 * of the third, top 19 bits.
 */
export const tripleBit = (a: number, b: number, c: number) => (Math.imul((a << 16) | b, -1640531535) ^ Math.imul(c, 0x2c1b3c6d)) >>> 13;

/** Int32s in a table of {@link PAIR_BITS} bits. */
export const FILTER_WORDS = PAIR_BITS >>> 5;
/** Sets a bit of a table. */
export const setBit = (bits: Int32Array, bit: number) => (bits[bit >>> 5]! |= 1 << (bit & 31));
/** Whether a bit of a table is set. */
export const hasBit = (bits: Int32Array, bit: number) => (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;

/**
 * A set of pairs of UTF-16 units, for screening every position of a text by its first two units: two bit tables
 * under unrelated hashes (a two-hash Bloom filter). A clear bit in either means the pair was never added; the second
 * table is read only where the first passed, so most positions cost one load, and most of the first table's false
 * positives (each a trie walk that misses the cache, or a call) cost one more.
 */
export class PairFilter {
  /** Bits by {@link pairBit}. */
  readonly first = new Int32Array(FILTER_WORDS);
  /** Bits by {@link confirmBit}. */
  readonly second = new Int32Array(FILTER_WORDS);

  /** Adds the pair `a`, `b`. */
  add(a: number, b: number): void {
    setBit(this.first, pairBit(a, b));
    setBit(this.second, confirmBit(a, b));
  }

  /** Whether the pair `a`, `b` may have been added (false: it was not). */
  has(a: number, b: number): boolean {
    return hasBit(this.first, pairBit(a, b)) && hasBit(this.second, confirmBit(a, b));
  }
}

/**
 * The first position from `from` on whose two units pass `filter`, or -1. A loop of its own with nothing else in it,
 * taking the tables rather than the filter, so the compiler keeps everything in registers; the two hashes are
 * written out (they must stay those of {@link pairBit} and {@link confirmBit}: pair-filter.test.ts checks) because
 * this runs at every position and a call is not always inlined.
 */
export function nextPassingPair(text: string, from: number, first: Int32Array, second: Int32Array): number {
  const length = text.length;
  // Past the last unit charCodeAt gives NaN, a double, which optimised code would deoptimise on.
  if (from + 1 >= length) return -1;
  let unit = text.charCodeAt(from);
  for (let i = from + 1; i < length; i++) {
    const next = text.charCodeAt(i);
    const bit = (Math.imul(unit, 0x2c1b3c6d) ^ next) & (PAIR_BITS - 1);
    if ((first[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
      const confirm = Math.imul((unit << 16) | next, -1640531535) >>> 13;
      if ((second[confirm >>> 5]! & (1 << (confirm & 31))) !== 0) return i - 1;
    }
    unit = next;
  }
  return -1;
}

import { FILTER_WORDS, PairFilter, hasBit, setBit, tripleBit } from './pair-filter';

/** Initial size of the transition hash table (a power of two); it doubles whenever it is half full. */
const INITIAL_TABLE_SIZE = 1 << 12;
const EMPTY = -1;
/** Int32s per hash slot: node, unit, child. */
const SLOT = 3;
const emptySlots = (size: number) => new Int32Array(size * SLOT).fill(EMPTY);

/**
 * A trie over UTF-16 code units in flat typed arrays, for longest-match lookup of many names at once. A filter on
 * the first two units (see {@link pairs}) is what most characters of a text cost; the first unit of a name is then
 * a direct index, deeper transitions a chain entry or an open-addressing hash table keyed by (node, unit). Units pass
 * through `fold` first, so one trie matches traditional and simplified spellings of a name alike.
 */
export class NameAutomaton<T> {
  /** Child of the root for each first unit; 0 means none (node 0 is the root). */
  readonly #first = new Int32Array(65536);
  /**
   * Slots of (node, unit, child) side by side: a lookup deep in a big trie misses the cache, and this way it misses
   * once, not once per array.
   */
  #slots = emptySlots(INITIAL_TABLE_SIZE);
  #mask = INITIAL_TABLE_SIZE - 1;
  /**
   * For each node, the unit leading to node + 1 if that is its child, else -1. The rest of a name after the units
   * it shares with others is such a chain, so most steps of a walk read the next entry, not a random hash slot.
   */
  #chain = new Int32Array(INITIAL_TABLE_SIZE).fill(EMPTY);
  #used = 0;
  #nodes = 1;
  readonly #values: (T[] | undefined)[] = [undefined];
  /**
   * The pairs of first two units as written (every spelling that folds to a name's start), so a hot loop screens
   * each position with a load or two and no folding.
   */
  readonly #pairs = new PairFilter();
  /** The same for names alone, so a caller that let its own spellings through can tell whether to walk the trie. */
  readonly #namePairs = new PairFilter();
  /**
   * The first two units of names of two units and the first three of longer names ({@link tripleBit}), all
   * spellings: most positions whose pair starts a name start none (a text's common words share names' first two
   * characters), and these answer that from three units without a walk through the trie, which misses the cache.
   */
  readonly #shortNames = new PairFilter();
  readonly #triples = new Int32Array(FILTER_WORDS);
  /** Whether a name of one unit was added: {@link mayStartAt} cannot rule those out. */
  #oneUnitNames = false;
  readonly #fold: Uint16Array | undefined;
  /** Units written otherwise than their canonical form, by canonical form: the spellings the pair filter needs. */
  readonly #variantsOf = new Map<number, number[]>();

  /**
   * `fold` maps a unit to its canonical form (traditional → simplified); identity where absent. `variants`, the pairs
   * `fold` was made from, spares reading all of it for the units it changes (65,536 reads, cold, on every page).
   */
  constructor(fold?: Uint16Array, variants?: ReadonlyMap<number, number>) {
    this.#fold = fold;
    if (!fold) return;
    const add = (unit: number, canonical: number) => {
      const spellings = this.#variantsOf.get(canonical);
      if (spellings) spellings.push(unit);
      else this.#variantsOf.set(canonical, [unit]);
    };
    if (variants) {
      for (const unit of [...variants.keys()].sort((a, b) => a - b)) if (fold[unit] !== unit) add(unit, fold[unit]!);
      return;
    }
    for (let unit = 0; unit < 65536; unit++) if (fold[unit] !== unit) add(unit, fold[unit]!);
  }

  /** The canonical form of one unit. */
  fold(unit: number): number {
    return this.#fold ? this.#fold[unit]! : unit;
  }

  /**
   * Adds a name; a second value under the same name is kept after the first, or before the first existing value
   * `precedes` says it goes before (a name added later that a full build would have put first).
   */
  add(name: string, value: T, precedes?: (existing: T) => boolean): void {
    if (name.length < 2) this.#oneUnitNames = true;
    else
      for (const a of this.#spellings(this.fold(name.charCodeAt(0))))
        for (const b of this.#spellings(this.fold(name.charCodeAt(1)))) {
          this.allowPair(a, b);
          this.#namePairs.add(a, b);
          if (name.length === 2) this.#shortNames.add(a, b);
          else for (const c of this.#spellings(this.fold(name.charCodeAt(2)))) setBit(this.#triples, tripleBit(a, b, c));
        }
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const unit = this.fold(name.charCodeAt(i));
      let child = this.child(node, unit);
      if (!child) {
        child = this.#nodes++;
        this.#values.push(undefined);
        this.#link(node, unit, child);
        if (child >= this.#chain.length) {
          const chain = new Int32Array(this.#chain.length * 2).fill(EMPTY);
          chain.set(this.#chain);
          this.#chain = chain;
        }
        if (child === node + 1) this.#chain[node] = unit;
      }
      node = child;
    }
    const values = (this.#values[node] ??= []);
    const at = precedes ? values.findIndex(precedes) : -1;
    if (at < 0) values.push(value);
    else values.splice(at, 0, value);
  }

  /**
   * Pair filter for hot loops (see {@link nextPassingPair}): a pair it does not pass starts no name (nor anything
   * let through with {@link allowPair}).
   */
  get filter(): PairFilter {
    return this.#pairs;
  }

  /** Lets a pair of units (as written) through the filter: for a caller's own spellings outside the trie (codes). */
  allowPair(a: number, b: number): void {
    this.#pairs.add(a, b);
  }

  /** Whether a name may start with units `a`, `b` (as written); false means none does. */
  mayStartName(a: number, b: number): boolean {
    return this.#namePairs.has(a, b);
  }

  /**
   * Whether a name may start at `start` (false: {@link longestEndAt} finds none there), from the three units there
   * and no trie; for hot loops that screened the position with {@link filter} already.
   */
  mayStartAt(text: string, start: number): boolean {
    if (this.#oneUnitNames || start + 2 >= text.length) return true;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    return this.#shortNames.has(a, b) || hasBit(this.#triples, tripleBit(a, b, text.charCodeAt(start + 2)));
  }

  /** Every unit that folds to `canonical`. */
  #spellings(canonical: number): number[] {
    const variants = this.#variantsOf.get(canonical) ?? [];
    return this.fold(canonical) === canonical ? [canonical, ...variants] : variants;
  }

  /** The node reached from `node` by `unit` (already folded), or 0. */
  child(node: number, unit: number): number {
    if (node === 0) return this.#first[unit]!;
    if (this.#chain[node] === unit) return node + 1;
    const slots = this.#slots;
    const mask = this.#mask;
    for (let slot = hash(node, unit) & mask; ; slot = (slot + 1) & mask) {
      const key = slots[slot * SLOT]!;
      if (key === EMPTY) return 0;
      if (key === node && slots[slot * SLOT + 1] === unit) return slots[slot * SLOT + 2]!;
    }
  }

  /** Values of the name that ends at `node` (reached by {@link child}), if one does: every name along a walk. */
  valuesAt(node: number): readonly T[] | undefined {
    return this.#values[node];
  }

  /** Values of the name the last {@link longestEndAt} found. */
  lastValues: readonly T[] = [];

  /**
   * End of the longest name starting at `start`, or -1; its values are left in {@link lastValues} (no object per
   * call: this runs at every character a name can start with). A name ending in a Latin letter or digit must not
   * be followed by one (word boundary); CJK names need none.
   */
  longestEndAt(text: string, start: number): number {
    const fold = this.#fold;
    let node = 0;
    let bestEnd = -1;
    for (let i = start; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      node = this.child(node, fold ? fold[unit]! : unit);
      if (node === 0) break;
      const values = this.#values[node];
      if (values !== undefined && (unit >= 128 || !isAlnum(unit) || !isAlnum(text.charCodeAt(i + 1)))) {
        bestEnd = i + 1;
        this.lastValues = values;
      }
    }
    return bestEnd;
  }

  #link(node: number, unit: number, child: number): void {
    if (node === 0) {
      this.#first[unit] = child;
      return;
    }
    if ((this.#used + 1) * 2 > this.#mask + 1) this.#grow();
    const slots = this.#slots;
    let slot = hash(node, unit) & this.#mask;
    while (slots[slot * SLOT] !== EMPTY) slot = (slot + 1) & this.#mask;
    slots[slot * SLOT] = node;
    slots[slot * SLOT + 1] = unit;
    slots[slot * SLOT + 2] = child;
    this.#used++;
  }

  #grow(): void {
    const old = this.#slots;
    const size = (this.#mask + 1) * 2;
    this.#slots = emptySlots(size);
    this.#mask = size - 1;
    this.#used = 0;
    for (let at = 0; at < old.length; at += SLOT) if (old[at] !== EMPTY) this.#link(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

const isAlnum = (u: number) => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);

/**
 * Multiplicative hash of a (node, unit) pair. The multipliers (0x9e3779b1 and 0x85ebca6b) are written as the int32
 * they are to `Math.imul`: a hex literal above 2^31 is a double, and so is a module constant holding one, and
 * optimised code then converts it at every call (measured: a loop with such a hash ran several times slower).
 */
const hash = (node: number, unit: number) => (Math.imul(node, -1640531535) ^ Math.imul(unit, -2048144789)) >>> 0;

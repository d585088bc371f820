/** Initial size of the transition hash table (a power of two); it doubles whenever it is half full. */
const INITIAL_TABLE_SIZE = 1 << 12;
const EMPTY = -1;

/**
 * A trie over UTF-16 code units in flat typed arrays, for longest-match lookup of many names at once. The first
 * unit of a name is a direct index (one load per character of text, which is what most characters cost); deeper
 * transitions live in an open-addressing hash table keyed by (node, unit). Units pass through `fold` first, so one
 * trie matches traditional and simplified spellings of a name alike.
 */
export class NameAutomaton<T> {
  /** Child of the root for each first unit; 0 means none (node 0 is the root). */
  readonly #first = new Int32Array(65536);
  #keysNode = new Int32Array(INITIAL_TABLE_SIZE).fill(EMPTY);
  #keysUnit = new Uint16Array(INITIAL_TABLE_SIZE);
  #children = new Int32Array(INITIAL_TABLE_SIZE);
  #mask = INITIAL_TABLE_SIZE - 1;
  #used = 0;
  #nodes = 1;
  readonly #values: (T[] | undefined)[] = [undefined];
  /** One bit per hashed pair of first two units: most characters that could start a name are ruled out by it. */
  readonly #pairs = new Int32Array(PAIR_BITS >>> 5);
  readonly #fold: Uint16Array | undefined;

  /** `fold` maps a unit to its canonical form (traditional → simplified); identity where absent. */
  constructor(fold?: Uint16Array) {
    this.#fold = fold;
  }

  /** The canonical form of one unit. */
  fold(unit: number): number {
    return this.#fold ? this.#fold[unit]! : unit;
  }

  /** Adds a name; a second value under the same name is kept beside the first. */
  add(name: string, value: T): void {
    if (name.length >= 2) {
      const bit = pairBit(this.fold(name.charCodeAt(0)), this.fold(name.charCodeAt(1)));
      this.#pairs[bit >>> 5]! |= 1 << (bit & 31);
    }
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const unit = this.fold(name.charCodeAt(i));
      let child = this.child(node, unit);
      if (!child) {
        child = this.#nodes++;
        this.#values.push(undefined);
        this.#link(node, unit, child);
      }
      node = child;
    }
    (this.#values[node] ??= []).push(value);
  }

  /**
   * The root row: for each (folded) unit, the node a name starting with it leads to, 0 for none. Hot loops read it
   * directly; it is the one check most characters of a text get.
   */
  get firstUnits(): Int32Array {
    return this.#first;
  }

  /** Pair filter for hot loops: test with {@link pairBit} of the first two (folded) units. */
  get pairs(): Int32Array {
    return this.#pairs;
  }

  /** The fold table, if any, for hot loops that fold units themselves. */
  get foldTable(): Uint16Array | undefined {
    return this.#fold;
  }

  /** The node reached from `node` by `unit` (already folded), or 0. */
  child(node: number, unit: number): number {
    if (node === 0) return this.#first[unit]!;
    let slot = hash(node, unit) & this.#mask;
    for (;;) {
      const key = this.#keysNode[slot]!;
      if (key === EMPTY) return 0;
      if (key === node && this.#keysUnit[slot] === unit) return this.#children[slot]!;
      slot = (slot + 1) & this.#mask;
    }
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
    if ((this.#used + 1) * 2 > this.#keysNode.length) this.#grow();
    let slot = hash(node, unit) & this.#mask;
    while (this.#keysNode[slot] !== EMPTY) slot = (slot + 1) & this.#mask;
    this.#keysNode[slot] = node;
    this.#keysUnit[slot] = unit;
    this.#children[slot] = child;
    this.#used++;
  }

  #grow(): void {
    const [nodes, units, children] = [this.#keysNode, this.#keysUnit, this.#children];
    const size = nodes.length * 2;
    this.#keysNode = new Int32Array(size).fill(EMPTY);
    this.#keysUnit = new Uint16Array(size);
    this.#children = new Int32Array(size);
    this.#mask = size - 1;
    this.#used = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i] !== EMPTY) this.#link(nodes[i]!, units[i]!, children[i]!);
  }
}

/** Size of the pair filter in bits (64 KB): few false positives for dictionaries of tens of thousands of names. */
const PAIR_BITS = 1 << 19;
/** The filter bit of a pair of units. */
export const pairBit = (a: number, b: number) => (Math.imul(a, 0x2c1b3c6d) ^ b) & (PAIR_BITS - 1);

const isAlnum = (u: number) => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122);

/** Multiplicative hash of a (node, unit) pair. */
const hash = (node: number, unit: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 0;

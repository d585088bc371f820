/** A trie over UTF-16 code units mapping names to values; longest match from a given position. */
export class NameTrie<T> {
  readonly #root: TrieNode<T> = { next: new Map() };

  /** Adds a name; a second value under the same name is kept beside the first. */
  add(name: string, value: T): void {
    let node = this.#root;
    for (let i = 0; i < name.length; i++) {
      const unit = name.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) {
        child = { next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
  }

  /**
   * The longest name starting at `start` that `accept` allows, as its end index and values; `undefined` when none.
   * `accept(end)` lets the caller demand a word boundary after Latin names.
   */
  longestAt(text: string, start: number, accept: (end: number, values: readonly T[]) => boolean): TrieHit<T> | undefined {
    let node: TrieNode<T> | undefined = this.#root;
    let best: TrieHit<T> | undefined;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.values && accept(i + 1, node.values)) best = { end: i + 1, values: node.values };
    }
    return best;
  }

  /** True when some name starts with this code unit: a cheap filter before `longestAt`. */
  startsWith(unit: number): boolean {
    return this.#root.next.has(unit);
  }
}

interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  values?: T[];
}

/** A name found by {@link NameTrie.longestAt}. */
export interface TrieHit<T> {
  end: number;
  values: readonly T[];
}

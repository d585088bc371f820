import Fuse from 'fuse.js';
import type { SecurityEntry } from '../securities/bundled-securities';
import type { SecurityId } from '../securities/security-id';
import { andBits, appendSlot, bitsOf, countBits, hasBit, intersectPostings, unionPostings, wantsBits, type Posting } from './posting-lists';
import { endsInWord, searchTokens } from './search-tokens';
import { TopK } from './top-k';

/** What the index reads of a report. */
export interface SearchableReport {
  id: string;
  date?: string;
  /** The title: a report whose title holds every word of the query ranks before one that has them elsewhere. */
  title?: string;
  /** Summary, key points, risks, source and any other text, in any mix (the title need not be repeated). */
  text: string;
  securityIds: readonly SecurityId[];
}

/** One hit: the report and why it matched. */
export interface SearchHit {
  id: string;
  /** Listings whose name the query resembles (typo-tolerant), when that is why the report matched. */
  via: 'text' | 'security';
}

/** A built index over the library: full-text tokens and security names. */
export interface LibrarySearch {
  /** Hits up to `limit`, best first, and how many reports match in all. */
  search(query: string, limit?: number): { hits: SearchHit[]; securities: SecurityId[]; total: number };
}

/** How close a misspelt name must be (fuse.js score, 0 exact … 1 anything). */
const NAME_MATCH_THRESHOLD = 0.3;
/** Securities a query may stand for, at most. */
const MAX_NAME_MATCHES = 5;
/** Hits a search returns unless asked for more: a popup's list. */
const DEFAULT_LIMIT = 20;
/** New words inserted one by one into the sorted vocabulary up to this many; more are sorted in at once. */
const VOCABULARY_INSERTS = 1_000;

/** Rank tiers, best first: reports on a security the query names, the query in the title, the query elsewhere. */
const TIER_SECURITY = 1;
const TIER_TITLE = 2;
const TIER_TEXT = 3;

/** `2025-06-01` as 20250601 (a month alone as day 0, undated as 0): newest first is a numeric comparison. */
function dateNumber(date: string | undefined): number {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  return match ? Number(match[1]) * 10_000 + Number(match[2] ?? 0) * 100 + Number(match[3] ?? 0) : 0;
}

const push = <K>(map: Map<K, Posting>, key: K, slot: number) => {
  const list = map.get(key);
  if (list) appendSlot(list, slot, slot + 1);
  else map.set(key, { slots: [slot] });
};

/** Slots a rank key keeps below the tier and date (a library of up to 16 million slots; keys stay below 2^53). */
const SLOT_SPAN = 2 ** 24;
/** Dates as numbers are below this (99991231). */
const DATE_SPAN = 100_000_000;

/** The first index in sorted `words` whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]! < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The library search, updated in place: an inverted index of tokens (words and Han character pairs, every query
 * token required, the last one as a prefix while it is being typed) for full text, and fuse.js over security names and
 * codes for names typed with a typo (`Amazom`). Ranked: reports on a named security, then those with the query in
 * their title, then the rest; newest first within each. A query costs the length of its rarest term's list plus a
 * bounded heap of `limit` hits, not a sort of every match.
 *
 * Reports are added and removed one at a time (the worker follows the database's change events): a report occupies
 * a slot; removing it only marks the slot dead, replacing it takes a new slot, so posting lists stay sorted by
 * appending. {@link deadSlots} tells the owner when rebuilding would free memory.
 */
export class LibrarySearchIndex implements LibrarySearch {
  private readonly idOf: string[] = [];
  private readonly dates: number[] = [];
  /** Bit `s` set while slot `s` holds a report (not removed or replaced). */
  private alive: Posting = { slots: [], bits: new Uint32Array(32) };
  /** Slots newest first (ties: the earlier slot), for slots below `sortedSlots`; later ones are merged in when asked. */
  private byDate: number[] = [];
  private sortedSlots = 0;
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly titlePostings = new Map<string, Posting>();
  private readonly ofSecurity = new Map<SecurityId, Posting>();
  /** Every token, sorted, for prefixes; words new since the last search wait in `newWords`. */
  private vocabulary: string[] = [];
  private newWords: string[] = [];
  private names: Fuse<{ name: string; id: SecurityId }> | undefined;

  constructor(private securities: readonly SecurityEntry[]) {}

  /** Reports in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Slots of removed or replaced reports still taking room in posting lists. */
  get deadSlots(): number {
    return this.idOf.length - this.slotOf.size;
  }

  /** New names (aliases learned or blocked): the name matcher is rebuilt on the next search. */
  setSecurities(securities: readonly SecurityEntry[]): void {
    this.securities = securities;
    this.names = undefined;
  }

  /** Adds a report, replacing the one with its id if any. */
  add(report: SearchableReport): void {
    this.remove(report.id);
    const slot = this.idOf.length;
    this.idOf.push(report.id);
    this.dates.push(dateNumber(report.date));
    this.setAlive(slot, true);
    this.slotOf.set(report.id, slot);
    const title = new Set(report.title ? searchTokens(report.title) : []);
    for (const token of new Set([...title, ...searchTokens(report.text)])) {
      if (!this.postings.has(token)) this.newWords.push(token);
      push(this.postings, token, slot);
    }
    for (const token of title) push(this.titlePostings, token, slot);
    for (const id of new Set(report.securityIds)) {
      if (!this.ofSecurity.has(id)) this.names = undefined;
      push(this.ofSecurity, id, slot);
    }
  }

  /** Removes a report (nothing if it is not indexed). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.setAlive(slot, false);
    this.slotOf.delete(id);
  }

  /** The ids of the reports indexed. */
  reportIds(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /** Whether report `id` is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  search(query: string, limit = DEFAULT_LIMIT): { hits: SearchHit[]; securities: SecurityId[]; total: number } {
    const trimmed = query.trim();
    if (!trimmed) return { hits: [], securities: [], total: 0 };
    const slots = this.idOf.length;
    const matchedIds = [
      ...new Set(
        this.nameMatcher()
          .search(trimmed, { limit: MAX_NAME_MATCHES * 3 })
          .map((result) => result.item.id),
      ),
    ]
      .filter((id) => this.ofSecurity.get(id)?.slots.some((slot) => this.isAlive(slot)))
      .slice(0, MAX_NAME_MATCHES);
    const bySecurity = unionPostings(
      matchedIds.map((id) => this.ofSecurity.get(id) ?? { slots: [] }),
      slots,
    );

    const tokens = [...new Set(searchTokens(trimmed))];
    const prefix = endsInWord(query) ? tokens.at(-1) : undefined;
    const termLists = (postings: Map<string, Posting>) =>
      tokens.map((token) =>
        token === prefix
          ? unionPostings(
              this.wordsStartingWith(token).map((word) => postings.get(word) ?? { slots: [] }),
              slots,
            )
          : (postings.get(token) ?? { slots: [] }),
      );
    const text = termLists(this.postings);
    const title = termLists(this.titlePostings);
    // A query whose every term holds a large share of the library is ranked on bitsets, walking the slots newest
    // first until the limit; any other by its rarest term's list and a bounded heap.
    const common = tokens.length > 0 && wantsBits(Math.min(...text.map((term) => term.slots.length)), slots);
    return {
      ...(common ? this.rankByBits(bySecurity, text, title, limit) : this.rankByLists(bySecurity, text, title, limit)),
      securities: matchedIds,
    };
  }

  private rankByLists(
    security: Posting,
    text: readonly Posting[],
    title: readonly Posting[],
    limit: number,
  ): { hits: SearchHit[]; total: number } {
    const slots = this.idOf.length;
    const byText = text.length ? intersectPostings(text) : [];
    // Title hits are text hits whose title holds every term: the text hits drive, the title lists are asked.
    const inTitle = byText.length ? intersectPostings([{ slots: byText as number[] }, ...title]) : [];
    const tier = new Uint8Array(slots);
    for (const slot of byText) tier[slot] = TIER_TEXT;
    for (const slot of inTitle) tier[slot] = TIER_TITLE;
    for (const slot of security.slots) tier[slot] = TIER_SECURITY;
    const { dates } = this;
    // One number per hit, smaller ranking first: tier, then newest, then the earlier slot.
    const top = new TopK<number>(limit, (a, b) => a < b);
    let total = 0;
    for (const list of [security.slots, byText])
      for (const slot of list) {
        // Each slot once: the high bit marks one already offered.
        if (tier[slot]! & 0x80 || !this.isAlive(slot)) continue;
        top.push((tier[slot]! * DATE_SPAN + (DATE_SPAN - 1 - dates[slot]!)) * SLOT_SPAN + slot);
        tier[slot] = tier[slot]! | 0x80;
        total++;
      }
    return {
      hits: top.sorted().map((key) => {
        const slot = key % SLOT_SPAN;
        return { id: this.idOf[slot]!, via: (tier[slot]! & 0x7f) === TIER_SECURITY ? 'security' : 'text' };
      }),
      total,
    };
  }

  private rankByBits(
    security: Posting,
    text: readonly Posting[],
    title: readonly Posting[],
    limit: number,
  ): { hits: SearchHit[]; total: number } {
    const words = (this.idOf.length >>> 5) + 1;
    const textBits = bitsOf(this.alive, words);
    for (const term of text) andBits(textBits, term);
    const titleBits = textBits.slice();
    for (const term of title) andBits(titleBits, term);
    const securityBits = bitsOf(security, words);
    andBits(securityBits, this.alive);
    // The tiers, disjoint: on a named security; else the query in the title; else elsewhere in the text.
    for (let w = 0; w < words; w++) {
      titleBits[w]! &= ~securityBits[w]!;
      textBits[w]! &= ~(securityBits[w]! | titleBits[w]!);
    }
    const tiers = [securityBits, titleBits, textBits];
    const hits: SearchHit[] = [];
    for (const [i, bits] of tiers.entries()) {
      if (hits.length >= limit) break;
      if (!countBits(bits)) continue;
      for (const slot of this.newestFirst()) {
        if (!hasBit(bits, slot)) continue;
        hits.push({ id: this.idOf[slot]!, via: i === 0 ? 'security' : 'text' });
        if (hits.length >= limit) break;
      }
    }
    return { hits, total: tiers.reduce((sum, bits) => sum + countBits(bits), 0) };
  }

  /**
   * Does now what the next search would otherwise do first after reports were added: sorts new slots into the date
   * order and new words into the vocabulary. The worker calls it after building or updating, between requests.
   */
  settle(): void {
    this.newestFirst();
    this.wordsStartingWith('\uffff');
  }

  /** Every slot, newest first (ties: the earlier slot); slots added since the last call are sorted and merged in. */
  private newestFirst(): readonly number[] {
    const slots = this.idOf.length;
    if (this.sortedSlots === slots) return this.byDate;
    const { dates } = this;
    const before = (a: number, b: number) => dates[a]! > dates[b]! || (dates[a] === dates[b] && a < b);
    const added = Array.from({ length: slots - this.sortedSlots }, (_, i) => this.sortedSlots + i).sort((a, b) => (before(a, b) ? -1 : 1));
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.byDate.length || j < added.length)
      merged.push(j >= added.length || (i < this.byDate.length && before(this.byDate[i]!, added[j]!)) ? this.byDate[i++]! : added[j++]!);
    this.byDate = merged;
    this.sortedSlots = slots;
    return merged;
  }

  private isAlive(slot: number): boolean {
    return hasBit(this.alive.bits!, slot);
  }

  private setAlive(slot: number, alive: boolean): void {
    let bits = this.alive.bits!;
    if (slot >>> 5 >= bits.length) {
      const grown = new Uint32Array(bits.length * 2);
      grown.set(bits);
      this.alive.bits = bits = grown;
    }
    if (alive) bits[slot >>> 5]! |= 1 << (slot & 31);
    else bits[slot >>> 5]! &= ~(1 << (slot & 31));
  }

  /** Tokens of the library that begin with `prefix` (itself included). */
  private wordsStartingWith(prefix: string): string[] {
    if (this.newWords.length > VOCABULARY_INSERTS) {
      // Only the new words are sorted, then merged: re-sorting 200,000 words took 370 ms after a 1,000-report change.
      const added = this.newWords.sort();
      const merged: string[] = [];
      for (let i = 0, j = 0; i < this.vocabulary.length || j < added.length;)
        merged.push(
          j >= added.length || (i < this.vocabulary.length && this.vocabulary[i]! < added[j]!) ? this.vocabulary[i++]! : added[j++]!,
        );
      this.vocabulary = merged;
      this.newWords = [];
    }
    for (const word of this.newWords) this.vocabulary.splice(lowerBound(this.vocabulary, word), 0, word);
    this.newWords = [];
    const words: string[] = [];
    for (let i = lowerBound(this.vocabulary, prefix); i < this.vocabulary.length && this.vocabulary[i]!.startsWith(prefix); i++)
      words.push(this.vocabulary[i]!);
    return words;
  }

  /** fuse.js over the names and codes of securities that have reports, built when first needed after a change. */
  private nameMatcher(): Fuse<{ name: string; id: SecurityId }> {
    return (this.names ??= new Fuse(
      this.securities
        .filter((entry) => this.ofSecurity.has(entry.id))
        .flatMap((entry) => [...entry.names, entry.id.slice(3)].map((name) => ({ name, id: entry.id }))),
      { keys: ['name'], threshold: NAME_MATCH_THRESHOLD, ignoreLocation: true, includeScore: true },
    ));
  }
}

/** An index of `reports` (see {@link LibrarySearchIndex}). */
export function buildLibrarySearch(reports: readonly SearchableReport[], securities: readonly SecurityEntry[]): LibrarySearchIndex {
  const index = new LibrarySearchIndex(securities);
  for (const report of reports) index.add(report);
  return index;
}

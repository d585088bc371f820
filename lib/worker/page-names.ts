import { codeAt, isAlnum } from '../detect/code-at';
import { NameAutomaton } from '../detect/name-automaton';
import type { PageNames, TabEntry } from '../messaging/protocol';
import { chineseVariantTable, variantsForNames } from '../securities/chinese-variants';
import type { SecurityDictionary } from '../securities/dictionary';
import { securitiesMaster } from '../securities/master/securities-master';
import { aShareId, usId, type SecurityId } from '../securities/security-id';

/**
 * The longest name walked from one position: longer than any name of the master (the longest, an English trust's
 * legal name, is 214 units), so a walk never stops short of a name, and bounded, so a page's text cannot make one
 * walk long.
 */
const MAX_NAME_UNITS = 256;

/** Each listing's place in the dictionary's order, built once per dictionary. */
const ranksOf = new WeakMap<SecurityDictionary, Map<SecurityId, number>>();

/**
 * Where each listing stands in the dictionary's order. A matcher that holds several listings under one name reads
 * the name as the first added, so a tab adds its entries in this order, as the whole dictionary does.
 */
export function entryRanks(dictionary: SecurityDictionary): ReadonlyMap<SecurityId, number> {
  let ranks = ranksOf.get(dictionary);
  if (!ranks) {
    ranks = new Map();
    for (const entry of dictionary.entries()) ranks.set(entry.id, ranks.size);
    ranksOf.set(dictionary, ranks);
  }
  return ranks;
}

/**
 * The entries of `ids` and of every other listing of their issuers, as tabs get them: with their rank, in order. A
 * listing the dictionary lacks (a report's code it has no name for) comes without names, last.
 */
export function tabEntries(dictionary: SecurityDictionary, ids: Iterable<SecurityId>): TabEntry[] {
  const ranks = entryRanks(dictionary);
  const wanted = new Set<SecurityId>();
  for (const id of ids) for (const listing of dictionary.issuerListings(id)) wanted.add(listing);
  const entries = [...wanted].map((id): TabEntry => ({ ...(dictionary.get(id) ?? { id, names: [] }), rank: ranks.get(id) ?? ranks.size }));
  return entries.sort((a, b) => a.rank - b.rank);
}

/**
 * Finds which listings a text may name: every name of the dictionary that occurs anywhere in it (every occurrence,
 * not only the longest, in any spelling the matcher folds), and every listing a code spelling in it may be. A
 * superset of what the whole dictionary's matcher can find in the text: a matcher built from these listings alone
 * reads the text exactly as the whole dictionary's does (its longest match at each position is among them).
 */
export class PageNameFinder {
  readonly #names = new NameAutomaton<SecurityId>(foldTable());
  readonly #dictionary: SecurityDictionary;
  readonly #renamed: ReadonlyMap<SecurityId, SecurityId>;

  constructor(dictionary: SecurityDictionary, renamed: Iterable<readonly [SecurityId, SecurityId]> = []) {
    this.#dictionary = dictionary;
    this.#renamed = new Map(renamed);
    for (const entry of dictionary.entries()) for (const name of entry.names) if (name.length >= 2) this.#names.add(name, entry.id);
  }

  /** The listings `text` may name (see {@link PageNameFinder}). */
  idsIn(text: string): Set<SecurityId> {
    const found = new Set<SecurityId>();
    const names = this.#names;
    for (let start = 0; start + 1 < text.length; start++) {
      const unit = text.charCodeAt(start);
      if (unit === 36 || (isAlnum(unit) && !isAlnum(text.charCodeAt(start - 1)))) this.#codesAt(text, start, found);
      if (!names.mayStartName(unit, text.charCodeAt(start + 1))) continue;
      for (let i = start, node = 0; i < text.length && i - start < MAX_NAME_UNITS; i++) {
        node = names.child(node, names.fold(text.charCodeAt(i)));
        if (!node) break;
        for (const id of names.valuesAt(node) ?? []) found.add(id);
      }
    }
    return found;
  }

  /** The listing a code spelling at a word start may be, and the listing a renamed ticker means today. */
  #codesAt(text: string, start: number, found: Set<SecurityId>): void {
    const { hit } = codeAt(text, start);
    const id = hit?.kind === 'strong' ? hit.id : hit?.kind === 'bare' ? (hit.digits ? aShareId(hit.code) : usId(hit.code)) : undefined;
    if (!id) return;
    if (this.#dictionary.get(id)) found.add(id);
    const today = this.#renamed.get(id);
    if (today) found.add(today);
  }
}

/** The traditional → simplified fold of the whole variant table, as the library's matcher folds. */
function foldTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let unit = 0; unit < 65536; unit++) table[unit] = unit;
  for (const [from, to] of chineseVariantTable()) table[from] = to;
  return table;
}

/** Answers a tab's `getPageNames` with the worker's current dictionary and the master's renamed tickers. */
export const answerPageNames =
  (dictionary: () => Promise<SecurityDictionary>) =>
  async ({ text }: { text: string }): Promise<PageNames> =>
    pageNamesIn(await dictionary(), (await securitiesMaster()).renamed, text);

/** The finder of each dictionary, built on first use (about as long as a matcher over the master). */
const finders = new WeakMap<SecurityDictionary, PageNameFinder>();

/**
 * What a tab needs to read a text of its page as the whole dictionary would: the listings the text may name, with
 * every other listing of their issuers (support and `named` look across an issuer), and the traditional spellings
 * of their names. `renamed` is the master's renamed tickers (their old spellings bring today's listing).
 */
export function pageNamesIn(dictionary: SecurityDictionary, renamed: Iterable<readonly [SecurityId, SecurityId]>, text: string): PageNames {
  let finder = finders.get(dictionary);
  if (!finder) finders.set(dictionary, (finder = new PageNameFinder(dictionary, renamed)));
  const entries = tabEntries(dictionary, finder.idsIn(text));
  return { entries, variants: variantsForNames(entries.flatMap((entry) => entry.names)) };
}

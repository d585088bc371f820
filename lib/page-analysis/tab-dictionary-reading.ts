import { createSecurityMatcher, type SecurityMatcher } from '../detect/find-securities';
import { PAGE_TEXT_LIMIT, type PageNames, type TabDictionary, type TabEntry } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';

/** The matcher a tab reads its page with, from the tab dictionary the worker sent (and what its page added). */
export function tabMatcher(dictionary: TabDictionary): SecurityMatcher {
  return createSecurityMatcher(dictionary.entries, {
    variants: new Map(dictionary.variants),
    notNames: dictionary.notNames,
    renamed: dictionary.renamed,
    delisted: dictionary.delisted,
  });
}

/** The issuer's listings of each entry of a tab dictionary, so the publisher's brand covers all its listings. */
export function listingsByIssuer(dictionary: Pick<TabDictionary, 'entries'>): (id: SecurityId) => SecurityId[] {
  const issuerOf = new Map(dictionary.entries.map((entry) => [entry.id, entry.issuer ?? entry.id]));
  const listings = new Map<string, SecurityId[]>();
  for (const [id, issuer] of issuerOf) listings.set(issuer, [...(listings.get(issuer) ?? []), id]);
  return (id) => listings.get(issuerOf.get(id) ?? '') ?? [id];
}

/** How a tab asks the worker what a text of its page may name (`getPageNames`). */
export type AskPageNames = (text: string) => Promise<PageNames>;

/** Page text sent per read at most (four requests): past it, text is read with the names already known. */
const MAX_TEXT_SENT = 4 * PAGE_TEXT_LIMIT;
/** Texts remembered as sent; past it the memory starts again (sending a text twice costs only the request). */
const MAX_REMEMBERED = 50_000;
/** Text that can name nothing: numbers, signs and spaces (a price tick) without a six-digit code. */
const NOTHING_TO_NAME = /^[\d\s.,:;%+\-−/()]*$/;
const SIX_DIGITS = /\d{6}/;

/**
 * A tab's names: the tab dictionary, widened by what its page's texts may name. Before a text is read its words are
 * asked of the worker, which reads them against the whole securities master and the library's names; the tab adds
 * the listings it did not have and reads the text as the whole master would (the longest name wins: 申万宏源西部证券
 * gives 申万宏源; every known security can be marked). Without `ask` (or when asking fails) the tab dictionary alone.
 */
export class TabNames {
  readonly #entries = new Map<SecurityId, TabEntry>();
  readonly #variants: Map<number, number>;
  readonly #sent = new Set<string>();
  readonly #ask: AskPageNames | undefined;
  /** Built when first needed: a page whose texts add names gets its matcher from `widen`, never building this one. */
  #matcher: SecurityMatcher | undefined;
  #listings: ((id: SecurityId) => SecurityId[]) | undefined;

  constructor(
    readonly dictionary: TabDictionary,
    ask?: AskPageNames,
  ) {
    this.#ask = ask;
    for (const entry of dictionary.entries) this.#entries.set(entry.id, entry);
    this.#variants = new Map(dictionary.variants);
  }

  /** The matcher with every name learned so far. */
  get matcher(): SecurityMatcher {
    return (this.#matcher ??= tabMatcher(this.dictionary));
  }

  /** A listing's name to show. */
  nameOf(id: SecurityId): string {
    return this.#entries.get(id)?.names[0] ?? id;
  }

  /** Every listing of `id`'s issuer that the tab knows. */
  listingsOf(id: SecurityId): SecurityId[] {
    this.#listings ??= listingsByIssuer({ entries: [...this.#entries.values()] });
    return this.#listings(id);
  }

  /** The matcher to read `texts` with: the worker is asked about those not asked before, in requests of bounded size. */
  async widen(texts: readonly string[]): Promise<SecurityMatcher> {
    const ask = this.#ask;
    if (!ask) return this.matcher;
    const chunks: string[] = [];
    let chunk = '';
    let total = 0;
    for (const text of texts) {
      if (text.length < 2 || this.#sent.has(text) || (NOTHING_TO_NAME.test(text) && !SIX_DIGITS.test(text))) continue;
      // A text node longer than a request (256 K units in one node) is asked about in its first part only.
      const piece = text.slice(0, PAGE_TEXT_LIMIT);
      if (total + piece.length > MAX_TEXT_SENT) break;
      if (this.#sent.size >= MAX_REMEMBERED) this.#sent.clear();
      this.#sent.add(text);
      total += piece.length;
      if (chunk && chunk.length + piece.length >= PAGE_TEXT_LIMIT) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk += chunk ? `\n${piece}` : piece;
    }
    if (chunk) chunks.push(chunk);
    const replies = await Promise.all(
      chunks.map((text) =>
        ask(text).catch((error: unknown) => {
          console.warn('ReportLens: page names', error);
          return undefined;
        }),
      ),
    );
    const added: TabEntry[] = [];
    for (const reply of replies)
      for (const entry of reply?.entries ?? [])
        if (!this.#entries.has(entry.id)) {
          this.#entries.set(entry.id, entry);
          added.push(entry);
        }
    if (!added.length) return this.matcher;
    let folds = false;
    for (const reply of replies)
      for (const [from, to] of reply?.variants ?? []) {
        if (this.#variants.get(from) !== to) folds = true;
        this.#variants.set(from, to);
      }
    this.#listings = undefined;
    // A matcher already built takes the new listings as they are (a build anew was a long task on a big page), unless
    // they need spellings it does not fold.
    if (this.#matcher && !folds) {
      this.#matcher.addEntries(added.sort((a, b) => a.rank - b.rank));
      return this.#matcher;
    }
    return (this.#matcher = tabMatcher({
      ...this.dictionary,
      entries: [...this.#entries.values()].sort((a, b) => a.rank - b.rank),
      variants: [...this.#variants],
    }));
  }
}

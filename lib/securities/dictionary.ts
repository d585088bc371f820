import { BUNDLED_SECURITIES, type SecurityEntry } from './bundled-securities';
import type { SecurityId } from './security-id';

/** Where an alias came from; recorded per alias so a user can see and undo what was learned. */
export type AliasOrigin = 'bundled' | 'user-list' | 'learned';

/**
 * The security dictionary: every known listing with its names, and the issuer groups that tie listings of one
 * company together. Built from the bundled list plus user lists and learned aliases; an import adds what it learns.
 */
export class SecurityDictionary {
  readonly #byId = new Map<SecurityId, SecurityEntry>();
  readonly #byName = new Map<string, SecurityId[]>();
  readonly #byIssuer = new Map<string, SecurityId[]>();

  /**
   * A dictionary of `entries`, or of another dictionary's listings plus `entries`: the master's dictionary is built
   * once and each library's starts from a copy of it (maps copied, their lists shared until one is added to).
   */
  constructor(entries: Iterable<SecurityEntry>, base?: SecurityDictionary) {
    if (base) {
      for (const [id, entry] of base.#byId) this.#byId.set(id, entry);
      for (const [name, ids] of base.#byName) this.#byName.set(name, ids);
      for (const [issuer, ids] of base.#byIssuer) this.#byIssuer.set(issuer, ids);
    }
    for (const entry of entries) this.add(entry);
  }

  /** Adds names (and a listing, when new); used while building and when an import learns an alias. */
  add(entry: SecurityEntry): void {
    const known = this.#byId.get(entry.id);
    // A name weak in either stays weak: whether a word means the company does not depend on who listed it.
    const weak = [...new Set([...(known?.weak ?? []), ...(entry.weak ?? [])])];
    const merged: SecurityEntry = known
      ? { id: entry.id, names: [...new Set([...known.names, ...entry.names])], issuer: known.issuer ?? entry.issuer }
      : { id: entry.id, names: [...new Set(entry.names)], ...(entry.issuer ? { issuer: entry.issuer } : {}) };
    if (weak.length) merged.weak = weak;
    const display = known?.display ?? entry.display;
    if (display) merged.display = display;
    this.#byId.set(entry.id, merged);
    // Lists are replaced, never pushed to: a copy shares them with its base.
    for (const name of entry.names) {
      const ids = this.#byName.get(name);
      if (!ids) this.#byName.set(name, [entry.id]);
      else if (!ids.includes(entry.id)) this.#byName.set(name, [...ids, entry.id]);
    }
    if (merged.issuer) {
      const ids = this.#byIssuer.get(merged.issuer);
      if (!ids) this.#byIssuer.set(merged.issuer, [entry.id]);
      else if (!ids.includes(entry.id)) this.#byIssuer.set(merged.issuer, [...ids, entry.id]);
    }
  }

  /** The entry of one listing. */
  get(id: SecurityId): SecurityEntry | undefined {
    return this.#byId.get(id);
  }

  /** Display name of a listing, or its code when unknown. */
  displayName(id: SecurityId): string {
    const entry = this.#byId.get(id);
    return entry?.names[0] ?? entry?.display ?? id.slice(3);
  }

  /** Listings a name refers to; a name shared by several listings of one issuer returns all of them. */
  idsForName(name: string): readonly SecurityId[] {
    return this.#byName.get(name) ?? [];
  }

  /** The listing itself and every other listing of its issuer (阿里巴巴: HK:09988 → HK:09988, US:BABA). */
  issuerListings(id: SecurityId): SecurityId[] {
    const issuer = this.#byId.get(id)?.issuer;
    return issuer ? [...(this.#byIssuer.get(issuer) ?? [id])] : [id];
  }

  /** Whether `name` of listing `id` needs support to count. */
  isWeak(id: SecurityId, name: string): boolean {
    return this.#byId.get(id)?.weak?.includes(name) ?? false;
  }

  /** Every entry, in insertion order. */
  entries(): IterableIterator<SecurityEntry> {
    return this.#byId.values();
  }
}

/** The dictionary of the bundled list alone: what the extension knows before the user adds anything. */
export function bundledDictionary(): SecurityDictionary {
  return new SecurityDictionary(BUNDLED_SECURITIES);
}

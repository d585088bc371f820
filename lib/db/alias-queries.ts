import type { LibraryDatabase, StoredAlias } from './database';

/** What the library page shows of the dictionary the user built: imported lists by file, and learned aliases. */
export interface AliasOverview {
  lists: { from: string; aliases: number }[];
  learned: StoredAlias[];
}

/** Imported lists (with their size) and every learned alias, learned ones sorted by alias. */
export async function aliasOverview(db: LibraryDatabase): Promise<AliasOverview> {
  const counts = new Map<string, number>();
  await db.aliases
    .where('origin')
    .equals('user-list')
    .each((alias) => counts.set(alias.from, (counts.get(alias.from) ?? 0) + 1));
  const learned = await db.aliases.where('origin').equals('learned').toArray();
  learned.sort((a, b) => a.alias.localeCompare(b.alias, 'zh'));
  return { lists: [...counts].map(([from, aliases]) => ({ from, aliases })), learned };
}

/** Removes one alias (a wrong name a report taught, say). */
export async function removeAlias(db: LibraryDatabase, alias: Pick<StoredAlias, 'alias' | 'securityId'>): Promise<void> {
  await db.aliases.delete([alias.alias, alias.securityId]);
}

/** Removes every alias an imported list brought. */
export async function removeSecurityList(db: LibraryDatabase, from: string): Promise<void> {
  await db.aliases
    .where('origin')
    .equals('user-list')
    .filter((alias) => alias.from === from)
    .delete();
}

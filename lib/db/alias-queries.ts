import { listBlocks } from './alias-blocks';
import type { LibraryDatabase, StoredAlias, StoredBlock } from './database';

/** What the library page shows of the dictionary the user built: imported lists by file, learned aliases, blocks. */
export interface AliasOverview {
  lists: { from: string; aliases: number }[];
  learned: StoredAlias[];
  /** Names the user said are not a security, newest first. */
  blocks: StoredBlock[];
}

/** Imported lists (with their size), every learned alias sorted by alias, and the user's blocks. */
export async function aliasOverview(db: LibraryDatabase): Promise<AliasOverview> {
  const counts = new Map<string, number>();
  await db.aliases
    .where('origin')
    .equals('user-list')
    .each((alias) => counts.set(alias.from, (counts.get(alias.from) ?? 0) + 1));
  const learned = await db.aliases.where('origin').equals('learned').toArray();
  learned.sort((a, b) => a.alias.localeCompare(b.alias, 'zh'));
  return { lists: [...counts].map(([from, aliases]) => ({ from, aliases })), learned, blocks: await listBlocks(db) };
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

/**
 * Corrects one alias: another name, another security, or both. It keeps its origin and where it came from; one
 * transaction, so the old alias is never lost without the new one. A learned alias corrected is also blocked as it
 * was, so a re-index reading the same report does not learn the wrong one back.
 */
export async function editAlias(
  db: LibraryDatabase,
  old: Pick<StoredAlias, 'alias' | 'securityId'>,
  next: Pick<StoredAlias, 'alias' | 'securityId'>,
): Promise<void> {
  const alias = next.alias.trim();
  if (!alias) throw new Error('An alias needs a name.');
  await db.transaction('rw', db.aliases, db.aliasBlocks, async () => {
    const stored = await db.aliases.get([old.alias, old.securityId]);
    if (!stored) throw new Error(`The alias ${old.alias} is no longer in the library.`);
    await db.aliases.delete([old.alias, old.securityId]);
    await db.aliases.put({ ...stored, alias, securityId: next.securityId });
    const changed = alias !== old.alias || next.securityId !== old.securityId;
    if (stored.origin === 'learned' && changed)
      await db.aliasBlocks.put({ alias: old.alias, securityId: old.securityId, blockedAt: new Date().toISOString() });
    // The corrected name is the user's word: a block on it (an earlier mistake) goes.
    await db.aliasBlocks.delete([alias, next.securityId]);
  });
}

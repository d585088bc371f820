import type { NameBlock } from '../securities/alias-gate';
import type { LibraryDatabase, StoredBlock } from './database';

/** Every block, newest first: what the library page lists. */
export async function listBlocks(db: LibraryDatabase): Promise<StoredBlock[]> {
  const blocks = await db.aliasBlocks.toArray();
  return blocks.sort((a, b) => b.blockedAt.localeCompare(a.blockedAt));
}

/**
 * Says one name is not one security: stores the block and removes the learned alias it names, if any, in one
 * transaction. An alias from an imported list stays stored (the list is the user's file) but is no longer used.
 */
export async function blockName(db: LibraryDatabase, block: NameBlock, now = new Date()): Promise<void> {
  const alias = block.alias.trim();
  if (!alias) throw new Error('A block needs a name.');
  await db.transaction('rw', db.aliasBlocks, db.aliases, async () => {
    await db.aliasBlocks.put({ alias, securityId: block.securityId, blockedAt: now.toISOString() });
    const stored = await db.aliases.get([alias, block.securityId]);
    if (stored?.origin === 'learned') await db.aliases.delete([alias, block.securityId]);
  });
}

/** Takes a block back: the name may be matched and learned again (a re-index learns it again from the reports). */
export async function unblockName(db: LibraryDatabase, block: NameBlock): Promise<void> {
  await db.aliasBlocks.delete([block.alias, block.securityId]);
}

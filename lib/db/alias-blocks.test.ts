import { afterEach, beforeEach, expect, test } from 'vitest';
import { blockName, listBlocks, unblockName } from './alias-blocks';
import { openLibraryDatabase, type LibraryDatabase } from './database';

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`blocks-${crypto.randomUUID()}`);
  await db.aliases.bulkAdd([
    { alias: '社媒', securityId: 'US:META', origin: 'learned', from: 'a.md' },
    { alias: '示例灌溉', securityId: 'SZ:300308', origin: 'user-list', from: 'mine.csv' },
  ]);
});
afterEach(() => db.delete());

test('blocking a learned name removes the alias; a list alias stays stored (the list is the user file) but blocked', async () => {
  await blockName(db, { alias: '社媒', securityId: 'US:META' }, new Date('2026-12-01T10:00:00Z'));
  await blockName(db, { alias: ' 示例灌溉 ', securityId: 'SZ:300308' }, new Date('2026-12-01T11:00:00Z'));
  expect((await db.aliases.toArray()).map((alias) => alias.alias)).toEqual(['示例灌溉']);
  expect(await listBlocks(db)).toEqual([
    { alias: '示例灌溉', securityId: 'SZ:300308', blockedAt: '2026-12-01T11:00:00.000Z' },
    { alias: '社媒', securityId: 'US:META', blockedAt: '2026-12-01T10:00:00.000Z' },
  ]);
  await unblockName(db, { alias: '社媒', securityId: 'US:META' });
  expect((await listBlocks(db)).map((block) => block.alias)).toEqual(['示例灌溉']);
});

test('a block needs a name', async () => {
  await expect(blockName(db, { alias: '  ', securityId: 'US:META' })).rejects.toThrow(/needs a name/);
  expect(await db.aliasBlocks.count()).toBe(0);
});

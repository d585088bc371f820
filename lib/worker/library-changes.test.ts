import { afterEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { changedTables, watchLibraryChanges, type CachedTable } from './library-changes';

test.each([
  [{ 'idb://lib/reports/': 1, 'idb://lib/reports/:dels': 1 }, ['reports']],
  [{ 'idb://lib/aliases/[alias+securityId]': 1, 'idb://lib/reportSecurities/': 1 }, ['aliases', 'reportSecurities']],
  [{ 'idb://lib/reportBodies/': 1, 'idb://lib/imports/': 1 }, []],
  [{ 'idb://lib/aliasBlocks/': 1, 'idb://lib/aliasBlocks/securityId': 1 }, ['aliasBlocks']],
  [{ 'idb://other/reports/': 1, 'idb://library/reports/': 1 }, []],
  [{ all: 1 }, []],
])('changedTables(%j) on database "lib" is %j', (parts, tables) => {
  expect([...changedTables(parts, 'lib')].sort()).toEqual(tables);
});

let db: LibraryDatabase | undefined;
afterEach(() => db?.delete());

test('a write to a cached table is told once, with its tables; a body-only write is not told', async () => {
  db = openLibraryDatabase(`changes-${crypto.randomUUID()}`);
  await db.open();
  const told: CachedTable[][] = [];
  const stop = watchLibraryChanges(db.name, (tables) => told.push([...tables].sort()));
  await db.reportBodies.put({ id: 'x', originalText: 'x' });
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(told).toEqual([]);
  await db.aliases.put({ alias: '光迅星科', securityId: 'SZ:002281', origin: 'learned', from: 'a.md' });
  await db.reportSecurities.put({ securityId: 'SZ:002281', date: '', reportId: 'x' });
  await expect.poll(() => told).toEqual([['aliases', 'reportSecurities']]);
  stop();
  await db.aliases.clear();
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(told).toHaveLength(1);
});

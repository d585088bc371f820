import { afterEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { storedReport } from '../../test/support/stored-report';
import { changedTables, keysOfRangeSet, watchLibraryChanges, type CachedTable, type ChangedReports } from './library-changes';

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

test.each([
  [{ from: 'b', to: 'b', l: { from: 'a', to: 'a' }, r: { from: 'c', to: 'c', l: null, r: null } }, ['a', 'b', 'c']],
  [{ from: 'a', to: 'c' }, 'all'],
  [{ from: -Infinity, to: [[]] }, 'all'],
  [{ from: undefined, to: undefined }, []],
  [{}, []],
])('keysOfRangeSet(%j) is %j', (set, keys) => {
  const found = keysOfRangeSet(set);
  expect(found === 'all' ? found : [...found].sort()).toEqual(keys);
});

test('the report ids a write touched are told with it; a write of a range of reports is told as every report', async () => {
  db = openLibraryDatabase(`changes-${crypto.randomUUID()}`);
  await db.open();
  // Dexie tells a newly created database as every table changed, just after it opened.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const told: (string[] | 'all' | undefined)[] = [];
  const stop = watchLibraryChanges(db.name, (_tables, reports: ChangedReports | undefined) =>
    told.push(reports === undefined || reports === 'all' ? reports : [...reports].sort()),
  );
  const row = (id: string) => storedReport(id, { importedAt: '' });
  await db.reports.bulkPut(Array.from({ length: 40 }, (_, i) => row(`r${String(i).padStart(2, '0')}`)));
  await db.reports.delete('r41');
  await expect.poll(() => told).toHaveLength(1);
  expect(told[0]).toHaveLength(41);
  // Dexie names the keys of a bulk write of fewer than 50 rows; a larger one is told as a range (every report).
  await db.reports.bulkPut(Array.from({ length: 50 }, (_, i) => row(`s${String(i).padStart(2, '0')}`)));
  await expect.poll(() => told).toHaveLength(2);
  expect(told[1]).toBe('all');
  await db.reportSecurities.put({ securityId: 'SZ:002281', date: '', reportId: 'x' });
  await expect.poll(() => told).toHaveLength(3);
  expect(told[2]).toBeUndefined();
  stop();
});

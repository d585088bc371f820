import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { openLibraryDatabase } from './database';

/** Schema version 1 exactly as released: a library written by it must open in every later version. */
const VERSION_1 = {
  reports: 'id, date, source, importId, *securityIds',
  aliases: '[alias+securityId], alias, securityId, origin',
  imports: '++id, startedAt',
};

const name = `migration-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

test('version 1 → 2: reports, aliases and imports survive; the security index is built from the reports', async () => {
  const v1 = new Dexie(name);
  v1.version(1).stores(VERSION_1);
  await v1.table('reports').bulkAdd([
    { id: 'a'.repeat(64), title: 'A', date: '2025-01-02', securityIds: ['HK:09988', 'US:BABA'], originalText: 'a' },
    { id: 'b'.repeat(64), title: 'B', securityIds: ['US:AMZN'], originalText: 'b' },
  ]);
  await v1.table('aliases').add({ alias: '阿里', securityId: 'HK:09988', origin: 'learned', from: 'a.md' });
  await v1.table('imports').add({ startedAt: '2025-01-01', imported: 2, duplicates: 0, failed: [] });
  v1.close();

  const db = openLibraryDatabase(name);
  await db.open();
  expect(db.verno).toBe(2);
  expect(await db.reports.count()).toBe(2);
  expect(await db.aliases.count()).toBe(1);
  expect(await db.imports.count()).toBe(1);
  expect(await db.reportSecurities.toArray()).toEqual([
    { securityId: 'HK:09988', date: '2025-01-02', reportId: 'a'.repeat(64) },
    { securityId: 'US:AMZN', date: '', reportId: 'b'.repeat(64) },
    { securityId: 'US:BABA', date: '2025-01-02', reportId: 'a'.repeat(64) },
  ]);
  db.close();
});

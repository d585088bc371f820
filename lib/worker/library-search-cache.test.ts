import { afterEach, beforeEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase, type StoredReport } from '../db/database';
import { storedReport } from '../../test/support/stored-report';
import { bundledDictionary } from '../securities/dictionary';
import { watchLibraryChanges } from './library-changes';
import { createLibrarySearchCache } from './library-search-cache';

const dictionary = bundledDictionary();
const report = (n: number, title: string, summary = ''): StoredReport =>
  storedReport(n.toString(16).padStart(64, '0'), {
    title,
    summary,
    date: `2025-01-${String((n % 28) + 1).padStart(2, '0')}`,
    fileName: `${n}.md`,
  });

let db: LibraryDatabase;
let stop: () => void;
let cache: ReturnType<typeof createLibrarySearchCache>;
beforeEach(async () => {
  db = openLibraryDatabase(`search-cache-${crypto.randomUUID()}`);
  await db.reports.bulkAdd([report(1, '光伏 周报'), report(2, 'Margins outlook')]);
  // Dexie announces a new database as wholly changed just after it opens: let that pass first.
  await new Promise((resolve) => setTimeout(resolve, 250));
  cache = createLibrarySearchCache(db, () => Promise.resolve(dictionary));
  stop = watchLibraryChanges(db.name, (_tables, reports) => reports && cache.reportsChanged(reports));
});
afterEach(async () => {
  stop();
  await db.delete();
});

const titles = async (query: string) => (await cache.search(query, 100)).reports.map((r) => r.title).sort();

test('the index follows writes by their report ids: added, rewritten and deleted reports', async () => {
  expect(await titles('光伏')).toEqual(['光伏 周报']);
  await db.reports.put(report(3, '光伏 月报'));
  await db.reports.put(report(1, '风电 周报'));
  await expect.poll(() => titles('光伏')).toEqual(['光伏 月报']);
  await db.reports.delete(report(3, '').id);
  await expect.poll(() => titles('光伏')).toEqual([]);
  expect(await titles('风电')).toEqual(['风电 周报']);
});

test('a bulk write (told as a range) is reconciled at once and rebuilt behind, rewritten rows included', async () => {
  expect(await titles('marg')).toEqual(['Margins outlook']);
  await db.reports.bulkPut([report(2, 'Costs only'), ...Array.from({ length: 60 }, (_, i) => report(100 + i, `margin note ${i}`))]);
  await expect.poll(async () => (await cache.search('margin', 100)).total).toBe(60);
  await expect.poll(() => titles('costs')).toEqual(['Costs only']);
});

test('a page that wrote without saying what is reconciled by keys', async () => {
  expect(await titles('光伏')).toEqual(['光伏 周报']);
  stop();
  await db.reports.put(report(4, '光伏 年报'));
  cache.reconcile();
  expect(await titles('光伏')).toEqual(['光伏 周报', '光伏 年报']);
});

test('ids only (the library page reads its own rows): the same hits in the same order, no digest', async () => {
  await db.reports.bulkAdd(Array.from({ length: 30 }, (_, i) => report(200 + i, `光伏 日报 ${i}`)));
  const full = await cache.search('光伏', 20);
  const ids = await cache.search('光伏', 20, false);
  expect(ids.reports).toEqual([]);
  expect(ids.ids).toEqual(full.reports.map((r) => r.id));
  expect(ids.ids).toHaveLength(20);
  expect(ids.total).toBe(full.total);
});

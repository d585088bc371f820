import { afterEach, beforeEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase, type StoredReport } from '../db/database';
import { addReports, reportWriteTablesOf } from '../db/report-writes';
import type { LibrarySearchResult } from '../messaging/protocol';
import { tableDump } from '../../test/support/hostile-library';
import { createLibraryStore, PAGE_SIZE, SEARCH_LIMIT, type LibraryStore } from './library-store';
import { NO_FILTER } from './report-filter';

/** 130 reports: three pages; every tenth mentions 示例节水 by name only (no list knows it yet). */
const COUNT = 130;
const report = (i: number) => ({
  id: i.toString(16).padStart(64, '0'),
  title: `研报 ${String(i).padStart(3, '0')}`,
  date: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
  source: i % 2 ? '中信证券' : '华泰证券',
  summary: '',
  keyPoints: [],
  risks: [],
  securities: [],
  securityIds: [],
  format: 'markdown' as const,
  tags: [],
  fileName: `${i}.md`,
  originalText: i % 10 ? `# 研报 ${i}\n\n行业点评。` : `# 研报 ${i}\n\n示例节水订单饱满。`,
  importId: 1,
  importedAt: '2025-01-01',
});

let db: LibraryDatabase;
let store: LibraryStore;
/** The search the worker would answer (ids only, as the page asks): every report whose title holds the query, newest id first. */
const search = async (query: string, limit: number): Promise<LibrarySearchResult> => {
  const all = (await db.reports.toArray()).filter((row) => row.title.includes(query)).reverse();
  return { securities: [], ids: all.slice(0, limit).map((row) => row.id), reports: [], total: all.length };
};
beforeEach(async () => {
  db = openLibraryDatabase(`store-${crypto.randomUUID()}`);
  await db.transaction('rw', reportWriteTablesOf(db), () =>
    addReports(
      db,
      Array.from({ length: COUNT }, (_, i) => report(i)),
    ),
  );
  store = createLibraryStore({ db, search, searchDelayMs: 0 });
  await store.refresh();
});
afterEach(() => db.delete());

test('the table is paged with an honest total; pages clamp at the ends', async () => {
  expect(store.state.listing.rows).toHaveLength(PAGE_SIZE);
  expect(store.state.listing.total).toBe(COUNT);
  expect(store.state.libraryTotal).toBe(COUNT);
  await store.setPage(2);
  expect(store.state.listing.rows).toHaveLength(COUNT - 2 * PAGE_SIZE);
  await store.setPage(99);
  expect(store.state.page).toBe(2);
  await store.setPage(-1);
  expect(store.state.page).toBe(0);
});

test('sorting: a new column starts in its natural order, the same column flips, and the page resets', async () => {
  await store.setPage(1);
  await store.sortBy('title');
  expect(store.state.sort).toEqual({ key: 'title', descending: false });
  expect(store.state.page).toBe(0);
  expect(store.state.listing.rows[0]!.title).toBe('研报 000');
  await store.sortBy('title');
  expect(store.state.listing.rows[0]!.title).toBe(`研报 ${COUNT - 1}`);
});

test('filters count what passes; a query says how many matched in all, beyond the rows it lists', async () => {
  await store.setFilter({ ...NO_FILTER, source: '中信证券' });
  expect(store.state.listing.total).toBe(COUNT / 2);
  expect(store.state.sources).toEqual(['中信证券', '华泰证券'].sort());
  await store.setFilter({ ...NO_FILTER, query: '研报' });
  expect(store.state.searchTotal).toBe(COUNT);
  expect(store.state.listing.total).toBe(SEARCH_LIMIT);
  await store.setFilter({ ...NO_FILTER, query: '研报 12' });
  expect(store.state.listing.rows.map((row: StoredReport) => row.title).sort()).toEqual(
    ['研报 120', '研报 121', '研报 122', '研报 123', '研报 124', '研报 125', '研报 126', '研报 127', '研报 128', '研报 129'].sort(),
  );
  expect(store.state.searchTotal).toBe(10);
});

test('re-index cancelled leaves every table as it was; run through, it applies the new name', async () => {
  await db.aliases.put({ alias: '示例节水', securityId: 'BJ:920964', origin: 'user-list', from: 'list.csv' });
  const before = await tableDump(db);
  const cancelled = store.reindex();
  store.cancel();
  await cancelled;
  expect(store.state.status).toEqual({ kind: 'failed', message: { key: 'tools.cancelled' } });
  expect(await tableDump(db)).toEqual(before);
  await store.reindex();
  expect(store.state.status).toMatchObject({ kind: 'done', message: { key: 'tools.reindexed', values: { n: COUNT } } });
  expect((await db.reportSecurities.toArray()).filter((row) => row.securityId === 'BJ:920964')).toHaveLength(COUNT / 10);
  // Loading the parse context reads the securities master: seconds, not milliseconds, on a shared machine.
}, 60_000);

test('opening a report reads its body; deleting it removes row, body and index rows', async () => {
  const id = report(7).id;
  await store.open(id);
  expect(store.state.opened?.originalText).toBe(report(7).originalText);
  await store.remove(id);
  expect(store.state.opened).toBeUndefined();
  expect(await Promise.all([db.reports.get(id), db.reportBodies.get(id)])).toEqual([undefined, undefined]);
  expect(store.state.libraryTotal).toBe(COUNT - 1);
});

test("the first refresh takes the worker's count; after the page's own write it counts itself", async () => {
  const worker = createLibraryStore({ db, search, searchDelayMs: 0, countLibrary: () => Promise.resolve(COUNT) });
  let asked = 0;
  const counted = createLibraryStore({ db, search, searchDelayMs: 0, countLibrary: () => Promise.resolve((asked++, COUNT)) });
  await worker.refresh();
  expect(worker.state.libraryTotal).toBe(COUNT);
  await counted.refresh();
  await counted.remove(report(3).id);
  expect(asked).toBe(1);
  expect(counted.state.libraryTotal).toBe(COUNT - 1);
});

import { afterEach, beforeEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase, type StoredReport } from '../db/database';
import { storedReport } from '../../test/support/stored-report';
import { NO_FILTER } from './report-filter';
import { DEFAULT_SORT, listReports, type ListingRequest } from './report-listing';

/** 25 reports: dates over three years (every fifth undated), three sources (every seventh without one). */
const REPORTS: StoredReport[] = Array.from({ length: 25 }, (_, i) =>
  storedReport(i.toString(16).padStart(64, '0'), {
    title: `T${String.fromCharCode(97 + ((i * 7) % 25))}`,
    date: i % 5 === 4 ? undefined : `202${3 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
    source: i % 7 === 6 ? undefined : ['中信证券', 'Broker A', '华泰证券'][i % 3],
    fileName: `${i}.md`,
  }),
);

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`listing-${crypto.randomUUID()}`);
  await db.reports.bulkAdd(REPORTS);
});
afterEach(() => db.delete());

/** The same listing computed the obvious way: every report, filtered and sorted in memory. */
function expected({ filter, sort, offset, limit }: ListingRequest) {
  const day = (r: StoredReport) => r.date?.slice(0, 10) ?? '';
  const kept = REPORTS.filter(
    (r) =>
      (!filter.source || r.source === filter.source) &&
      (!filter.from || (day(r) && day(r) >= filter.from)) &&
      (!filter.to || (day(r) && day(r) <= filter.to)),
  );
  const key = sort.key === 'relevance' ? 'date' : sort.key;
  const withValue = kept.filter((r) => r[key] !== undefined);
  withValue.sort((a, b) => (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : a.id < b.id ? -1 : 1) * (sort.descending ? -1 : 1));
  // Ties keep id order within a descending index walk too (IndexedDB reverses the whole key, id included).
  const all = [...withValue, ...kept.filter((r) => r[key] === undefined)];
  return { ids: all.slice(offset, offset + limit).map((r) => r.id), total: kept.length };
}

const requests: [string, ListingRequest][] = [
  ['first page, newest first', { filter: NO_FILTER, sort: DEFAULT_SORT, offset: 0, limit: 10 }],
  ['last page reaches the undated reports', { filter: NO_FILTER, sort: DEFAULT_SORT, offset: 15, limit: 10 }],
  ['a page across dated and undated', { filter: NO_FILTER, sort: DEFAULT_SORT, offset: 18, limit: 4 }],
  ['title ascending', { filter: NO_FILTER, sort: { key: 'title', descending: false }, offset: 5, limit: 10 }],
  [
    'source descending, then the reports without one',
    { filter: NO_FILTER, sort: { key: 'source', descending: true }, offset: 10, limit: 15 },
  ],
  [
    'one source, by title',
    { filter: { ...NO_FILTER, source: 'Broker A' }, sort: { key: 'title', descending: false }, offset: 0, limit: 50 },
  ],
  [
    'a date range, oldest first',
    { filter: { ...NO_FILTER, from: '2024-01-01', to: '2024-12-31' }, sort: { key: 'date', descending: false }, offset: 0, limit: 50 },
  ],
  [
    'source and date range, second page',
    { filter: { ...NO_FILTER, source: '中信证券', from: '2023-06-01' }, sort: DEFAULT_SORT, offset: 2, limit: 2 },
  ],
  ['past the end', { filter: NO_FILTER, sort: DEFAULT_SORT, offset: 40, limit: 10 }],
];

test.each(requests)('%s: the page and the honest total', async (_label, request) => {
  const listing = await listReports(db, request);
  const want = expected(request);
  expect(listing.total).toBe(want.total);
  expect(listing.rows.map((row) => row.id)).toEqual(want.ids);
});

test("a query's ids keep the search's order for relevance, and the filter applies to them", async () => {
  const matching = [REPORTS[3]!.id, REPORTS[0]!.id, 'f'.repeat(64), REPORTS[1]!.id];
  const byRelevance = await listReports(db, {
    filter: NO_FILTER,
    sort: { key: 'relevance', descending: true },
    offset: 0,
    limit: 10,
    matching,
  });
  expect(byRelevance.rows.map((row) => row.id)).toEqual([REPORTS[3]!.id, REPORTS[0]!.id, REPORTS[1]!.id]);
  expect(byRelevance.total).toBe(3);
  const filtered = await listReports(db, {
    filter: { ...NO_FILTER, source: REPORTS[0]!.source! },
    sort: { key: 'relevance', descending: true },
    offset: 0,
    limit: 10,
    matching,
  });
  expect(filtered.rows.map((row) => row.id)).toEqual([REPORTS[3]!.id, REPORTS[0]!.id]);
});

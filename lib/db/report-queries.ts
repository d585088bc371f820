import type { ReportDigest, SecurityReports, TabDictionary } from '../messaging/protocol';
import { variantsForNames } from '../securities/chinese-variants';
import type { SecurityDictionary } from '../securities/dictionary';
import { securitiesMaster } from '../securities/master/securities-master';
import type { SecurityId } from '../securities/security-id';
import { rankRelated } from '../reports/rank-related';
import { tabEntries } from '../worker/page-names';
import type { LibraryDatabase, ReportSecurityRow, StoredReport } from './database';
import { RATING_HISTORY_REPORTS } from './rating-history';
import { ABOUT_RANKS } from './related-rank-key';
import { monthsOf, type SecurityTally } from './security-tallies';

/** Reports a card or the popup shows per security by default. */
export const DEFAULT_LATEST_REPORTS = 3;

/** The index rows of one listing, oldest first: `[securityId, date, reportId]` keys, read without report bodies. */
const rowsOfListing = (db: LibraryDatabase, listing: SecurityId) =>
  db.reportSecurities.where('[securityId+date+reportId]').between([listing, '', ''], [listing, '\uffff', '\uffff'], true, true);

/** A report as a card or list shows it. */
export const digest = (report: StoredReport): ReportDigest => ({
  id: report.id,
  title: report.title,
  date: report.date,
  source: report.source,
  url: report.url,
  summary: report.summary,
  keyPoints: report.keyPoints,
  risks: report.risks,
  ...(report.brokerNote?.rating ? { rating: { value: report.brokerNote.rating.value, change: report.brokerNote.rating.change } } : {}),
  ...(report.brokerNote?.targetPrice
    ? { targetPrice: { value: report.brokerNote.targetPrice.value, currency: report.brokerNote.targetPrice.currency } }
    : {}),
});

/** How many reports relate to a security, and how many per month: one walk over the keys of its listings' index rows. */
export interface ReportTally {
  count: number;
  months: [string, number][];
}

/** The tally of one report per row (rows of distinct reports, as {@link rankRelated} returns them). */
export function tallyOfReports(rows: Iterable<Pick<ReportSecurityRow, 'date'>>): ReportTally {
  let count = 0;
  const months = new Map<string, number>();
  for (const { date } of rows) {
    count++;
    if (date) months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
  }
  return { count, months: [...months].sort((a, b) => a[0].localeCompare(b[0])) };
}

/** Distinct reports related to one security (its issuer's listings included), counted in all and per month. */
export const tallyRelatedReports = (db: LibraryDatabase, dictionary: SecurityDictionary, id: SecurityId): Promise<ReportTally> =>
  tallyOfListings(db, dictionary.issuerListings(id));

/** A report as a card shows it under one security: its digest with how it relates to that security. */
export const rankedDigest = (report: StoredReport, row: ReportSecurityRow): ReportDigest => ({
  ...digest(report),
  relevance: { securityId: row.securityId, score: row.score, about: row.about ?? false, ...(row.passage && { passage: row.passage }) },
});

/** Every index row of a security's issuer (all its listings), one per report, in display order (`rank-related.ts`). */
export async function rankedRows(db: LibraryDatabase, dictionary: SecurityDictionary, id: SecurityId): Promise<ReportSecurityRow[]> {
  const listings = dictionary.issuerListings(id);
  // Rows are small (ids, date, score, one sentence): a security's few hundred rows are read without any report body.
  return rankRelated((await Promise.all(listings.map((listing) => rowsOfListing(db, listing).toArray()))).flat());
}

/** Reads reports for ranked rows, keeping the rows' order; a row whose report is gone is skipped. */
export async function digestsOf(db: LibraryDatabase, rows: readonly ReportSecurityRow[]): Promise<ReportDigest[]> {
  const reports = await db.reports.bulkGet(rows.map((row) => row.reportId));
  return rows.flatMap((row, i) => (reports[i] ? [rankedDigest(reports[i], row)] : []));
}

/** The most rows IndexedDB's `getAll` may be asked for (an unsigned long): the CLI asks for every report. */
const MOST_ROWS = 2 ** 32 - 1;

/** The first `count` index rows of one listing in the order of index `index` (rank or newest, since version 10). */
const firstRowsOf = (db: LibraryDatabase, index: '[securityId+rank]' | '[securityId+newest]', listing: SecurityId, count: number) =>
  db.reportSecurities
    .where(index)
    .between([listing, ''], [listing, '\uffff\uffff'], true, true)
    .limit(Math.min(count, MOST_ROWS))
    .toArray();

/** One row per report, newest first (ties: the smaller report id, as the `newest` index orders them), at most `count`. */
function newestReports(rows: readonly ReportSecurityRow[], count: number): ReportSecurityRow[] {
  const byReport = new Map<string, ReportSecurityRow>();
  // A report on two listings of the issuer has a row on each; the one with the rating (its main security's) is kept.
  for (const row of rows) if (!byReport.get(row.reportId)?.rating) byReport.set(row.reportId, row);
  return [...byReport.values()]
    .sort((a, b) => (a.date === b.date ? (a.reportId < b.reportId ? -1 : 1) : a.date < b.date ? 1 : -1))
    .slice(0, count);
}

/** The tally of an issuer's listings from their index keys alone (`[securityId, date, reportId]`: no row is read). */
async function tallyOfListings(db: LibraryDatabase, listings: readonly SecurityId[]): Promise<ReportTally> {
  const keys = await Promise.all(listings.map((listing) => rowsOfListing(db, listing).primaryKeys()));
  const dateOf = new Map<string, string>();
  for (const [, date, reportId] of keys.flat()) dateOf.set(reportId, date);
  return tallyOfReports([...dateOf.values()].map((date) => ({ date })));
}

/** Distinct reports about the company (rows whose rank key says `about`) across an issuer's listings, by keys alone. */
async function aboutCountOf(db: LibraryDatabase, listings: readonly SecurityId[]): Promise<number> {
  const keys = await Promise.all(
    listings.map((listing) =>
      db.reportSecurities
        .where('[securityId+rank]')
        .between([listing, ABOUT_RANKS[0]], [listing, ABOUT_RANKS[1]], true, false)
        .primaryKeys(),
    ),
  );
  return new Set(keys.flat().map((key) => key[2])).size;
}

/**
 * An issuer's counts: from its one listing's stored tally when at most one listing has reports (most issuers; a
 * read of one row per listing), else from the listings' index keys, since a report may be on two of them and the
 * tallies cannot tell (Alibaba's HK and US listings).
 */
async function issuerCounts(
  db: LibraryDatabase,
  listings: readonly SecurityId[],
  tallies: readonly (SecurityTally | undefined)[],
): Promise<ReportTally & { about: number }> {
  const held = tallies.filter((tally): tally is SecurityTally => (tally?.count ?? 0) > 0);
  if (held.length <= 1)
    return held[0] ? { count: held[0].count, about: held[0].about, months: monthsOf(held[0]) } : { count: 0, about: 0, months: [] };
  const [tally, about] = await Promise.all([tallyOfListings(db, listings), aboutCountOf(db, listings)]);
  return { ...tally, about };
}

/**
 * Reports on one security or any other listing of its issuer, in display order (about the company first, then by
 * relevance, newest first: `rank-related.ts`), with the total, the months and how many are about it. One read
 * transaction, its requests sent together: per listing, the best `limit` index rows by the rank index, the newest
 * {@link RATING_HISTORY_REPORTS} by the date index (their rows carry the broker notes' ratings: the timeline) and its
 * stored tally; then the digest rows of the best `limit` reports (and, for an issuer with reports on two listings,
 * the counts from index keys: {@link issuerCounts}). No body is read, and of a listing's rows
 * only those shown: a report among an issuer's best `limit` is among the best `limit` of the listing holding its
 * best row, so reading that many per listing is enough.
 */
export async function relatedReports(
  db: LibraryDatabase,
  dictionary: SecurityDictionary,
  id: SecurityId,
  limit = DEFAULT_LATEST_REPORTS,
): Promise<SecurityReports> {
  const listings = dictionary.issuerListings(id);
  return db.transaction('r', db.reportSecurities, db.reports, db.securityTallies, async () => {
    const [best, newest, tallies] = await Promise.all([
      Promise.all(listings.map((listing) => firstRowsOf(db, '[securityId+rank]', listing, limit))).then((rows) =>
        rankRelated(rows.flat()).slice(0, limit),
      ),
      Promise.all(listings.map((listing) => firstRowsOf(db, '[securityId+newest]', listing, RATING_HISTORY_REPORTS))).then((rows) =>
        newestReports(rows.flat(), RATING_HISTORY_REPORTS),
      ),
      db.securityTallies.bulkGet([...listings]),
    ]);
    const [reports, counts] = await Promise.all([db.reports.bulkGet(best.map((row) => row.reportId)), issuerCounts(db, listings, tallies)]);
    const ratings = newest.flatMap((row) => (row.rating ? [row.rating] : [])).sort((a, b) => a.date.localeCompare(b.date));
    return {
      id,
      name: dictionary.displayName(id),
      otherListings: listings.filter((listing) => listing !== id),
      reportCount: counts.count,
      aboutCount: counts.about,
      months: counts.months,
      latest: best.flatMap((row, i) => (reports[i] ? [rankedDigest(reports[i], row)] : [])),
      ...(ratings.length ? { ratings } : {}),
    };
  });
}

/**
 * The tab dictionary: every listing the library has reports on, widened to the other listings of its issuer, so
 * a page naming `BABA` finds reports filed under `HK:09988`; with each name's strength, the master's phrases that are
 * not names (海纳百川), renamed and delisted tickers. What else a page names (every known security in mark-all mode,
 * and the longer names of other companies that hold a reported name, 申万宏源 for 西部证券) a tab asks for with the
 * page's text (`getPageNames`), so it reads the page as the whole master would.
 */
export async function tabDictionary(db: LibraryDatabase, dictionary: SecurityDictionary, markAll = false): Promise<TabDictionary> {
  const [reported, master] = await Promise.all([
    db.reports.orderBy('securityIds').uniqueKeys() as Promise<SecurityId[]>,
    securitiesMaster(),
  ]);
  const entries = tabEntries(dictionary, reported);
  const allNames = [...entries.flatMap((entry) => entry.names), ...master.notNames];
  return {
    entries,
    withReports: entries.map((entry) => entry.id),
    markAll,
    variants: variantsForNames(allNames),
    notNames: master.notNames,
    renamed: master.renamed,
    delisted: master.delisted,
  };
}

/**
 * Reports in the library. Counted through the `importId` index (every report has one), not the object store:
 * Chromium counts by walking records, and an index's records are a key and an id, not a whole digest row.
 */
export async function countReports(db: LibraryDatabase): Promise<number> {
  return db.reports.orderBy('importId').count();
}

/** Distinct reports related to any of `ids` (their issuers' listings included): the number on a tab's badge. */
export async function countRelatedReports(
  db: LibraryDatabase,
  dictionary: SecurityDictionary,
  ids: readonly SecurityId[],
): Promise<number> {
  const listings = [...new Set(ids.flatMap((id) => dictionary.issuerListings(id)))];
  const keys = await Promise.all(listings.map((listing) => rowsOfListing(db, listing).primaryKeys()));
  return new Set(keys.flat().map((key) => key[2])).size;
}

import type { ReportDigest, SecurityReports, TabDictionary } from '../messaging/protocol';
import { variantsForNames } from '../securities/chinese-variants';
import type { SecurityDictionary } from '../securities/dictionary';
import { securitiesMaster } from '../securities/master/securities-master';
import type { SecurityId } from '../securities/security-id';
import { rankRelated } from '../reports/rank-related';
import { tabEntries } from '../worker/page-names';
import type { LibraryDatabase, ReportSecurityRow, StoredReport } from './database';
import { RATING_HISTORY_REPORTS, ratingHistory } from './rating-history';

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

/** Distinct reports related to one security (its issuer's listings included), counted in all and per month. */
export async function tallyRelatedReports(db: LibraryDatabase, dictionary: SecurityDictionary, id: SecurityId): Promise<ReportTally> {
  const listings = dictionary.issuerListings(id);
  const keys = await Promise.all(listings.map((listing) => rowsOfListing(db, listing).primaryKeys()));
  const dateOf = new Map<string, string>();
  for (const [, date, reportId] of keys.flat()) dateOf.set(reportId, date);
  const months = new Map<string, number>();
  for (const date of dateOf.values()) if (date) months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1);
  return { count: dateOf.size, months: [...months].sort((a, b) => a[0].localeCompare(b[0])) };
}

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

/**
 * Reports on one security or any other listing of its issuer, in display order (about the company first, then by
 * relevance, newest first: `rank-related.ts`), with the total and how many are about it. Only `limit` reports are
 * read; the ranking reads index rows alone.
 */
export async function relatedReports(
  db: LibraryDatabase,
  dictionary: SecurityDictionary,
  id: SecurityId,
  limit = DEFAULT_LATEST_REPORTS,
  tallies: Map<SecurityId, Promise<ReportTally>> = new Map(),
): Promise<SecurityReports> {
  const listings = dictionary.issuerListings(id);
  const ranked = await rankedRows(db, dictionary, id);
  // The tally reads every key of the security: callers keep `tallies` per library state.
  if (!tallies.has(id)) tallies.set(id, tallyRelatedReports(db, dictionary, id));
  const { count: reportCount, months } = await tallies.get(id)!;
  const latest = await digestsOf(db, ranked.slice(0, limit));
  // The timeline is extra: a failure reading it must not cost the card its reports.
  const ratings = await ratingsOf(db, dictionary, id, ranked).catch((error: unknown) => {
    console.error('ReportLens: rating timeline', error);
    return [];
  });
  return {
    id,
    name: dictionary.displayName(id),
    otherListings: listings.filter((listing) => listing !== id),
    reportCount,
    aboutCount: ranked.filter((row) => row.about).length,
    months,
    latest,
    ...(ratings.length ? { ratings } : {}),
  };
}

/**
 * The rating timeline: the newest {@link RATING_HISTORY_REPORTS} reports of the security's issuer (their digest rows,
 * no bodies), those broker notes whose main security this is.
 */
async function ratingsOf(db: LibraryDatabase, dictionary: SecurityDictionary, id: SecurityId, rows: readonly ReportSecurityRow[]) {
  const newest = [...new Set([...rows].sort((a, b) => b.date.localeCompare(a.date)).map((row) => row.reportId))].slice(
    0,
    RATING_HISTORY_REPORTS,
  );
  const reports = (await db.reports.bulkGet(newest)).filter((report): report is StoredReport => report !== undefined);
  return ratingHistory(reports, id, dictionary);
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

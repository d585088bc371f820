import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ParsedReport } from '../reports/parse-report';
import type { Passage } from '../reports/relevance';
import type { NameBlock } from '../securities/alias-gate';
import type { AliasOrigin } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { BUNDLED_SECURITIES, type SecurityEntry } from '../securities/bundled-securities';
import { securitiesMaster } from '../securities/master/securities-master';
import { refusedLearnedAliases, unlinkRefused } from './recheck-learned-aliases';
import { indexReportNames, type NameBitsRow, type NameSlice } from './reports-naming-index';
import { mainSecurityOf, ratingOfReport } from './rating-history';
import { newestKey, rankKey } from './related-rank-key';
import { applyRows, securityTallyMiddleware, suspendTallies, type SecurityTally } from './security-tallies';
import type { RatingPoint } from '../messaging/protocol';
import type { StoredSubscription, SubscriptionReportRow } from '../feeds/subscription-types';

/**
 * A report's digest row in the library: what was extracted, without its original text (since version 3 the text
 * lives in `reportBodies`, so lists, cards, search and the worker never read bodies of up to 20 MB).
 */
export interface StoredReport extends ParsedReport {
  /** SHA-256 of the decoded original text: the report's identity; the same report imported twice is one report. */
  id: string;
  /** Canonical ids of its securities, for the multi-entry index `*securityIds`. */
  securityIds: SecurityId[];
  fileName: string;
  importId: number;
  importedAt: string;
}

/** A report's original text, kept so a better parser can re-index it; one row per report, keyed by the report's id. */
export interface ReportBody {
  id: string;
  originalText: string;
}

/** A report with its original text: what the import, re-index and backup handle (stored apart as row and body). */
export type LibraryReport = StoredReport & Pick<ReportBody, 'originalText'>;

/** The digest row and the body of a report with its text. */
export function splitReport({ originalText, ...row }: LibraryReport): [StoredReport, ReportBody] {
  return [row, { id: row.id, originalText }];
}

/** A name or code the user or a report taught us, with where it came from. */
export interface StoredAlias {
  alias: string;
  securityId: SecurityId;
  origin: Exclude<AliasOrigin, 'bundled'>;
  /** The list or report it came from, for the user to see and undo. */
  from: string;
}

/** A name the user said is not a security (since version 5): never learned or matched as it again. */
export interface StoredBlock extends NameBlock {
  /** When the user blocked it (ISO 8601), for the library page's list. */
  blockedAt: string;
}

/** One import run and what became of each file. */
export interface ImportBatch {
  id?: number;
  startedAt: string;
  finishedAt?: string;
  imported: number;
  duplicates: number;
  failed: { file: string; reason: string }[];
}

/** The library database. Open it only from extension pages and the worker, never from a content script. */
export type LibraryDatabase = Dexie & {
  reports: EntityTable<StoredReport, 'id'>;
  aliases: Table<StoredAlias, [string, SecurityId]>;
  imports: EntityTable<ImportBatch, 'id'>;
  reportSecurities: Table<ReportSecurityRow, [SecurityId, string, string]>;
  reportBodies: EntityTable<ReportBody, 'id'>;
  pdfFiles: EntityTable<StoredPdf, 'id'>;
  aliasBlocks: Table<StoredBlock, [string, SecurityId]>;
  subscriptions: EntityTable<StoredSubscription, 'id'>;
  subscriptionReports: Table<SubscriptionReportRow, [number, string]>;
  nameSlices: Table<NameSlice, number>;
  nameBits: Table<NameBitsRow, [number, number]>;
  securityTallies: Table<SecurityTally, string>;
};

/** The original bytes of a PDF report (since version 6), under the report's id (the SHA-256 of these bytes). */
export interface StoredPdf {
  id: string;
  bytes: Uint8Array;
}

/**
 * One (security, report) pair with the report's date: the index behind "the latest reports on this security" and
 * "how many", read from keys alone (since version 2). `date` is '' for undated reports, which sort oldest.
 */
export interface ReportSecurityRow {
  securityId: SecurityId;
  date: string;
  reportId: string;
  /** Relevance of the report to the security, 0–100 (not indexed; absent on rows written before it existed). */
  score?: number;
  /** The report is about this company, not merely naming it. */
  about?: boolean;
  /** The sentence that names the security, mention marked: cards quote it without reading the report. */
  passage?: Passage;
  /**
   * The row's place in display order (`related-rank-key.ts`), indexed with the security since version 10: a look-up
   * reads a listing's best rows by key range and limit. Absent only on rows of libraries still being upgraded.
   */
  rank?: string;
  /** The date, newest first as a key (indexed with the security since version 10: the rating timeline's rows). */
  newest?: string;
  /** The broker note's rating and target, on the row of the note's main security only (since version 10). */
  rating?: RatingPoint;
}

/**
 * The rows of one report, with each security's relevance, passage and rank keys; the row of the report's main
 * security carries the broker note's rating, so the rating timeline is read from index rows, not digest rows.
 */
export const securityRowsOf = (
  report: Pick<StoredReport, 'id' | 'date' | 'securityIds' | 'securities' | 'source' | 'brokerNote'>,
): ReportSecurityRow[] => {
  const rating = ratingOfReport(report);
  const main = rating && mainSecurityOf(report);
  return [...new Set(report.securityIds)].map((securityId) => {
    // `?? []`: the version 2 upgrade builds rows from reports of any age.
    const found = (report.securities ?? []).find((security) => security.id === securityId);
    const row = {
      securityId,
      date: report.date ?? '',
      reportId: report.id,
      ...(found?.score !== undefined && { score: found.score, about: found.about ?? false }),
      ...(found?.passage && { passage: found.passage }),
    };
    return { ...row, rank: rankKey(row), newest: newestKey(row.date), ...(securityId === main && { rating }) };
  });
};

export const DATABASE_NAME = 'reportlens';

/** Reports moved per step of the version 3 upgrade: memory stays bounded (bodies are 4–20 KB, at most 20 MB). */
const UPGRADE_PAGE = 100;
/** Digest rows read per step of the version 10 upgrade (a digest row is about a kilobyte; no body is read). */
const ROW_UPGRADE_PAGE = 1_000;

/**
 * The master's entries for the version 5 re-check. The master is a file of the extension, read while the upgrade
 * waits (`Dexie.waitFor`); should it fail to load, the bundled list judges instead, rather than the library not
 * opening at all.
 */
const masterEntries = (): Promise<readonly SecurityEntry[]> =>
  securitiesMaster().then(
    (master) => master.entries,
    () => BUNDLED_SECURITIES,
  );

/**
 * Opens the library. Schema versions are cumulative: add a new `version(n)` with its upgrade below the old ones and
 * never edit a released version (https://dexie.org/docs/Tutorial/Design#database-versioning).
 */
export function openLibraryDatabase(name = DATABASE_NAME): LibraryDatabase {
  const db = new Dexie(name) as LibraryDatabase;
  // Every write of index rows adjusts their listings' tallies in the same transaction (version 10 on).
  db.use(securityTallyMiddleware);
  db.version(1).stores({
    reports: 'id, date, source, importId, *securityIds',
    aliases: '[alias+securityId], alias, securityId, origin',
    imports: '++id, startedAt',
  });
  // 2: latest-first look-ups per security without reading report bodies (a multi-entry index has no date order).
  db.version(2)
    .stores({ reportSecurities: '[securityId+date+reportId], reportId' })
    .upgrade(async (tx) => {
      const rows: ReportSecurityRow[] = [];
      await tx.table<StoredReport>('reports').each((report) => rows.push(...securityRowsOf(report)));
      await tx.table<ReportSecurityRow>('reportSecurities').bulkPut(rows);
    });
  // 3: bodies apart, so reading digest rows never reads original texts. Moved in pages: a 1 GB library is never
  // held in memory at once during the upgrade.
  // The title index orders the library page's table by title without reading every row.
  db.version(3)
    .stores({ reports: 'id, date, source, importId, *securityIds, title', reportBodies: 'id' })
    .upgrade(async (tx) => {
      const reports = tx.table<StoredReport & Partial<ReportBody>, string>('reports');
      const bodies = tx.table<ReportBody, string>('reportBodies');
      for (let after: string | undefined; ;) {
        const page = await (after === undefined ? reports.orderBy(':id') : reports.where(':id').above(after)).limit(UPGRADE_PAGE).toArray();
        if (!page.length) return;
        const split = page.map((report) => splitReport({ ...report, originalText: report.originalText ?? '' }));
        await bodies.bulkPut(split.map(([, body]) => body));
        await reports.bulkPut(split.map(([row]) => row));
        after = page.at(-1)!.id;
      }
    });
  // 4 and 6 are other changes' (Dexie allows gaps). 5: the user's blocks ("not this security"), and the aliases
  // learned before the gate existed re-checked: those it refuses go, with the report links only they made.
  db.version(5)
    .stores({ aliasBlocks: '[alias+securityId], securityId' })
    .upgrade(async (tx) => {
      const aliases = await tx.table<StoredAlias>('aliases').toArray();
      if (!aliases.some((alias) => alias.origin === 'learned')) return;
      const refused = refusedLearnedAliases(aliases, await Dexie.waitFor(masterEntries()));
      if (!refused.length) return;
      await tx.table('aliases').bulkDelete(refused.map((alias) => [alias.alias, alias.securityId]));
      // Only the reports linked to a security that lost a name are read, with their bodies.
      const touched = [...new Set(refused.map((alias) => alias.securityId))];
      const reports = await tx.table<StoredReport>('reports').where('securityIds').anyOf(touched).distinct().toArray();
      const bodies = await tx.table<ReportBody, string>('reportBodies').bulkGet(reports.map((report) => report.id));
      const changed = unlinkRefused(
        refused,
        aliases,
        reports.map((report, i) => ({ ...report, originalText: bodies[i]?.originalText ?? '' })),
      );
      await tx.table<StoredReport>('reports').bulkPut(changed);
      const index = tx.table<ReportSecurityRow>('reportSecurities');
      await index
        .where('reportId')
        .anyOf(changed.map((report) => report.id))
        .delete();
      await index.bulkPut(changed.flatMap(securityRowsOf));
    });
  // 6: the original bytes of PDF reports, apart from the report rows so digests and lists never read them.
  db.version(6).stores({ pdfFiles: 'id' });
  // 7: feeds and libraries the user follows, and which reports each brought (so unsubscribing can remove them).
  db.version(7).stores({ subscriptions: '++id, &url, nextPollAt', subscriptionReports: '[subscriptionId+reportId], reportId' });
  // 8 is another change's. 9: which reports may contain a name (`reports-naming-index.ts`), so a name learned late is looked
  // for in those reports' bodies alone, not in every body; built here for the reports already stored, a page of
  // bodies at a time.
  db.version(9)
    .stores({ nameSlices: 'slice', nameBits: '[bucket+slice]' })
    .upgrade(async (tx) => {
      const reports = tx.table<StoredReport, string>('reports');
      const index = { slices: tx.table<NameSlice, number>('nameSlices'), bits: tx.table<NameBitsRow, [number, number]>('nameBits') };
      for (let after: string | undefined; ;) {
        const ids = await (after === undefined ? reports.orderBy(':id') : reports.where(':id').above(after))
          .limit(UPGRADE_PAGE)
          .primaryKeys();
        if (!ids.length) return;
        const bodies = await tx.table<ReportBody, string>('reportBodies').bulkGet(ids);
        await indexReportNames(
          index,
          ids.map((id, i) => ({ id, originalText: bodies[i]?.originalText ?? '' })),
        );
        after = ids.at(-1);
      }
    });
  // 10: a security's rows in display order and newest first by index (`related-rank-key.ts`), and the broker
  // note's rating on its main security's row, so a look-up reads a listing's best rows and its newest ratings by key
  // range and limit instead of every row and 40 digest rows; and each listing's tally (`security-tallies.ts`), so it
  // counts without reading its rows. Every row is written again from its report's digest row, a page of reports at
  // a time; the tallies are counted here from the rows written (the middleware is told to leave them).
  db.version(10)
    .stores({
      reportSecurities: '[securityId+date+reportId], reportId, [securityId+rank], [securityId+newest]',
      securityTallies: 'securityId',
    })
    .upgrade(async (tx) => {
      suspendTallies(tx.idbtrans);
      const reports = tx.table<StoredReport, string>('reports');
      const rows = tx.table<ReportSecurityRow>('reportSecurities');
      const tallies = new Map<string, SecurityTally>();
      // Written again from the reports, so the tallies count exactly the rows there are.
      await rows.clear();
      for (let after: string | undefined; ;) {
        const page = await (after === undefined ? reports.orderBy(':id') : reports.where(':id').above(after))
          .limit(ROW_UPGRADE_PAGE)
          .toArray();
        const written = page.flatMap(securityRowsOf);
        await rows.bulkPut(written);
        applyRows(tallies, written, 1);
        if (page.length < ROW_UPGRADE_PAGE) break;
        after = page.at(-1)!.id;
      }
      await tx.table<SecurityTally, string>('securityTallies').bulkPut([...tallies.values()]);
    });
  return db;
}

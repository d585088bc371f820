import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ParsedReport } from '../reports/parse-report';
import type { Passage } from '../reports/relevance';
import type { AliasOrigin } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
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
  subscriptions: EntityTable<StoredSubscription, 'id'>;
  subscriptionReports: Table<SubscriptionReportRow, [number, string]>;
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
}

/** The rows of one report, with each security's relevance and passage. */
export const securityRowsOf = (report: Pick<StoredReport, 'id' | 'date' | 'securityIds' | 'securities'>): ReportSecurityRow[] =>
  [...new Set(report.securityIds)].map((securityId) => {
    // `?? []`: the version 2 upgrade builds rows from reports of any age.
    const found = (report.securities ?? []).find((security) => security.id === securityId);
    return {
      securityId,
      date: report.date ?? '',
      reportId: report.id,
      ...(found?.score !== undefined && { score: found.score, about: found.about ?? false }),
      ...(found?.passage && { passage: found.passage }),
    };
  });

export const DATABASE_NAME = 'reportlens';

/** Reports moved per step of the version 3 upgrade: memory stays bounded (bodies are 4–20 KB, at most 20 MB). */
const UPGRADE_PAGE = 100;

/**
 * Opens the library. Schema versions are cumulative: add a new `version(n)` with its upgrade below the old ones and
 * never edit a released version (https://dexie.org/docs/Tutorial/Design#database-versioning).
 */
export function openLibraryDatabase(name = DATABASE_NAME): LibraryDatabase {
  const db = new Dexie(name) as LibraryDatabase;
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
  // 6: the original bytes of PDF reports, apart from the report rows so digests and lists never read them.
  // (4–5 are other changes' versions; Dexie takes versions with gaps.)
  db.version(6).stores({ pdfFiles: 'id' });
  // 7: feeds and libraries the user follows, and which reports each brought (so unsubscribing can remove them).
  db.version(7).stores({ subscriptions: '++id, &url, nextPollAt', subscriptionReports: '[subscriptionId+reportId], reportId' });
  return db;
}

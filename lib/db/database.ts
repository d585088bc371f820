import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ParsedReport } from '../reports/parse-report';
import type { NameBlock } from '../securities/alias-gate';
import type { AliasOrigin } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { refusedLearnedAliases, unlinkRefused } from './recheck-learned-aliases';

/** A report in the library: what was extracted, plus the original text so a better parser can re-index it. */
export interface StoredReport extends ParsedReport {
  /** SHA-256 of the decoded original text: the report's identity; the same report imported twice is one report. */
  id: string;
  /** Canonical ids of its securities, for the multi-entry index `*securityIds`. */
  securityIds: SecurityId[];
  fileName: string;
  originalText: string;
  importId: number;
  importedAt: string;
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
  aliasBlocks: Table<StoredBlock, [string, SecurityId]>;
};

/**
 * One (security, report) pair with the report's date: the index behind "the latest reports on this security" and
 * "how many", read from keys alone (since version 2). `date` is '' for undated reports, which sort oldest.
 */
export interface ReportSecurityRow {
  securityId: SecurityId;
  date: string;
  reportId: string;
}

/** The rows of one report. */
export const securityRowsOf = (report: Pick<StoredReport, 'id' | 'date' | 'securityIds'>): ReportSecurityRow[] =>
  [...new Set(report.securityIds)].map((securityId) => ({ securityId, date: report.date ?? '', reportId: report.id }));

export const DATABASE_NAME = 'reportlens';

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
  // 3 and 4 are other changes' (Dexie allows the gap). 5: the user's blocks ("not this security"), and the aliases
  // learned before the gate existed re-checked: those it refuses go, with the report links only they made.
  db.version(5)
    .stores({ aliasBlocks: '[alias+securityId], securityId' })
    .upgrade(async (tx) => {
      const aliases = await tx.table<StoredAlias>('aliases').toArray();
      const refused = refusedLearnedAliases(aliases);
      if (!refused.length) return;
      await tx.table('aliases').bulkDelete(refused.map((alias) => [alias.alias, alias.securityId]));
      // Only the reports linked to a security that lost a name are read (bodies and all).
      const touched = [...new Set(refused.map((alias) => alias.securityId))];
      const reports = await tx.table<StoredReport>('reports').where('securityIds').anyOf(touched).distinct().toArray();
      const changed = unlinkRefused(refused, aliases, reports);
      await tx.table<StoredReport>('reports').bulkPut(changed);
      const index = tx.table<ReportSecurityRow>('reportSecurities');
      await index
        .where('reportId')
        .anyOf(changed.map((report) => report.id))
        .delete();
      await index.bulkPut(changed.flatMap(securityRowsOf));
    });
  return db;
}

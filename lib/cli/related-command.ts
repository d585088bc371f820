import Dexie from 'dexie';
import { openLibraryDatabase } from '../db/database';
import { relatedReports } from '../db/report-queries';
import { importReportFiles } from '../import/import-report-files';
import { isSecurityId, normaliseSecurityCode } from '../securities/security-id';
import { cliParseContext } from './inspect-command';
import { sourcesAt } from './node-sources';

/** Options of `related`. */
export interface RelatedOptions {
  security: string;
  securities?: string;
  limit?: number;
}

/**
 * `related PATH --security ID [--securities LIST] [--limit N]`: imports PATH into an in-memory library exactly as the
 * library page would, asks for the security's reports with the worker's own query (`relatedReports`, ranked by
 * `rank-related.ts`), and prints one JSON line per report in card order:
 * `{"file","id","title","date","score","about","passage","risks"}`.
 */
export async function relatedCommand(path: string, options: RelatedOptions, print: (line: string) => void): Promise<void> {
  const id = isSecurityId(options.security) ? options.security : normaliseSecurityCode(options.security);
  if (!id) throw new Error(`--security ${options.security} is no security id (SH:600519, HK:09988, US:AMZN, 9988.HK …)`);
  // An in-memory IndexedDB: the import writes and the query reads through Dexie as in the browser.
  const memory = await import('fake-indexeddb');
  Dexie.dependencies.indexedDB = memory.indexedDB;
  Dexie.dependencies.IDBKeyRange = memory.IDBKeyRange;
  const db = openLibraryDatabase(`cli-related-${process.pid}`);
  try {
    const context = await cliParseContext(options.securities);
    const { dictionary } = context;
    await importReportFiles(db, await sourcesAt(path), context);
    const related = await relatedReports(db, dictionary, id, options.limit ?? Number.MAX_SAFE_INTEGER);
    const files = await db.reports.bulkGet(related.latest.map((report) => report.id));
    related.latest.forEach((report, i) => {
      print(
        JSON.stringify({
          file: files[i]?.fileName ?? null,
          id: report.id,
          title: report.title,
          date: report.date ?? null,
          score: report.relevance?.score ?? null,
          about: report.relevance?.about ?? false,
          passage: report.relevance?.passage?.text ?? null,
          risks: report.risks,
        }),
      );
    });
  } finally {
    await db.delete();
  }
}

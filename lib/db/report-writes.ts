import { securityRowsOf, splitReport, type LibraryDatabase, type LibraryReport, type StoredReport } from './database';
import { indexReportNames, nameIndexOf } from './reports-naming-index';

/** The tables {@link addReports} writes: a transaction that adds reports must include every one of them. */
export const reportWriteTablesOf = (db: LibraryDatabase) => [db.reports, db.reportBodies, db.reportSecurities, db.nameSlices, db.nameBits];

/**
 * Adds new reports: digest rows, bodies, security index rows and the names index (which reports may contain a
 * name). Call it inside a transaction over {@link reportWriteTablesOf}, so a report is never stored without its body
 * or its indexes.
 */
export async function addReports(db: LibraryDatabase, reports: readonly LibraryReport[]): Promise<void> {
  if (!reports.length) return;
  const split = reports.map(splitReport);
  await db.reports.bulkAdd(split.map(([row]) => row));
  // Put, not add: a body is keyed by its text's hash, so one left behind (a wiped table) is the same body.
  await db.reportBodies.bulkPut(split.map(([, body]) => body));
  await db.reportSecurities.bulkPut(reports.flatMap(securityRowsOf));
  await indexReportNames(nameIndexOf(db), reports);
}

/**
 * Writes digest rows of reports that were read again (their bodies are unchanged), and replaces their index rows (a
 * report whose securities changed must not keep the rows of the old ones). Call it inside a transaction over
 * `reports` and `reportSecurities`.
 */
export async function rewriteReports(db: LibraryDatabase, updated: readonly StoredReport[]): Promise<void> {
  if (!updated.length) return;
  await db.reports.bulkPut([...updated]);
  await db.reportSecurities
    .where('reportId')
    .anyOf(updated.map((report) => report.id))
    .delete();
  await db.reportSecurities.bulkPut(updated.flatMap(securityRowsOf));
}

/** One report with its original text, or undefined: the reader's view (the only path that reads one body). */
export async function reportWithBody(db: LibraryDatabase, id: string): Promise<LibraryReport | undefined> {
  const [row, body] = await db.transaction('r', db.reports, db.reportBodies, () =>
    Promise.all([db.reports.get(id), db.reportBodies.get(id)]),
  );
  return row && { ...row, originalText: body?.originalText ?? '' };
}

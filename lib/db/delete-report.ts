import type { LibraryDatabase } from './database';

/** Removes one report, its body and its security index rows in one transaction; aliases it taught stay (they name securities). */
/** The tables one report lives in: a transaction that may delete reports must include every one of them. */
export const reportTablesOf = (db: LibraryDatabase) => [db.reports, db.reportBodies, db.reportSecurities, db.pdfFiles];

export async function deleteReport(db: LibraryDatabase, id: string): Promise<void> {
  await db.transaction('rw', reportTablesOf(db), async () => {
    await db.reports.delete(id);
    await db.reportBodies.delete(id);
    await db.pdfFiles.delete(id);
    await db.reportSecurities.where('reportId').equals(id).delete();
  });
}

import { securityRowsOf, type LibraryDatabase, type StoredReport } from '../db/database';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { AliasLearner } from './alias-learner';
import { readAgainForRepeats, withSourceRepeats } from './read-again-for-repeats';

/** What re-indexing did. */
export interface ReindexResult {
  reports: number;
  changed: number;
  failed: { file: string; reason: string }[];
}

/**
 * Re-runs extraction on every report's original text with today's parser and dictionary, so a better parser or a
 * newly imported security list improves the whole library without re-import. Ids, files and import records stay;
 * everything is written in one transaction.
 */
export async function reindexLibrary(
  db: LibraryDatabase,
  libraryContext: ParseContext,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReindexResult> {
  const reports = await db.reports.toArray();
  // Lines a source repeats across its reports are found over the whole library.
  const context = withSourceRepeats(libraryContext);
  const learner = new AliasLearner(context);
  const read: { before: string; next: StoredReport }[] = [];
  const failed: ReindexResult['failed'] = [];
  reports.forEach((report, i) => {
    try {
      const parsed = parseReport(report.fileName, report.originalText, { ...context, learn: learner.learn });
      read.push({ before: JSON.stringify(report), next: { ...report, ...parsed, securityIds: parsed.securities.map((s) => s.id) } });
    } catch (error) {
      failed.push({ file: report.fileName, reason: (error as Error).message });
    }
    if (i % 100 === 99) onProgress(i + 1, reports.length);
  });
  readAgainForRepeats(
    read.map(({ next }) => next),
    context,
  );
  const updated = read.filter(({ before, next }) => JSON.stringify(next) !== before).map(({ next }) => next);
  await db.transaction('rw', [db.reports, db.aliases, db.reportSecurities], async () => {
    await rewriteReports(db, updated);
    await db.aliases.bulkPut(learner.aliases());
  });
  onProgress(reports.length, reports.length);
  return { reports: reports.length, changed: updated.length, failed };
}

/**
 * Writes reports that were read again, and replaces their index rows (a report whose securities changed must not
 * keep the rows of the old ones). Call it inside a transaction over `reports` and `reportSecurities`.
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

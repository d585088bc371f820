import type { LibraryDatabase, StoredReport } from '../db/database';
import { reportPages, yieldToPage } from '../db/report-pages';
import { rewriteReports } from '../db/report-writes';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { AliasLearner } from './alias-learner';
import { readAgainForRepeats, withSourceRepeats } from './read-again-for-repeats';

export { rewriteReports } from '../db/report-writes';

/** What re-indexing did. */
export interface ReindexResult {
  reports: number;
  changed: number;
  failed: { file: string; reason: string }[];
}

/** Longest stretch of parsing between two yields to the page, so progress paints and input is answered. */
const SLICE_MS = 40;

/**
 * Re-runs extraction on every report's original text with today's parser and dictionary, so a better parser or a
 * newly imported security list improves the whole library without re-import. Reads the library a page at a time
 * and parses in slices of {@link SLICE_MS}, yielding between them (progress paints, the page stays responsive);
 * writes what changed in one transaction at the end, so aborting `signal` before then leaves the library exactly as
 * it was (the promise rejects with the signal's reason). Ids, files, bodies and import records stay.
 */
export async function reindexLibrary(
  db: LibraryDatabase,
  libraryContext: ParseContext,
  onProgress: (done: number, total: number) => void = () => {},
  signal?: AbortSignal,
): Promise<ReindexResult> {
  // Lines a source repeats across its reports are found over the whole library.
  const context = withSourceRepeats(libraryContext);
  const total = await db.reports.count();
  const learner = new AliasLearner(context);
  const read: { before: string; next: StoredReport }[] = [];
  const failed: ReindexResult['failed'] = [];
  let done = 0;
  let sliceStart = performance.now();
  for await (const page of reportPages(db, { signal })) {
    for (const { originalText, ...report } of page) {
      try {
        const parsed = parseReport(report.fileName, originalText, { ...context, learn: learner.learn });
        read.push({ before: JSON.stringify(report), next: { ...report, ...parsed, securityIds: parsed.securities.map((s) => s.id) } });
      } catch (error) {
        failed.push({ file: report.fileName, reason: (error as Error).message });
      }
      done++;
      if (performance.now() - sliceStart >= SLICE_MS) {
        onProgress(done, total);
        await yieldToPage();
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
  }
  signal?.throwIfAborted();
  // Reports carrying a line their source repeats are read again from their bodies, knowing the repeats.
  await readAgainForRepeats(
    read.map(({ next }) => next),
    context,
    async (touched) => (await db.reportBodies.bulkGet(touched.map((report) => report.id))).map((body) => body?.originalText),
  );
  signal?.throwIfAborted();
  const updated = read.filter(({ before, next }) => JSON.stringify(next) !== before).map(({ next }) => next);
  await db.transaction('rw', [db.reports, db.aliases, db.reportSecurities], async () => {
    await rewriteReports(db, updated);
    await db.aliases.bulkPut(learner.aliases());
  });
  onProgress(done, done);
  return { reports: done, changed: updated.length, failed };
}

import type { LibraryDatabase, LibraryReport } from './database';

/** Reports per page when the whole library is walked: a few MB of bodies at a time, whatever the library's size. */
export const REPORT_PAGE = 200;

/**
 * Every report with its original text, a page at a time in id order, each page read in its own short transaction:
 * memory stays bounded, and writers are never held up for the whole walk. A report deleted during the walk may be
 * left out, one added may be seen or not. Stops with the signal's reason when it is aborted between pages.
 */
export async function* reportPages(
  db: LibraryDatabase,
  { pageSize = REPORT_PAGE, signal }: { pageSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<LibraryReport[]> {
  for (let after: string | undefined; ;) {
    signal?.throwIfAborted();
    const page = await db.transaction('r', db.reports, db.reportBodies, async () => {
      const rows = await (after === undefined ? db.reports.orderBy(':id') : db.reports.where(':id').above(after)).limit(pageSize).toArray();
      const bodies = await db.reportBodies.bulkGet(rows.map((row) => row.id));
      return rows.map((row, i): LibraryReport => ({ ...row, originalText: bodies[i]?.originalText ?? '' }));
    });
    if (!page.length) return;
    after = page.at(-1)!.id;
    yield page;
  }
}

/** Gives the page a chance to paint and take input between chunks of long work. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The reports of `ids` that are still stored, with their original texts, a page at a time (each page in its own
 * short read transaction), in the order given; ids of reports no longer stored are skipped.
 */
export async function* reportsByIds(
  db: LibraryDatabase,
  ids: readonly string[],
  { pageSize = REPORT_PAGE, signal }: { pageSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<LibraryReport[]> {
  for (let at = 0; at < ids.length; at += pageSize) {
    signal?.throwIfAborted();
    const wanted = ids.slice(at, at + pageSize);
    const page = await db.transaction('r', db.reports, db.reportBodies, async () => {
      const [rows, bodies] = await Promise.all([db.reports.bulkGet(wanted), db.reportBodies.bulkGet(wanted)]);
      return rows.flatMap((row, i): LibraryReport[] => (row ? [{ ...row, originalText: bodies[i]?.originalText ?? '' }] : []));
    });
    if (page.length) yield page;
  }
}

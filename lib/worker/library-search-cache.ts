import type { LibraryDatabase, StoredReport } from '../db/database';
import { digest } from '../db/report-queries';
import type { LibrarySearchResult } from '../messaging/protocol';
import type { SecurityDictionary } from '../securities/dictionary';
import { LibrarySearchIndex, type SearchableReport } from '../search/library-search';
import type { ChangedReports } from './library-changes';

/**
 * Digest rows read per step of a build or update: each step is one short read transaction and a few milliseconds of
 * tokenising, so look-ups asked meanwhile are answered between steps.
 */
const BUILD_PAGE = 500;
/**
 * Wait after `prepareSearch` before building: the page that asked is still loading and asks for its first screen
 * (library size, look-ups, table rows) meanwhile; a build started at once would compete with those for the worker.
 */
const PREPARE_DELAY_MS = 1_000;
/** Removed or replaced reports' slots tolerated before the index is rebuilt to free them (besides half its size). */
const COMPACT_AFTER_DEAD_SLOTS = 5_000;

/** What the search reads of a digest row: digest fields only, never the body (up to 20 MB). */
export const searchableReport = (report: StoredReport): SearchableReport => ({
  id: report.id,
  date: report.date,
  title: report.title,
  securityIds: report.securityIds,
  text: [
    report.source ?? '',
    report.summary,
    ...report.keyPoints,
    ...report.risks,
    ...report.securities.map((s) => s.name),
    ...report.tags,
    report.fileName,
  ].join('\n'),
});

/**
 * The worker's library search. The index is built from digest rows a page at a time, on the first search or when
 * an extension page says a search may come ({@link prepare}: the library page on opening), and then
 * kept while the worker lives, following the database:
 * - a change naming its reports (Dexie names the keys of writes of fewer than 50 rows) re-reads those rows;
 * - a change of a range of reports (a bulk write, a clear) is first reconciled by keys (reports added or deleted
 *   are searchable at once), and the index is rebuilt in the background to catch rows rewritten in place, the old
 *   one answering until the new one is complete;
 * - a page's `libraryChanged` message (sent because a stopped worker hears no broadcast) is reconciled by keys.
 * Updates and the first build run one after another; a search waits for those queued before it.
 */
export function createLibrarySearchCache(db: LibraryDatabase, dictionary: () => Promise<SecurityDictionary>) {
  let index: LibrarySearchIndex | undefined;
  /** Whether an index is kept or being built (no index, nothing to update: the next search builds it). */
  let started = false;
  let tail: Promise<unknown> = Promise.resolve();
  /** Changes seen while a background rebuild reads the library, applied to the new index before it is swapped in. */
  let rebuilding: { changed: Set<string>; again: boolean } | undefined;

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch((error: unknown) => console.error('ReportLens: search index', error));
    return run;
  };
  const entries = async () => [...(await dictionary()).entries()];

  const readAll = async (): Promise<LibrarySearchIndex> => {
    const next = new LibrarySearchIndex(await entries());
    for (let after: string | undefined; ;) {
      const page = await (after === undefined ? db.reports.orderBy(':id') : db.reports.where(':id').above(after))
        .limit(BUILD_PAGE)
        .toArray();
      for (const report of page) next.add(searchableReport(report));
      if (page.length < BUILD_PAGE) return next;
      after = page.at(-1)!.id;
    }
  };

  /** Re-reads reports `ids` into `target`: added or replaced if present, removed if gone. */
  const reread = async (target: LibrarySearchIndex, ids: readonly string[]) => {
    for (let start = 0; start < ids.length; start += BUILD_PAGE) {
      const slice = ids.slice(start, start + BUILD_PAGE);
      const rows = await db.reports.bulkGet(slice);
      slice.forEach((id, i) => (rows[i] ? target.add(searchableReport(rows[i])) : target.remove(id)));
    }
    target.settle();
  };

  /** Adds the reports `target` lacks and removes those the library no longer has, by primary keys alone. */
  const reconcile = async (target: LibrarySearchIndex) => {
    const keys: string[] = await db.reports.toCollection().primaryKeys();
    const present = new Set(keys);
    for (const id of [...target.reportIds()]) if (!present.has(id)) target.remove(id);
    await reread(
      target,
      keys.filter((id) => !target.has(id)),
    );
  };

  const rebuildAhead = () => {
    if (rebuilding) {
      rebuilding.again = true;
      return;
    }
    const log = (rebuilding = { changed: new Set<string>(), again: false });
    readAll()
      .then((next) =>
        serial(async () => {
          rebuilding = undefined;
          if (log.again) return rebuildAhead();
          await reread(next, [...log.changed]);
          index = next;
        }),
      )
      .catch((error: unknown) => {
        rebuilding = undefined;
        console.error('ReportLens: rebuilding the search index', error);
      });
  };

  const current = () =>
    serial(async () => {
      started = true;
      return (index ??= await readAll());
    });

  return {
    /**
     * Searches the library (building the index first if none is kept). The hits' digest rows are read only when
     * `digests` is true: a list that reads its own rows (the library page) asks for ids, and the answer reads nothing.
     */
    async search(query: string, limit?: number, digests = true): Promise<LibrarySearchResult> {
      const { hits, securities, total } = (await current()).search(query, limit);
      const ids = hits.map((hit) => hit.id);
      const [found, names] = await Promise.all([digests ? db.reports.bulkGet(ids) : [], dictionary()]);
      return {
        securities: securities.map((id) => ({ id, name: names.displayName(id) })),
        ids,
        reports: found.flatMap((report) => (report ? [digest(report)] : [])),
        total,
      };
    },
    /** Starts building the index if none is kept, without waiting: a search is likely to come. */
    prepare(): void {
      setTimeout(() => {
        if (!started) void current().catch(() => undefined);
      }, PREPARE_DELAY_MS);
    },
    /** Reports changed (their ids, or 'all' for a range): updates the kept index, if any. */
    reportsChanged(reports: ChangedReports): void {
      if (!started) return;
      if (reports === 'all') {
        void serial(async () => index && reconcile(index));
        rebuildAhead();
        return;
      }
      for (const id of reports) rebuilding?.changed.add(id);
      void serial(async () => {
        if (!index) return;
        await reread(index, [...reports]);
        if (index.deadSlots > Math.max(COMPACT_AFTER_DEAD_SLOTS, index.size / 2)) rebuildAhead();
      });
    },
    /** An extension page wrote without saying what: reports added or deleted are found by their keys. */
    reconcile(): void {
      if (started) void serial(async () => index && reconcile(index));
    },
    /** Names changed (aliases, blocks): the name matcher is rebuilt with the new dictionary. */
    namesChanged(): void {
      if (started) void serial(async () => index?.setSecurities(await entries()));
    },
  };
}

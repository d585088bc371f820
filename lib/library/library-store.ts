import type { LibraryDatabase, LibraryReport, ImportBatch } from '../db/database';
import { aliasOverview, type AliasOverview } from '../db/alias-queries';
import { deleteReport } from '../db/delete-report';
import { loadLibraryDictionary, loadParseContext } from '../db/library-dictionary';
import { countReports } from '../db/report-queries';
import { securityOverview, type SecurityOverview } from '../db/security-overview';
import type { SecurityId } from '../securities/security-id';
import { reportWithBody } from '../db/report-writes';
import type { ImportProgress, ImportResult, ImportSource } from '../import/import-report-files';
import { writeBackupBlob } from '../import/backup-zip';
import { reindexLibrary } from '../import/reindex-library';
import { runLibraryImport } from '../import/run-library-import';
import type { LibrarySearchResult } from '../messaging/protocol';
import type { ParseContext } from '../reports/parse-report';
import type { UiMessage } from '../i18n/messages';
import { editAlias } from '../db/alias-queries';
import type { StoredAlias } from '../db/database';
import { importSecurityList } from '../import/import-security-list';
import { NO_FILTER, type ReportFilter } from './report-filter';
import { DEFAULT_SORT, listReports, type ReportListing, type ReportSort, type ReportSortKey } from './report-listing';

/** The library page's tabs: reports (with the import bar) first; the rest are things one visits now and then. */
export const LIBRARY_TABS = ['reports', 'feeds', 'aliases', 'settings', 'history'] as const;
export type LibraryTab = (typeof LIBRARY_TABS)[number];

/** Rows per page of the table: a screen or two, so a page renders in a few milliseconds at any library size. */
export const PAGE_SIZE = 50;
/** Reports a query lists at most (the search request's limit); beyond it the page says how many more match. */
export const SEARCH_LIMIT = 100;
/** Import runs the history tab lists, newest first. */
const HISTORY_SHOWN = 50;

/**
 * A long task of the tools (re-index), with a cancel while it runs. Messages are keys with values, translated when
 * shown (the page's language can change while a task runs).
 */
export type TaskStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; message: UiMessage; done?: number; total?: number; cancellable: boolean }
  | { kind: 'done'; message: UiMessage; failures?: TaskFailure[] }
  | { kind: 'failed'; message: UiMessage };

/** A file a task could not handle (a report the re-index could not read), and why. */
export interface TaskFailure {
  file: string;
  reason: string;
}

/** What a finished task says: its message, and the files it could not handle. */
type TaskOutcome = UiMessage & { failures?: TaskFailure[] };

/** A task's failure with its own message (`file: reason`), rather than the bare error's. */
class TaskError extends Error {
  constructor(
    readonly failure: UiMessage,
    reason: string,
  ) {
    super(reason);
  }
}

/** Everything the library page shows. */
export interface LibraryState {
  tab: LibraryTab;
  filter: ReportFilter;
  sort: ReportSort;
  /** Page of the table, from 0. */
  page: number;
  listing: ReportListing;
  /** Reports in the library. */
  libraryTotal: number;
  /** For a query: how many reports the search matched in all (the listing holds at most {@link SEARCH_LIMIT}). */
  searchTotal: number | undefined;
  sources: string[];
  opened: LibraryReport | undefined;
  /** The security page open (`#security=ID`): its reports ranked, risks grouped, latest view. */
  security: SecurityOverview | undefined;
  progress: ImportProgress | undefined;
  result: ImportResult | undefined;
  status: TaskStatus;
  overview: AliasOverview;
  history: ImportBatch[];
}

/** What the store needs from outside the database: the worker's search. */
export interface LibraryStoreDeps {
  db: LibraryDatabase;
  search: (query: string, limit: number) => Promise<LibrarySearchResult>;
  /** Debounce for typing in the query box (0 in tests). */
  searchDelayMs?: number;
  /**
   * The library's size as the worker keeps it (counted once per library change, not per page open: counting walks
   * an index of every report). Used for the page's first refresh; after its own writes the page counts itself, as
   * the worker hears of them a moment later.
   */
  countLibrary?: () => Promise<number>;
  /** Reads PDFs in this page (pdf.js); without it an import refuses PDFs with a reason. */
  readPdf?: ParseContext['readPdf'];
}

/** Typing pause before a query is searched. */
const SEARCH_DEBOUNCE_MS = 150;

export const INITIAL_STATE: LibraryState = {
  tab: 'reports',
  filter: NO_FILTER,
  sort: DEFAULT_SORT,
  page: 0,
  listing: { rows: [], total: 0 },
  libraryTotal: 0,
  searchTotal: undefined,
  sources: [],
  opened: undefined,
  security: undefined,
  progress: undefined,
  result: undefined,
  status: { kind: 'idle' },
  overview: { lists: [], learned: [], blocks: [] },
  history: [],
};

/**
 * The library page's state and what changes it: the table (a page read through an index, sorted, filtered, honest
 * counts), the open report, imports, the re-index with its cancel, and the alias and history tabs. Views render
 * {@link LibraryState} and call these actions; the entry point only mounts. Reads digest rows only, but for the one
 * report opened.
 */
export function createLibraryStore({ db, search, countLibrary, searchDelayMs = SEARCH_DEBOUNCE_MS, readPdf }: LibraryStoreDeps) {
  let state = INITIAL_STATE;
  const listeners = new Set<(state: LibraryState) => void>();
  const set = (patch: Partial<LibraryState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  /** Ids the search returned for the current query (best first) and its total; undefined without a query. */
  let matching: { query: string; ids: string[]; total: number } | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let task: AbortController | undefined;
  /** The library's size as of the last refresh. */
  let knownTotal: Promise<number> | undefined;
  /** Only the latest listing request may write the table (a slow one must not overwrite a newer one). */
  let listingRun = 0;

  const loadListing = async () => {
    const run = ++listingRun;
    const query = state.filter.query.trim();
    const ids = query ? (matching?.query === query ? matching.ids : undefined) : undefined;
    if (query && !ids) return; // the search has not answered yet; it calls back
    // The library's size is counted once per refresh (every write is followed by one); pages and sorts reuse it.
    const total = (knownTotal ??= countReports(db));
    const request = { filter: state.filter, sort: state.sort, offset: state.page * PAGE_SIZE, limit: PAGE_SIZE, matching: ids };
    // The page's rows are read while the count runs, not after it.
    const [libraryTotal, listing] = await Promise.all([total, listReports(db, { ...request, total })]);
    if (run === listingRun) set({ listing, libraryTotal, searchTotal: query ? matching?.total : undefined });
  };

  const runSearch = (query: string) => {
    clearTimeout(searchTimer);
    if (!query.trim()) {
      matching = undefined;
      return loadListing();
    }
    const searchNow = async () => {
      const found = await search(query, SEARCH_LIMIT);
      if (state.filter.query === query) {
        matching = { query: query.trim(), ids: found.ids, total: found.total ?? found.ids.length };
        await loadListing();
      }
    };
    return new Promise<void>((resolve, reject) => {
      searchTimer = setTimeout(() => void searchNow().then(resolve, reject), searchDelayMs);
    });
  };

  /** Re-reads what the page shows after the library changed: table, counts, sources, aliases, history. */
  let opened = false;
  const refresh = async () => {
    knownTotal = !opened && countLibrary ? countLibrary().catch(() => countReports(db)) : undefined;
    opened = true;
    // The table first: the side panels' reads (the source list walks an index) must not hold up the first rows.
    await (state.filter.query.trim() ? runSearch(state.filter.query) : loadListing());
    const [sources, overview, history] = await Promise.all([
      db.reports.orderBy('source').uniqueKeys() as Promise<string[]>,
      aliasOverview(db),
      db.imports.orderBy('id').reverse().limit(HISTORY_SHOWN).toArray(),
    ]);
    set({ sources, overview, history });
  };

  /** Runs one tool with a busy message, then shows its outcome or its error; a cancelled task says so. */
  const runTask = async (busy: UiMessage, work: (signal: AbortSignal) => Promise<TaskOutcome>, cancellable = false) => {
    task = new AbortController();
    set({ status: { kind: 'busy', message: busy, cancellable } });
    try {
      const { failures, ...message } = await work(task.signal);
      set({ status: { kind: 'done', message, ...(failures?.length ? { failures } : {}) } });
    } catch (error) {
      const cancelled = task.signal.aborted;
      set({
        status: {
          kind: 'failed',
          message: cancelled
            ? { key: 'tools.cancelled' }
            : error instanceof TaskError
              ? error.failure
              : { key: 'reason', values: { reason: (error as Error).message } },
        },
      });
    } finally {
      task = undefined;
    }
    await refresh();
  };

  return {
    get state() {
      return state;
    },
    /** Calls `listener` with every new state; returns the unsubscribe. */
    subscribe(listener: (state: LibraryState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    setTab: (tab: LibraryTab) => set({ tab }),
    /** A new filter starts at the first page; a new query is searched (debounced). */
    setFilter(filter: ReportFilter) {
      const queryChanged = filter.query !== state.filter.query;
      set({ filter, page: 0 });
      return queryChanged ? runSearch(filter.query) : loadListing();
    },
    /** Sorts by a column: the same column again flips the direction; a new one starts in its natural direction. */
    sortBy(key: ReportSortKey) {
      const descending = state.sort.key === key ? !state.sort.descending : key === 'date' || key === 'relevance';
      set({ sort: { key, descending }, page: 0 });
      return loadListing();
    },
    setPage(page: number) {
      const last = Math.max(0, Math.ceil(state.listing.total / PAGE_SIZE) - 1);
      set({ page: Math.min(Math.max(0, page), last) });
      return loadListing();
    },
    /** Opens one report (its body is read now, the only body the page reads) or closes it. */
    async open(id: string | undefined) {
      set({ opened: id ? await reportWithBody(db, id) : undefined });
    },
    /** Opens one security's page (a card's "All N reports") or closes it. */
    async openSecurity(id: SecurityId | undefined) {
      set({ security: id ? await securityOverview(db, await loadLibraryDictionary(db), id) : undefined });
    },
    async remove(id: string) {
      await deleteReport(db, id);
      set({ opened: undefined });
      await refresh();
    },
    async importFiles(sources: readonly ImportSource[]) {
      set({ result: undefined, tab: 'reports' });
      const result = await runLibraryImport(
        db,
        sources,
        async () => {},
        (progress) => set({ progress }),
        readPdf,
      );
      set({ result });
      await refresh();
      return result;
    },
    /** Re-index in slices with progress; {@link cancel} stops it before it writes anything. */
    reindex: () =>
      runTask(
        { key: 'tools.reindexing' },
        async (signal) => {
          const result = await reindexLibrary(
            db,
            await loadParseContext(db),
            (done, total) =>
              set({
                status: {
                  kind: 'busy',
                  message: { key: 'tools.reindexProgress', values: { done: done.toLocaleString('en'), total: total.toLocaleString('en') } },
                  done,
                  total,
                  cancellable: true,
                },
              }),
            signal,
          );
          return { key: 'tools.reindexed', values: { n: result.reports, changed: result.changed }, failures: result.failed };
        },
        true,
      ),
    /**
     * Exports the streamed backup (a zip of NDJSON parts) a page of reports at a time, with progress and a cancel;
     * `save` receives the finished zip (a Blob of the compressed chunks: no single string of the whole library).
     */
    exportBackup: (save: (zip: Blob, fileName: string) => void) =>
      runTask(
        { key: 'tools.exporting' },
        async (signal) => {
          const { blob, manifest } = await writeBackupBlob(db, {
            signal,
            onProgress: (done, total) =>
              set({
                status: {
                  kind: 'busy',
                  message: { key: 'tools.exportProgress', values: { done: done.toLocaleString('en'), total: total.toLocaleString('en') } },
                  done,
                  total,
                  cancellable: true,
                },
              }),
          });
          save(blob, `reportlens-backup-${manifest.exportedAt.slice(0, 10)}.zip`);
          return { key: 'tools.exported', values: { n: manifest.reports, aliases: manifest.aliases } };
        },
        true,
      ),
    /** Imports a security list (its names join the dictionary); says what it held, or why it was refused. */
    importSecurityList: (file: { name: string; text: () => Promise<string> }) =>
      runTask({ key: 'tools.readingList', values: { file: file.name } }, async () => {
        try {
          const result = await importSecurityList(db, file.name, await file.text());
          const format: UiMessage = { key: `listFormat.${result.format}` };
          const values = { file: file.name, names: result.aliases, format, skipped: result.skippedRows };
          return { key: 'tools.listImported', values: { ...values, securities: result.securities } };
        } catch (error) {
          const reason = (error as Error).message;
          throw new TaskError({ key: 'tools.listFailed', values: { file: file.name, reason } }, reason);
        }
      }),
    /** Corrects a learned alias (name or security); a re-index applies it to reports already imported. */
    editAlias: (alias: Pick<StoredAlias, 'alias' | 'securityId'>, next: Pick<StoredAlias, 'alias' | 'securityId'>) =>
      runTask({ key: 'tools.savingAlias' }, async () => {
        await editAlias(db, alias, next);
        return { key: 'tools.aliasSaved', values: { from: alias.alias, to: next.alias, id: next.securityId } };
      }),
    runTask,
    /** Stops the running task, if it can be stopped. */
    cancel: () => task?.abort(new DOMException('cancelled', 'AbortError')),
  };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;

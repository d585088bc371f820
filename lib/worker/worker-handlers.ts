import type { LibraryDatabase } from '../db/database';
import { loadLibraryDictionary } from '../db/library-dictionary';
import { countRelatedReports, countReports, relatedReports, tabDictionary } from '../db/report-queries';
import type { SecurityReports, TabDictionary } from '../messaging/protocol';
import type { WorkerHandlers } from '../messaging/serve-worker-requests';
import type { SecurityDictionary } from '../securities/dictionary';
import { markAllKnown } from '../settings/display-settings';
import { notThisSecurityHash } from '../library/not-this-security';
import { CHANGE_SETTLE_MS, watchLibraryChanges, type CachedTable, type ChangedReports } from './library-changes';
import { createLibrarySearchCache } from './library-search-cache';
import { answerPageNames } from './page-names';

/** Look-up answers the worker keeps at most: a reader's session touches tens of securities, not thousands. */
const RELATED_CACHE_ENTRIES = 500;

/**
 * The cached answer for `key`, else `load()`'s, kept unless it fails; the oldest entry goes when the cache is full.
 */
function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const kept = cache.get(key);
  if (kept) return kept;
  if (cache.size >= RELATED_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.get(key) === loading && cache.delete(key));
  return loading;
}

/** What the worker does in the browser, passed in by the background entry point. */
export interface WorkerEffects {
  openLibraryPage: (hash: string) => Promise<void>;
  /** Sets the toolbar badge of one tab ('' clears it). */
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Tells open tabs the library changed, so they fetch the new dictionary and mark again. */
  refreshTabs?: () => Promise<void>;
  /** Runs the card view's script in one frame of a tab (see `lib/page/card-view.ts`); tests that open no card omit it. */
  injectCardView?: (tabId: number, frameId: number) => Promise<void>;
}

/**
 * The worker's answers. The dictionary, the tab dictionary, tallies and the search index are computed on demand and
 * kept while the worker lives; they follow the database: any committed write to reports, their index rows or aliases,
 * from any context (library page, popup, this worker), drops what it affects and tells open tabs
 * ({@link watchLibraryChanges}), so no writer has to remember to. A stopped worker recomputes on the next request.
 */
export function createWorkerHandlers(
  db: LibraryDatabase,
  { openLibraryPage, setBadge, refreshTabs, injectCardView }: WorkerEffects,
): WorkerHandlers {
  let dictionary: Promise<SecurityDictionary> | undefined;
  /** The compiled tab dictionary, for the setting it was compiled under. */
  let compiled: { markAll: boolean; dictionary: Promise<TabDictionary> } | undefined;
  const currentDictionary = () => (dictionary ??= loadLibraryDictionary(db));
  const search = createLibrarySearchCache(db, currentDictionary);
  /** Look-up answers per security and limit, kept until the library changes (a popup or card asks again). */
  let related = new Map<string, Promise<SecurityReports>>();
  /** The library's size (the popup asks it on every open; counting walks an index). */
  let reportCount: Promise<number> | undefined;
  /** `reports`: the report ids written (Dexie's event), or 'unknown' for a page's message, which does not say. */
  const dropCaches = (tables: ReadonlySet<CachedTable>, reports: ChangedReports | 'unknown' | undefined) => {
    if (tables.has('reports')) reportCount = undefined;
    // Aliases and blocks change names (the dictionary); reports and their rows change which securities have reports.
    if (tables.has('aliases') || tables.has('aliasBlocks')) {
      dictionary = undefined;
      search.namesChanged();
    }
    compiled = undefined;
    // The search index is updated, not dropped: rebuilding it reads every digest row.
    if (reports === 'unknown') search.reconcile();
    else if (reports) search.reportsChanged(reports);
    related = new Map();
  };
  let tabsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Drops caches now and tells tabs once for changes that arrive together (event and message for one write). */
  const libraryChanged = (tables: ReadonlySet<CachedTable>, reports: ChangedReports | 'unknown' | undefined) => {
    dropCaches(tables, reports);
    if (tabsTimer !== undefined || !refreshTabs) return;
    tabsTimer = setTimeout(() => {
      tabsTimer = undefined;
      void refreshTabs().catch((error: unknown) => console.error('ReportLens: telling tabs', error));
    }, CHANGE_SETTLE_MS);
  };
  watchLibraryChanges(db.name, libraryChanged);

  return {
    getTabDictionary: async () => {
      const markAll = await markAllKnown();
      if (compiled?.markAll !== markAll) compiled = { markAll, dictionary: currentDictionary().then((d) => tabDictionary(db, d, markAll)) };
      return compiled.dictionary;
    },
    getPageNames: answerPageNames(currentDictionary),
    getRelatedReports: async ({ ids, limit }) => {
      const d = await currentDictionary();
      return Promise.all(ids.map((id) => remember(related, `${id} ${limit ?? ''}`, () => relatedReports(db, d, id, limit))));
    },
    openReport: ({ reportId }) => openLibraryPage(`report=${reportId}`),
    openSecurity: ({ securityId }) => openLibraryPage(`security=${encodeURIComponent(securityId)}`),
    askNotThisSecurity: ({ name, id }) => openLibraryPage(notThisSecurityHash(name, id)),
    showPageMarks: async ({ ids }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const count = ids.length ? await countRelatedReports(db, await currentDictionary(), ids) : 0;
      await setBadge(tabId, count ? String(count) : '');
    },
    loadCardView: async (_none, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await injectCardView?.(tabId, sender.frameId ?? 0);
    },
    getLibraryStats: async () => ({ reports: await (reportCount ??= countReports(db)) }),
    prepareSearch: () => search.prepare(),
    searchLibrary: ({ query, limit, digests }) => search.search(query, limit, digests),
    // Extension pages forward their writes' change events (`announceLibraryChanges`): a message wakes a
    // stopped worker, where a broadcast does not, so tabs hear of writes made while the worker slept.
    // The worker also hears the write's own event while it runs, which names the reports; the message does not.
    libraryChanged: () => libraryChanged(new Set(['aliases', 'reports']), 'unknown'),
  };
}

import type { LibraryDatabase } from '../db/database';
import { loadLibraryDictionary } from '../db/library-dictionary';
import { countRelatedReports, countReports, relatedReports, tabDictionary, type ReportTally } from '../db/report-queries';
import type { TabDictionary } from '../messaging/protocol';
import type { WorkerHandlers } from '../messaging/serve-worker-requests';
import type { SecurityDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { markAllKnown } from '../settings/display-settings';
import { notThisSecurityHash } from '../library/not-this-security';
import { CHANGE_SETTLE_MS, watchLibraryChanges, type CachedTable } from './library-changes';
import { createLibrarySearchCache } from './library-search-cache';

/** What the worker does in the browser, passed in by the background entry point. */
export interface WorkerEffects {
  openLibraryPage: (hash: string) => Promise<void>;
  /** Sets the toolbar badge of one tab ('' clears it). */
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Tells open tabs the library changed, so they fetch the new dictionary and mark again. */
  refreshTabs?: () => Promise<void>;
  /** Runs the card view's script in one frame of a tab (see `lib/page/card-view.ts`). */
  injectCardView: (tabId: number, frameId: number) => Promise<void>;
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
  /** Report counts per security (in all and per month), kept until the library changes. */
  let tallies = new Map<SecurityId, Promise<ReportTally>>();
  /** The library's size (the popup asks it on every open; counting walks an index). */
  let reportCount: Promise<number> | undefined;
  const dropCaches = (tables: ReadonlySet<CachedTable>) => {
    if (tables.has('reports')) reportCount = undefined;
    // Aliases and blocks change names (the dictionary); reports and their rows change which securities have reports.
    if (tables.has('aliases') || tables.has('aliasBlocks')) dictionary = undefined;
    compiled = undefined;
    search.invalidate();
    tallies = new Map();
  };
  let tabsTimer: ReturnType<typeof setTimeout> | undefined;
  /** Drops caches now and tells tabs once for changes that arrive together (event and message for one write). */
  const libraryChanged = (tables: ReadonlySet<CachedTable>) => {
    dropCaches(tables);
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
    getRelatedReports: async ({ ids, limit }) => {
      const d = await currentDictionary();
      return Promise.all(ids.map((id) => relatedReports(db, d, id, limit, tallies)));
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
      if (tabId !== undefined) await injectCardView(tabId, sender.frameId ?? 0);
    },
    getLibraryStats: async () => ({ reports: await (reportCount ??= countReports(db)) }),
    searchLibrary: ({ query, limit }) => search.search(query, limit),
    // Extension pages forward their writes' change events (`announceLibraryChanges`): a message wakes a
    // stopped worker, where a broadcast does not, so tabs hear of writes made while the worker slept.
    libraryChanged: () => libraryChanged(new Set(['aliases', 'reports'])),
  };
}

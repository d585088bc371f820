import type { LibraryDatabase } from '../db/database';
import { loadLibraryDictionary } from '../db/library-dictionary';
import { countRelatedReports, countReports, relatedReports, tabDictionary, type ReportTally } from '../db/report-queries';
import type { TabDictionary } from '../messaging/protocol';
import type { WorkerHandlers } from '../messaging/serve-worker-requests';
import type { SecurityDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { markAllKnown } from '../settings/display-settings';
import { notThisSecurityHash } from '../library/not-this-security';
import { createLibrarySearchCache } from './library-search-cache';

/**
 * The worker's answers. The dictionary and the tab dictionary are computed once per library change and kept while
 * the worker lives; a stopped worker simply recomputes them on the next request.
 */
/** What the worker does in the browser, passed in by the background entry point. */
export interface WorkerEffects {
  openLibraryPage: (hash: string) => Promise<void>;
  /** Sets the toolbar badge of one tab ('' clears it). */
  setBadge: (tabId: number, text: string) => Promise<void>;
}

export function createWorkerHandlers(db: LibraryDatabase, { openLibraryPage, setBadge }: WorkerEffects): WorkerHandlers {
  let dictionary: Promise<SecurityDictionary> | undefined;
  /** The compiled tab dictionary, for the setting it was compiled under. */
  let compiled: { markAll: boolean; dictionary: Promise<TabDictionary> } | undefined;
  const currentDictionary = () => (dictionary ??= loadLibraryDictionary(db));
  const search = createLibrarySearchCache(db, currentDictionary);
  /** Report counts per security (in all and per month), kept until the library changes. */
  let tallies = new Map<SecurityId, Promise<ReportTally>>();

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
    askNotThisSecurity: ({ name, id }) => openLibraryPage(notThisSecurityHash(name, id)),
    showPageMarks: async ({ ids }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const count = ids.length ? await countRelatedReports(db, await currentDictionary(), ids) : 0;
      await setBadge(tabId, count ? String(count) : '');
    },
    getLibraryStats: async () => ({ reports: await countReports(db) }),
    searchLibrary: ({ query, limit }) => search.search(query, limit),
    libraryChanged: () => {
      dictionary = undefined;
      compiled = undefined;
      search.invalidate();
      tallies = new Map();
    },
  };
}

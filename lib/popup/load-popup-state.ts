import { tabMessenger, workerMessenger, type PageSecurities, type SecurityReports } from '../messaging/protocol';

/** What the popup knows so far. */
export type PopupState =
  | { kind: 'loading' }
  | { kind: 'empty-library' }
  | { kind: 'loading-demo' }
  | { kind: 'page'; libraryReports: number; page: PageSecurities | undefined; related: SecurityReports[] };

/**
 * What the popup shows for a tab: the library's size, the securities the tab's content script found, and their
 * related reports (securities without reports are left out). A tab without our content script (a site we do not
 * run on, or a browser page) simply has no securities.
 */
export async function loadPopupState(tabId: number | undefined): Promise<PopupState> {
  // The library's size and the tab's securities are asked together: the popup's first render waits for the slower.
  const [{ reports }, page] = await Promise.all([
    workerMessenger.sendMessage('getLibraryStats', undefined),
    tabId === undefined ? undefined : tabMessenger.sendMessage('getPageSecurities', undefined, tabId).catch(() => undefined),
  ]);
  if (!reports) return { kind: 'empty-library' };
  const ids = page?.securities.map((security) => security.id) ?? [];
  const related = ids.length ? await workerMessenger.sendMessage('getRelatedReports', { ids }) : [];
  return { kind: 'page', libraryReports: reports, page, related: related.filter((security) => security.reportCount > 0) };
}

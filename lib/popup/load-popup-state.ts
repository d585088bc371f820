import { tabMessenger, workerMessenger, type PageSecurities, type SecurityReports } from '../messaging/protocol';

/** What the popup knows so far. */
export type PopupState =
  | { kind: 'loading' }
  | { kind: 'empty-library' }
  | { kind: 'loading-demo' }
  | {
      kind: 'page';
      /** The library's size: known when the page has no security with reports (the popup then says how many it has). */
      libraryReports?: number;
      page: PageSecurities | undefined;
      related: SecurityReports[];
    };

/**
 * What the popup shows for a tab: the securities the tab's content script found and their related reports
 * (securities without reports are left out), or, when none has reports, the library's size. A tab without our content
 * script (a site we do not run on, or a browser page) simply has no securities.
 *
 * The library's size is asked at once but awaited only when it is shown: a worker that just started counts 100,000
 * reports by walking an index (a second on a busy machine), and a popup with reports to show need not wait for that.
 */
export async function loadPopupState(tabId: number | undefined): Promise<PopupState> {
  const stats = workerMessenger.sendMessage('getLibraryStats', undefined);
  // Awaited below only when needed; a failure then is the caller's, not an unhandled rejection now.
  stats.catch(() => undefined);
  const page =
    tabId === undefined ? undefined : await tabMessenger.sendMessage('getPageSecurities', undefined, tabId).catch(() => undefined);
  const ids = page?.securities.map((security) => security.id) ?? [];
  const related = (ids.length ? await workerMessenger.sendMessage('getRelatedReports', { ids }) : []).filter(
    (security) => security.reportCount > 0,
  );
  if (related.length) return { kind: 'page', page, related };
  const { reports } = await stats;
  if (!reports) return { kind: 'empty-library' };
  return { kind: 'page', libraryReports: reports, page, related };
}

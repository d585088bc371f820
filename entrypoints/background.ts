import { openLibraryDatabase } from '~/lib/db/database';
import { watchFeedAlarm } from '~/lib/feeds/feed-alarm';
import { tabMessenger } from '~/lib/messaging/protocol';
import { serveWorkerRequests } from '~/lib/messaging/serve-worker-requests';
import { CARD_VIEW_SCRIPT } from '~/lib/page/card-view';
import { syncAddedSiteScripts } from '~/lib/permissions/added-sites';
import { disabledSites, watchAddedSites, watchDisabledSites } from '~/lib/settings/site-settings';
import { showSiteSwitches } from '~/lib/worker/toolbar-icon';
import { createFindReportsMenu, FIND_REPORTS_MENU, watchFindReportsMenuLanguage } from '~/lib/worker/find-reports-menu';
import { createWorkerHandlers } from '~/lib/worker/worker-handlers';

export default defineBackground({
  main() {
    const db = openLibraryDatabase();
    const openLibraryPage = async (hash: string) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
    };
    // Chrome MV3 has `action`; Firefox's MV2 build has `browserAction`.
    const action = browser.action ?? browser.browserAction;
    const setBadge = async (tabId: number, text: string) => {
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#b45309' });
    };
    // "Find reports" on selected text: the library page opens filtered by it.
    browser.runtime.onInstalled.addListener(() => void createFindReportsMenu());
    watchFindReportsMenuLanguage();
    browser.contextMenus.onClicked.addListener((info) => {
      if (info.menuItemId === FIND_REPORTS_MENU && info.selectionText)
        void openLibraryPage(`search=${encodeURIComponent(info.selectionText.slice(0, 200))}`);
    });
    // Sites the user added beyond the finance list: the content script follows the list and the granted permissions.
    const syncSites = () => void syncAddedSiteScripts().catch((error: unknown) => console.error('ReportLens: added sites', error));
    watchAddedSites(syncSites);
    browser.permissions.onAdded.addListener(syncSites);
    browser.permissions.onRemoved.addListener(syncSites);
    syncSites();
    // A tab on a site the user switched off shows the greyed icon: on each navigation, and in every tab on a change.
    const setIcon = (details: Parameters<typeof action.setIcon>[0]) => action.setIcon(details);
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      if (change.url || change.status === 'loading')
        void disabledSites().then((off) => showSiteSwitches(setIcon, [{ id: tabId, url: tab.url }], off));
    });
    watchDisabledSites((off) => void browser.tabs.query({}).then((tabs) => showSiteSwitches(setIcon, tabs, off)));
    watchFeedAlarm(db);
    // Tabs whose content script is not there (other sites, browser pages) refuse the message: nothing to tell.
    const refreshTabs = async () => {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined ? Promise.resolve() : tabMessenger.sendMessage('refreshMarks', undefined, tab.id).catch(() => undefined),
        ),
      );
    };
    const injectCardView = async (tabId: number, frameId: number) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_VIEW_SCRIPT] });
    };
    serveWorkerRequests(createWorkerHandlers(db, { openLibraryPage, setBadge, refreshTabs, injectCardView }), {
      id: browser.runtime.id,
      pageOrigin: browser.runtime.getURL('/'),
    });
  },
});

import { browser } from 'wxt/browser';
import type { LibraryDatabase } from '../db/database';
import { feedPollMessenger } from './feed-poll-protocol';
import { ALARM_PERIOD_MINUTES, FEED_ALARM } from './poll-schedule';

/** The offscreen document that polls in Chrome (built from `entrypoints/feed-poll/`). */
const POLL_DOCUMENT = 'feed-poll.html';

/** Chrome's offscreen API (not in the polyfill's types). */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}
const offscreenApi = () => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let running: Promise<void> | undefined;

/**
 * Polls the subscriptions that are due where HTML can be read: in Firefox's background page directly; in Chrome's
 * service worker (no DOMParser) through an offscreen document opened for the run and closed after it. One run at a
 * time: an alarm during a run joins it.
 */
export function pollDueFeeds(db: LibraryDatabase): Promise<void> {
  running ??= (async () => {
    try {
      // MV2 (Firefox) has a background page with a DOM; the check is a build constant, so Chrome's worker bundle
      // carries none of the import pipeline (the offscreen document does).
      if (import.meta.env.MANIFEST_VERSION === 2) {
        const { pollDueSubscriptions } = await import('./run-subscription-polls');
        const { documentPollEnvironment } = await import('./feed-poll-messages');
        // The background page cannot message itself; its own commits reach its caches through storagemutated.
        await pollDueSubscriptions(db, { ...documentPollEnvironment(), notifyLibraryChanged: async () => {} });
        return;
      }
      const offscreen = offscreenApi();
      if (!offscreen) throw new Error('neither DOMParser nor the offscreen API is available');
      if (!(await offscreen.hasDocument?.()))
        await offscreen.createDocument({
          url: POLL_DOCUMENT,
          reasons: ['DOM_PARSER'],
          justification: 'Read the HTML of followed feeds into reports',
        });
      try {
        await feedPollMessenger.sendMessage('pollDueFeeds', undefined);
      } finally {
        await offscreen.closeDocument();
      }
    } catch (error) {
      console.error('ReportLens: feed poll', error);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** Keeps the periodic alarm (it is re-created when missing, e.g. after a one-off run replaced it). */
async function ensureAlarm(): Promise<void> {
  const alarm = await browser.alarms.get(FEED_ALARM);
  if (!alarm?.periodInMinutes)
    await browser.alarms.create(FEED_ALARM, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: alarm ? ALARM_PERIOD_MINUTES : 1 });
}

/** Worker: every {@link ALARM_PERIOD_MINUTES} minutes, poll the subscriptions that are due. */
export function watchFeedAlarm(db: LibraryDatabase): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== FEED_ALARM) return;
    void pollDueFeeds(db).then(ensureAlarm);
  });
  void ensureAlarm();
}

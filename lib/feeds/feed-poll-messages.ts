import { browser } from 'wxt/browser';
import type { LibraryDatabase } from '../db/database';
import { workerMessenger } from '../messaging/protocol';
import { feedPollMessenger } from './feed-poll-protocol';
import { pollDueSubscriptions, type PollEnvironment } from './run-subscription-polls';

/** How a poll run fetches and tells the worker the library changed, in any extension document. */
export const documentPollEnvironment = (): PollEnvironment => ({
  // The browser's own fetch, bound: requests go only where `pollFeed` allows (the subscription's origin).
  fetch: (url, init) => fetch(url, init),
  notifyLibraryChanged: () => workerMessenger.sendMessage('libraryChanged', undefined),
});

/** The offscreen document's one job: poll when the worker asks. Only the worker talks to it. */
export function serveFeedPolls(db: LibraryDatabase): void {
  feedPollMessenger.onMessage('pollDueFeeds', (message) => {
    const sender = message.sender as { id?: string; tab?: unknown };
    if (sender.id !== browser.runtime.id || sender.tab) return [];
    return pollDueSubscriptions(db, documentPollEnvironment());
  });
}

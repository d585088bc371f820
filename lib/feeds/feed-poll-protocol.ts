import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SubscriptionPollResult } from './run-subscription-polls';

/** Requests the worker sends to the document that polls feeds (Chrome's offscreen document). */
export interface FeedPollProtocol {
  /** Polls every subscription that is due; answers when all are done. */
  pollDueFeeds(): SubscriptionPollResult[];
}

/** Messenger for {@link FeedPollProtocol} (its own module, so the worker imports no part of the import pipeline). */
export const feedPollMessenger = defineExtensionMessaging<FeedPollProtocol>();

import type { FeedState } from './poll-feed';

/** A feed or library the user follows, with what its polls found (table `subscriptions`, since schema version 7). */
export interface StoredSubscription {
  id?: number;
  /** The feed's address as the user gave it (normalised by `new URL`). */
  url: string;
  /** Its origin: the only one requests of this subscription may go to, and the host permission asked for. */
  origin: string;
  addedAt: string;
  /** Validators, entries already taken, library version: what makes the next poll conditional and incremental. */
  state: FeedState;
  /** When it is next due (epoch ms): an hour after a poll, later and later after errors (backoff). */
  nextPollAt: number;
  /** Failed polls in a row (0 after a good one): the backoff's exponent. */
  failures: number;
  lastPolledAt?: string;
  /** 200 or 304 for the last good poll. */
  lastStatus?: number;
  /** Why the last poll failed, for the user; cleared by a good poll. */
  lastError?: string;
  /** Reports the last good poll added. */
  lastAdded?: number;
  /** Entries the last good poll refused one by one, with why. */
  lastRefused?: { entry: string; reason: string }[];
}

/** A report taken from a subscription (table `subscriptionReports`): unsubscribing may remove exactly these. */
export interface SubscriptionReportRow {
  subscriptionId: number;
  reportId: string;
}

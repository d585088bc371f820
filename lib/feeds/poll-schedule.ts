/** A subscription is polled this often when all is well: reports are published a few times a day at most. */
export const POLL_INTERVAL_MS = 60 * 60 * 1000;

/** The first retry after an error; each further error in a row doubles the wait (exponential backoff). */
export const FIRST_RETRY_MS = 15 * 60 * 1000;

/** The longest wait between retries: a feed down for days is still tried once a day. */
export const MAX_RETRY_MS = 24 * 60 * 60 * 1000;

/** How often the worker's alarm wakes to poll the subscriptions that are due (each keeps its own schedule). */
export const ALARM_PERIOD_MINUTES = 15;

/** The alarm's name. */
export const FEED_ALARM = 'reportlens-feeds';

/** When a subscription is next due: an hour after a good poll; after `failures` errors in a row, 15 min × 2^(n−1), at most a day. */
export function nextPollAt(now: number, failures: number): number {
  if (failures <= 0) return now + POLL_INTERVAL_MS;
  return now + Math.min(FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30), MAX_RETRY_MS);
}

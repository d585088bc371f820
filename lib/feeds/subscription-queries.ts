import type { LibraryDatabase } from '../db/database';
import { deleteReport, reportTablesOf } from '../db/delete-report';
import { FeedError } from './feed-entry';
import { newFeedState } from './poll-feed';
import type { StoredSubscription } from './subscription-types';

/** A subscription as the panel lists it: the row and how many reports it brought that are still in the library. */
export interface SubscriptionView extends StoredSubscription {
  id: number;
  reports: number;
}

/** Records a new subscription, due at once. Throws a {@link FeedError} for an address that is no feed URL or is already followed. */
export async function addSubscription(db: LibraryDatabase, url: string, now = Date.now()): Promise<StoredSubscription & { id: number }> {
  let state;
  try {
    state = newFeedState(url.trim());
  } catch (error) {
    throw error instanceof FeedError ? error : new FeedError(`${url} is not a web address`);
  }
  if (await db.subscriptions.where('url').equals(state.url).count()) throw new FeedError(`${state.url} is already followed`);
  const row: StoredSubscription = {
    url: state.url,
    origin: new URL(state.url).origin,
    addedAt: new Date(now).toISOString(),
    state,
    nextPollAt: now,
    failures: 0,
  };
  const id = (await db.subscriptions.add(row)) as number;
  return { ...row, id };
}

/** Every subscription with its report count, oldest first. */
export async function listSubscriptions(db: LibraryDatabase): Promise<SubscriptionView[]> {
  const rows = await db.subscriptions.toArray();
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      id: row.id!,
      reports: await db.subscriptionReports.where('[subscriptionId+reportId]').between([row.id!, ''], [row.id!, '\uffff']).count(),
    })),
  );
}

/** The subscriptions due at `now`. */
export const dueSubscriptions = (db: LibraryDatabase, now = Date.now()) => db.subscriptions.where('nextPollAt').belowOrEqual(now).toArray();

/**
 * Removes a subscription. With `removeReports`, the reports it brought go too, except those another subscription
 * also brought; otherwise they stay in the library as if imported by hand. Returns how many reports were removed.
 */
export async function removeSubscription(db: LibraryDatabase, id: number, removeReports: boolean): Promise<number> {
  const links = await db.subscriptionReports.where('[subscriptionId+reportId]').between([id, ''], [id, '\uffff']).toArray();
  let removed = 0;
  await db.transaction('rw', [db.subscriptions, db.subscriptionReports, ...reportTablesOf(db)], async () => {
    await db.subscriptions.delete(id);
    await db.subscriptionReports.where('[subscriptionId+reportId]').between([id, ''], [id, '\uffff']).delete();
    if (!removeReports) return;
    for (const { reportId } of links) {
      if (await db.subscriptionReports.where('reportId').equals(reportId).count()) continue;
      await deleteReport(db, reportId);
      removed++;
    }
  });
  return removed;
}

/**
 * Removes the reports a library stopped publishing, among those this subscription brought; a report another
 * subscription also brought loses only this link. Call inside a transaction over the subscription and report tables.
 * Returns how many reports were removed.
 */
export async function dropUnpublished(db: LibraryDatabase, subscriptionId: number, hashes: readonly string[]): Promise<number> {
  let removed = 0;
  for (const reportId of hashes) {
    if (!(await db.subscriptionReports.get([subscriptionId, reportId]))) continue;
    await db.subscriptionReports.delete([subscriptionId, reportId]);
    if (await db.subscriptionReports.where('reportId').equals(reportId).count()) continue;
    await deleteReport(db, reportId);
    removed++;
  }
  return removed;
}

/** Whether any other subscription still needs an origin's access. */
export async function originStillFollowed(db: LibraryDatabase, origin: string): Promise<boolean> {
  return (await db.subscriptions.toArray()).some((row) => row.origin === origin);
}

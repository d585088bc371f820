import type { LibraryDatabase } from '../db/database';
import { reportTablesOf } from '../db/delete-report';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles } from '../import/import-report-files';
import { entrySource } from './entry-source';
import type { Fetch } from './fetch-resource';
import { nextPollAt } from './poll-schedule';
import { pollFeed } from './poll-feed';
import { dropUnpublished, dueSubscriptions } from './subscription-queries';
import type { StoredSubscription } from './subscription-types';

/** What one subscription's poll did, for the panel and the tests. */
export interface SubscriptionPollResult {
  id: number;
  status?: number;
  added: number;
  /** Reports removed because the library no longer publishes them (only those this subscription alone brought). */
  removed?: number;
  error?: string;
}

/** What a poll run needs from where it runs (the library page, the offscreen document, Firefox's background page). */
export interface PollEnvironment {
  fetch: Fetch;
  /** Tells the worker the library changed (new dictionary for tabs). */
  notifyLibraryChanged: () => Promise<void>;
  now?: () => number;
}

/**
 * Polls one subscription and imports what is new through the same pipeline as a dropped archive. The subscription's
 * state (validators, entries taken) is saved only after the import's transaction committed, so a failure anywhere
 * (server down, a malformed feed, storage full) leaves the library and the state as they were: the next poll, after
 * the backoff, asks again for the same entries. Never throws: a failure is recorded on the subscription.
 */
export async function pollSubscription(
  db: LibraryDatabase,
  subscription: StoredSubscription & { id: number },
  env: PollEnvironment,
): Promise<SubscriptionPollResult> {
  const now = env.now ?? Date.now;
  try {
    const outcome = await pollFeed(subscription.state, env.fetch, {
      known: async (hashes) => new Set((await db.reports.bulkGet(hashes)).flatMap((report) => (report ? [report.id] : []))),
    });
    const host = new URL(subscription.url).host;
    const result = outcome.entries.length
      ? await importReportFiles(
          db,
          outcome.entries.map((entry) => entrySource(entry, host)),
          await loadParseContext(db),
        )
      : undefined;
    const refused = [...outcome.failed, ...(result?.failed ?? []).map((f) => ({ entry: f.file, reason: f.reason }))];
    let removed = 0;
    await db.transaction('rw', [db.subscriptions, db.subscriptionReports, ...reportTablesOf(db)], async () => {
      await db.subscriptionReports.bulkPut(
        (result?.imported ?? []).map((report) => ({ subscriptionId: subscription.id, reportId: report.id })),
      );
      removed = await dropUnpublished(db, subscription.id, outcome.removed);
      await db.subscriptions.update(subscription.id, {
        state: outcome.state,
        failures: 0,
        nextPollAt: nextPollAt(now(), 0),
        lastPolledAt: new Date(now()).toISOString(),
        lastStatus: outcome.status,
        lastError: undefined,
        lastAdded: result?.imported.length ?? 0,
        lastRefused: [...refused, ...outcome.warnings].slice(0, 20),
      });
    });
    // Best effort: the import is stored; a worker that misses this note still sees the commit (storagemutated).
    if (result?.imported.length || removed) await env.notifyLibraryChanged().catch(() => undefined);
    return { id: subscription.id, status: outcome.status, added: result?.imported.length ?? 0, ...(removed ? { removed } : {}) };
  } catch (error) {
    const failures = subscription.failures + 1;
    const message = error instanceof Error ? error.message : String(error);
    await db.subscriptions.update(subscription.id, {
      failures,
      nextPollAt: nextPollAt(now(), failures),
      lastPolledAt: new Date(now()).toISOString(),
      lastError: message,
    });
    return { id: subscription.id, added: 0, error: message };
  }
}

/** Polls every subscription that is due (or the one named), one after another. */
export async function pollDueSubscriptions(db: LibraryDatabase, env: PollEnvironment, only?: number): Promise<SubscriptionPollResult[]> {
  const due =
    only === undefined ? await dueSubscriptions(db, (env.now ?? Date.now)()) : await db.subscriptions.where('id').equals(only).toArray();
  const results: SubscriptionPollResult[] = [];
  for (const subscription of due) results.push(await pollSubscription(db, { ...subscription, id: subscription.id! }, env));
  return results;
}

import { liveQuery } from 'dexie';
import type { LibraryDatabase } from '../db/database';
import type { MessageKey } from '../i18n/messages';
import { releaseFeedOrigin, requestFeedOrigin } from './feed-permissions';
import { documentPollEnvironment } from './feed-poll-messages';
import { pollDueSubscriptions } from './run-subscription-polls';
import { addSubscription, listSubscriptions, originStillFollowed, removeSubscription, type SubscriptionView } from './subscription-queries';

/** A message for the panel's live region: a key and its values, translated when shown. */
export interface PanelMessage {
  key: MessageKey;
  values: Record<string, string | number>;
}

/** What the subscriptions panel shows. */
export interface SubscriptionsState {
  rows: SubscriptionView[];
  /** The subscription being polled now ('new' while a new one is added and read for the first time). */
  busy: number | 'new' | undefined;
  /** The subscription whose "keep or remove its reports?" question is open. */
  confirming: number | undefined;
  message: PanelMessage | undefined;
}

/** The panel's actions. */
export interface SubscriptionsActions {
  onSubscribe: (url: string) => void;
  onUpdateNow: (id: number) => void;
  onAskUnsubscribe: (id: number | undefined) => void;
  onUnsubscribe: (id: number, removeReports: boolean) => void;
}

/**
 * The subscriptions panel's state and actions (the library page mounts the view with them). Subscribing asks the
 * browser for the feed's origin first (within the click), then records the subscription and reads it at once in the
 * page; later polls run from the worker's alarm. `onLibraryChanged` reloads the page's report list.
 */
export function createSubscriptionsController(
  db: LibraryDatabase,
  { onChange, onLibraryChanged }: { onChange: () => void; onLibraryChanged: () => Promise<void> },
) {
  let state: SubscriptionsState = { rows: [], busy: undefined, confirming: undefined, message: undefined };
  const set = (patch: Partial<SubscriptionsState>) => {
    state = { ...state, ...patch };
    onChange();
  };
  const reload = async () => set({ rows: await listSubscriptions(db) });
  const titleOf = (id: number) => {
    const row = state.rows.find((candidate) => candidate.id === id);
    return row?.state.title || row?.url || '';
  };
  const poll = async (id: number) => {
    const [result] = await pollDueSubscriptions(db, documentPollEnvironment(), id);
    await reload();
    if (result?.added) await onLibraryChanged();
  };

  const actions: SubscriptionsActions = {
    onSubscribe: (input) => {
      let origin: string;
      try {
        origin = new URL(input.trim()).origin;
      } catch {
        return set({ message: { key: 'feeds.failed', values: { reason: `“${input}” is not a web address` } } });
      }
      // The permission request comes first, inside the click's user gesture.
      const asked = requestFeedOrigin(origin).catch((error: unknown) => {
        set({ message: { key: 'feeds.failed', values: { reason: error instanceof Error ? error.message : String(error) } } });
        return undefined;
      });
      void asked.then(async (granted) => {
        if (granted === undefined) return;
        if (!granted) return set({ message: { key: 'feeds.notGranted', values: { origin } } });
        try {
          set({ busy: 'new' });
          const added = await addSubscription(db, input);
          set({ message: { key: 'feeds.added', values: { url: added.url } } });
          await reload();
          await poll(added.id);
        } catch (error) {
          set({ message: { key: 'feeds.failed', values: { reason: (error as Error).message } } });
        } finally {
          set({ busy: undefined });
        }
      });
    },
    onUpdateNow: (id) => {
      set({ busy: id });
      void poll(id).finally(() => set({ busy: undefined }));
    },
    onAskUnsubscribe: (id) => set({ confirming: id }),
    onUnsubscribe: (id, removeReports) => {
      const title = titleOf(id);
      const origin = state.rows.find((row) => row.id === id)?.origin;
      void (async () => {
        const removed = await removeSubscription(db, id, removeReports);
        if (origin && !(await originStillFollowed(db, origin))) await releaseFeedOrigin(origin);
        set({
          confirming: undefined,
          message: removeReports ? { key: 'feeds.removed', values: { title, n: removed } } : { key: 'feeds.kept', values: { title } },
        });
        await reload();
        if (removed) await onLibraryChanged();
      })();
    },
  };
  /**
   * Follows the subscriptions table (Dexie's liveQuery also sees the commits of the worker's polls in other
   * contexts), so the panel and the report list show what a poll from the alarm brought without a reload.
   */
  const watch = () =>
    liveQuery(() => listSubscriptions(db)).subscribe((rows) => {
      const brought = (list: SubscriptionView[]) => list.reduce((sum, row) => sum + row.reports, 0);
      const grew = brought(rows) > brought(state.rows);
      set({ rows });
      if (grew) void onLibraryChanged();
    });
  return { props: () => ({ ...state, ...actions }), watch };
}

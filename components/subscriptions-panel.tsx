import { useState } from 'preact/hooks';
import type { SubscriptionsActions, SubscriptionsState } from '../lib/feeds/subscriptions-controller';
import type { SubscriptionView } from '../lib/feeds/subscription-queries';
import type { MessageKey } from '../lib/i18n/messages';
import { useText } from './ui-text';

/** Props of {@link SubscriptionsPanel}: the controller's state and actions. */
export type SubscriptionsPanelProps = SubscriptionsState & SubscriptionsActions;

/** A time as the interface language writes it. */
const timeIn = (locale: string) => (at: string | number) =>
  new Date(at).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** One subscription: what it is, what its last check found, when the next one is, and its buttons. */
function SubscriptionRow({ row, props }: { row: SubscriptionView; props: SubscriptionsPanelProps }) {
  const t = useText();
  const when = timeIn(t('feeds.dateLocale'));
  const title = row.state.title || row.url;
  const lastCheck = !row.lastPolledAt
    ? t('feeds.never')
    : row.lastError
      ? t('feeds.error', { when: when(row.lastPolledAt), reason: row.lastError })
      : row.lastStatus === 304
        ? t('feeds.checked304', { when: when(row.lastPolledAt) })
        : t('feeds.checked200', { when: when(row.lastPolledAt), n: row.lastAdded ?? 0 });
  return (
    <li class="rl-subscription" data-subscription={row.url}>
      <strong>{title}</strong>
      {row.state.kind ? ` · ${t(`feeds.kind.${row.state.kind}` as MessageKey)}` : ''} · {t('feeds.reports', { n: row.reports })}
      <br />
      <small>{row.url}</small>
      <p class="rl-subscription-status">
        {lastCheck}{' '}
        {row.failures > 0
          ? t('feeds.retry', { n: row.failures, when: when(row.nextPollAt) })
          : t('feeds.next', { when: when(row.nextPollAt) })}
      </p>
      {row.lastRefused?.length ? (
        <ul class="rl-subscription-refused">
          {row.lastRefused.map((problem) => (
            <li key={problem.entry}>{t('feeds.refused', { entry: problem.entry, reason: problem.reason })}</li>
          ))}
        </ul>
      ) : null}
      {props.confirming === row.id ? (
        <div role="group" aria-label={t('feeds.unsubscribeOf', { title })}>
          <p>{t('feeds.confirm', { title, n: row.reports })}</p>
          <button type="button" onClick={() => props.onUnsubscribe(row.id, false)}>
            {t('feeds.keepReports')}
          </button>{' '}
          <button type="button" onClick={() => props.onUnsubscribe(row.id, true)}>
            {t('feeds.removeReports')}
          </button>{' '}
          <button type="button" onClick={() => props.onAskUnsubscribe(undefined)}>
            {t('feeds.cancel')}
          </button>
        </div>
      ) : (
        <p>
          <button type="button" disabled={props.busy !== undefined} onClick={() => props.onUpdateNow(row.id)}>
            {props.busy === row.id ? t('feeds.updating') : t('feeds.updateNow')}
          </button>{' '}
          <button type="button" onClick={() => props.onAskUnsubscribe(row.id)} aria-label={t('feeds.unsubscribeOf', { title })}>
            {t('feeds.unsubscribe')}
          </button>
        </p>
      )}
    </li>
  );
}

/** Followed feeds and libraries: follow one by its address, update now, unfollow (keeping or removing its reports). */
export function SubscriptionsPanel(props: SubscriptionsPanelProps) {
  const t = useText();
  const [url, setUrl] = useState('');
  return (
    <section aria-label={t('feeds.section')} class="rl-subscriptions">
      <h2>{t('feeds.section')}</h2>
      <p>{t('feeds.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSubscribe(url);
        }}
      >
        <label>
          {t('feeds.url')}{' '}
          <input
            type="url"
            size={50}
            value={url}
            placeholder="https://example.com/feed.xml"
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" disabled={props.busy === 'new'}>
          {props.busy === 'new' ? t('feeds.updating') : t('feeds.subscribe')}
        </button>
      </form>
      <p role="status">{props.message ? t(props.message.key, props.message.values) : ''}</p>
      {props.rows.length === 0 ? (
        <p>{t('feeds.none')}</p>
      ) : (
        <ul aria-label={t('feeds.list')} class="rl-subscription-list">
          {props.rows.map((row) => (
            <SubscriptionRow key={row.id} row={row} props={props} />
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { SecurityOverview } from '../lib/db/security-overview';
import { ReportDigestItem } from './report-digest-item';
import { RatingTimeline } from './rating-history';
import { ReportTimeline } from './report-timeline';
import { useText } from './ui-text';

/** Risks shown per report on the security page before "+N more". */
const PAGE_RISKS = 3;
/** Risk groups listed before "+N more": the recurring ones come first, the long tail opens in place. */
const RISK_GROUPS_SHOWN = 12;

export interface SecurityPageProps {
  overview: SecurityOverview;
  onBack: () => void;
  onOpen: (reportId: string) => void;
}

/**
 * One security in the library: its reports ranked as cards rank them, the latest view (and rating, when a report
 * has one), its risks across reports (which recur, first and last seen), and when its reports were written.
 */
export function SecurityPage({ overview: { security, latestView, risks }, onBack, onOpen }: SecurityPageProps) {
  const t = useText();
  const [allRisks, setAllRisks] = useState(false);
  const shownRisks = allRisks ? risks : risks.slice(0, RISK_GROUPS_SHOWN);
  return (
    <article class="rl-security-page" aria-label={t('security.label', { name: security.name })}>
      <button type="button" onClick={onBack}>
        {t('security.back')}
      </button>
      <h2>
        {security.name} <span class="rl-code">{security.id}</span>
      </h2>
      {security.otherListings.length > 0 && (
        <p class="rl-counts">{t('security.listings', { ids: [security.id, ...security.otherListings].join(' · ') })}</p>
      )}
      <p class="rl-counts">{t('security.counts', { n: security.reportCount, about: security.aboutCount })}</p>
      <ReportTimeline months={security.months} />
      {security.ratings && <RatingTimeline ratings={security.ratings} />}
      {latestView && (
        <section class="rl-latest-view" aria-label={t('security.latestView')}>
          <h3>{t('security.latestView')}</h3>
          <p class="rl-report-meta">
            {latestView.date && <time dateTime={latestView.date}>{latestView.date.slice(0, 10)}</time>}
            {latestView.rating && <strong>{t('security.rating', { rating: latestView.rating })}</strong>}
            {latestView.target && <span>{t('security.target', { target: latestView.target })}</span>}
          </p>
          <p>
            <button type="button" class="rl-link" onClick={() => onOpen(latestView.reportId)}>
              {latestView.title}
            </button>
          </p>
          {latestView.summary && <p class="rl-report-summary rl-clamped">{latestView.summary}</p>}
        </section>
      )}
      <section class="rl-risk-groups" aria-label={t('security.risks')}>
        <h3>{t('security.risks')}</h3>
        {risks.length ? (
          <ul>
            {shownRisks.map((risk) => (
              <li key={risk.label}>
                <span class="rl-risk-label">{risk.label}</span>{' '}
                <span class="rl-counts">
                  {risk.first === risk.last
                    ? t('security.riskSeenOn', { n: risk.reports, first: risk.first || '?' })
                    : t('security.riskSeen', { n: risk.reports, first: risk.first || '?', last: risk.last || '?' })}
                </span>
              </li>
            ))}
            {risks.length > RISK_GROUPS_SHOWN && (
              <li class="rl-more">
                <button type="button" class="rl-link" aria-expanded={allRisks} onClick={() => setAllRisks(!allRisks)}>
                  {allRisks ? t('report.fewer') : t('report.more', { n: risks.length - RISK_GROUPS_SHOWN })}
                </button>
              </li>
            )}
          </ul>
        ) : (
          <p class="rl-none">{t('security.noRisks')}</p>
        )}
      </section>
      <section aria-label={t('security.reports')}>
        <h3>{t('security.reports')}</h3>
        {security.latest.length ? (
          security.latest.map((report) => (
            <ReportDigestItem key={report.id} report={report} riskCount={PAGE_RISKS} withKeyPoints clampSummary onOpen={onOpen} />
          ))
        ) : (
          <p class="rl-none">{t('security.none')}</p>
        )}
      </section>
    </article>
  );
}

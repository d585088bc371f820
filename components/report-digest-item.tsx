import type { ReportDigest } from '../lib/messaging/protocol';
import { useCardText } from './ui-text';

/** How much of a report a digest shows: the card is brief, the popup can expand to key points. */
export interface ReportDigestItemProps {
  report: ReportDigest;
  /** Number of risks shown; the rest are counted. */
  riskCount: number;
  /** Show the key points too (popup, expanded). */
  withKeyPoints?: boolean;
  onOpen?: (reportId: string) => void;
}

/** One report: date and source, title, summary line, first risks. */
export function ReportDigestItem({ report, riskCount, withKeyPoints, onOpen }: ReportDigestItemProps) {
  const t = useCardText();
  const risks = report.risks.slice(0, riskCount);
  return (
    <article class="rl-report" aria-label={report.title}>
      <p class="rl-report-meta">
        {report.date && <time dateTime={report.date}>{report.date.slice(0, 10)}</time>}
        {report.source && <span class="rl-report-source">{report.source}</span>}
      </p>
      <h3 class="rl-report-title">
        {onOpen ? (
          <button type="button" class="rl-link" onClick={() => onOpen(report.id)}>
            {report.title}
          </button>
        ) : (
          report.title
        )}
      </h3>
      {report.summary && <p class="rl-report-summary">{report.summary}</p>}
      {withKeyPoints && report.keyPoints.length > 0 && (
        <section aria-label={t('report.keyPoints')}>
          <h4>{t('report.keyPoints')}</h4>
          <ol class="rl-key-points">
            {report.keyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </section>
      )}
      {risks.length > 0 && (
        <section aria-label={t('report.risks')}>
          <h4>{t('report.risks')}</h4>
          <ul class="rl-risks">
            {risks.map((risk) => (
              <li key={risk}>{risk}</li>
            ))}
            {report.risks.length > risks.length && <li class="rl-more">{t('report.more', { n: report.risks.length - risks.length })}</li>}
          </ul>
        </section>
      )}
    </article>
  );
}

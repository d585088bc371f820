import { useState } from 'preact/hooks';
import type { ReportDigest } from '../lib/messaging/protocol';
import type { Passage } from '../lib/reports/relevance';
import { useCardText } from './ui-text';

/** How much of a report a digest shows: the card is brief, the popup can expand to key points. */
export interface ReportDigestItemProps {
  report: ReportDigest;
  /** Number of risks shown at first; "+N more" shows the rest in place. */
  riskCount: number;
  /** Show the key points too (popup, expanded). */
  withKeyPoints?: boolean;
  /** Summary clamped to a few lines, key points hidden, until "more" (popup); the card always clamps it in CSS. */
  clampSummary?: boolean;
  onOpen?: (reportId: string) => void;
}

/** The passage with its mention emphasised; offsets out of range (a hand-edited row) show the text as it is. */
export function PassageText({ passage }: { passage: Passage }) {
  const { text, start, end } = passage;
  if (!(start >= 0 && end > start && end <= text.length)) return <>{text}</>;
  return (
    <>
      {text.slice(0, start)}
      <mark class="rl-mention">{text.slice(start, end)}</mark>
      {text.slice(end)}
    </>
  );
}

/** One report: date, source and whether it is about the company; title; the passage naming it; summary; risks. */
export function ReportDigestItem({ report, riskCount, withKeyPoints, clampSummary, onOpen }: ReportDigestItemProps) {
  const t = useCardText();
  const [allRisks, setAllRisks] = useState(false);
  const [fullSummary, setFullSummary] = useState(false);
  const risks = allRisks ? report.risks : report.risks.slice(0, riskCount);
  const relevance = report.relevance;
  // Clamped (popup): key points open with "more", so a page of companies stays a short list.
  const showKeyPoints = withKeyPoints && report.keyPoints.length > 0 && (!clampSummary || fullSummary || !report.summary);
  return (
    <article class="rl-report" aria-label={report.title}>
      <p class="rl-report-meta">
        {report.date && <time dateTime={report.date}>{report.date.slice(0, 10)}</time>}
        {report.source && <span class="rl-report-source">{report.source}</span>}
        {relevance && (
          <span class={relevance.about ? 'rl-badge rl-badge-about' : 'rl-badge'} data-about={String(relevance.about)}>
            {t(relevance.about ? 'report.about' : 'report.mentions')}
          </span>
        )}
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
      {relevance?.passage && (
        <blockquote class="rl-passage" aria-label={t('report.passage')}>
          <PassageText passage={relevance.passage} />
        </blockquote>
      )}
      {report.summary && (
        <p class={clampSummary && !fullSummary ? 'rl-report-summary rl-clamped' : 'rl-report-summary'}>
          {report.summary}
          {clampSummary && (
            <>
              {' '}
              <button type="button" class="rl-link rl-toggle" aria-expanded={fullSummary} onClick={() => setFullSummary(!fullSummary)}>
                {t(fullSummary ? 'report.lessText' : 'report.moreText')}
              </button>
            </>
          )}
        </p>
      )}
      {showKeyPoints && (
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
            {report.risks.length > riskCount && (
              <li class="rl-more">
                <button type="button" class="rl-link" aria-expanded={allRisks} onClick={() => setAllRisks(!allRisks)}>
                  {allRisks ? t('report.fewer') : t('report.more', { n: report.risks.length - riskCount })}
                </button>
              </li>
            )}
          </ul>
        </section>
      )}
    </article>
  );
}

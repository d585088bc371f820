import type { ReportDigest } from '../lib/messaging/protocol';
import type { ReportSecurity } from '../lib/reports/report-securities';
import { ReportDigestItem } from './report-digest-item';

export interface ReportDetailProps {
  report: ReportDigest & { securities: ReportSecurity[]; originalText: string; fileName: string };
  onBack: () => void;
}

/**
 * One report: what was extracted, then the original text as plain text. Imported markup is never rendered as HTML
 * here; the sanitised reader with opt-in remote images comes with the reading-experience work.
 */
export function ReportDetail({ report, onBack }: ReportDetailProps) {
  return (
    <article aria-label="Report">
      <button type="button" onClick={onBack}>
        ← All reports
      </button>
      <ReportDigestItem report={report} riskCount={Number.POSITIVE_INFINITY} withKeyPoints />
      {report.url && (
        <p>
          Original:{' '}
          <a href={report.url} target="_blank" rel="noopener noreferrer">
            {report.url}
          </a>
        </p>
      )}
      <h3>Securities</h3>
      <ul>
        {report.securities.map((security) => (
          <li key={security.id}>
            {security.name} ({security.id}) × {security.count}, found by {security.via.join(', ')}
          </li>
        ))}
      </ul>
      <details>
        <summary>Original text ({report.fileName})</summary>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{report.originalText}</pre>
      </details>
    </article>
  );
}

import type { ReportDigest } from '../lib/messaging/protocol';
import type { ReportSecurity } from '../lib/reports/report-securities';
import { pdfReaderHtml } from '../lib/pdf/pdf-reader-html';
import type { BrokerFields } from '../lib/reports/broker-fields';
import { reportBodyHtml } from '../lib/reports/report-html';
import { BrokerFieldsView } from './broker-fields-view';
import { ReportDigestItem } from './report-digest-item';
import { ReportReader } from './report-reader';
import { useText } from './ui-text';

export interface ReportDetailProps {
  report: ReportDigest & {
    securities: ReportSecurity[];
    originalText: string;
    fileName: string;
    format?: string;
    brokerNote?: BrokerFields;
  };
  onBack: () => void;
  onDelete: (id: string) => void;
  /** Opens the stored original of a PDF report (the page reads it from the library). */
  onOpenPdf?: (id: string) => void;
}

/** One report: what was extracted, the sanitised report itself, delete, and the original text as plain text. */
export function ReportDetail({ report, onBack, onDelete, onOpenPdf }: ReportDetailProps) {
  const t = useText();
  const isPdf = report.format === 'pdf';
  const setAside = (furniture: number, page: number | undefined) =>
    t('pdf.setAside', { furniture }) + (page ? t('pdf.disclaimerFrom', { page }) : '');
  return (
    <article aria-label={t('detail.label')}>
      <button type="button" onClick={onBack}>
        {t('detail.back')}
      </button>
      <ReportDigestItem report={report} riskCount={Number.POSITIVE_INFINITY} withKeyPoints />
      {report.url && (
        <p>
          {t('detail.original')}{' '}
          <a href={report.url} target="_blank" rel="noopener noreferrer">
            {report.url}
          </a>
        </p>
      )}
      <h3>{t('detail.securities')}</h3>
      <ul>
        {report.securities.map((security) => (
          <li key={security.id}>
            {t('detail.found', {
              name: security.name,
              id: security.id,
              count: security.count,
              via: security.via
                .map((via) => t(via === 'quote-link' || via === 'data-code' ? `via.${via}` : `rule.${via}`))
                .join(t('detail.viaJoin')),
            })}
          </li>
        ))}
      </ul>
      {report.brokerNote && <BrokerFieldsView note={report.brokerNote} />}
      {isPdf && onOpenPdf && (
        <button type="button" onClick={() => onOpenPdf(report.id)}>
          {t('pdf.open')}
        </button>
      )}
      <ReportReader
        html={
          isPdf
            ? pdfReaderHtml(report.originalText, { page: (page) => t('pdf.page', { page }), setAside })
            : reportBodyHtml(report.fileName, report.originalText)
        }
      />
      <button type="button" onClick={() => confirm(t('detail.confirmDelete', { title: report.title })) && onDelete(report.id)}>
        {t('detail.delete')}
      </button>
      <details>
        <summary>{t('detail.text', { file: report.fileName })}</summary>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{report.originalText}</pre>
      </details>
    </article>
  );
}

import type { ReportSecurity } from '../lib/reports/report-securities';
import { useText } from './ui-text';

/** One row of the library's report table. */
export interface ReportRow {
  id: string;
  title: string;
  date?: string;
  source?: string;
  securities: ReportSecurity[];
}

/** The library's reports, newest first; a title opens the report. */
export function ReportTable({ reports, onOpen }: { reports: ReportRow[]; onOpen: (id: string) => void }) {
  const t = useText();
  if (!reports.length) return <p>{t('table.empty')}</p>;
  return (
    <table aria-label={t('table.label')}>
      <thead>
        <tr>
          <th>{t('table.date')}</th>
          <th>{t('table.title')}</th>
          <th>{t('table.source')}</th>
          <th>{t('table.securities')}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => (
          <tr key={report.id}>
            <td>{report.date?.slice(0, 10) ?? '—'}</td>
            <td>
              <button type="button" class="rl-link" onClick={() => onOpen(report.id)}>
                {report.title}
              </button>
            </td>
            <td>{report.source ?? '—'}</td>
            <td>{report.securities.map((security) => `${security.name} (${security.id})`).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ReportSecurity } from '../lib/reports/report-securities';

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
  if (!reports.length) return <p>No reports yet. Import some above, or load the demo library.</p>;
  return (
    <table aria-label="Reports">
      <thead>
        <tr>
          <th>Date</th>
          <th>Title</th>
          <th>Source</th>
          <th>Securities</th>
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

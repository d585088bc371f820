import type { ReportSort, ReportSortKey } from '../lib/library/report-listing';
import type { ReportSecurity } from '../lib/reports/report-securities';
import type { MessageKey } from '../lib/i18n/messages';
import { useText } from './ui-text';

/** One row of the library's report table. */
export interface ReportRow {
  id: string;
  title: string;
  date?: string;
  source?: string;
  securities: ReportSecurity[];
}

export interface ReportTableProps {
  reports: ReportRow[];
  sort: ReportSort;
  /** Whether a query is on (relevance is its order; without one it is not offered). */
  searching: boolean;
  onSort: (key: ReportSortKey) => void;
  onOpen: (id: string) => void;
}

/** Securities a row lists; a market brief names dozens, which made rows ten lines tall (the report lists them all). */
const SECURITIES_SHOWN = 6;

const COLUMNS: { key: ReportSortKey | undefined; label: MessageKey }[] = [
  { key: 'date', label: 'table.date' },
  { key: 'title', label: 'table.title' },
  { key: 'source', label: 'table.source' },
  { key: undefined, label: 'table.securities' },
];

/** One page of the library's reports; column headers sort (again: the other way); a title opens the report. */
export function ReportTable({ reports, sort, searching, onSort, onOpen }: ReportTableProps) {
  const t = useText();
  if (!reports.length) return <p>{t('table.empty')}</p>;
  const header = ({ key, label }: (typeof COLUMNS)[number]) => {
    if (!key) return <th key={label}>{t(label)}</th>;
    const active = sort.key === key;
    return (
      <th key={label} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" class="rl-link" onClick={() => onSort(key)} aria-label={t('table.sortBy', { column: t(label) })}>
          {t(label)}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };
  return (
    <>
      {searching && (
        <p class="rl-actions">
          <button type="button" aria-pressed={sort.key === 'relevance'} onClick={() => onSort('relevance')}>
            {t('table.sortBy', { column: t('table.relevance') })}
          </button>
        </p>
      )}
      <table class="rl-report-table" aria-label={t('table.label')}>
        <thead>
          <tr>{COLUMNS.map(header)}</tr>
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
              <td>
                {report.securities
                  .slice(0, SECURITIES_SHOWN)
                  .map((security) => `${security.name} (${security.id})`)
                  .join(', ')}
                {report.securities.length > SECURITIES_SHOWN && ` +${report.securities.length - SECURITIES_SHOWN}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

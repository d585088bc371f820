/** The library table's filters: words or a security (typos forgiven), source, and a date range (ISO dates). */
export interface ReportFilter {
  query: string;
  source: string;
  from: string;
  to: string;
}

export const NO_FILTER: ReportFilter = { query: '', source: '', from: '', to: '' };

/** The fields a filter reads. */
interface Filterable {
  date?: string;
  source?: string;
}

/** Whether a report passes the source and date parts of a filter (the query is the library search's part). */
export function passesFilter(report: Filterable, filter: ReportFilter): boolean {
  if (filter.source && report.source !== filter.source) return false;
  const day = report.date?.slice(0, 10) ?? '';
  if (filter.from && (!day || day < filter.from)) return false;
  if (filter.to && (!day || day > filter.to)) return false;
  return true;
}

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
  id: string;
  date?: string;
  source?: string;
}

/**
 * Reports that pass the filter, in the order given. `matching` holds the ids the library search returned for the
 * query (undefined while there is no query).
 */
export function filterReports<T extends Filterable>(
  reports: readonly T[],
  filter: ReportFilter,
  matching: ReadonlySet<string> | undefined,
): T[] {
  return reports.filter((report) => {
    if (matching && !matching.has(report.id)) return false;
    if (filter.source && report.source !== filter.source) return false;
    const day = report.date?.slice(0, 10) ?? '';
    if (filter.from && (!day || day < filter.from)) return false;
    if (filter.to && (!day || day > filter.to)) return false;
    return true;
  });
}

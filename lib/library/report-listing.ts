import type { LibraryDatabase, StoredReport } from '../db/database';
import { countReports } from '../db/report-queries';
import { passesFilter as passes, type ReportFilter } from './report-filter';

/** Columns the library table sorts by; relevance is the search's order (by date without a query). */
export type ReportSortKey = 'date' | 'title' | 'source' | 'relevance';

export interface ReportSort {
  key: ReportSortKey;
  descending: boolean;
}

/** Newest first: what a reader of a growing library wants to see on opening it. */
export const DEFAULT_SORT: ReportSort = { key: 'date', descending: true };

/** One page of the table and how many reports pass the filter in all. */
export interface ReportListing {
  rows: StoredReport[];
  /** Reports passing the filter (for a query: among those the search returned, see `searchTotal`). */
  total: number;
}

/** What a listing asks for: a filter, an order and a window; `matching` is the search's ids, best first. */
export interface ListingRequest {
  filter: ReportFilter;
  sort: ReportSort;
  offset: number;
  limit: number;
  /** Ids the library search returned for `filter.query`, best first; undefined without a query. */
  matching?: readonly string[];
  /** Reports in the library, when the caller knows it or is counting already (counting walks an index). */
  total?: number | Promise<number>;
}

const hasFilter = (filter: ReportFilter) => Boolean(filter.source || filter.from || filter.to);
/** Orders reports by a column; reports without a value go last either way. */
export function compareBy(sort: ReportSort): (a: StoredReport, b: StoredReport) => number {
  const key = sort.key === 'relevance' ? 'date' : sort.key;
  return (a, b) => {
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    if (!x !== !y) return x ? -1 : 1;
    // Ties by id in the same direction, as a reversed index walk gives them.
    const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return sort.descending ? -order : order;
  };
}

/**
 * One page of the library table. With no filter (the common case, and the 100,000-report one) the page is read
 * through the column's index (`offset`/`limit` on its keys): only `limit` rows are read whatever the library size,
 * reports without a value in that column follow the others. With a filter, the candidates come from the narrowest
 * index (the search's ids, the source or the date range) and are sorted in memory. Digest rows only: no body is read.
 */
export async function listReports(db: LibraryDatabase, request: ListingRequest): Promise<ReportListing> {
  const { filter, sort, offset, limit, matching } = request;
  if (matching) {
    const found = (await db.reports.bulkGet([...matching])).filter((row): row is StoredReport => row !== undefined);
    const kept = found.filter((row) => passes(row, filter));
    if (sort.key !== 'relevance') kept.sort(compareBy(sort));
    else if (!sort.descending) kept.reverse();
    return { rows: kept.slice(offset, offset + limit), total: kept.length };
  }
  if (hasFilter(filter)) {
    const candidates = filter.source
      ? db.reports.where('source').equals(filter.source)
      : db.reports.where('date').between(filter.from || '', `${filter.to || '\uffff'}\uffff`, true, true);
    const kept = (await candidates.filter((row) => passes(row, filter)).toArray()).sort(compareBy(sort));
    return { rows: kept.slice(offset, offset + limit), total: kept.length };
  }
  const column = sort.key === 'relevance' ? 'date' : sort.key;
  const ordered = sort.descending ? db.reports.orderBy(column).reverse() : db.reports.orderBy(column);
  const [total, rows] = await Promise.all([request.total ?? countReports(db), ordered.offset(offset).limit(limit).toArray()]);
  if (rows.length < limit && total > offset + rows.length) {
    // Only a page past the keyed reports needs their count (a page of them tells it by coming up short).
    const keyed = rows.length ? offset + rows.length : await db.reports.orderBy(column).count();
    // Reports without a value are not in the column's index (IndexedDB leaves undefined keys out): they come last.
    const from = Math.max(0, offset - keyed);
    const missing = await db.reports
      .filter((row) => row[column] === undefined)
      .offset(from)
      .limit(limit - rows.length)
      .toArray();
    rows.push(...missing);
  }
  return { rows, total };
}

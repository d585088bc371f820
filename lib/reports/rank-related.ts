import type { Passage } from './relevance';

/**
 * The order a card, the popup, the security page and `cli related` show a security's reports in: reports about the
 * company first, then by relevance in bands, newest first within a band. One module, so every view and the CLI agree.
 */

/** A (security, report) index row as ranking needs it. */
export interface RankableRow {
  securityId: string;
  reportId: string;
  /** ISO date, '' when undated. */
  date: string;
  score?: number;
  about?: boolean;
  passage?: Passage;
}

/**
 * Scores within one band count as equally relevant, so the newer report goes first: a reader wants the latest of the
 * reports that discuss the company, not a 3-point difference in wording.
 */
export const RELEVANCE_BAND = 10;

/** Band of a row: rows stored before relevance existed (no score) come after every scored row. */
const bandOf = (row: RankableRow) => (row.score === undefined ? -1 : Math.floor(row.score / RELEVANCE_BAND));

/** Compares two rows in display order (see the module comment). */
export function compareRelated(a: RankableRow, b: RankableRow): number {
  return (
    Number(b.about ?? false) - Number(a.about ?? false) ||
    bandOf(b) - bandOf(a) ||
    b.date.localeCompare(a.date) ||
    (b.score ?? -1) - (a.score ?? -1) ||
    a.reportId.localeCompare(b.reportId)
  );
}

/**
 * One row per report, best first: the rows of an issuer's listings merged (a report on HK:09988 and US:BABA keeps its
 * better row), then sorted by {@link compareRelated}.
 */
export function rankRelated<T extends RankableRow>(rows: Iterable<T>): T[] {
  const best = new Map<string, T>();
  for (const row of rows) {
    const kept = best.get(row.reportId);
    if (!kept || compareRelated(row, kept) < 0) best.set(row.reportId, row);
  }
  return [...best.values()].sort(compareRelated);
}

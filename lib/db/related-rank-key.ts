import { RELEVANCE_BAND, type RankableRow } from '../reports/rank-related';

/**
 * Keys that let IndexedDB hand back a security's index rows already in display order (`rank-related.ts`), so a
 * look-up reads the best few rows of a listing by key range and `limit`, not every row of it (schema version 10).
 */

/** The highest code unit: after every complemented character, so a date sorts before the dates it is a prefix of. */
const LAST = '\uffff';
/** Bands below every scored row (rows without a score): {@link compareRelated} ranks them last. */
const UNSCORED_BAND = -1;
/** Scores are 0–100 (`relevance.ts`); a row without one ranks after a score of 0. */
const TOP_SCORE = 100;

/**
 * `date` in descending order as a string key: each code unit complemented, then {@link LAST}, so `2025-06-01` comes
 * before `2025-06`, which comes before `2025-05-31`; an undated report ('') comes after every dated one.
 */
export function newestKey(date: string): string {
  let key = '';
  for (let i = 0; i < date.length; i++) key += String.fromCharCode(0xffff - date.charCodeAt(i));
  return key + LAST;
}

/** Two decimal digits of `n` (0–99). */
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The row's place in display order as a string: ascending keys are {@link compareRelated}'s order (about first,
 * relevance band, newest, score), the report id breaking ties as the index's primary key does.
 */
export function rankKey(row: Pick<RankableRow, 'about' | 'score' | 'date'>): string {
  const score = row.score === undefined ? undefined : Math.max(0, Math.min(TOP_SCORE, Math.round(row.score)));
  const band = score === undefined ? UNSCORED_BAND : Math.floor(score / RELEVANCE_BAND);
  return [
    row.about ? 'a' : 'b',
    twoDigits(Math.floor(TOP_SCORE / RELEVANCE_BAND) - band),
    newestKey(row.date),
    String(score === undefined ? TOP_SCORE + 1 : TOP_SCORE - score).padStart(3, '0'),
  ].join('');
}

/** The rank key range of the rows about the company (`about` true): they are the first of a listing. */
export const ABOUT_RANKS: readonly [string, string] = ['a', 'b'];

import type { RatingPoint } from '../messaging/protocol';
import type { SecurityDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import type { StoredReport } from './database';

/** Reports a rating timeline reads at most (the newest): a card shows a year or two of a broker's calls. */
export const RATING_HISTORY_REPORTS = 40;

/** A report's main security: the one it mentions most (the first of equals), or undefined without securities. */
export const mainSecurityOf = (report: Pick<StoredReport, 'securities'>): SecurityId | undefined =>
  [...(report.securities ?? [])].sort((a, b) => b.count - a.count)[0]?.id;

/** The rating and target a broker note states, for the timeline of its main security (stored on that index row). */
export function ratingOfReport(report: Pick<StoredReport, 'id' | 'date' | 'source' | 'brokerNote'>): RatingPoint | undefined {
  const note = report.brokerNote;
  if (!note || (!note.rating && !note.targetPrice) || !report.date) return undefined;
  return {
    reportId: report.id,
    date: report.date.slice(0, 10),
    ...(note.broker || report.source ? { broker: note.broker?.name ?? report.source } : {}),
    ...(note.rating ? { rating: { value: note.rating.value, change: note.rating.change } } : {}),
    ...(note.targetPrice ? { targetPrice: { value: note.targetPrice.value, currency: note.targetPrice.currency } } : {}),
  };
}

/**
 * The rating and target a broker note gives `id`, if it gives one: only a note whose main security (the one it
 * mentions most) is `id` or another listing of its issuer, so an industry report's sector rating is not read as a
 * rating of every company it names.
 */
export function ratingPointOf(report: StoredReport, id: SecurityId, dictionary: SecurityDictionary): RatingPoint | undefined {
  const main = mainSecurityOf(report);
  if (!main || !dictionary.issuerListings(id).includes(main)) return undefined;
  return ratingOfReport(report);
}

/** The rating timeline of `id` from reports already read (newest first or any order): oldest first. */
export function ratingHistory(reports: readonly StoredReport[], id: SecurityId, dictionary: SecurityDictionary): RatingPoint[] {
  return reports
    .map((report) => ratingPointOf(report, id, dictionary))
    .filter((point): point is RatingPoint => point !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
}

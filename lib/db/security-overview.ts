import type { ReportDigest, SecurityReports } from '../messaging/protocol';
import { groupRisks, type RiskGroup } from '../reports/group-risks';
import type { SecurityDictionary } from '../securities/dictionary';
import { isSecurityId, type SecurityId } from '../securities/security-id';
import type { LibraryDatabase, StoredReport } from './database';
import { ratingHistory } from './rating-history';
import { rankedDigest, rankedRows, tallyRelatedReports } from './report-queries';

/** Most reports the security page lists (and groups risks over): the rest are reached through the library table. */
export const SECURITY_PAGE_REPORTS = 200;

/** The newest view on the company: from the newest report about it (else the newest report), with its rating if any. */
export interface LatestView {
  reportId: string;
  title: string;
  date?: string;
  summary: string;
  /** A broker rating and target price, when the report carries them (PDF notes do). */
  rating?: string;
  target?: string;
}

/** Everything the security page shows. */
export interface SecurityOverview {
  security: SecurityReports;
  latestView: LatestView | undefined;
  risks: RiskGroup[];
}

/** A broker note's rating as the page writes it: `买入（上调）`, `Overweight`. */
const ratingText = (report: StoredReport) => {
  const rating = report.brokerNote?.rating;
  return rating && (rating.change ? `${rating.value}（${rating.change}）` : rating.value);
};
/** A broker note's target price with its currency: `390.5 CNY`. */
const targetText = (report: StoredReport) => {
  const target = report.brokerNote?.targetPrice;
  return target && `${target.value}${target.currency ? ` ${target.currency}` : ''}`;
};

/** The newest of the reports about the company, else the newest of all. */
function latestViewOf(
  reports: readonly (Omit<ReportDigest, 'rating' | 'targetPrice'> & Pick<LatestView, 'rating' | 'target'>)[],
): LatestView | undefined {
  const newest = <T extends { date?: string }>(list: readonly T[]) =>
    [...list].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
  const report = newest(reports.filter((r) => r.relevance?.about)) ?? newest(reports);
  if (!report) return undefined;
  return {
    reportId: report.id,
    title: report.title,
    date: report.date,
    summary: report.summary,
    rating: report.rating,
    target: report.target,
  };
}

/**
 * A security's page in the library: its reports (every listing of its issuer) in card order, the latest view, its
 * risks grouped across reports, and the months for the timeline. Reads index rows, then at most
 * {@link SECURITY_PAGE_REPORTS} digest rows (never a body).
 */
export async function securityOverview(db: LibraryDatabase, dictionary: SecurityDictionary, id: SecurityId): Promise<SecurityOverview> {
  const ranked = await rankedRows(db, dictionary, id);
  const rows = ranked.slice(0, SECURITY_PAGE_REPORTS);
  const [stored, tally] = await Promise.all([db.reports.bulkGet(rows.map((row) => row.reportId)), tallyRelatedReports(db, dictionary, id)]);
  const found = rows.flatMap((row, i) => (stored[i] ? [{ row, report: stored[i] }] : []));
  const reports = found.map(({ row, report }) => rankedDigest(report, row));
  // Rating fields stay off digests (cards send digests to tabs); the latest view reads them from the stored rows.
  const full = found.map(({ report }, i) => {
    const { rating: _rating, targetPrice: _targetPrice, ...fields } = reports[i]!;
    return { ...fields, rating: ratingText(report), target: targetText(report) };
  });
  const ratings = ratingHistory(
    found.map(({ report }) => report),
    id,
    dictionary,
  );
  return {
    security: {
      id,
      name: dictionary.displayName(id),
      otherListings: dictionary.issuerListings(id).filter((listing) => listing !== id),
      reportCount: tally.count,
      aboutCount: ranked.filter((row) => row.about).length,
      months: tally.months,
      latest: reports,
      ...(ratings.length ? { ratings } : {}),
    },
    latestView: latestViewOf(full),
    risks: groupRisks(reports),
  };
}

/** The security a library page hash names (`#security=HK%3A09988`), when it is a canonical id. */
export function securityInHash(hash: string): SecurityId | undefined {
  const raw = /^#security=([^&]+)$/.exec(hash)?.[1];
  if (!raw) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return isSecurityId(id) ? id : undefined;
}

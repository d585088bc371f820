import Fuse from 'fuse.js';
import type { SecurityEntry } from '../securities/bundled-securities';
import type { SecurityId } from '../securities/security-id';
import { searchTokens } from './search-tokens';

/** What the index reads of a report. */
export interface SearchableReport {
  id: string;
  date?: string;
  /** Title, summary, key points, risks, source and body text, in any mix. */
  text: string;
  securityIds: readonly SecurityId[];
}

/** One hit: the report and why it matched. */
export interface SearchHit {
  id: string;
  /** Listings whose name the query resembles (typo-tolerant), when that is why the report matched. */
  via: 'text' | 'security';
}

/** A built index over the library: full-text tokens and security names. */
export interface LibrarySearch {
  /** Hits up to `limit`, best first, and how many reports match in all. */
  search(query: string, limit?: number): { hits: SearchHit[]; securities: SecurityId[]; total: number };
}

/** How close a misspelt name must be (fuse.js score, 0 exact … 1 anything). */
const NAME_MATCH_THRESHOLD = 0.3;
/** Securities a query may stand for, at most. */
const MAX_NAME_MATCHES = 5;

/**
 * Builds the library search: an inverted index of tokens to reports (exact words and Chinese character pairs, all
 * query tokens required) for full text, and fuse.js over security names and codes for names typed with a typo
 * (`Amazom`). Security matches rank first, then text matches; newest first within each.
 */
export function buildLibrarySearch(reports: readonly SearchableReport[], securities: readonly SecurityEntry[]): LibrarySearch {
  const postings = new Map<string, Set<number>>();
  reports.forEach((report, index) => {
    for (const token of searchTokens(report.text)) {
      let docs = postings.get(token);
      if (!docs) postings.set(token, (docs = new Set()));
      docs.add(index);
    }
  });
  // Newest first as a rank per report, computed once: a query sorts its matches by a number, not by date strings.
  const rank = new Int32Array(reports.length);
  reports
    .map((report, index) => ({ date: report.date ?? '', index }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.index - b.index))
    .forEach(({ index }, position) => (rank[index] = position));
  const byDate = (a: number, b: number) => rank[a]! - rank[b]!;
  // Reports per security, so a query naming one reads its reports, not every report.
  const ofSecurity = new Map<SecurityId, number[]>();
  reports.forEach((report, index) => {
    for (const id of new Set(report.securityIds)) {
      let docs = ofSecurity.get(id);
      if (!docs) ofSecurity.set(id, (docs = []));
      docs.push(index);
    }
  });
  const reported = new Set(ofSecurity.keys());
  const names = new Fuse(
    securities
      .filter((entry) => reported.has(entry.id))
      .flatMap((entry) => [...entry.names, entry.id.slice(3)].map((name) => ({ name, id: entry.id }))),
    { keys: ['name'], threshold: NAME_MATCH_THRESHOLD, ignoreLocation: true, includeScore: true },
  );

  return {
    search(query, limit = 20) {
      const trimmed = query.trim();
      if (!trimmed) return { hits: [], securities: [], total: 0 };
      const matchedIds = [...new Set(names.search(trimmed, { limit: MAX_NAME_MATCHES * 3 }).map((result) => result.item.id))].slice(
        0,
        MAX_NAME_MATCHES,
      );
      const bySecurity = [...new Set(matchedIds.flatMap((id) => ofSecurity.get(id) ?? []))].sort(byDate);

      const tokens = [...new Set(searchTokens(trimmed))];
      let byText: number[] = [];
      if (tokens.length) {
        const lists = tokens.map((token) => postings.get(token) ?? new Set<number>()).sort((a, b) => a.size - b.size);
        byText = [...lists[0]!].filter((doc) => lists.every((list) => list.has(doc))).sort(byDate);
      }
      const seen = new Set<number>();
      const hits: SearchHit[] = [];
      for (const [docs, via] of [
        [bySecurity, 'security'],
        [byText, 'text'],
      ] as const) {
        for (const doc of docs) {
          if (hits.length >= limit) break;
          if (seen.has(doc)) continue;
          seen.add(doc);
          hits.push({ id: reports[doc]!.id, via });
        }
      }
      return { hits, securities: matchedIds, total: new Set([...bySecurity, ...byText]).size };
    },
  };
}

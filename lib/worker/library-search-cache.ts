import type { LibraryDatabase } from '../db/database';
import { digest } from '../db/report-queries';
import type { LibrarySearchResult } from '../messaging/protocol';
import type { SecurityDictionary } from '../securities/dictionary';
import { buildLibrarySearch, type LibrarySearch } from '../search/library-search';

/** Body text indexed per report, after tags are stripped: summaries and openings carry what readers search for. */
const BODY_CHARS_INDEXED = 4_000;

/**
 * The worker's search: the index is built on the first search after a library change and kept while the worker
 * lives (a stopped worker builds it again on demand).
 */
export function createLibrarySearchCache(db: LibraryDatabase, dictionary: () => Promise<SecurityDictionary>) {
  let index: Promise<LibrarySearch> | undefined;
  const build = async () => {
    const [reports, names] = await Promise.all([db.reports.toArray(), dictionary()]);
    return buildLibrarySearch(
      reports.map((report) => ({
        id: report.id,
        date: report.date,
        securityIds: report.securityIds,
        text: [
          report.title,
          report.source ?? '',
          report.summary,
          ...report.keyPoints,
          ...report.risks,
          ...report.securities.map((s) => s.name),
          report.originalText
            .replace(/<[^<>]*>/g, ' ') /* no `<` inside: an unclosed `<` scanned to the end from each one */
            .slice(0, BODY_CHARS_INDEXED),
        ].join('\n'),
      })),
      [...names.entries()],
    );
  };
  return {
    async search(query: string, limit?: number): Promise<LibrarySearchResult> {
      const { hits, securities } = (await (index ??= build())).search(query, limit);
      const [found, names] = await Promise.all([db.reports.bulkGet(hits.map((hit) => hit.id)), dictionary()]);
      return {
        securities: securities.map((id) => ({ id, name: names.displayName(id) })),
        reports: found.flatMap((report) => (report ? [digest(report)] : [])),
      };
    },
    invalidate() {
      index = undefined;
    },
  };
}

import type { LibraryDatabase } from '../db/database';
import { digest } from '../db/report-queries';
import type { LibrarySearchResult } from '../messaging/protocol';
import type { SecurityDictionary } from '../securities/dictionary';
import { buildLibrarySearch, type LibrarySearch } from '../search/library-search';

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
          // Digest rows only: bodies (up to 20 MB each) stay in their table; what readers search for is in the digest.
          ...report.tags,
          report.fileName,
        ].join('\n'),
      })),
      [...names.entries()],
    );
  };
  return {
    async search(query: string, limit?: number): Promise<LibrarySearchResult> {
      const { hits, securities, total } = (await (index ??= build())).search(query, limit);
      const [found, names] = await Promise.all([db.reports.bulkGet(hits.map((hit) => hit.id)), dictionary()]);
      return {
        securities: securities.map((id) => ({ id, name: names.displayName(id) })),
        reports: found.flatMap((report) => (report ? [digest(report)] : [])),
        total,
      };
    },
    invalidate() {
      index = undefined;
    },
  };
}

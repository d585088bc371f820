import type { LibrarySearchResult } from '../lib/messaging/protocol';
import { ReportDigestItem } from './report-digest-item';

export interface LibrarySearchBoxProps {
  query: string;
  result: LibrarySearchResult | undefined;
  onSearch: (query: string) => void;
  onOpenReport: (reportId: string) => void;
}

/** Risks shown per report in search results. */
const RESULT_RISKS = 2;

/** Search over the whole library: a name (typos forgiven), a code, or words of the reports. */
export function LibrarySearchBox({ query, result, onSearch, onOpenReport }: LibrarySearchBoxProps) {
  return (
    <section class="rl-search" aria-label="Search the library">
      <input
        type="search"
        value={query}
        placeholder="Search reports: 阿里巴巴, Amazon, 光模块…"
        aria-label="Search your library"
        onInput={(event) => onSearch(event.currentTarget.value)}
      />
      {query.trim() && result && (
        <div role="region" aria-label="Search results">
          {result.securities.length > 0 && (
            <p class="rl-counts">Securities: {result.securities.map((s) => `${s.name} (${s.id})`).join(', ')}</p>
          )}
          {result.reports.length === 0 ? (
            <p>No report matches “{query}”.</p>
          ) : (
            result.reports.map((report) => (
              <ReportDigestItem key={report.id} report={report} riskCount={RESULT_RISKS} onOpen={onOpenReport} />
            ))
          )}
        </div>
      )}
    </section>
  );
}

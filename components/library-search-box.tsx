import type { LibrarySearchResult } from '../lib/messaging/protocol';
import { ReportDigestItem } from './report-digest-item';
import { useText } from './ui-text';

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
  const t = useText();
  return (
    <section class="rl-search" aria-label={t('search.section')}>
      <input
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onInput={(event) => onSearch(event.currentTarget.value)}
      />
      {query.trim() && result && (
        <div role="region" aria-label={t('search.results')}>
          {result.securities.length > 0 && (
            <p class="rl-counts">{t('search.securities', { list: result.securities.map((s) => `${s.name} (${s.id})`).join(', ') })}</p>
          )}
          {result.reports.length === 0 ? (
            <p>{t('search.noMatch', { query })}</p>
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

import type { ReportFilter } from '../lib/library/report-filter';
import { useText } from './ui-text';

export interface ReportFiltersProps {
  filter: ReportFilter;
  sources: string[];
  onChange: (filter: ReportFilter) => void;
}

/** Filters above the report table; every control is labelled. */
export function ReportFilters({ filter, sources, onChange }: ReportFiltersProps) {
  const set = (patch: Partial<ReportFilter>) => onChange({ ...filter, ...patch });
  const t = useText();
  return (
    <div class="rl-actions" role="search" aria-label={t('filter.label')}>
      <label>
        {t('filter.search')}{' '}
        <input
          type="search"
          value={filter.query}
          placeholder={t('filter.placeholder')}
          onInput={(e) => set({ query: e.currentTarget.value })}
          data-testid="filter-query"
        />
      </label>
      <label>
        {t('filter.source')}{' '}
        <select value={filter.source} onChange={(e) => set({ source: e.currentTarget.value })}>
          <option value="">{t('filter.all')}</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.from')} <input type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label>
        {t('filter.to')} <input type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })} />
      </label>
    </div>
  );
}

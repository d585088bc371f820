import { useText } from './ui-text';

export interface ReportPagerProps {
  /** Page shown, from 0. */
  page: number;
  pageSize: number;
  /** Reports passing the filter (the table's whole length). */
  total: number;
  /** Reports in the library. */
  libraryTotal: number;
  /** For a query: how many matched in all, when more than the table lists. */
  searchTotal: number | undefined;
  onPage: (page: number) => void;
}

/** Where the table is and how much there is, honestly: "51–100 of 1,240", what the filter or search left out. */
export function ReportPager({ page, pageSize, total, libraryTotal, searchTotal, onPage }: ReportPagerProps) {
  const t = useText();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const number = (n: number) => n.toLocaleString('en');
  return (
    <div class="rl-pager" role="navigation" aria-label={t('table.page', { page: page + 1, pages })}>
      <p data-testid="table-count">
        {total
          ? t('table.range', {
              from: number(page * pageSize + 1),
              to: number(Math.min(total, (page + 1) * pageSize)),
              total: number(total),
            })
          : ''}
        {total !== libraryTotal &&
          searchTotal === undefined &&
          ` · ${t('table.filtered', { total: number(total), all: number(libraryTotal) })}`}
        {searchTotal !== undefined &&
          searchTotal > total &&
          ` · ${t('table.searchCapped', { total: number(searchTotal), shown: number(total) })}`}
      </p>
      {pages > 1 && (
        <div class="rl-actions">
          <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
            {t('table.prev')}
          </button>
          <span>{t('table.page', { page: number(page + 1), pages: number(pages) })}</span>
          <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
            {t('table.next')}
          </button>
        </div>
      )}
    </div>
  );
}

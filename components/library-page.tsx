import type { ImportSource } from '../lib/import/import-report-files';
import type { ReportFilter } from '../lib/library/report-filter';
import { LIBRARY_TABS, PAGE_SIZE, type LibraryState, type LibraryTab } from '../lib/library/library-store';
import type { ReportSortKey } from '../lib/library/report-listing';
import { AliasList, type AliasListProps } from './alias-list';
import { ImportHistory } from './import-history';
import { ImportPanel } from './import-panel';
import { LibraryTools, type LibraryToolsProps } from './library-tools';
import { NotThisSecurity, type NotThisQuestion } from './not-this-security';
import { ReportDetail } from './report-detail';
import { ReportFilters } from './report-filters';
import { ReportPager } from './report-pager';
import { ReportTable } from './report-table';
import { SettingsPanel, type SettingsPanelProps } from './settings-panel';
import { SubscriptionsPanel, type SubscriptionsPanelProps } from './subscriptions-panel';
import { SecurityPage } from './security-page';
import { useText } from './ui-text';

/** Arrow keys, Home and End move between tabs (the WAI-ARIA tabs pattern: only the selected tab is in the Tab order). */
function moveTab(event: KeyboardEvent, current: LibraryTab, onTab: (tab: LibraryTab) => void) {
  const at = LIBRARY_TABS.indexOf(current);
  const last = LIBRARY_TABS.length - 1;
  const next = { ArrowRight: at + 1 > last ? 0 : at + 1, ArrowLeft: at - 1 < 0 ? last : at - 1, Home: 0, End: last }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  onTab(LIBRARY_TABS[next]!);
  requestAnimationFrame(() => document.getElementById(`rl-tab-${LIBRARY_TABS[next]}`)?.focus());
}

export interface LibraryPageProps extends Omit<LibraryToolsProps, 'status'>, Omit<AliasListProps, 'overview'>, SettingsPanelProps {
  state: LibraryState;
  onTab: (tab: LibraryTab) => void;
  onFilter: (filter: ReportFilter) => void;
  onSort: (key: ReportSortKey) => void;
  onPage: (page: number) => void;
  onImport: (files: ImportSource[]) => void;
  onDropItems: (items: DataTransferItemList) => void;
  onLoadDemo: () => void;
  onOpen: (id: string | undefined) => void;
  onDelete: (id: string) => void;
  /** Opens a PDF report's stored original. */
  onOpenPdf?: (id: string) => void;
  /** Followed feeds and libraries (their own panel and controller). */
  subscriptions?: SubscriptionsPanelProps;
  /** The card's "not this security", waiting for the user's answer (kept beside the store: it comes from the address). */
  notThis: NotThisQuestion | undefined;
  onConfirmNotThis: () => void;
  onCancelNotThis: () => void;
}

/**
 * The full-tab library page: the reports first (the import bar, then a page of the table: sortable, filtered, with
 * honest counts), then tabs for names, lists and tools, settings and the import history; or one report when opened.
 */
export function LibraryPage(props: LibraryPageProps) {
  const t = useText();
  const { state } = props;
  const tabId = (tab: LibraryTab) => `rl-tab-${tab}`;
  return (
    <main class="rl-library">
      <h1>{t('library.title')}</h1>
      {props.notThis && <NotThisSecurity question={props.notThis} onConfirm={props.onConfirmNotThis} onCancel={props.onCancelNotThis} />}
      {state.opened ? (
        <ReportDetail report={state.opened} onBack={() => props.onOpen(undefined)} onDelete={props.onDelete} onOpenPdf={props.onOpenPdf} />
      ) : state.security ? (
        <SecurityPage overview={state.security} onBack={() => props.onOpen(undefined)} onOpen={props.onOpen} />
      ) : (
        <>
          <div role="tablist" aria-label={t('library.tabs')} class="rl-tabs" onKeyDown={(event) => moveTab(event, state.tab, props.onTab)}>
            {LIBRARY_TABS.map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={tabId(tab)}
                aria-selected={state.tab === tab}
                aria-controls="rl-tab-panel"
                tabIndex={state.tab === tab ? 0 : -1}
                onClick={() => props.onTab(tab)}
              >
                {t(`library.tab.${tab}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="rl-tab-panel" aria-labelledby={tabId(state.tab)}>
            {state.tab === 'reports' && (
              <>
                <ImportPanel
                  progress={state.progress}
                  result={state.result}
                  onImport={props.onImport}
                  onDropItems={props.onDropItems}
                  onLoadDemo={props.onLoadDemo}
                />
                <section aria-label={t('table.label')}>
                  <h2>{t('library.reports', { count: state.libraryTotal.toLocaleString('en') })}</h2>
                  <ReportFilters filter={state.filter} sources={state.sources} onChange={props.onFilter} />
                  <ReportPager
                    page={state.page}
                    pageSize={PAGE_SIZE}
                    total={state.listing.total}
                    libraryTotal={state.libraryTotal}
                    searchTotal={state.searchTotal}
                    onPage={props.onPage}
                  />
                  <ReportTable
                    reports={state.listing.rows}
                    sort={state.sort}
                    searching={Boolean(state.filter.query.trim())}
                    onSort={props.onSort}
                    onOpen={props.onOpen}
                  />
                </section>
              </>
            )}
            {state.tab === 'aliases' && (
              <>
                <LibraryTools
                  status={state.status}
                  onImportSecurityList={props.onImportSecurityList}
                  onExportBackup={props.onExportBackup}
                  onReindex={props.onReindex}
                  onCancel={props.onCancel}
                />
                <AliasList {...props} overview={state.overview} />
              </>
            )}
            {state.tab === 'feeds' && props.subscriptions && <SubscriptionsPanel {...props.subscriptions} />}
            {state.tab === 'settings' && <SettingsPanel {...props} />}
            {state.tab === 'history' && (
              <section aria-label={t('history.label')}>
                <h2>{t('history.label')}</h2>
                <ImportHistory history={state.history} />
              </section>
            )}
          </div>
        </>
      )}
    </main>
  );
}

import type { PopupState } from '../lib/popup/load-popup-state';
import { popupEntries } from '../lib/popup/popup-entries';
import { LibrarySearchBox, type LibrarySearchBoxProps } from './library-search-box';
import { ReportDigestItem } from './report-digest-item';
import { useText } from './ui-text';

export interface PopupViewProps extends Omit<LibrarySearchBoxProps, 'onOpenReport'> {
  state: PopupState;
  /** The tab's site and whether marking runs there; undefined where the extension does not run. */
  site: { host: string; enabled: boolean } | undefined;
  onToggleSite: (enabled: boolean) => void;
  onLoadDemo: () => void;
  onOpenLibrary: () => void;
  onOpenReport: (reportId: string) => void;
}

/** Risks shown per report in the popup before "+N more" (the rest open in place). */
const POPUP_RISKS = 3;

/** The popup: the current page's securities and their reports, or how to start when the library is empty. */
export function PopupView({ state, site, query, result, onSearch, onToggleSite, onLoadDemo, onOpenLibrary, onOpenReport }: PopupViewProps) {
  const t = useText();
  return (
    <main class="rl-popup">
      <header class="rl-popup-header">
        <h1>ReportLens 研报透镜</h1>
        <button type="button" onClick={onOpenLibrary}>
          {t('popup.library')}
        </button>
      </header>
      {state.kind === 'loading' && <p>{t('popup.loading')}</p>}
      {state.kind === 'loading-demo' && <p role="status">{t('popup.addingDemo')}</p>}
      {state.kind === 'empty-library' && (
        <section class="rl-empty" aria-label={t('popup.startLabel')}>
          <h2>{t('popup.emptyTitle')}</h2>
          <p>{t('popup.emptyText')}</p>
          <div class="rl-actions">
            <button type="button" onClick={onOpenLibrary}>
              {t('popup.import')}
            </button>
            <button type="button" onClick={onLoadDemo}>
              {t('popup.tryDemo')}
            </button>
          </div>
        </section>
      )}
      {site && (
        <label class="rl-site-toggle">
          <input type="checkbox" checked={site.enabled} onChange={(event) => onToggleSite(event.currentTarget.checked)} />{' '}
          {t('popup.siteToggle', { host: site.host })}
        </label>
      )}
      {state.kind === 'page' && <LibrarySearchBox query={query} result={result} onSearch={onSearch} onOpenReport={onOpenReport} />}
      {state.kind === 'page' && !query.trim() && <PageReports state={state} onOpenReport={onOpenReport} />}
    </main>
  );
}

/** The page's companies with reports: one entry per issuer, the page's own first, summaries clamped. */
function PageReports({ state, onOpenReport }: { state: Extract<PopupState, { kind: 'page' }>; onOpenReport: (id: string) => void }) {
  const t = useText();
  const entries = popupEntries(state.related, state.page);
  if (!entries.length) return <p class="rl-none">{t('popup.none', { n: state.libraryReports ?? 0 })}</p>;
  return (
    <>
      <p class="rl-page-summary">{t('popup.onPage', { n: entries.length })}</p>
      {entries.map(({ security, listings, mentions }) => (
        <section key={security.id} class="rl-security" aria-label={`${security.name} ${security.id}`}>
          <h2>
            {security.name}{' '}
            <span class="rl-code" aria-label={t('popup.listings')}>
              {listings.join(' · ')}
            </span>
          </h2>
          <p class="rl-counts">
            {t('popup.reportCount', { n: security.reportCount })}
            {security.aboutCount > 0 && ` · ${t('card.aboutCount', { n: security.aboutCount })}`}
            {mentions > 0 && t('popup.mentioned', { n: mentions })}
          </p>
          {security.latest.map((report) => (
            <ReportDigestItem key={report.id} report={report} riskCount={POPUP_RISKS} withKeyPoints clampSummary onOpen={onOpenReport} />
          ))}
        </section>
      ))}
    </>
  );
}

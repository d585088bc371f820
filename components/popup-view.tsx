import type { PageSecurities, SecurityReports } from '../lib/messaging/protocol';
import { LibrarySearchBox, type LibrarySearchBoxProps } from './library-search-box';
import { ReportDigestItem } from './report-digest-item';

/** What the popup knows so far. */
export type PopupState =
  | { kind: 'loading' }
  | { kind: 'empty-library' }
  | { kind: 'loading-demo' }
  | { kind: 'page'; libraryReports: number; page: PageSecurities | undefined; related: SecurityReports[] };

export interface PopupViewProps extends Omit<LibrarySearchBoxProps, 'onOpenReport'> {
  state: PopupState;
  onLoadDemo: () => void;
  onOpenLibrary: () => void;
  onOpenReport: (reportId: string) => void;
}

/** Risks shown per report in the popup. */
const POPUP_RISKS = 5;

/** The popup: the current page's securities and their reports, or how to start when the library is empty. */
export function PopupView({ state, query, result, onSearch, onLoadDemo, onOpenLibrary, onOpenReport }: PopupViewProps) {
  return (
    <main class="rl-popup">
      <header class="rl-popup-header">
        <h1>ReportLens 研报透镜</h1>
        <button type="button" onClick={onOpenLibrary}>
          Library
        </button>
      </header>
      {state.kind === 'loading' && <p>Loading…</p>}
      {state.kind === 'loading-demo' && <p role="status">Adding the demo library…</p>}
      {state.kind === 'empty-library' && (
        <section class="rl-empty" aria-label="Getting started">
          <h2>Your library is empty</h2>
          <p>
            Import your research reports (Markdown, HTML or text files, with or without front matter) on the library page. Securities they
            discuss are then marked on finance pages; hover a mark to see what your reports say.
          </p>
          <div class="rl-actions">
            <button type="button" onClick={onOpenLibrary}>
              Import reports
            </button>
            <button type="button" onClick={onLoadDemo}>
              Try the demo library
            </button>
          </div>
        </section>
      )}
      {state.kind === 'page' && <LibrarySearchBox query={query} result={result} onSearch={onSearch} onOpenReport={onOpenReport} />}
      {state.kind === 'page' && !query.trim() && <PageReports state={state} onOpenReport={onOpenReport} />}
    </main>
  );
}

function PageReports({ state, onOpenReport }: { state: Extract<PopupState, { kind: 'page' }>; onOpenReport: (id: string) => void }) {
  if (!state.related.length) {
    return (
      <p class="rl-none">
        No securities with reports on this page. Your library has {state.libraryReports} report{state.libraryReports === 1 ? '' : 's'}.
      </p>
    );
  }
  return (
    <>
      <p class="rl-page-summary">
        {state.related.length} securit{state.related.length === 1 ? 'y' : 'ies'} on this page with reports
      </p>
      {state.related.map((security) => {
        const mentions = state.page?.securities.find((s) => s.id === security.id)?.count ?? 0;
        return (
          <section key={security.id} class="rl-security" aria-label={`${security.name} ${security.id}`}>
            <h2>
              {security.name} <span class="rl-code">{security.id}</span>
            </h2>
            <p class="rl-counts">
              {security.reportCount} report{security.reportCount === 1 ? '' : 's'}
              {mentions > 0 && ` · mentioned ${mentions}× on this page`}
            </p>
            {security.latest.map((report) => (
              <ReportDigestItem key={report.id} report={report} riskCount={POPUP_RISKS} withKeyPoints onOpen={onOpenReport} />
            ))}
          </section>
        );
      })}
    </>
  );
}

import '~/components/report-digest.css';
import '~/components/extension-page.css';
import { render } from 'preact';
import { LibraryPage, type LibraryPageProps } from '~/components/library-page';
import { UiText } from '~/components/ui-text';
import { translator } from '~/lib/i18n/messages';
import { openLibraryDatabase, type StoredAlias, type StoredReport } from '~/lib/db/database';
import { aliasOverview, editAlias, removeAlias, removeSecurityList } from '~/lib/db/alias-queries';
import { deleteReport } from '~/lib/db/delete-report';
import { reportWithBody } from '~/lib/db/report-writes';
import { loadParseContext } from '~/lib/db/library-dictionary';
import { demoLibraryFiles } from '~/lib/import/demo-library';
import { droppedFiles } from '~/lib/import/dropped-files';
import type { ImportSource } from '~/lib/import/import-report-files';
import { importSecurityList } from '~/lib/import/import-security-list';
import { exportLibrary } from '~/lib/import/library-backup';
import { reindexLibrary } from '~/lib/import/reindex-library';
import { runLibraryImport } from '~/lib/import/run-library-import';
import { readPdfInPage } from '~/lib/pdf/browser-pdf-engine';
import { openStoredPdf } from '~/lib/pdf/open-stored-pdf';
import { filterReports, NO_FILTER } from '~/lib/library/report-filter';
import { workerMessenger } from '~/lib/messaging/protocol';
import { addSite, removeSite, siteDomain } from '~/lib/permissions/added-sites';
import { resolveLocale, setLanguageChoice, setMarkAllKnown, setMarkStyle, setPrivateMarks } from '~/lib/settings/display-settings';
import { loadSettings } from '~/lib/settings/load-settings';
import { setSiteEnabled } from '~/lib/settings/site-settings';

type ViewState = Pick<
  LibraryPageProps,
  'opened' | 'progress' | 'result' | 'status' | 'filter' | 'overview' | 'settings' | 'siteMessage'
> & {
  all: StoredReport[];
  /** Ids the library search returned for `filter.query`; undefined without a query. */
  matching: Set<string> | undefined;
};

/** Wiring of the library page: the database, the import pipeline, the tools and the view; the hash names the open report. */
async function main() {
  const db = openLibraryDatabase();
  const app = document.getElementById('app')!;
  const settings = await loadSettings();
  const localeOf = (language = state.settings.language) => resolveLocale(language, navigator.languages);
  const notifyLibraryChanged = () => workerMessenger.sendMessage('libraryChanged', undefined);
  const searchParam = /^#search=(.*)$/.exec(location.hash)?.[1];
  let state: ViewState = {
    all: [],
    overview: { lists: [], learned: [] },
    settings,
    siteMessage: undefined,
    matching: undefined,
    filter: { ...NO_FILTER, query: searchParam ? decodeURIComponent(searchParam) : '' },
    opened: undefined,
    progress: undefined,
    result: undefined,
    status: { kind: 'idle' },
  };
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runs the library search for the filter's query (debounced) and keeps its ids for the table. */
  const searchFor = (query: string) => {
    clearTimeout(searchTimer);
    if (!query.trim()) return update({ matching: undefined });
    searchTimer = setTimeout(async () => {
      const found = await workerMessenger.sendMessage('searchLibrary', { query, limit: 100 });
      if (state.filter.query === query) update({ matching: new Set(found.reports.map((report) => report.id)) });
    }, 150);
  };

  const update = (patch: Partial<ViewState>) => {
    state = { ...state, ...patch };
    const text = translator(localeOf());
    document.documentElement.lang = localeOf() === 'zh' ? 'zh-CN' : 'en';
    render(
      <UiText.Provider value={text}>
        <LibraryPage
          {...state}
          reports={filterReports(state.all, state.filter, state.filter.query.trim() ? (state.matching ?? new Set()) : undefined)}
          total={state.all.length}
          sources={[...new Set(state.all.flatMap((report) => (report.source ? [report.source] : [])))].sort()}
          onFilter={(filter) => {
            if (filter.query !== state.filter.query) searchFor(filter.query);
            update({ filter });
          }}
          onImport={(files) => void importFiles(files)}
          onDropItems={(items) =>
            void droppedFiles(items).then(importFiles, (error: Error) => update({ status: { kind: 'failed', message: error.message } }))
          }
          onLoadDemo={() => void importFiles(demoLibraryFiles())}
          onOpen={openReport}
          onMarkAll={(on) => void setMarkAllKnown(on).then(reloadSettings)}
          onMarkStyle={(style) => void setMarkStyle(style).then(reloadSettings)}
          onPrivateMarks={(on) => void setPrivateMarks(on).then(reloadSettings)}
          onLanguage={(language) => void setLanguageChoice(language).then(reloadSettings)}
          onSiteEnabled={(site, enabled) => void setSiteEnabled(site, enabled).then(reloadSettings)}
          onAddSite={(input) => {
            const site = siteDomain(input);
            if (!site) return update({ siteMessage: text('settings.badSite', { input }) });
            // No await before the request: the browser only asks within the click's user gesture.
            void addSite(site).then(async (granted) => {
              await reloadSettings();
              update({ siteMessage: text(granted ? 'settings.siteAdded' : 'settings.notGranted', { site }) });
            });
          }}
          onRemoveSite={(site) => void removeSite(site).then(reloadSettings)}
          onRemoveAlias={(alias) => void removeAlias(db, alias).then(notifyLibraryChanged).then(refresh)}
          onEditAlias={(alias, next) => void run('Saving…', () => saveAlias(alias, next))}
          onRemoveList={(from) => void removeSecurityList(db, from).then(notifyLibraryChanged).then(refresh)}
          onDelete={(id) =>
            void deleteReport(db, id)
              .then(notifyLibraryChanged)
              .then(() => openReport(undefined))
          }
          onOpenPdf={(id) => void openStoredPdf(db, id)}
          onImportSecurityList={(file) => void run(`Reading ${file.name}…`, () => importList(file))}
          onExportBackup={() => void run('Exporting…', exportBackup)}
          onReindex={() => void run('Re-indexing…', reindex)}
        />
      </UiText.Provider>,
      app,
    );
  };
  const reloadSettings = async () => update({ settings: await loadSettings() });
  const refresh = async () => {
    // One read, sorted here: newest first, undated last (the date index leaves undated reports out).
    const all = await db.reports.toArray();
    all.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const reportId = /^#report=([0-9a-f]{64})$/.exec(location.hash)?.[1];
    update({
      all,
      overview: await aliasOverview(db),
      opened: reportId ? await reportWithBody(db, reportId) : undefined,
    });
    if (state.filter.query) searchFor(state.filter.query);
  };
  const importFiles = async (files: ImportSource[]) => {
    update({ result: undefined });
    const result = await runLibraryImport(db, files, notifyLibraryChanged, (progress) => update({ progress }), readPdfInPage);
    update({ result });
    await refresh();
  };
  /** Runs one tool with a busy message, then shows its outcome or its error. */
  const run = async (busy: string, task: () => Promise<string>) => {
    update({ status: { kind: 'busy', message: busy } });
    try {
      update({ status: { kind: 'done', message: await task() } });
    } catch (error) {
      update({ status: { kind: 'failed', message: (error as Error).message } });
    }
    await refresh();
  };
  const importList = async (file: File) => {
    try {
      const result = await importSecurityList(db, file.name, await file.text());
      await notifyLibraryChanged();
      return `${file.name}: ${result.securities} securities, ${result.aliases} names (${result.format}); ${result.skippedRows} rows skipped. Re-index to apply it to reports already imported.`;
    } catch (error) {
      throw new Error(`${file.name}: ${(error as Error).message}`);
    }
  };
  const exportBackup = async () => {
    const backup = await exportLibrary(db);
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: `reportlens-backup-${backup.exportedAt.slice(0, 10)}.json`,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return `Exported ${backup.reports.length} reports and ${backup.aliases.length} aliases.`;
  };
  const saveAlias = async (alias: Pick<StoredAlias, 'alias' | 'securityId'>, next: Pick<StoredAlias, 'alias' | 'securityId'>) => {
    await editAlias(db, alias, next);
    await notifyLibraryChanged();
    return `${alias.alias} → ${next.alias} (${next.securityId}). Re-index to apply it to reports already imported.`;
  };
  const reindex = async () => {
    const result = await reindexLibrary(db, await loadParseContext(db), (done, total) =>
      update({ status: { kind: 'busy', message: `Re-indexing… ${done}/${total}` } }),
    );
    await notifyLibraryChanged();
    const failures = result.failed.map((f) => `${f.file}: ${f.reason}`).join('; ');
    return `Re-indexed ${result.reports} reports; ${result.changed} changed.${failures ? ` Failed: ${failures}` : ''}`;
  };
  const openReport = (id: string | undefined) => {
    location.hash = id ? `report=${id}` : '';
  };

  addEventListener('hashchange', () => void refresh());
  // Without persistence the browser may evict an extension's IndexedDB, the whole library, under storage pressure
  // (https://developer.mozilla.org/docs/Web/API/StorageManager/persist); a refusal changes nothing, so it is not shown.
  void navigator.storage?.persist?.().catch(() => false);
  await refresh();
}

void main();

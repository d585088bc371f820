import '~/components/report-digest.css';
import '~/components/extension-page.css';
import { render } from 'preact';
import { LibraryPage } from '~/components/library-page';
import type { Settings } from '~/lib/settings/load-settings';
import { UiText } from '~/components/ui-text';
import { translator } from '~/lib/i18n/messages';
import { openLibraryDatabase } from '~/lib/db/database';
import { removeSecurityList } from '~/lib/db/alias-queries';
import { loadLibraryDictionary } from '~/lib/db/library-dictionary';
import { securityInHash } from '~/lib/db/security-overview';
import { demoLibraryFiles } from '~/lib/import/demo-library';
import { droppedFiles } from '~/lib/import/dropped-files';
import { blockNames, unblockNames } from '~/lib/import/late-aliases';
import { notThisQuestion, notThisSecurityOf } from '~/lib/library/not-this-security';
import type { NotThisQuestion } from '~/components/not-this-security';
import { saveDownload } from '~/lib/library/save-download';
import { createSubscriptionsController } from '~/lib/feeds/subscriptions-controller';
import { createLibraryStore } from '~/lib/library/library-store';
import { readPdfInPage } from '~/lib/pdf/browser-pdf-engine';
import { openStoredPdf } from '~/lib/pdf/open-stored-pdf';
import { workerMessenger } from '~/lib/messaging/protocol';
import { addSite, removeSite, siteDomain } from '~/lib/permissions/added-sites';
import { resolveLocale, setLanguageChoice, setMarkAllKnown, setMarkStyle, setPrivateMarks } from '~/lib/settings/display-settings';
import { loadSettings } from '~/lib/settings/load-settings';
import { setSiteEnabled } from '~/lib/settings/site-settings';
import { announceLibraryChanges } from '~/lib/worker/announce-library-changes';

/** Wiring of the library page: the store (state and actions, `lib/library/`), settings, and the view. */
async function main() {
  const db = openLibraryDatabase();
  const app = document.getElementById('app')!;
  // The worker builds its search index while the page loads, not on the first search.
  void workerMessenger.sendMessage('prepareSearch', undefined).catch(() => undefined);
  const store = createLibraryStore({
    db,
    // Ids only: the page reads the rows it lists itself (`listReports`), so the worker reads no digest for it.
    search: (query, limit) => workerMessenger.sendMessage('searchLibrary', { query, limit, digests: false }),
    countLibrary: async () => (await workerMessenger.sendMessage('getLibraryStats', undefined)).reports,
    readPdf: readPdfInPage,
  });
  let settings: Settings = await loadSettings();
  let siteMessage: string | undefined;
  /** The card's "not this security" (`#not-this=…`): asked here, written only when the user confirms. */
  let notThis: NotThisQuestion | undefined;
  const askNotThis = async () => {
    const asked = notThisSecurityOf(location.hash);
    if (!asked) return;
    notThis = notThisQuestion(asked, await loadLibraryDictionary(db));
    draw();
  };
  const answerNotThis = async (confirmed: boolean) => {
    const question = notThis;
    if (!question || question.done) return;
    // Answered: a reload of this tab must not ask again.
    history.replaceState(null, '', location.pathname);
    if (confirmed) await blockNames(db, question.blocks);
    notThis = confirmed ? { ...question, done: true } : undefined;
    draw();
    await store.refresh();
  };
  const localeOf = () => resolveLocale(settings.language, navigator.languages);
  const reloadSettings = async () => {
    settings = await loadSettings();
    draw();
  };
  const fail = (error: Error) => void store.runTask({ key: 'import.phase.reading' }, () => Promise.reject(error));

  const subscriptions = createSubscriptionsController(db, { onChange: () => draw(), onLibraryChanged: () => store.refresh() });
  const draw = () => {
    const text = translator(localeOf());
    document.documentElement.lang = localeOf() === 'zh' ? 'zh-CN' : 'en';
    document.title = text('page.libraryTitle');
    render(
      <UiText.Provider value={text}>
        <LibraryPage
          state={store.state}
          settings={settings}
          siteMessage={siteMessage}
          onTab={store.setTab}
          subscriptions={subscriptions.props()}
          onFilter={(filter) => void store.setFilter(filter)}
          onSort={(key) => void store.sortBy(key)}
          onPage={(page) => void store.setPage(page)}
          onImport={(files) => void store.importFiles(files)}
          onDropItems={(items) => void droppedFiles(items).then((files) => store.importFiles(files), fail)}
          onLoadDemo={() => void store.importFiles(demoLibraryFiles())}
          onOpen={(id) => void (location.hash = id ? `report=${id}` : '')}
          onDelete={(id) => void store.remove(id).then(() => (location.hash = ''))}
          onOpenPdf={(id) => void openStoredPdf(db, id)}
          onMarkAll={(on) => void setMarkAllKnown(on).then(reloadSettings)}
          onMarkStyle={(style) => void setMarkStyle(style).then(reloadSettings)}
          onPrivateMarks={(on) => void setPrivateMarks(on).then(reloadSettings)}
          onLanguage={(language) => void setLanguageChoice(language).then(reloadSettings)}
          onSiteEnabled={(site, enabled) => void setSiteEnabled(site, enabled).then(reloadSettings)}
          onAddSite={(input) => {
            const site = siteDomain(input);
            if (!site) {
              siteMessage = text('settings.badSite', { input });
              return draw();
            }
            // No await before the request: the browser only asks within the click's user gesture.
            void addSite(site).then(async (granted) => {
              siteMessage = text(granted ? 'settings.siteAdded' : 'settings.notGranted', { site });
              await reloadSettings();
            });
          }}
          onRemoveSite={(site) => void removeSite(site).then(reloadSettings)}
          notThis={notThis}
          onConfirmNotThis={() => void answerNotThis(true)}
          onCancelNotThis={() => void answerNotThis(false)}
          onBlockAlias={(alias) => void blockNames(db, [alias]).then(store.refresh)}
          onUnblock={(block) => void unblockNames(db, [block]).then(store.refresh)}
          onEditAlias={(alias, next) => void store.editAlias(alias, next)}
          onRemoveList={(from) => void removeSecurityList(db, from).then(store.refresh)}
          onImportSecurityList={(file) => void store.importSecurityList(file)}
          onExportBackup={() => void store.exportBackup(saveDownload)}
          onReindex={() => void store.reindex()}
          onCancel={store.cancel}
        />
      </UiText.Provider>,
      app,
    );
  };
  store.subscribe(draw);
  // The hash names the open report (`#report=<id>`), a security's page (`#security=<id>`, a card's "All N reports"),
  // a search (`#search=…`, from the context menu) or the demo (`#demo`, from the popup's button: the popup carries no
  // import pipeline).
  const followHash = () => {
    if (location.hash === '#demo') {
      history.replaceState(null, '', location.pathname);
      void store.importFiles(demoLibraryFiles());
    }
    const search = /^#search=(.*)$/.exec(location.hash)?.[1];
    if (search !== undefined) void store.setFilter({ ...store.state.filter, query: decodeURIComponent(search) });
    void store.open(/^#report=([0-9a-f]{64})$/.exec(location.hash)?.[1]);
    void store.openSecurity(securityInHash(location.hash));
    void askNotThis();
  };
  addEventListener('hashchange', followHash);
  // Every write, from this page or any other, reaches the worker (and through it the open tabs).
  announceLibraryChanges();
  // Without persistence the browser may evict an extension's IndexedDB, the whole library, under storage pressure
  // (https://developer.mozilla.org/docs/Web/API/StorageManager/persist); a refusal changes nothing, so it is not shown.
  void navigator.storage?.persist?.().catch(() => false);
  subscriptions.watch();
  draw();
  followHash();
  await store.refresh();
}

void main();

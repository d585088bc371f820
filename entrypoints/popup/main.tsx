import '~/components/report-digest.css';
import '~/components/extension-page.css';
import { render } from 'preact';
import { PopupView, type PopupViewProps } from '~/components/popup-view';
import { UiText } from '~/components/ui-text';
import { translator } from '~/lib/i18n/messages';
import { workerMessenger } from '~/lib/messaging/protocol';
import { loadPopupState } from '~/lib/popup/load-popup-state';
import { languageChoice, resolveLocale } from '~/lib/settings/display-settings';
import { isSiteEnabled, setSiteEnabled } from '~/lib/settings/site-settings';

/** Pause after the last keystroke before searching. */
const SEARCH_DEBOUNCE_MS = 120;

/** `?tabId=N` shows the popup for that tab when it is opened as a page (pop-out window, tests). */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

type ViewState = Pick<PopupViewProps, 'state' | 'query' | 'result' | 'site'>;

async function main() {
  const app = document.getElementById('app')!;
  // The library and tab are asked while the language setting is read. No `prepareSearch` here: building the index
  // would compete with the look-ups this popup (and the next) waits for; a search from the popup builds it.
  const [choice, tabId] = await Promise.all([languageChoice(), targetTabId()]);
  const loading = loadPopupState(tabId);
  const locale = resolveLocale(choice, navigator.languages);
  const text = translator(locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  document.title = text('page.popupTitle');
  let view: ViewState = { state: { kind: 'loading' }, query: '', result: undefined, site: undefined };
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const toggleSite = async (enabled: boolean) => {
    if (!view.site) return;
    await setSiteEnabled(view.site.host, enabled);
    update({ site: { ...view.site, enabled } });
  };
  const update = (patch: Partial<ViewState>) => {
    view = { ...view, ...patch };
    render(
      <UiText.Provider value={text}>
        <PopupView
          {...view}
          onSearch={(query) => {
            update({ query });
            clearTimeout(searchTimer);
            searchTimer = setTimeout(
              () =>
                void workerMessenger.sendMessage('searchLibrary', { query }).then((result) => {
                  if (view.query === query) update({ result });
                }),
              SEARCH_DEBOUNCE_MS,
            );
          }}
          onToggleSite={(enabled) => void toggleSite(enabled)}
          onOpenLibrary={() => void browser.runtime.openOptionsPage()}
          onOpenReport={(reportId) => void workerMessenger.sendMessage('openReport', { reportId })}
          // The popup carries no import pipeline (yaml, marked, fflate): the library page loads the demo.
          onLoadDemo={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#demo') }).then(() => close())}
        />
      </UiText.Provider>,
      app,
    );
  };
  update({});
  const state = await loading;
  const url = state.kind === 'page' ? state.page?.url : undefined;
  const host = url ? new URL(url).hostname : undefined;
  update({ state, site: host ? { host, enabled: await isSiteEnabled(host) } : undefined });
}

void main();

import '~/components/report-digest.css';
import '~/components/extension-page.css';
import { render } from 'preact';
import { PopupView, type PopupState } from '~/components/popup-view';
import { openLibraryDatabase } from '~/lib/db/database';
import { demoLibraryFiles } from '~/lib/import/demo-library';
import { runLibraryImport } from '~/lib/import/run-library-import';
import { tabMessenger, workerMessenger } from '~/lib/messaging/protocol';
import { loadPopupState } from '~/lib/popup/load-popup-state';

/** `?tabId=N` shows the popup for that tab when it is opened as a page (pop-out window, tests). */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function main() {
  const app = document.getElementById('app')!;
  const tabId = await targetTabId();
  const show = (state: PopupState) =>
    render(
      <PopupView
        state={state}
        onOpenLibrary={() => void browser.runtime.openOptionsPage()}
        onOpenReport={(reportId) => void workerMessenger.sendMessage('openReport', { reportId })}
        onLoadDemo={async () => {
          show({ kind: 'loading-demo' });
          await runLibraryImport(openLibraryDatabase(), demoLibraryFiles(), () => workerMessenger.sendMessage('libraryChanged', undefined));
          if (tabId !== undefined) await tabMessenger.sendMessage('refreshMarks', undefined, tabId).catch(() => undefined);
          show(await loadPopupState(tabId));
        }}
      />,
      app,
    );
  show({ kind: 'loading' });
  show(await loadPopupState(tabId));
}

void main();

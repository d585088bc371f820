import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium; playwright-core drives it (never `npx playwright install`, which downloads a browser). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The build the end-to-end tests load: production plus host access to 127.0.0.1 (`npm run build:e2e`). */
export const E2E_EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3-e2e', import.meta.url));

/** A Chromium with our extension loaded, and its id. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  pageUrl(path: string): string;
  /** The id of the tab showing `url` (asked of the worker), for `popup.html?tabId=N`. */
  tabIdOf(url: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension in a fresh profile. `--disable-extensions-except` is required or the
 * extension never loads; the network flags keep Chromium from calling home on a machine without internet.
 */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; lang?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'reportlens-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    viewport: { width: 1280, height: 860 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { locale: options.lang } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    pageUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    tabIdOf: (url) =>
      worker.evaluate(async (tabUrl) => {
        const { chrome } = globalThis as unknown as { chrome: { tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> } } };
        return (await chrome.tabs.query({ url: tabUrl }))[0]?.id;
      }, url),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './launch-extension';
import { servePages } from './serve-pages';

/** Where e2e tests write screenshots and scores. */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The built extension in Chromium and our fixture pages, open for a test file's tests (see {@link useExtensionWithPages}). */
export interface ExtensionSession {
  readonly browser: ExtensionBrowser;
  readonly pages: Awaited<ReturnType<typeof servePages>>;
}

/**
 * Launches the extension and serves the fixture pages before the file's tests (the results folder made), closing both
 * after them. Read `browser` and `pages` inside tests: they exist once the hooks have run.
 */
export function useExtensionWithPages(): ExtensionSession {
  const session = {} as { browser: ExtensionBrowser; pages: ExtensionSession['pages'] };
  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    [session.browser, session.pages] = await Promise.all([launchWithExtension(), servePages()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.pages?.close();
  });
  return session;
}

/** Sets the worker's `chrome.storage.local` items (settings such as `uiLanguage`), as the library page would. */
export async function setWorkerStorage(browser: ExtensionBrowser, items: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (values) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set(values);
  }, items);
}

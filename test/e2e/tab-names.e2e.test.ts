import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { serveCorpusPages } from '../support/serve-corpus-pages';
import { servePages } from '../support/serve-pages';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../support/shared-corpus';
import { setMarkAll, tabPageSecurities } from '../support/tab-page-securities';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
/** Reports we wrote, one of them on 西部证券 (SZ:002673). */
const REPORTS_DIR = fileURLToPath(new URL('../fixtures/name-policy-reports/', import.meta.url));

/** The worker's `chrome.storage`, as much of it as the test uses (the e2e project has no extension types). */
type ChromeStorage = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  const library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByTestId('import-files').setInputFiles(readdirSync(REPORTS_DIR).map((name) => join(REPORTS_DIR, name)));
  await expect.poll(() => library.getByTestId('import-summary').textContent(), { timeout: 30_000 }).toMatch(/^6 imported/);
  await library.close();
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

// The tab asks the worker what its page's text may name and reads it as the whole master does (issues 11 and 12).
test('with reports only: 西部证券 inside 申万宏源西部证券 is not marked, 西部证券 alone is', async () => {
  await setMarkAll(browser, false);
  const page = await browser.context.newPage();
  await page.goto(`${pages.origin}/tab-names-news.html`);
  await expect.poll(() => markedTexts(page), { timeout: 15_000 }).toEqual(['西部证券', '002673']);
  await page.close();
});

test('mark every known security: small caps and the longer name are marked, as cli detect finds them', async () => {
  await setMarkAll(browser, true);
  const page = await browser.context.newPage();
  await page.goto(`${pages.origin}/tab-names-news.html`);
  await expect
    .poll(() => markedTexts(page), { timeout: 15_000 })
    .toEqual(['申万宏源', '西部证券', '002673', '天奇股份', '运达股份', '维谛技术']);
  await page.close();
  await setMarkAll(browser, false);
});

describe.skipIf(!SHARED_AVAILABLE)(`a real page of small caps (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  test.each(['zh', 'en'] as const)('%s: marked in mark-all mode, the popup lists its subject first', async (language) => {
    await browser.worker.evaluate(
      (choice) => (globalThis as unknown as ChromeStorage).chrome.storage.local.set({ uiLanguage: choice }),
      language,
    );
    await setMarkAll(browser, true);
    const served = await serveCorpusPages(sharedPath('corpus', 'pages'));
    try {
      const page = await browser.context.newPage();
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const url = `${served.origin}/stcn/gne_tests_stcn_1.html`;
      await page.goto(url, { waitUntil: 'load' });
      await expect.poll(() => markedTexts(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['天奇股份', '运达股份']));
      await page.evaluate(() => {
        const first = [...(CSS.highlights.get('reportlens-mark') ?? [])][0];
        (first?.startContainer.parentElement as HTMLElement | undefined)?.scrollIntoView({ block: 'center' });
      });
      await page.screenshot({ path: `${RESULTS_DIR}tab-names-small-caps-${language}.png` });
      const tabId = (await browser.tabIdOf(url))!;
      expect((await tabPageSecurities(browser, tabId))?.securities[0]?.id).toBe('SZ:002009');
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 440, height: 700 });
      await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
      await expect.poll(() => popup.locator('section.rl-security').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await popup.screenshot({ path: `${RESULTS_DIR}tab-names-popup-${language}.png`, fullPage: true });
      await popup.close();
      await page.close();
    } finally {
      await served.close();
      await setMarkAll(browser, false);
    }
  });
});

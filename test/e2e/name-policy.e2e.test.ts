import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { RESULTS_DIR, setWorkerStorage, useExtensionWithPages } from '../support/extension-session';
import { closedShadowText } from '../support/closed-shadow';
import { centreOfText, markedTexts } from '../support/page-marks';

/** Reports we wrote on securities whose names the traps hold (中国平安, 海尔智家, 西部证券, 纳百川, 工商银行, T. Rowe Price). */
const REPORTS_DIR = fileURLToPath(new URL('../fixtures/name-policy-reports/', import.meta.url));

const session = useExtensionWithPages();

// The traps on one page, with reports on the securities they hold: the built extension in Chromium, the
// worker reading the master and compiling the tab dictionary, the content script matching with it.
test('the library page imports reports, resolving them with the securities master', async () => {
  // The library page reads the master from the extension's own origin to resolve the reports' names.
  const library = await session.browser.context.newPage();
  await library.goto(session.browser.pageUrl('options.html'));
  await library.getByTestId('import-files').setInputFiles(readdirSync(REPORTS_DIR).map((name) => join(REPORTS_DIR, name)));
  await expect
    .poll(() => library.getByTestId('import-summary').textContent(), { timeout: 30_000 })
    .toBe('6 imported · 0 already in library · 0 failed');
  await library.close();
});

test('marks names that mean their company and none of the words, places, idioms, prefixes, interface words or counts', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.pages.origin}/name-policy-news.html`);
  await expect
    .poll(() => markedTexts(page), { timeout: 15_000 })
    .toEqual(['海尔智家', '工商银行', '纳百川', '西部证券', '002673', '中国平安', '平安', 'T. Rowe Price', 'TROW', '600690']);
  for (const language of ['zh', 'en'] as const) {
    await setWorkerStorage(session.browser, { uiLanguage: language });
    await page.reload();
    await expect.poll(() => markedTexts(page), { timeout: 15_000 }).toHaveLength(10);
    // The card of a weak name the page supports (平安 beside 中国平安), in the chosen language.
    const { x, y } = await centreOfText(page, '称平安');
    await page.mouse.move(x - 30, y - 40);
    await page.mouse.move(x + 4, y, { steps: 4 });
    await expect.poll(() => closedShadowText(page, 'reportlens-card'), { timeout: 10_000 }).toMatch(/寿险新业务价值回升/);
    await page.screenshot({ path: `${RESULTS_DIR}name-policy-marks-${language}.png` });
  }
  await page.close();
});

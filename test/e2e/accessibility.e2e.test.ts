import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closedShadowHtml } from '../support/closed-shadow';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

/** axe-core's source, evaluated in the page over the DevTools protocol (extension pages' CSP refuses inline scripts). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate<AxeViolation[]>(
    `${AXE_SOURCE}; axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
beforeAll(async () => {
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

test('the library page and the popup have no serious accessibility violations (axe)', async () => {
  const library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByRole('button', { name: 'Load the demo library' }).click();
  await library.getByTestId('import-summary').waitFor();
  expect(await seriousViolations(library)).toEqual([]);
  await library.getByRole('button', { name: /阿里巴巴云业务跟踪/ }).click();
  await library.getByRole('region', { name: 'Report text' }).waitFor();
  expect(await seriousViolations(library)).toEqual([]);

  const popup = await browser.context.newPage();
  await popup.goto(browser.pageUrl('popup.html'));
  await popup.getByRole('searchbox', { name: 'Search your library' }).fill('阿里巴巴');
  await popup.getByRole('region', { name: 'Search results' }).waitFor();
  expect(await seriousViolations(popup)).toEqual([]);
});

test('the hover card has no serious accessibility violations (axe, on a copy of its closed shadow root)', async () => {
  const news = await browser.context.newPage();
  await news.goto(`${pages.origin}/demo-market-news.html`);
  await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toContain('阿里巴巴');
  const { x, y } = await centreOfText(news, '阿里巴巴');
  await news.mouse.move(x - 30, y - 40);
  await news.mouse.move(x, y, { steps: 4 });
  await expect.poll(() => closedShadowHtml(news, 'reportlens-card'), { timeout: 10_000 }).toMatch(/report/);
  // axe cannot pierce a closed root: it checks the card's markup and styles, copied into a page of their own.
  const card = (await closedShadowHtml(news, 'reportlens-card'))!;
  const copy = await browser.context.newPage();
  await copy.setContent(`<!doctype html><html lang="zh-CN"><head><title>Card</title></head><body><main>${card}</main></body></html>`);
  expect(await copy.locator('[role="dialog"], [role="tooltip"], section, aside').count()).toBeGreaterThan(0);
  expect(await seriousViolations(copy)).toEqual([]);
  await copy.close();
  await news.close();
});

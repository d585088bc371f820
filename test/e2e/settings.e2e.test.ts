import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

const REPORT_FIXTURES = ['alibaba-q3-note.md', 'amazon-retail.html'].map((name) =>
  fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)),
);
/** How long a page gets to show marks before the test says it has none. */
const NO_MARKS_WAIT_MS = 1_500;

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
let library: Page;
/** The same test page under a host that is not on the finance list: `localhost` (the e2e build grants it up front). */
let otherSiteUrl: string;

beforeAll(async () => {
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  otherSiteUrl = `${pages.origin.replace('127.0.0.1', 'localhost')}/loop-news.html`;
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

/** The marks of a freshly loaded page, after giving the content script time to run. */
async function marksOn(url: string): Promise<string[] | undefined> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForTimeout(NO_MARKS_WAIT_MS);
  const marks = await markedTexts(page);
  await page.close();
  return marks;
}

test('import two reports', async () => {
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByTestId('import-files').setInputFiles(REPORT_FIXTURES);
  await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('2 imported · 0 already in library · 0 failed');
  // Settings have a tab of their own; the page stays on it for the tests below.
  await library.getByRole('tab', { name: 'Settings' }).click();
});

describe('sites beyond the finance list', () => {
  test('a site not on the list is not read until the user allows it', async () => {
    expect(await marksOn(otherSiteUrl)).toBeUndefined();
  });

  test('allowing it on the library page marks its pages; removing it stops that', async () => {
    const settings = library.getByRole('region', { name: 'Settings' });
    await settings.getByLabel('Allow another site').fill('not a site!');
    await settings.getByRole('button', { name: 'Allow', exact: true }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toContain('is not a site name');

    await settings.getByLabel('Allow another site').fill('http://localhost:8080/some/page');
    await settings.getByRole('button', { name: 'Allow', exact: true }).click();
    await expect
      .poll(() => settings.getByRole('status').textContent())
      .toBe('ReportLens now reads localhost. Reload its open pages to see marks.');
    expect(await settings.getByRole('list', { name: 'Other sites you allowed' }).textContent()).toContain('localhost');
    await expect.poll(() => marksOn(otherSiteUrl), { timeout: 15_000 }).toContain('阿里巴巴');

    await settings.getByRole('button', { name: 'Remove localhost' }).click();
    await expect.poll(() => settings.getByText('None yet. ReportLens reads no other site').count()).toBe(1);
    expect(await marksOn(otherSiteUrl)).toBeUndefined();
  });
});

describe('how marks look, and the language', () => {
  /** The rules of the style sheets the page has adopted (ours draws the marks). */
  const adoptedRules = (page: Page) =>
    page.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'));

  test('the mark style setting restyles the marks of open pages', async () => {
    const news = await browser.context.newPage();
    await news.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(news)).toContain('阿里巴巴');
    expect(await adoptedRules(news)).toMatch(/::highlight\(reportlens-mark\).*dotted/);
    await library.getByRole('radio', { name: 'Tinted background' }).check();
    await expect.poll(() => adoptedRules(news)).toMatch(/::highlight\(reportlens-mark\).*background-color/);
    expect(await markedTexts(news)).toContain('阿里巴巴');
    await library.getByRole('radio', { name: 'Dotted underline' }).check();
    await expect.poll(() => adoptedRules(news)).toMatch(/dotted/);
    await news.close();
  });

  test('choosing Chinese switches the library page and the popup from the English browser language', async () => {
    await library.getByLabel('Language').selectOption('zh');
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent()).toBe('研报库 ReportLens');
    expect(await library.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const popup = await browser.context.newPage();
    await popup.goto(browser.pageUrl('popup.html'));
    await expect.poll(() => popup.getByRole('button', { name: '研报库' }).count()).toBe(1);
    await popup.close();
    await library.getByLabel('界面语言').selectOption('auto');
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent()).toBe('ReportLens library');
  });
});

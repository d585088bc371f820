import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { relatedCommand } from '../../lib/cli/related-command';
import { SECURITY_PAGE_REPORTS } from '../../lib/db/security-overview';
import { clickInClosedShadow, closedShadowText, closedShadowTexts } from '../support/closed-shadow';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../support/shared-corpus';
import { readMasterFromDisk } from '../../lib/securities/master/read-master-file';

// `cli related` runs here in Node, as the command line does: linkedom for HTML bodies, the master from disk.
globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
readMasterFromDisk();

/**
 * What my reports say about this company, through the built extension in Chromium: 284 real research posts imported
 * through the library page, a real saved news page (sina.com.cn, 2019, on the iPhone 11) that names 苹果: the card ranks the reports as
 * `cli related` does (the same ranking code), quotes a passage naming the security under each, and opens the
 * security page; the popup and the security page too; screenshots in English and Chinese.
 */
const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const CARD_HOST = 'reportlens-card';
const PAGE = 'sina/gne_tests_sina_4_iphone11.html';
/** The name the page uses for the security the card is opened on, and its id. */
const NAME = '苹果';
const SECURITY = 'US:AAPL';
const GATOR = sharedPath('corpus', 'reports', 'gator-reports');

describe.skipIf(!SHARED_AVAILABLE)(`reading real reports on a real page (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  let browser: ExtensionBrowser;
  let served: Awaited<ReturnType<typeof servePages>>;
  let news: Page;
  let library: Page;
  let securityId = '';
  let aboutCount = 0;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    [browser, served] = await Promise.all([launchWithExtension(), servePages(sharedPath('corpus', 'pages'))]);
    library = await browser.context.newPage();
    await library.goto(browser.pageUrl('options.html'));
    await library.getByTestId('import-files').setInputFiles(readdirSync(GATOR).map((file) => join(GATOR, file)));
    await library.getByTestId('import-summary').waitFor({ timeout: 120_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const hoverName = async () => {
    // A card left open from before would satisfy the wait below while a new one loads: close it first.
    await news.keyboard.press('Escape');
    await expect.poll(() => closedShadowText(news, CARD_HOST)).toBeUndefined();
    await news.mouse.move(5, 5);
    await news.evaluate((name) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.nodeValue?.includes(name)) return node.parentElement?.scrollIntoView({ block: 'center' });
    }, NAME);
    await news.waitForTimeout(200);
    const { x, y } = await centreOfText(news, NAME);
    await news.mouse.move(x - 30, y - 40);
    await news.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowTexts(news, CARD_HOST, 'rl-passage'), { timeout: 15_000 }).toHaveLength(3);
  };

  test('the card shows the reports in the ranking cli related gives, each with a passage naming the security', async () => {
    expect(await library.getByTestId('import-summary').textContent()).toMatch(/^284 imported/);
    news = await browser.context.newPage();
    await news.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await news.goto(`${served.origin}/${PAGE}`, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await markedTexts(news))?.includes(NAME), { timeout: 15_000 }).toBe(true);
    await hoverName();
    securityId = (await closedShadowTexts(news, CARD_HOST, 'rl-card-code'))[0]!;
    expect(securityId).toBe(SECURITY);
    const titles = await closedShadowTexts(news, CARD_HOST, 'rl-report-title');
    const expected: string[] = [];
    await relatedCommand(GATOR, { security: securityId, limit: 3 }, (line) => expected.push((JSON.parse(line) as { title: string }).title));
    expect(titles).toEqual(expected);
    const passages = await closedShadowTexts(news, CARD_HOST, 'rl-passage');
    const mentions = await closedShadowTexts(news, CARD_HOST, 'rl-mention');
    expect(mentions).toHaveLength(3);
    mentions.forEach((mention, i) => {
      expect(mention).toMatch(/苹果|Apple|AAPL/i);
      expect(passages[i]).toContain(mention);
    });
    // Reports about the company come first: the badges say "about" for the first `aboutCount`, then "mentions".
    const counts = /(\d+) reports in your library(?: · (\d+) about it)?/.exec((await closedShadowText(news, CARD_HOST)) ?? '');
    expect(counts).not.toBeNull();
    aboutCount = Number(counts![2] ?? 0);
    const badges = await closedShadowTexts(news, CARD_HOST, 'rl-badge');
    expect(badges).toEqual([0, 1, 2].map((i) => (i < aboutCount ? 'About this company' : 'Mentions it')));
    await news.screenshot({ path: `${RESULTS_DIR}reading-card-en.png` });
  }, 120_000);

  test('the popup: one entry per company, passages and clamped summaries', async () => {
    const tabId = await browser.tabIdOf(`${served.origin}/${PAGE}`);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 900 });
    await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
    const apple = popup.getByRole('region', { name: new RegExp(`${SECURITY}$`) });
    await expect.poll(() => apple.locator('.rl-passage').count(), { timeout: 15_000 }).toBe(3);
    expect(await apple.locator('.rl-mention').first().textContent()).toMatch(/苹果|Apple|AAPL/i);
    expect(await popup.locator('.rl-report-summary.rl-clamped').count()).toBeGreaterThan(0);
    expect(await popup.locator('.rl-page-summary').textContent()).toMatch(/^\d+ compan(?:y|ies) on this page with reports$/);
    await popup.screenshot({ path: `${RESULTS_DIR}reading-popup-en.png`, fullPage: true });
    await popup.close();
  }, 60_000);

  let securityPage: Page;
  test('"All N reports" opens the security page: ranked reports, risks grouped, latest view', async () => {
    await hoverName();
    const opened = browser.context.waitForEvent('page', { timeout: 15_000 });
    await clickInClosedShadow(news, CARD_HOST, 'rl-all-reports');
    securityPage = await opened;
    await securityPage.waitForURL(/options\.html#security=US%3AAAPL$/);
    const page = securityPage.getByRole('article', { name: /Reports on/ });
    await page.locator('.rl-risk-groups').waitFor({ timeout: 15_000 });
    await securityPage.setViewportSize({ width: 1100, height: 1400 });
    await securityPage.screenshot({ path: `${RESULTS_DIR}reading-security-page-en.png` });
    const [, reports, about] =
      /(\d+) reports?, (\d+) about the company/.exec((await page.locator('.rl-counts').first().textContent()) ?? '') ?? [];
    expect(Number(reports)).toBeGreaterThanOrEqual(3);
    expect(Number(about)).toBe(aboutCount);
    expect(await page.locator('.rl-report').count()).toBe(Math.min(Number(reports), SECURITY_PAGE_REPORTS));
    expect(await page.locator('.rl-report .rl-badge-about').count()).toBe(Number(about));
    expect(await page.locator('.rl-risk-groups li').count()).toBeGreaterThan(3);
    expect(await page.locator('.rl-risk-groups li').first().textContent()).toMatch(/in \d+ reports?, \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('.rl-latest-view').textContent()).toMatch(/Latest view/);
  }, 60_000);

  test('the same in Chinese', async () => {
    await library.bringToFront();
    await library.getByRole('tab', { name: 'Settings' }).click();
    await library.getByRole('combobox', { name: /Language/ }).selectOption('zh');
    await expect.poll(() => library.locator('html').getAttribute('lang')).toBe('zh-CN');
    await news.bringToFront();
    await hoverName();
    await expect
      .poll(async () => (await closedShadowTexts(news, CARD_HOST, 'rl-badge'))[0])
      .toBe(aboutCount ? '专门讨论该公司' : '提及该公司');
    await news.screenshot({ path: `${RESULTS_DIR}reading-card-zh.png` });
    const tabId = await browser.tabIdOf(`${served.origin}/${PAGE}`);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 900 });
    await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('.rl-page-summary').textContent(), { timeout: 15_000 }).toMatch(/^本页有 \d+ 家公司有相关研报$/);
    await popup.screenshot({ path: `${RESULTS_DIR}reading-popup-zh.png`, fullPage: true });
    await securityPage.reload();
    await expect
      .poll(
        () =>
          securityPage
            .getByRole('article', { name: /的研报/ })
            .locator('.rl-report')
            .count(),
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(3);
    await securityPage.screenshot({ path: `${RESULTS_DIR}reading-security-page-zh.png` });
  }, 90_000);
});

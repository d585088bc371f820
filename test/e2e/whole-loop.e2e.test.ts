import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { RESULTS_DIR, useExtensionWithPages } from '../support/extension-session';
import { closedShadowAttribute, closedShadowText } from '../support/closed-shadow';
import { centreOfText, markedTexts } from '../support/page-marks';

const REPORT_FIXTURES = ['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt', 'broken-front-matter.md'].map((name) =>
  fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)),
);
/** Shadow host of the hover card. */
const CARD_HOST = 'reportlens-card';

const session = useExtensionWithPages();

describe('the whole loop a user does', () => {
  test('import report files through the library page', async () => {
    const library = await session.browser.context.newPage();
    await library.goto(session.browser.pageUrl('options.html'));
    await library.getByTestId('import-files').setInputFiles(REPORT_FIXTURES);
    await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('3 imported · 0 already in library · 1 failed');
    const failedRow = library.getByRole('row', { name: /broken-front-matter\.md/ });
    await expect.poll(() => failedRow.textContent()).toMatch(/failed.*front matter is not valid YAML/);
    await library.getByTestId('import-files').setInputFiles(REPORT_FIXTURES.slice(0, 1));
    await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('0 imported · 1 already in library · 0 failed');
    await library.close();
  });

  let news: Page;
  test('a news page gets its securities marked, nothing else, and its DOM is untouched', async () => {
    news = await session.browser.context.newPage();
    const bodyBefore = await (await fetch(`${session.pages.origin}/loop-news.html`)).text();
    await news.goto(`${session.pages.origin}/loop-news.html`);
    await expect
      .poll(() => markedTexts(news), { timeout: 10_000 })
      .toEqual(['阿里巴巴', '09988.HK', 'Amazon', 'AMZN', '阿里巴巴', '09988.HK', 'Amazon', 'AMZN']);
    const unchanged = await news.evaluate(
      (served) => new DOMParser().parseFromString(served, 'text/html').body.innerHTML === document.body.innerHTML,
      bodyBefore,
    );
    expect(unchanged).toBe(true);
  });

  test('hovering a mark shows the card with the report title and a risk; Esc closes it', async () => {
    const { x, y } = await centreOfText(news, '09988.HK');
    await news.mouse.move(x - 30, y - 40);
    await news.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toMatch(/阿里巴巴.*1 report in your library/);
    expect(await closedShadowAttribute(news, CARD_HOST, 'rl-card', 'data-scheme')).toBe('light');
    // The page's own scripts see a host element and nothing else: no extension URL, no way to message the worker.
    const seenByPage = await news.evaluate(() => ({
      extensionUrls: document.documentElement.outerHTML.includes('chrome-extension://'),
      shadowRoot: document.querySelector('reportlens-card')?.shadowRoot ?? null,
      runtime: typeof (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    }));
    expect(seenByPage).toEqual({ extensionUrls: false, shadowRoot: null, runtime: 'undefined' });
    const card = (await closedShadowText(news, CARD_HOST))!;
    expect(card).toContain('阿里巴巴季度点评：云与电商双轮驱动（测试夹具）');
    expect(card).toContain('云业务增速放缓');
    expect(card).toMatch(/Marked “ ?09988\.HK ?”: code with exchange/);
    expect(await closedShadowAttribute(news, CARD_HOST, 'rl-timeline', 'aria-label')).toBe('Reports by month: 1 dated, 2025-11 to 2025-11');
    await news.screenshot({ path: `${RESULTS_DIR}hover-card.png` });
    await news.keyboard.press('Escape');
    await expect.poll(() => closedShadowText(news, CARD_HOST)).toBeUndefined();
  });

  test('the popup for the tab lists the page securities with report summary and risks', async () => {
    const tabId = await session.browser.tabIdOf(`${session.pages.origin}/loop-news.html`);
    expect(tabId).toBeGreaterThan(0);
    const badge = () =>
      session.browser.worker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as { chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } } };
        return chrome.action.getBadgeText({ tabId: id! });
      }, tabId);
    await expect.poll(badge).toBe('2');
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 900 });
    await popup.goto(session.browser.pageUrl(`popup.html?tabId=${tabId}`));
    const alibaba = popup.getByRole('region', { name: '阿里巴巴-W HK:09988' });
    await expect.poll(() => alibaba.textContent(), { timeout: 10_000 }).toContain('阿里巴巴季度点评：云与电商双轮驱动（测试夹具）');
    const text = (await alibaba.textContent())!;
    expect(text).toContain('云业务增速放缓');
    expect(text).toContain('海外市场竞争加剧');
    expect(await popup.getByRole('region', { name: 'Amazon US:AMZN' }).textContent()).toContain('Amazon retail margins: a fixture note');
    await popup.screenshot({ path: `${RESULTS_DIR}popup.png`, fullPage: true });
    const search = popup.getByRole('searchbox', { name: 'Search your library' });
    const results = popup.getByRole('region', { name: 'Search results' });
    await search.fill('Amazom');
    await expect.poll(() => results.textContent()).toContain('Amazon retail margins: a fixture note');
    await search.fill('阿里巴巴');
    await expect.poll(() => results.textContent()).toContain('阿里巴巴季度点评');
    expect(await results.textContent()).not.toContain('Amazon retail margins');
    await search.fill('广告需求');
    await expect.poll(() => results.textContent()).toMatch(/谷歌|Google/);
    const siteToggle = popup.getByRole('checkbox', { name: 'Mark securities on 127.0.0.1' });
    expect(await siteToggle.isChecked()).toBe(true);
    await siteToggle.uncheck();
    await expect.poll(() => markedTexts(news)).toBeUndefined();
    await siteToggle.check();
    await expect.poll(() => markedTexts(news)).toHaveLength(8);
    await popup.close();
  });

  test('on a dark page the card is dark', async () => {
    const dark = await session.browser.context.newPage();
    await dark.goto(`${session.pages.origin}/dark-news.html`);
    await expect.poll(() => markedTexts(dark), { timeout: 10_000 }).toEqual(['阿里巴巴', '09988.HK']);
    const { x, y } = await centreOfText(dark, '09988.HK');
    await dark.mouse.move(x - 30, y - 40);
    await dark.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowText(dark, CARD_HOST), { timeout: 10_000 }).toMatch(/1 report in your library/);
    expect(await closedShadowAttribute(dark, CARD_HOST, 'rl-card', 'data-scheme')).toBe('dark');
    await dark.screenshot({ path: `${RESULTS_DIR}hover-card-dark.png` });
    await dark.close();
  });

  test('content added after load, changed text and an in-page navigation are marked too', async () => {
    const dynamic = await session.browser.context.newPage();
    await dynamic.goto(`${session.pages.origin}/dynamic-news.html`);
    await expect.poll(() => markedTexts(dynamic), { timeout: 10_000 }).toEqual(['AMZN', '阿里巴巴', '09988.HK']);
    await dynamic.click('#next');
    await expect.poll(() => markedTexts(dynamic), { timeout: 10_000 }).toEqual(['Amazon', 'AMZN', '谷歌', 'GOOGL']);
    expect(new URL(dynamic.url()).search).toBe('?article=2');
    await dynamic.close();
  });

  test('ordinary uppercase words are never marked', async () => {
    const plain = await session.browser.context.newPage();
    await plain.goto(`${session.pages.origin}/no-tickers.html`);
    await expect.poll(() => markedTexts(plain), { timeout: 10_000 }).toBeDefined();
    await plain.waitForTimeout(500);
    expect(await markedTexts(plain)).toEqual([]);
    await plain.close();
  });

  test('the "mark every known security" setting marks securities without reports too, and turns off again', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.pages.origin}/known-news.html`);
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toEqual(['Amazon']);
    const library = await session.browser.context.newPage();
    await library.goto(session.browser.pageUrl('options.html'));
    await library.getByRole('tab', { name: 'Settings' }).click();
    const setting = library.getByRole('checkbox', { name: /Mark every security ReportLens knows/ });
    await setting.check();
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toEqual(['特斯拉', 'TSLA', 'Amazon']);
    await setting.uncheck();
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toEqual(['Amazon']);
    await library.close();
    await page.close();
  });
});

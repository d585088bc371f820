import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickInClosedShadow, closedShadowText } from '../support/closed-shadow';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const MOUTAI_REPORT = readFileSync(fileURLToPath(new URL('../../assets/demo-library/demo-moutai.md', import.meta.url)));
const CARD_HOST = 'reportlens-card';

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
let library: Page;
let news: Page;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

const summary = () => library.getByTestId('import-summary').textContent();
const importPosts = async (posts: [string, string][]) => {
  await library
    .getByTestId('import-files')
    .setInputFiles(posts.map(([name, text]) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) })));
  await expect.poll(summary).toBe(`${posts.length} imported · 0 already in library · 0 failed`);
};
/** Opens one of the library page's tabs (by its name in the current language). */
const openTab = (name: string) => library.getByRole('tab', { name, exact: true }).click();
const reportRow = (title: RegExp) => library.getByRole('table', { name: 'Reports', exact: true }).getByRole('row', { name: title });

/** Hovers the nth occurrence of `text` on the news page and waits for the card to show `expected`. */
async function hover(text: string, expected: RegExp, nth = 0) {
  await news.mouse.move(5, 5);
  await expect.poll(() => closedShadowText(news, CARD_HOST)).toBeUndefined();
  const { x, y } = await centreOfText(news, text, nth);
  await news.mouse.move(x - 30, y - 40);
  await news.mouse.move(x, y, { steps: 4 });
  await expect.poll(() => closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toMatch(expected);
}

describe('learned names with a gate, and "not this security"', () => {
  test('a post that would teach 基金 does not: no such alias, and other posts about funds stay unlinked', async () => {
    await importPosts([
      ['etf.md', '# 芯片ETF周报\n\n科创芯片 ETF 基金（588290.SH）规模创新高。'],
      ['funds.md', '# 公募基金周报\n\n公募基金发行回暖，基金经理加仓科技。'],
      ['optics.md', '# 光模块周报\n\n旭创科技（300308.SZ）订单饱满。'],
    ]);
    await openTab('Names, lists and tools');
    const learned = library.getByRole('table', { name: 'Aliases learned from reports' });
    await expect.poll(() => learned.textContent()).toContain('旭创科技');
    expect(await learned.textContent()).not.toContain('基金');
    await openTab('Reports');
    await expect.poll(() => reportRow(/芯片ETF周报/).textContent()).toContain('SH:588290');
    expect(await reportRow(/公募基金周报/).textContent()).not.toContain('SH:588290');
  });

  test('"not this security" on the card asks in the library page; once confirmed the name is no longer marked, after reload and re-index', async () => {
    await importPosts([['moutai.md', MOUTAI_REPORT.toString('utf8')]]);
    news = await browser.context.newPage();
    await news.setViewportSize({ width: 900, height: 600 });
    await news.goto(`${pages.origin}/not-this-news.html`);
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['茅台', '贵州茅台', '600519.SH']);

    await hover('茅台', /Not this security/);
    await news.screenshot({ path: `${RESULTS_DIR}alias-gate-card-en.png` });
    const [question] = await Promise.all([browser.context.waitForEvent('page'), clickInClosedShadow(news, CARD_HOST, 'rl-card-not-this')]);
    await question.waitForLoadState();
    const dialog = question.getByRole('alertdialog', { name: 'Not this security?' });
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('Stop linking “茅台” to 贵州茅台 (SH:600519)?');
    await question.screenshot({ path: `${RESULTS_DIR}alias-gate-question-en.png` });
    // Asking wrote nothing: the page is marked as before until the user confirms.
    await news.reload();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['茅台', '贵州茅台', '600519.SH']);

    await dialog.getByRole('button', { name: 'Block “茅台”' }).click();
    await expect.poll(() => dialog.textContent()).toContain('“茅台” is no longer linked to 贵州茅台 (SH:600519).');
    await question.close();
    await news.reload();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['贵州茅台', '600519.SH']);

    await library.reload();
    await openTab('Names, lists and tools');
    await library.getByRole('button', { name: 'Re-index library' }).click();
    await expect.poll(() => library.getByTestId('tool-status').textContent()).toMatch(/Re-indexed 4 reports/);
    await news.reload();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['贵州茅台', '600519.SH']);

    const blocks = library.getByRole('table', { name: 'Names you blocked' });
    await expect.poll(() => blocks.textContent()).toMatch(/茅台SH:600519/);
    await blocks.scrollIntoViewIfNeeded();
    await library.screenshot({ path: `${RESULTS_DIR}alias-gate-library-en.png`, fullPage: true });
  });

  test('the same views in Chinese', async () => {
    await openTab('Settings');
    await library.getByLabel('Language').selectOption('zh');
    await openTab('名称、列表与工具');
    await expect.poll(() => library.getByRole('table', { name: '你屏蔽的名称' }).count()).toBe(1);
    await library.screenshot({ path: `${RESULTS_DIR}alias-gate-library-zh.png`, fullPage: true });
    await news.reload();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['贵州茅台', '600519.SH']);
    await hover('贵州茅台', /不是这只证券/);
    await news.screenshot({ path: `${RESULTS_DIR}alias-gate-card-zh.png` });
    const [question] = await Promise.all([browser.context.waitForEvent('page'), clickInClosedShadow(news, CARD_HOST, 'rl-card-not-this')]);
    const dialog = question.getByRole('alertdialog', { name: '不是这只证券？' });
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('不再把「贵州茅台」关联到 贵州茅台 (SH:600519)？');
    await question.screenshot({ path: `${RESULTS_DIR}alias-gate-question-zh.png` });
    // Keeping it changes nothing.
    await dialog.getByRole('button', { name: '保留' }).click();
    await question.close();
    await news.reload();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['贵州茅台', '600519.SH']);
    await openTab('设置');
    await library.getByLabel('界面语言').selectOption('auto');
  });
});

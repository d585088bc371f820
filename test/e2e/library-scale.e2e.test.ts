import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../support/shared-corpus';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

/**
 * The library page's folder paths into the import (the picker and a real drop), and the worker following the
 * database: an import that adds only names reaches a tab that is already open, with nobody telling it by hand.
 */
let browser: ExtensionBrowser;
let library: Page;
let pages: Awaited<ReturnType<typeof servePages>>;
const work = mkdtempSync(join(tmpdir(), 'reportlens-scale-'));

/** A folder of posts two levels deep, as a blog export is: `name/2025/…`. */
function postsFolder(name: string, posts: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(posts)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const summary = () => library.getByTestId('import-summary').textContent();
const reportTable = () => library.getByRole('table', { name: 'Reports', exact: true });

beforeAll(async () => {
  mkdirSync(join(work, 'site'));
  writeFileSync(
    join(work, 'site', 'water.html'),
    '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>节水新闻</title></head><body><p>示例节水订单饱满，产能继续扩张。</p></body></html>',
  );
  [browser, pages] = await Promise.all([launchWithExtension(), servePages(join(work, 'site'))]);
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the folder picker is a real directory picker and imports every post with its path', async () => {
  const folder = postsFolder('picked', {
    '2025/q1/water-weekly.md': '# 节水周报\n\n920964.BJ 订单饱满，水处理需求旺盛。',
    '2025/notes.txt': '谷歌广告业务简评\n\n搜索广告增速回升。',
    '2025/cover.png': 'not an image',
  });
  const input = library.getByTestId('import-folder');
  expect(await input.evaluate((element) => (element as HTMLInputElement).webkitdirectory)).toBe(true);
  await input.setInputFiles(folder);
  await expect.poll(summary).toBe('2 imported · 0 already in library · 1 failed');
  // The failure names the file by its path inside the picked folder.
  await expect.poll(() => library.getByRole('table', { name: /^Failed files/ }).textContent()).toContain('picked/2025/cover.png');
  expect(await reportTable().textContent()).toContain('节水周报');
});

test('a folder dropped on the page (a real drop through the DevTools protocol) is read recursively', async () => {
  const folder = postsFolder('dropped', {
    'a/optics.md': '# 光模块点评\n\n300308.SZ 订单饱满。',
    'a/b/c/deep.md': '# 深层目录\n\n09988.HK 云业务增长。',
  });
  const zone = await library.locator('.rl-drop').boundingBox();
  const at = { x: zone!.x + zone!.width / 2, y: zone!.y + 10 };
  const cdp = await browser.context.newCDPSession(library);
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await expect.poll(summary).toBe('2 imported · 0 already in library · 0 failed');
  await expect.poll(() => library.getByTestId('table-count').textContent()).toBe('1–4 of 4');
  await library.getByText(/^Every file/).click();
  const every = await library.getByRole('table', { name: 'Import result' }).textContent();
  expect(every).toContain('dropped/a/b/c/deep.md');
  expect(every).toContain('dropped/a/optics.md');
});

test('an import that adds only names reaches a tab already open: its marks follow without a reload', async () => {
  const news = await browser.context.newPage();
  await news.goto(`${pages.origin}/water.html`);
  // The library has a report on BJ:920964 by code only; no list knows the name 示例节水 yet.
  await news.waitForTimeout(1_500);
  expect((await markedTexts(news)) ?? []).toEqual([]);
  // Listen in the worker on Dexie's cross-context channel (its name is Dexie's, `x-storagemutated-1`): the library
  // page's write must arrive there as a change event, which is what the worker's caches follow.
  await browser.worker.evaluate(() => {
    const seen: string[] = ((globalThis as { __seenParts?: string[] }).__seenParts = []);
    new BroadcastChannel('x-storagemutated-1').onmessage = (event) => seen.push(...Object.keys(event.data as object));
  });
  await library.getByRole('tab', { name: 'Names, lists and tools' }).click();
  await library
    .getByTestId('import-security-list')
    .setInputFiles({ name: 'water.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,aliases\n920964.BJ,示例节水,\n') });
  await expect.poll(() => library.getByTestId('tool-status').textContent()).toMatch(/water\.csv: 1 securities, 1 names/);
  await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(['示例节水']);
  const parts = await browser.worker.evaluate(() => (globalThis as { __seenParts?: string[] }).__seenParts ?? []);
  expect(parts.some((part) => part.startsWith('idb://reportlens/aliases/'))).toBe(true);
  await news.close();
});

describe.skipIf(!SHARED_AVAILABLE)(
  `the library page with the real corpus, in English and Chinese (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
  () => {
    test('every corpus report through the folder picker; screenshots of each tab in both languages', async () => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      await library.getByRole('tab', { name: 'Reports' }).click();
      for (const folder of ['finews', 'gator-reports', 'gator-articles']) {
        await library.getByTestId('import-folder').setInputFiles(sharedPath('corpus', 'reports', folder));
        await expect.poll(summary, { timeout: 60_000 }).toMatch(new RegExp(`^\\d+ imported · \\d+ already in library · 0 failed$`));
      }
      await library.getByRole('tab', { name: 'Reports' }).click();
      const total = Number((await library.getByRole('heading', { level: 2, name: /^Reports/ }).textContent())!.replace(/\D/g, ''));
      expect(total).toBeGreaterThan(390);
      expect(await library.getByTestId('table-count').textContent()).toBe(`1–50 of ${total}`);
      expect(await reportTable().getByRole('row').count()).toBe(51);
      await library.getByRole('button', { name: 'Sort by Title' }).click();
      await expect.poll(() => reportTable().getAttribute('aria-label')).toBe('Reports');
      await library.getByRole('button', { name: 'Sort by Date' }).click();
      // Tabs by keyboard: only the selected tab is in the Tab order; arrows move between them.
      await library.getByRole('tab', { name: 'Reports' }).focus();
      await library.keyboard.press('ArrowRight');
      await expect.poll(() => library.getByRole('tab', { selected: true }).textContent()).toBe('Followed feeds');
      await library.keyboard.press('ArrowLeft');
      await expect.poll(() => library.evaluate(() => document.activeElement?.textContent)).toBe('Reports');
      const shots: [string, string][] = [
        ['Reports', 'reports'],
        ['Names, lists and tools', 'aliases'],
        ['Import history', 'history'],
      ];
      for (const [tab, file] of shots) {
        await library.getByRole('tab', { name: tab }).click();
        await library.screenshot({ path: `${RESULTS_DIR}library-${file}-en.png` });
      }
      // A search lists the worker's hits (ids only: the page reads the rows it lists) with an honest count.
      await library.getByRole('tab', { name: 'Reports' }).click();
      const all = await library.getByTestId('table-count').textContent();
      await library.getByTestId('filter-query').fill('阿里巴巴');
      await expect.poll(() => library.getByTestId('table-count').textContent()).not.toBe(all);
      expect(await reportTable().getByRole('row').count()).toBeGreaterThan(1);
      await library.screenshot({ path: `${RESULTS_DIR}library-search-en.png` });
      await library.getByTestId('filter-query').fill('');
      await expect.poll(() => library.getByTestId('table-count').textContent()).toBe(all);
      await library.getByRole('tab', { name: 'Settings' }).click();
      await library.getByLabel('Language').selectOption('zh');
      await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent()).toBe('研报库 ReportLens');
      const zhTabs: [string, string][] = [
        ['研报', 'reports'],
        ['名称、列表与工具', 'aliases'],
        ['导入记录', 'history'],
      ];
      for (const [tab, file] of zhTabs) {
        await library.getByRole('tab', { name: tab, exact: true }).click();
        await library.screenshot({ path: `${RESULTS_DIR}library-${file}-zh.png` });
      }
      await library.getByRole('tab', { name: '研报', exact: true }).click();
      const unfiltered = await library.getByTestId('table-count').textContent();
      await library.getByTestId('filter-query').fill('阿里巴巴');
      await expect.poll(() => library.getByTestId('table-count').textContent()).not.toBe(unfiltered);
      await library.screenshot({ path: `${RESULTS_DIR}library-search-zh.png` });
      await library.getByRole('tab', { name: '设置' }).click();
      await library.getByLabel('界面语言').selectOption('auto');
    }, 180_000);
  },
);

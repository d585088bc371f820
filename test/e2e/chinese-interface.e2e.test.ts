import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  browser = await launchWithExtension({ lang: 'zh-CN' });
});
afterAll(() => browser?.close());

test('a browser set to Chinese gets the popup in Chinese (empty library)', async () => {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 360 });
  await popup.goto(browser.pageUrl('popup.html'));
  await expect.poll(() => popup.getByRole('heading', { level: 2 }).textContent()).toBe('研报库还是空的');
  expect(await popup.getByRole('button', { name: '试用示例研报库' }).count()).toBe(1);
  await popup.screenshot({ path: `${RESULTS_DIR}popup-empty-zh.png` });
});

test('and the library page in Chinese, with the import result in Chinese', async () => {
  const library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByRole('button', { name: '载入示例研报库' }).click();
  await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('导入 5 篇 · 已在库中 0 篇 · 失败 0 个');
  expect(await library.getByRole('heading', { level: 1 }).textContent()).toBe('研报库 ReportLens');
  await library.screenshot({ path: `${RESULTS_DIR}library-page-zh.png` });
});

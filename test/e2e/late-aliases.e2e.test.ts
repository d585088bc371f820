import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';

/**
 * A name learned late, through the built extension in Chromium's IndexedDB: a post that names 光迅星科 bare is
 * imported first (nothing links it), then a post that teaches `光迅星科（002281.SZ）`; the names index (schema 9)
 * must find the first post, and only it, to read again.
 */
let browser: ExtensionBrowser;
let library: Page;
beforeAll(async () => {
  browser = await launchWithExtension();
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
});
afterAll(() => browser?.close());

const summary = () => library.getByTestId('import-summary').textContent();
const importFile = async (name: string, text: string) => {
  await library.getByTestId('import-files').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await expect.poll(summary).toBe('1 imported · 0 already in library · 0 failed');
};

/** Each stored report's file and securities, and the names index's row counts, read with the raw IndexedDB API. */
const stored = (page: Page) =>
  page.evaluate<{ reports: Record<string, string[]>; slices: number[]; bitRows: number }>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('reportlens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['reports', 'nameSlices', 'nameBits']);
      const out = {};
      tx.objectStore('reports').getAll().onsuccess = (event) => {
        out.reports = Object.fromEntries(event.target.result.map((report) => [report.fileName, report.securityIds]));
      };
      tx.objectStore('nameSlices').getAll().onsuccess = (event) => (out.slices = event.target.result.map((slice) => slice.reportIds.length));
      tx.objectStore('nameBits').count().onsuccess = (event) => (out.bitRows = event.target.result);
      tx.oncomplete = () => {
        open.result.close();
        resolve(out);
      };
    };
  })`);

test('a post naming a company before any post taught its name is linked when a later import teaches it', async () => {
  await importFile('early.md', '# 点评\n\n光迅星科订单饱满，毛利率改善。');
  await importFile('other.md', '# 周报\n\n行业景气度回升，订单饱满。');
  expect((await stored(library)).reports['early.md']).toEqual([]);
  await importFile('teacher.md', '# 季报\n\n光迅星科（002281.SZ）发布季报，光模块需求旺盛。');
  const after = await stored(library);
  expect(after.reports).toEqual({ 'early.md': ['SZ:002281'], 'other.md': [], 'teacher.md': ['SZ:002281'] });
  // Three reports in one slice, and a row for each bucket their pairs fell into.
  expect(after.slices).toEqual([3]);
  expect(after.bitRows).toBeGreaterThan(20);
}, 60_000);

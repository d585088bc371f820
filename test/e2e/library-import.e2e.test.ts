import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../support/shared-corpus';

const FIXTURES = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
let browser: ExtensionBrowser;
let library: Page;
/** Every request the browser makes outside the extension: reports must never load anything remote. */
const remoteRequests: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.context.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension://')) remoteRequests.push(request.url());
  });
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
});
afterAll(() => browser?.close());

const summary = () => library.getByTestId('import-summary').textContent();
/** Opens one of the library page's tabs. */
const openTab = (name: 'Reports' | 'Names, lists and tools' | 'Settings' | 'Import history') =>
  library.getByRole('tab', { name, exact: true }).click();

describe('the library page', () => {
  test('imports a zip of nested folders, and says what it skipped', async () => {
    const zip = zipSync({
      'posts/2025/alibaba-q3-note.md': readFileSync(join(FIXTURES, 'alibaba-q3-note.md')),
      'posts/google-brief.txt': readFileSync(join(FIXTURES, 'google-brief.txt')),
      'posts/cover.png': strToU8('not really a png'),
    });
    await library.getByTestId('import-files').setInputFiles({ name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await expect.poll(summary).toBe('2 imported · 0 already in library · 1 failed');
    await expect.poll(() => library.getByRole('row', { name: /cover\.png/ }).textContent()).toMatch(/not a report file/);
  });

  test('imports a security list and re-indexes reports with it', async () => {
    await library
      .getByTestId('import-files')
      .setInputFiles({ name: 'pv.md', mimeType: 'text/markdown', buffer: Buffer.from('# 节水周报\n\n示例节水订单饱满。') });
    await expect.poll(summary).toBe('1 imported · 0 already in library · 0 failed');
    await openTab('Names, lists and tools');
    await library
      .getByTestId('import-security-list')
      .setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name,aliases\n920964.BJ,示例节水,\n') });
    await expect
      .poll(() => library.getByTestId('tool-status').textContent())
      .toMatch(/mine\.csv: 1 securities, 1 names \(code,name,aliases CSV\)/);
    await expect.poll(() => library.getByRole('list', { name: 'Imported security lists' }).textContent()).toContain('mine.csv: 1 name');
    await library.getByRole('button', { name: 'Re-index library' }).click();
    await expect.poll(() => library.getByTestId('tool-status').textContent()).toMatch(/Re-indexed 3 reports; 1 changed/);
    await openTab('Reports');
    await expect
      .poll(() =>
        library
          .getByRole('table', { name: 'Reports', exact: true })
          .getByRole('row', { name: /节水周报/ })
          .textContent(),
      )
      .toContain('BJ:920964');
  });

  test('filters the report table by words or a security, and opens filtered from a #search= link', async () => {
    const table = library.getByRole('table', { name: 'Reports', exact: true });
    await library.getByTestId('filter-query').fill('节水');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.textContent()).toContain('节水周报');
    await library.getByTestId('filter-query').fill('');
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    const linked = await browser.context.newPage();
    await linked.goto(browser.pageUrl(`options.html#search=${encodeURIComponent('谷歌')}`));
    await expect
      .poll(async () => (await linked.getByRole('table', { name: 'Reports', exact: true }).getByRole('row').allTextContents()).length)
      .toBe(2);
    expect(await linked.getByRole('table', { name: 'Reports', exact: true }).textContent()).toContain('谷歌广告与云业务简评');
    await linked.close();
  });

  test('the reader shows a hostile report sanitised: nothing runs, nothing loads, links open safely; delete removes it', async () => {
    const hostile = [
      '---\ntitle: "Hostile fixture"\n---',
      '<h1>Hostile fixture</h1><p>阿里巴巴（09988.HK）正文。</p>',
      '<script>window.__pwned = 1</script><img src="https://example.invalid/x.png" onerror="window.__pwned = 2">',
      '<a href="javascript:window.__pwned = 3">js link</a> <a href="https://example.invalid/a">plain link</a>',
      '<iframe src="https://example.invalid/frame"></iframe><form action="https://example.invalid"><input name="q"></form>',
      '<p style="background:url(https://example.invalid/bg.png)">styled</p>',
    ].join('\n');
    await library.getByTestId('import-files').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostile) });
    await expect.poll(summary).toBe('1 imported · 0 already in library · 0 failed');
    remoteRequests.length = 0;
    await library.getByRole('button', { name: 'Hostile fixture' }).click();
    const reader = library.getByRole('region', { name: 'Report text' });
    await expect.poll(() => reader.textContent()).toContain('阿里巴巴（09988.HK）正文。');
    expect(await reader.textContent()).toContain('1 remote image not loaded');
    const dom = await library.evaluate(() => {
      const root = document.querySelector('.rl-reader')!;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned,
        scripts: root.querySelectorAll('script, iframe, form, input, [onerror], [style]').length,
        imgSrc: root.querySelector('img')?.getAttribute('src') ?? null,
        links: [...root.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
      };
    });
    expect(dom).toEqual({
      pwned: undefined,
      scripts: 0,
      imgSrc: null,
      links: [
        [null, '_blank', 'noopener noreferrer'],
        ['https://example.invalid/a', '_blank', 'noopener noreferrer'],
      ],
    });
    expect(remoteRequests).toEqual([]);
    library.once('dialog', (dialog) => void dialog.accept());
    await library.getByRole('button', { name: 'Delete this report' }).click();
    await expect.poll(() => library.getByRole('table', { name: 'Reports', exact: true }).textContent()).not.toContain('Hostile fixture');
  });

  test('refuses a file that is no security list, naming it', async () => {
    await openTab('Names, lists and tools');
    await library
      .getByTestId('import-security-list')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just words') });
    await expect.poll(() => library.getByTestId('tool-status').textContent()).toMatch(/^notes\.txt: no security in the list/);
    await openTab('Reports');
  });

  test('a learned alias can be corrected (a bad code is refused with a reason) and removed', async () => {
    await library.getByTestId('import-files').setInputFiles({
      name: 'optics.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# 光模块周报\n\n旭创科技（300308.SZ）订单饱满。'),
    });
    await expect.poll(summary).toBe('1 imported · 0 already in library · 0 failed');
    await openTab('Names, lists and tools');
    const learned = library.getByRole('table', { name: 'Aliases learned from reports' });
    await expect.poll(() => learned.getByRole('row', { name: /旭创科技/ }).textContent()).toContain('SZ:300308');
    await learned.getByRole('button', { name: 'Edit the alias 旭创科技' }).click();
    await learned.getByRole('textbox', { name: 'Security code' }).fill('not a code');
    await learned.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => learned.getByRole('alert').textContent()).toContain('is not a security code');
    await learned.getByRole('textbox', { name: 'Security code' }).fill('300502.SZ');
    await learned.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => learned.getByRole('row', { name: /旭创科技/ }).textContent()).toContain('SZ:300502');
    await expect.poll(() => library.getByTestId('tool-status').textContent()).toContain('旭创科技 → 旭创科技 (SZ:300502)');
    await learned.getByRole('button', { name: 'Block the alias 旭创科技: never learn it again' }).click();
    await expect.poll(() => learned.getByRole('row', { name: /旭创科技/ }).count()).toBe(0);
    await openTab('Reports');
  });
});

describe.skipIf(!SHARED_AVAILABLE)(
  `every real report through the library page (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
  () => {
    test('all corpus reports and both samples import without a failure, and showing one loads nothing remote', async () => {
      const folders = ['finews', 'gator-reports', 'gator-articles'].map((folder) => sharedPath('corpus', 'reports', folder));
      const files = [
        ...folders.flatMap((folder) => readdirSync(folder).map((name) => join(folder, name))),
        ...readdirSync(sharedPath('samples', 'reports')).map((name) => sharedPath('samples', 'reports', name)),
      ];
      await library.getByTestId('import-files').setInputFiles(files);
      await expect.poll(summary, { timeout: 30_000 }).toMatch(new RegExp(`^\\d+ imported · \\d+ already in library · 0 failed$`));
      const [imported, duplicates] = (await summary())!.match(/\d+/g)!.map(Number);
      expect(imported! + duplicates!).toBe(files.length);
      remoteRequests.length = 0;
      // The table shows a page at a time: the report is found through the search box, as a reader would.
      await library.getByTestId('filter-query').fill('科技巨头布局元宇宙');
      await library.getByRole('button', { name: '科技巨头布局元宇宙系列报告：阿里巴巴&亚马逊' }).click();
      await expect.poll(() => library.getByRole('article', { name: 'Report' }).textContent()).toContain('海外市场竞争加剧');
      await library.getByText(/^Original text/).click();
      await library.waitForTimeout(300);
      expect(remoteRequests).toEqual([]);
    });
  },
);

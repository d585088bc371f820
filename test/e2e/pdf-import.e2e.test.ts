import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPdf } from '../support/pdf-builder';
import { closedShadowAttribute, closedShadowText } from '../support/closed-shadow';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

/**
 * PDF broker notes through the built extension in Chromium: imported in the library page (pdf.js in its worker,
 * from the extension's own files), stored with their original bytes in IndexedDB, shown in the reader with where
 * each field was read, and on a news page the hover card shows the security's rating, target and its timeline.
 * Run once with the English interface and once with the Chinese; screenshots of each view in both.
 */

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const pdf = (name: string) => fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url));
const NOTES = ['zh-sidebar.pdf', 'zh-sidebar-earlier.pdf', 'zh-one-column.pdf', 'en-overweight.pdf'].map(pdf);
const CARD_HOST = 'reportlens-card';
/** A file for the picker as a buffer (Playwright takes paths or buffers, not both in one call). */
const asUpload = (path: string) => ({ name: basename(path), mimeType: 'application/pdf', buffer: readFileSync(path) });

/** What IndexedDB holds after the import, read in the library page with the raw API (no code of ours). */
const storedPdfReports = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ reports: { fileName: string; format: string; rating?: string; target?: number }[]; pdfFiles: number }>(
        (resolve, reject) => {
          const open = indexedDB.open('reportlens');
          open.onerror = () => reject(open.error ?? new Error('opening the database failed'));
          open.onsuccess = () => {
            const tx = open.result.transaction(['reports', 'pdfFiles']);
            const reports = tx.objectStore('reports').getAll();
            const files = tx.objectStore('pdfFiles').count();
            tx.oncomplete = () =>
              resolve({
                reports: (
                  reports.result as {
                    fileName: string;
                    format: string;
                    brokerNote?: { rating?: { value: string }; targetPrice?: { value: number } };
                  }[]
                ).map((r) => ({
                  fileName: r.fileName,
                  format: r.format,
                  rating: r.brokerNote?.rating?.value,
                  target: r.brokerNote?.targetPrice?.value,
                })),
                pdfFiles: files.result,
              });
          };
        },
      ),
  );

describe.each([
  {
    lang: 'en',
    locale: undefined,
    ratingLine: /买入 \(上调\) · target 390\.5 CNY · 东方证券 2025-10-22/,
    where: 'p. 1, line',
    scan: /no text layer/,
    locked: /encrypted/,
  },
  {
    lang: 'zh',
    locale: 'zh-CN',
    ratingLine: /买入（上调） · 目标价 390\.5 CNY · 东方证券 2025-10-22/,
    where: '第 1 页第',
    scan: /没有文字层/,
    locked: /已加密/,
  },
])('PDF notes in Chromium ($lang interface)', ({ lang, locale, ratingLine, where, scan, locked }) => {
  let browser: ExtensionBrowser;
  let pages: Awaited<ReturnType<typeof servePages>>;
  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    [browser, pages] = await Promise.all([launchWithExtension({ lang: locale }), servePages()]);
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  test('import PDFs with a scan and an encrypted one: the notes are stored with their originals, the bad ones named', async () => {
    const library = await browser.context.newPage();
    await library.goto(browser.pageUrl('options.html'));
    const encrypted = buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`,
      ],
      `/Encrypt 3 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
    );
    await library
      .getByTestId('import-files')
      .setInputFiles([
        ...[...NOTES, pdf('scan-image-only.pdf')].map(asUpload),
        { name: 'locked.pdf', mimeType: 'application/pdf', buffer: Buffer.from(encrypted) },
      ]);
    await expect.poll(async () => (await storedPdfReports(library)).reports.length, { timeout: 60_000 }).toBe(4);
    const stored = await storedPdfReports(library);
    expect(stored.pdfFiles).toBe(4);
    expect(stored.reports.find((r) => r.fileName === 'zh-sidebar.pdf')).toEqual({
      fileName: 'zh-sidebar.pdf',
      format: 'pdf',
      rating: '买入',
      target: 390.5,
    });
    expect(stored.reports.find((r) => r.fileName === 'en-overweight.pdf')).toMatchObject({ rating: 'Overweight', target: 720 });
    await expect.poll(() => library.getByRole('row', { name: /scan-image-only\.pdf/ }).textContent()).toMatch(scan);
    await expect.poll(() => library.getByRole('row', { name: /locked\.pdf/ }).textContent()).toMatch(locked);
    await library.screenshot({ path: `${RESULTS_DIR}pdf-import-${lang}.png`, fullPage: true });
    await library.close();
  });

  test('the reader shows the PDF text page by page and where each field was read', async () => {
    const library = await browser.context.newPage();
    await library.goto(browser.pageUrl('options.html'));
    await library.getByText('宁德时代（300750）：海外储能订单放量，盈利韧性超预期').first().click();
    const fields = library.locator('.rl-broker-fields');
    await expect.poll(() => fields.textContent()).toContain('S0860521070002');
    expect(await fields.textContent()).toContain(where);
    await fields.getByRole('button').first().click();
    await expect.poll(() => library.locator('.rl-pdf-line-shown').textContent()).toMatch(/评级：买入（上调）|买入/);
    expect(await library.locator('.rl-pdf-page-number').count()).toBeGreaterThanOrEqual(2);
    await library.screenshot({ path: `${RESULTS_DIR}pdf-reader-${lang}.png`, fullPage: true });
    await library.close();
  });

  test('hovering the security on a news page shows the rating, target, the timeline and the note', async () => {
    const news = await browser.context.newPage();
    await news.goto(`${pages.origin}/pdf-news.html`);
    await expect.poll(() => markedTexts(news), { timeout: 15_000 }).toContain('宁德时代');
    const { x, y } = await centreOfText(news, '宁德时代');
    await news.mouse.move(x - 30, y - 40);
    await news.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toMatch(ratingLine);
    const card = (await closedShadowText(news, CARD_HOST))!;
    expect(card).toContain('宁德时代（300750）：海外储能订单放量，盈利韧性超预期');
    // The note's passage on the card: its summary.
    expect(card).toContain('公司发布2025年三季报');
    const timeline = await closedShadowAttribute(news, CARD_HOST, 'rl-rating-timeline', 'aria-label');
    expect(timeline).toMatch(/2025-07-31 增持 330 CNY 东方证券; 2025-10-22 买入 390\.5 CNY 东方证券/);
    await news.screenshot({ path: `${RESULTS_DIR}pdf-hover-card-${lang}.png` });
    await news.close();
  });
});

import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from '../support/hostile-outcomes';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

/**
 * Faults in the middle of an import, in real Chromium with real IndexedDB: the library tab closed while the import
 * writes, the service worker stopped while it runs. Nothing half-imported may ever be visible: the library holds
 * either none of the archive or all of it, and every report has its index rows.
 */

/** Enough posts that the import takes a while and its write phase can be caught. */
const POSTS = 4_000;

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
const outcomes: HostileOutcome[] = [];

beforeAll(async () => {
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
});
afterAll(async () => {
  writeHostileOutcomes('durability-browser', outcomes);
  await browser?.close();
  await pages?.close();
});

/** A zip of `POSTS` distinct Markdown posts, each about 阿里巴巴 (so each has index rows). */
function postsZip(tag: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < POSTS; i++) {
    files[`posts/${tag}-${i}.md`] = strToU8(
      `---\ntitle: ${tag} post ${i}\ndate: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n阿里巴巴（09988.HK）${tag} 第 ${i} 篇：云业务与电商。\n`,
    );
  }
  return Buffer.from(zipSync(files, { level: 1 }));
}

/** The library as stored, read straight from IndexedDB in an extension page: reports, index rows, orphans. */
const storedLibrary = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('reportlens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const reports = await all<{ id: string }>('reports');
    const rows = await all<{ reportId: string }>('reportSecurities');
    db.close();
    const reportIds = new Set(reports.map((report) => report.id));
    const indexed = new Set(rows.map((row) => row.reportId));
    return {
      reports: reports.length,
      withoutRows: reports.filter((report) => !indexed.has(report.id)).length,
      orphanRows: rows.filter((row) => !reportIds.has(row.reportId)).length,
    };
  });

async function openLibrary(): Promise<Page> {
  const library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  return library;
}

test('the library tab closed while the import writes leaves none of the archive, never part of it', async () => {
  const library = await openLibrary();
  const started = performance.now();
  await library
    .getByTestId('import-files')
    .setInputFiles({ name: 'closed-tab.zip', mimeType: 'application/zip', buffer: postsZip('closed') });
  // Close the tab the moment the write phase shows (or, if the machine is too quick for that, whenever it is seen).
  const status = library.getByRole('region', { name: 'Import reports' }).getByRole('status');
  await expect
    .poll(async () => (await status.textContent().catch(() => '')) ?? '', { interval: 5, timeout: 60_000 })
    .toMatch(/Writing|Done/);
  const phase = (await status.textContent())!.split(' · ')[0];
  await library.close();

  const check = await openLibrary();
  const stored = await storedLibrary(check);
  const partial = (stored.reports !== 0 && stored.reports !== POSTS) || stored.withoutRows > 0 || stored.orphanRows > 0;
  outcomes.push({
    ...cleanOutcome(
      'durability',
      `library tab closed during "${phase}": ${stored.reports} of ${POSTS} stored`,
      'none or all of the archive, every report indexed',
    ),
    partialImport: partial,
    ms: Math.round(performance.now() - started),
  });
  expect([0, POSTS]).toContain(stored.reports);
  expect(stored).toMatchObject({ withoutRows: 0, orphanRows: 0 });
  await check.close();
});

test('the service worker stopped mid-import: the import completes whole and tabs get the new library', async () => {
  const library = await openLibrary();
  const before = (await storedLibrary(library)).reports;
  const started = performance.now();
  await library
    .getByTestId('import-files')
    .setInputFiles({ name: 'worker-stop.zip', mimeType: 'application/zip', buffer: postsZip('stopped') });
  await expect
    .poll(() => library.getByRole('region', { name: 'Import reports' }).getByRole('status').textContent(), { interval: 5 })
    .toMatch(/Reading|Writing/);
  // The progress bar shows while it reads and writes.
  const progress = library.getByRole('region', { name: 'Import reports' }).getByRole('progressbar');
  expect(await progress.isVisible()).toBe(true);
  const [value, max] = await progress.evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max]);
  expect(max).toBeGreaterThan(100_000); // the zip's bytes
  expect(value).toBeLessThanOrEqual(max);
  const cdp = await browser.context.newCDPSession(library);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect
    .poll(() => library.getByTestId('import-summary').textContent(), { timeout: 60_000 })
    .toBe(`${POSTS} imported · 0 already in library · 0 failed`);
  const stored = await storedLibrary(library);
  outcomes.push({
    ...cleanOutcome('durability', 'service worker stopped during the import', 'the import completes whole'),
    partialImport: stored.reports !== before + POSTS || stored.withoutRows > 0 || stored.orphanRows > 0,
    ms: Math.round(performance.now() - started),
  });
  expect(stored).toEqual({ reports: before + POSTS, withoutRows: 0, orphanRows: 0 });
  // The worker comes back on the next message, and a page opened now is marked from the new library.
  const news = await browser.context.newPage();
  await news.goto(`${pages.origin}/loop-news.html`);
  await expect.poll(() => markedTexts(news), { timeout: 15_000 }).toContain('阿里巴巴');
  await news.close();
  await library.close();
});

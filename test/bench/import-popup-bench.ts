import { writeFileSync } from 'node:fs';
import { importSecondsInPage, timedRequest } from './browser-bench';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { launchWithExtension } from '../support/launch-extension';
import { servePages } from '../support/serve-pages';
import { seededRandom, summarise, type Series } from './bench-stats';
import { rendererRssMb } from './scale-bench';
import { seedLibrary } from './seed-library';

export interface ImportFigures {
  input: string;
  postsPerSec: number;
  seconds: number;
  peakHeapMb: number;
  /** Peak resident set of the renderer processes while importing: heap, ArrayBuffers (zip bytes) and the rest. */
  peakRssMb: number;
  baseline: string;
  baselinePostsPerSec: number;
  /** `postsPerSec / baselinePostsPerSec`: the goal is ≥ 0.5. */
  ratioToRaw: number;
}

/** Reports in the library before the import: imports land in a library already in use. */
const LIBRARY_BEFORE = 50_000;
/** Names the posts teach (`名称（代码）`, none in the bundled list): every 100th post teaches one, others mention them. */
const TAUGHT = [
  ['光迅星科', '002281.SZ'],
  ['源杰光电', '688498.SH'],
  ['太辰精光', '300570.SZ'],
  ['仕佳光芯', '688313.SH'],
] as const;

const PARAGRAPHS = [
  '公司发布季度报告，营业收入同比增长，净利润超出市场预期。分析师认为行业景气度持续回升，估值具备吸引力。',
  '阿里巴巴（09988.HK）云业务增速回升，谷歌（GOOGL）资本开支维持高位，光模块需求旺盛。',
  'Amazon (NASDAQ: AMZN) reported stronger margins while logistics costs eased; $NVDA supply stayed tight.',
  '风险提示：宏观经济波动；政策变化；竞争加剧。',
];

/** `count` posts of ~8 KB with Jekyll front matter, as a zip (nested by year), built in memory, seeded. */
function postsZip(count: number): { zip: Uint8Array; bytes: number } {
  const random = seededRandom(5);
  const files: Record<string, Uint8Array> = {};
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 60 }, () => PARAGRAPHS[Math.floor(random() * PARAGRAPHS.length)]).join('\n\n');
    const [name, code] = TAUGHT[i % TAUGHT.length]!;
    const alias = i % 100 === 0 ? `${name}（${code}）订单饱满。` : i % 5 === 0 ? `${name}需求旺盛。` : '';
    const text = `---\ntitle: "Post ${i}"\ndate: 2025-${String((i % 12) + 1).padStart(2, '0')}-01 08:00:00 +0800\ntags: 示例证券研究\n---\n\n# Post ${i}\n\n## 摘要\n\n第 ${i} 篇。${alias}\n\n${body}\n`;
    const data = strToU8(text);
    bytes += data.length;
    files[`posts/${2020 + (i % 6)}/post-${i}.md`] = data;
  }
  return { zip: zipSync(files, { level: 6 }), bytes };
}

/**
 * A zip of 5,000 posts (~40 MB of text) through the library page's file input, in real Chromium: posts per second
 * and peak JS heap of the page. Baseline from the same run: unzipping the same archive (fflate, in Node) plus one
 * raw IndexedDB transaction writing the same posts in the same browser.
 */
export async function benchImport(smoke: boolean): Promise<ImportFigures> {
  const count = smoke ? 200 : 5_000;
  const { zip, bytes } = postsZip(count);
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('options.html'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const before = smoke ? 1_000 : LIBRARY_BEFORE;
    await seedLibrary(page, before);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The library page asks the worker to build its search index on opening (every digest row): the import starts
    // once that is done, in the same quiet state the baseline's transaction runs in (a search waits for the build).
    const searchBuildMs = await timedRequest(page, 'searchLibrary', { query: '研报', limit: 1 });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peak = 0;
    let peakRss = rendererRssMb();
    const sampler = setInterval(() => {
      void cdp.send('Performance.getMetrics').then(
        ({ metrics }) => {
          const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
          peak = Math.max(peak, used);
          peakRss = Math.max(peakRss, rendererRssMb());
        },
        () => undefined,
      );
    }, 100);
    // `IMPORT_PROFILE=file.cpuprofile`: the library page's main thread profiled through the import (open it in
    // DevTools' Performance panel); the figures of such a run carry the profiler's cost.
    const profile = process.env.IMPORT_PROFILE;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    // Timed inside the page, from the input's change event to the result summary: handing the file to the browser
    // (over the DevTools protocol here) is not part of the import.
    const timed = importSecondsInPage(page);
    await page.getByTestId('import-files').setInputFiles({ name: 'posts.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const seconds = await timed;
    clearInterval(sampler);
    if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const summary = await page.getByTestId('import-summary').textContent();
    if (!summary?.startsWith(`${count} imported`))
      throw new Error(`import bench: "${summary}": ${await page.getByRole('table', { name: 'Import result' }).textContent()}`);

    const unzipStart = performance.now();
    const texts = Object.values(unzipSync(zip)).map((data) => new TextDecoder().decode(data));
    const unzipMs = performance.now() - unzipStart;
    const writeMs = await page.evaluate(async (posts) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bench-baseline', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('posts');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      });
      const begin = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('posts', 'readwrite');
        posts.forEach((text, i) => tx.objectStore('posts').put({ text }, i));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      });
      return performance.now() - begin;
    }, texts);
    return {
      input: `${count} posts (every 100th teaches a name, every 5th mentions one), ${(bytes / 1048576).toFixed(1)} MB of text, zip ${(zip.length / 1048576).toFixed(1)} MB, through the library page into a library of ${before.toLocaleString('en')} reports, once the worker's search index is built (${Math.round(searchBuildMs)} ms after opening)`,
      postsPerSec: count / seconds,
      seconds,
      peakHeapMb: peak / 1048576,
      peakRssMb: peakRss,
      baseline: 'unzip (fflate in Node) + one raw IndexedDB transaction of the same posts in the same browser',
      baselinePostsPerSec: count / ((unzipMs + writeMs) / 1000),
      ratioToRaw: count / seconds / (count / ((unzipMs + writeMs) / 1000)),
    };
  } finally {
    await browser.close();
  }
}

export interface PopupFigures {
  input: string;
  firstRenderMs: number;
  firstRender: Series;
  baseline: string;
  emptyLibraryMs: number;
}

/** Time from opening the popup for a news tab to its first security section, with 10k reports; baseline empty library. */
export async function benchPopup(smoke: boolean): Promise<PopupFigures> {
  const reports = smoke ? 500 : 10_000;
  const runs = smoke ? 2 : 7;
  const [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  try {
    const news = await browser.context.newPage();
    await news.goto(`${pages.origin}/loop-news.html`);
    const tabId = await browser.worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> } } };
      return (await chrome.tabs.query({ url }))[0]?.id;
    }, `${pages.origin}/loop-news.html`);
    const open = async (ready: string) => {
      const popup = await browser.context.newPage();
      const start = performance.now();
      await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
      await popup.getByText(ready).first().waitFor();
      const ms = performance.now() - start;
      await popup.close();
      return ms;
    };
    const emptyLibraryMs = await open('Your library is empty');
    const seeder = await browser.context.newPage();
    await seeder.goto(browser.pageUrl('options.html'));
    await seeder.getByRole('heading', { name: /ReportLens library/ }).waitFor();
    await seedLibrary(seeder, reports);
    await seeder.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        id: 1,
        type: 'libraryChanged',
        timestamp: Date.now(),
      }),
    );
    await news.reload();
    await news.waitForFunction(() => (CSS.highlights.get('reportlens-mark')?.size ?? 0) > 0);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await open('on this page with reports'));
    const series = summarise(times);
    return {
      input: `${reports} reports, popup opened as a page for a news tab with 2 securities (${runs} runs)`,
      firstRenderMs: series.median,
      firstRender: series,
      baseline: 'emptyLibraryMs: the same popup with an empty library (its first render, nothing to look up)',
      emptyLibraryMs,
    };
  } finally {
    await browser.close();
    await pages.close();
  }
}

import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { E2E_EXTENSION_DIR, launchWithExtension } from '../support/launch-extension';
import { servePages } from '../support/serve-pages';
import { percentile, summarise, type Series } from './bench-stats';
import { stopWorker, timedRequest } from './browser-bench';
import { SEED_SECURITIES, seedLibrary, syntheticTicker } from './seed-library';

/** Figures at one library size. */
export interface ScaleStep {
  reports: number;
  seedSeconds: number;
  bodyMb: number;
  /** First look-up of a security not asked before (worker running, its caches for other securities filled). */
  lookupFirst: { p50Ms: number; p95Ms: number; runs: number };
  /** First look-ups of the common listings (each on a tenth of the library: 10,000 reports at 100k). */
  lookupCommonFirst: { p50Ms: number; maxMs: number; runs: number };
  /** Same round trip, answered from the worker's cache: messaging alone. */
  lookupEchoP95Ms: number;
  /** The popup with the worker running (its caches as the session left them). */
  popupFirstRenderMs: Series;
  /** The popup with the worker stopped before each load (it starts, loads the dictionary, reads the library). */
  popupColdFirstRenderMs: Series;
  libraryFirstRenderMs: Series;
  /** The pages' first contentful paint in the same loads: what the browser needs to show anything. */
  popupFcpMs: Series;
  popupColdFcpMs: Series;
  libraryFcpMs: Series;
  /**
   * Searches with the index built (warm) as the library page asks them: each query's round trip, 100 hits, ids only
   * (the page reads the rows it lists itself).
   */
  searchP50Ms: number;
  searchP95Ms: number;
  /** The same 100 hits with their digest rows read and sent (what the library page asked before), interleaved. */
  searchDigestsP50Ms: number;
  searchDigestsP95Ms: number;
  /** The same queries as the popup asks them (its default of 20 hits), interleaved with the others. */
  searchPopupP50Ms: number;
  /** The first search of a worker that keeps no index: the index built from every digest row, then the query. */
  searchBuildMs: number;
  /** The first search after {@link CHANGE_REPORTS} reports were added (index kept, updated from the change). */
  searchAfterChangeMs: number;
  searchEchoP50Ms: number;
  peakRendererRssMb: number;
}

export interface ScaleFigures {
  input: string;
  reports: number;
  steps: ScaleStep[];
  baseline: string;
}

/** Searches timed per size: names, words, prefixes and codes a reader types. */
const QUERIES = ['阿里巴巴', '研报 12', 'Seeded', 'margins', '收入增长', 'US:AMZN', '季度点评', 'Broker 7', '研报 99', 'guidance'];
/** Look-ups of securities never asked before, per size. */
const FIRST_LOOKUPS = 60;
/** Page loads timed per size (popup warm and cold, library page). */
const PAGE_RUNS = 5;
/** Reports added to a library whose search index is built, to time the first search after a change. */
const CHANGE_REPORTS = 1_000;

/**
 * Largest resident set among the renderer processes of the browser that loaded `extensionDir` (heap, ArrayBuffers
 * and all), in MB: the browser is found by its `--load-extension` argument, its renderers as its descendants, so
 * other browsers on a shared machine are not counted.
 */
export function rendererRssMb(extensionDir = E2E_EXTENSION_DIR): number {
  try {
    const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map(([, pid, ppid, rss, args]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args! }));
    const ours = new Set(
      rows.filter((row) => row.args.includes(`--load-extension=${extensionDir}`) && !row.args.includes('--type=')).map((row) => row.pid),
    );
    for (let grew = true; grew;) {
      grew = false;
      for (const row of rows) if (ours.has(row.ppid) && !ours.has(row.pid)) grew = Boolean(ours.add(row.pid));
    }
    return Math.max(0, ...rows.filter((row) => ours.has(row.pid) && row.args.includes('--type=renderer')).map((row) => row.rss / 1024));
  } catch {
    return 0;
  }
}

/** Milliseconds from navigation start until `selector` is in the page, and the page's first contentful paint. */
async function timedLoad(page: Page, url: string, ready: string): Promise<{ ms: number; fcp: number }> {
  await page.goto(url);
  // A string, not a function: tsx names inner functions with a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const selector = ${JSON.stringify(ready)};
    // The first contentful paint may come after the content is in the page (a fast render): waited for, so the
    // baseline is there whenever we are fast, never left out (runs F and I lost every warm one so).
    const done = () => {
      const ms = performance.now();
      let settled = false;
      const finish = (fcp) => { if (!settled) { settled = true; resolve({ ms, fcp }); } };
      new PerformanceObserver((list, observer) => {
        const paint = list.getEntriesByName('first-contentful-paint')[0];
        if (paint) { observer.disconnect(); finish(paint.startTime); }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => finish(Number.NaN), 3000);
    };
    if (document.querySelector(selector)) return done();
    new MutationObserver((_records, observer) => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      done();
    }).observe(document, { childList: true, subtree: true });
  })`);
}

/**
 * The library at 10k, 50k and 100k reports with 4–20 KB bodies, in real Chromium with the built extension: the
 * first look-up of a security not asked before, the popup's and library page's first render, library search, and
 * the renderer's peak memory. Every figure beside a baseline from the same load or run.
 */
export async function benchScale(smoke: boolean): Promise<ScaleFigures> {
  // SCALE_SIZES=100000 runs one size (a shared machine's hour is precious); the default is the series.
  const sizes = smoke ? [500] : (process.env.SCALE_SIZES?.split(',').map(Number) ?? [10_000, 50_000, 100_000]);
  const [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  try {
    const seeder = await browser.context.newPage();
    await seeder.goto(browser.pageUrl('options.html'));
    await seeder.getByRole('heading', { level: 1 }).waitFor();
    const news = await browser.context.newPage();
    await news.goto(`${pages.origin}/loop-news.html`);
    const tabId = await browser.tabIdOf(`${pages.origin}/loop-news.html`);
    const steps: ScaleStep[] = [];
    let seeded = 0;
    let asked = 0;
    let bodyBytes = 0;
    for (const size of sizes) {
      if (size <= seeded) continue;
      const seedStart = performance.now();
      bodyBytes += await seedLibrary(seeder, size, seeded);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      seeded = size;
      await timedRequest(seeder, 'libraryChanged', undefined);
      await stopWorker(browser, seeder);
      // Worker started and its dictionary loaded by one look-up; then securities not asked before.
      await timedRequest(seeder, 'getRelatedReports', { ids: ['HK:09988'] });
      const first: number[] = [];
      const echo: number[] = [];
      // The baseline interleaved with the look-ups, as the searches' is: both meet the same worker and machine state.
      for (let i = 0; i < FIRST_LOOKUPS; i++) {
        const id = `US:${syntheticTicker(asked++ % 2_000)}`;
        first.push(await timedRequest(seeder, 'getRelatedReports', { ids: [id] }));
        echo.push(await timedRequest(seeder, 'getLibraryStats', undefined));
      }
      // The common listings (a tenth of the library each; HK:09988 with US:BABA was asked above): first look-ups too.
      const common: number[] = [];
      for (const id of SEED_SECURITIES.filter((listing) => listing !== 'HK:09988' && listing !== 'US:BABA'))
        common.push(await timedRequest(seeder, 'getRelatedReports', { ids: [id] }));

      const buildMs = await timedRequest(seeder, 'searchLibrary', { query: '阿里巴巴', limit: 100, digests: false });
      const searches: number[] = [];
      const digestSearches: number[] = [];
      const popupSearches: number[] = [];
      const searchEcho: number[] = [];
      // The baseline interleaved with the searches: both meet the same worker and machine state.
      for (let round = 0; round < (smoke ? 1 : 3); round++)
        for (const query of QUERIES) {
          searches.push(await timedRequest(seeder, 'searchLibrary', { query, limit: 100, digests: false }));
          digestSearches.push(await timedRequest(seeder, 'searchLibrary', { query, limit: 100 }));
          popupSearches.push(await timedRequest(seeder, 'searchLibrary', { query }));
          searchEcho.push(await timedRequest(seeder, 'getLibraryStats', undefined));
        }
      // Reports written straight into IndexedDB tell no Dexie event: the page's message says the library changed.
      bodyBytes += await seedLibrary(seeder, size + CHANGE_REPORTS, size);
      seeded = size + CHANGE_REPORTS;
      await timedRequest(seeder, 'libraryChanged', undefined);
      const afterChangeMs = await timedRequest(seeder, 'searchLibrary', { query: '研报 12', limit: 100, digests: false });

      const popup: number[] = [];
      const popupFcp: number[] = [];
      const popupCold: number[] = [];
      const popupColdFcp: number[] = [];
      const library: number[] = [];
      const libraryFcp: number[] = [];
      let peakRss = rendererRssMb();
      for (let run = 0; run < PAGE_RUNS; run++) {
        const page = await browser.context.newPage();
        const popupUrl = browser.pageUrl(`popup.html?tabId=${tabId}`);
        await stopWorker(browser, seeder);
        const cold = await timedLoad(page, popupUrl, '.rl-security, .rl-none');
        popupCold.push(cold.ms);
        popupColdFcp.push(cold.fcp);
        const shown = await timedLoad(page, popupUrl, '.rl-security, .rl-none');
        popup.push(shown.ms);
        popupFcp.push(shown.fcp);
        const table = await timedLoad(page, browser.pageUrl('options.html'), 'table[aria-label] tbody tr');
        library.push(table.ms);
        libraryFcp.push(table.fcp);
        peakRss = Math.max(peakRss, rendererRssMb());
        await page.close();
      }
      steps.push({
        reports: size,
        seedSeconds,
        bodyMb: bodyBytes / 1048576,
        lookupFirst: { p50Ms: percentile(first, 50), p95Ms: percentile(first, 95), runs: first.length },
        lookupEchoP95Ms: percentile(echo, 95),
        lookupCommonFirst: { p50Ms: percentile(common, 50), maxMs: Math.max(...common), runs: common.length },
        popupFirstRenderMs: summarise(popup),
        popupColdFirstRenderMs: summarise(popupCold),
        libraryFirstRenderMs: summarise(library),
        // A load whose first paint never came within 3 s of the content (none seen so far) is left out, not counted as 0.
        popupFcpMs: summarise(popupFcp.filter(Number.isFinite)),
        popupColdFcpMs: summarise(popupColdFcp.filter(Number.isFinite)),
        libraryFcpMs: summarise(libraryFcp.filter(Number.isFinite)),
        searchP50Ms: percentile(searches, 50),
        searchP95Ms: percentile(searches, 95),
        searchDigestsP50Ms: percentile(digestSearches, 50),
        searchDigestsP95Ms: percentile(digestSearches, 95),
        searchPopupP50Ms: percentile(popupSearches, 50),
        searchBuildMs: buildMs,
        searchAfterChangeMs: afterChangeMs,
        searchEchoP50Ms: percentile(searchEcho, 50),
        peakRendererRssMb: peakRss,
      });
      process.stderr.write(`  scale ${size}: ${JSON.stringify(steps.at(-1))}\n`);
    }
    return {
      input: `seeded reports with 4–20 KB bodies (corpus paragraph shapes), digest rows, bodies and index rows as the import writes them; sizes ${sizes.join(', ')} (each then ${CHANGE_REPORTS} more to time a search after a change); ${FIRST_LOOKUPS} first-time look-ups, ${QUERIES.length} queries, ${PAGE_RUNS} page loads per size`,
      reports: seeded,
      steps,
      baseline:
        'look-ups and searches beside the same round trip answered without work (getLibraryStats: messaging alone); page renders beside their own first contentful paint in the same load',
    };
  } finally {
    await browser.close();
    await pages.close();
  }
}

import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { percentile, summarise, type Series } from './bench-stats';
import { seedLibrary } from './seed-library';

/** Sends one request to the worker the way the extension's messenger does, from an extension page; returns ms. */
export async function timedRequest(page: Page, type: string, data: unknown): Promise<number> {
  return page.evaluate(
    async ({ type, data }) => {
      const start = performance.now();
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown }> } };
      };
      const reply = await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
      if (!reply || reply.err) throw new Error(`request ${type} failed: ${JSON.stringify(reply?.err)}`);
      return performance.now() - start;
    },
    { type, data },
  );
}

/** Stops the extension's service worker (as Chrome does after 30 s idle), so the next request meets a cold worker. */
export async function stopWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export interface LookupFigures {
  input: string;
  p50MsWarm10k: number;
  p95MsWarm10k: number;
  p50MsWarm50k: number;
  p95Ms50k: number;
  coldMs10k: Series;
  coldMs50k: Series;
  baseline: string;
  p50MsEcho: number;
}

const PAGE_SECURITIES = ['HK:09988', 'US:AMZN', 'SH:600519', 'US:NVDA', 'HK:00700'];

/**
 * Related reports for a page's five securities through the worker, in real Chromium with real IndexedDB, at 10k and
 * 50k reports: warm (worker running, caches filled) and cold (worker stopped first). Baseline: the same round trip
 * for a request answered from the worker's cache.
 */
export async function benchLookup(smoke: boolean): Promise<LookupFigures> {
  const sizes = smoke ? [500, 1_000] : [10_000, 50_000];
  const runs = smoke ? 10 : 60;
  const coldRuns = smoke ? 2 : 5;
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('options.html'));
    await page.getByRole('heading', { name: /ReportLens library/ }).waitFor();
    const figures: Record<number, { warm: number[]; cold: number[] }> = {};
    let seeded = 0;
    let echo: number[] = [];
    for (const size of sizes) {
      await seedLibrary(page, size);
      seeded = size;
      await timedRequest(page, 'libraryChanged', undefined);
      const cold: number[] = [];
      for (let i = 0; i < coldRuns; i++) {
        await stopWorker(browser, page);
        cold.push(await timedRequest(page, 'getRelatedReports', { ids: PAGE_SECURITIES }));
      }
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) warm.push(await timedRequest(page, 'getRelatedReports', { ids: PAGE_SECURITIES }));
      echo = [];
      for (let i = 0; i < runs; i++) echo.push(await timedRequest(page, 'getTabDictionary', undefined));
      figures[size] = { warm, cold };
    }
    const [small, large] = sizes as [number, number];
    return {
      input: `${PAGE_SECURITIES.length} securities per look-up (issuer groups included), ${small} then ${seeded} reports, ${runs} warm and ${coldRuns} cold runs each`,
      p50MsWarm10k: percentile(figures[small]!.warm, 50),
      p95MsWarm10k: percentile(figures[small]!.warm, 95),
      p50MsWarm50k: percentile(figures[large]!.warm, 50),
      p95Ms50k: percentile(figures[large]!.warm, 95),
      coldMs10k: summarise(figures[small]!.cold),
      coldMs50k: summarise(figures[large]!.cold),
      baseline: 'p50MsEcho: the same round trip for getTabDictionary, answered from the worker cache (messaging cost alone)',
      p50MsEcho: percentile(echo, 50),
    };
  } finally {
    await browser.close();
  }
}

/**
 * Starts timing an import in an extension page: from the file input's change event to the result summary, in the
 * page's own clock (handing files over the DevTools protocol is not part of the import). Resolves in seconds.
 */
export function importSecondsInPage(page: Page): Promise<number> {
  // A string, not a function: tsx names inner functions with a helper (`__name`) the page does not have.
  return page.evaluate<number>(`new Promise((resolve) => {
    let start = 0;
    document.addEventListener('change', () => (start = performance.now()), { capture: true });
    new MutationObserver((_records, observer) => {
      if (!start || !document.querySelector('[data-testid="import-summary"]')) return;
      observer.disconnect();
      resolve((performance.now() - start) / 1000);
    }).observe(document.body, { childList: true, subtree: true });
  })`);
}

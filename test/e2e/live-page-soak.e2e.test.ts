import { mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { servePages } from '../support/serve-pages';
import { setMarkAll } from '../support/tab-page-securities';

/** Two hours of a live quote page, in chunks of ten simulated minutes (each chunk profiled on its own). */
const SIMULATED_MINUTES = 120;
const CHUNK_MINUTES = 10;
/** Main-thread time per simulated minute late in the run may exceed early in the run by this factor... */
const TIME_GROWTH = 1.5;
/** ...plus this much (sampling noise of a few milliseconds on a shared machine). */
const TIME_SLACK_MS = 3;
/** Heap after garbage collection may grow this much over the run (V8 compiles and caches a little as it goes)... */
const HEAP_GROWTH = 1.25;
/** ...and DOM nodes this many: a node kept alive per removed news item would add 3,600 over two hours. */
const DOM_NODE_SLACK = 300;

interface Profile {
  nodes: { id: number; callFrame: { url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of CPU samples in the extension's own code (its content script runs in the page's main thread). */
async function extensionMs(cdp: CDPSession, work: () => Promise<unknown>): Promise<number> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  let ms = 0;
  profile.samples.forEach((sample, i) => {
    if (byId.get(sample)?.startsWith('chrome-extension://')) ms += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return ms;
}

let browser: ExtensionBrowser;
let served: Awaited<ReturnType<typeof servePages>>;
beforeAll(async () => {
  [browser, served] = await Promise.all([launchWithExtension(), servePages()]);
  await setMarkAll(browser, true);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('a live quote page followed for two hours of mutations: new items keep being marked, time and memory stay flat', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${served.origin}/live-quotes.html`);
  await page.waitForFunction(() => CSS.highlights.has('reportlens-mark'));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const newestMarked = () =>
    page.evaluate(() => {
      const newest = document.querySelector('#feed .news');
      const marks = [...(CSS.highlights.get('reportlens-mark') ?? [])] as AbstractRange[];
      return {
        item: Number((newest as HTMLElement | null)?.dataset.item),
        marked: marks.some((range) => newest?.contains(range.startContainer)),
      };
    });
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const { nodes } = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
    return { heapMb: usedSize / 2 ** 20, nodes };
  };

  const chunks: { minute: number; msPerMinute: number; heapMb: number; nodes: number; newestItem: number; newestMarked: boolean }[] = [];
  for (let minute = 0; minute < SIMULATED_MINUTES; minute += CHUNK_MINUTES) {
    const ms = await extensionMs(cdp, async () => {
      await page.evaluate((minutes) => (window as unknown as { simulate(m: number): Promise<number> }).simulate(minutes), CHUNK_MINUTES);
      // The lens reads changes at most every 250 ms and when the page is idle: let it catch up inside the profile.
      await page.waitForTimeout(1_200);
    });
    const newest = await newestMarked();
    chunks.push({
      minute: minute + CHUNK_MINUTES,
      msPerMinute: ms / CHUNK_MINUTES,
      ...(await memory()),
      newestItem: newest.item,
      newestMarked: newest.marked,
    });
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/live-page-soak.json', `${JSON.stringify(chunks, null, 2)}\n`);
  console.table(chunks);

  // Still marking at the end: every chunk's newest news item carries its mark (3,600 items over the run).
  expect(chunks.filter((chunk) => !chunk.newestMarked)).toEqual([]);
  expect(chunks.at(-1)!.newestItem).toBeGreaterThanOrEqual((SIMULATED_MINUTES * 60) / 2 - 1);
  // Flat time: the last three chunks' median against the first three's (the first chunk includes the warm-up).
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const early = median(chunks.slice(0, 3).map((chunk) => chunk.msPerMinute));
  const late = median(chunks.slice(-3).map((chunk) => chunk.msPerMinute));
  expect(late).toBeLessThanOrEqual(early * TIME_GROWTH + TIME_SLACK_MS);
  // Flat memory: from the end of the first chunk (after warm-up) to the end.
  const [first, last] = [chunks[0]!, chunks.at(-1)!];
  expect(last.heapMb).toBeLessThanOrEqual(first.heapMb * HEAP_GROWTH);
  expect(last.nodes).toBeLessThanOrEqual(first.nodes + DOM_NODE_SLACK);
  await page.close();
}, 600_000);

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { HOVER_OPEN_DELAY_MS } from '../../lib/page/hover-watch';
import { closedShadowText } from '../support/closed-shadow';
import { launchWithExtension } from '../support/launch-extension';
import { servePages } from '../support/serve-pages';
import { seededRandom } from './bench-stats';

export interface PageFigures {
  input: string;
  firstMarkMs: number;
  longTasks: number;
  marks: number;
  hoverToCardMs: number;
  hoverToCardAfterDelayMs: number;
  msPer100Nodes: number;
  stormNodes: number;
  baseline: string;
  pageScriptMs: number;
}

const REPORTS = ['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt'].map((name) =>
  fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)),
);
const PROSE = [
  '港股互联网板块整体走强，成交额较前一交易日明显放大，市场关注即将公布的季度业绩。',
  'Analysts said margins could improve as demand recovers; IT spending and AI investment stayed strong.',
  '分析人士表示，近期 AI 应用落地加快，企业 IT 预算回暖，这是资金回流该板块的主要原因之一。',
  'The CEO reiterated guidance while GDP data in HK and the US came in flat.',
];
const MENTIONS = [
  '阿里巴巴（09988.HK）',
  'Amazon (NASDAQ: AMZN)',
  '谷歌（GOOGL）',
  '$AMZN',
  '贵州茅台（600519.SH）',
  '腾讯控股（00700.HK）',
];

/** A 1 MB (UTF-8) news-like page: paragraphs and tables, ~13k text nodes, ~2 mentions per KB; a script for the storm. */
function generatedPage(): string {
  const random = seededRandom(9);
  const blocks: string[] = [];
  let size = 0;
  let i = 0;
  while (size < 1024 * 1024) {
    const parts = Array.from({ length: 3 }, () => PROSE[Math.floor(random() * PROSE.length)]!);
    if (i % 2 === 0) parts.splice(1, 0, MENTIONS[Math.floor(random() * MENTIONS.length)]!);
    const block =
      i % 10 === 9
        ? `<table><tr><td>${MENTIONS[i % MENTIONS.length]}</td><td>+1.2%</td><td>AMZN</td></tr></table>`
        : `<p>${parts.map((part) => `<span>${part}</span>`).join(' ')}</p>`;
    blocks.push(block);
    size += Buffer.byteLength(block);
    i++;
  }
  const storm = `
    window.startStorm = (total, seconds) => new Promise((resolve) => {
      const perTick = Math.ceil(total / (seconds * 10)); let added = 0;
      const host = document.getElementById('feed');
      const tick = setInterval(() => {
        for (let n = 0; n < perTick && added < total; n++, added++) {
          const p = document.createElement('p');
          p.textContent = (added % 3 === 0 ? '${MENTIONS[0]}' : '${PROSE[0]}') + ' #' + added;
          host.append(p);
        }
        if (added >= total) { clearInterval(tick); resolve(added); }
      }, 100);
    });`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Bench page</title></head><body><main>${blocks.join('\n')}</main><section id="feed"></section><script>${storm}</script></body></html>`;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of samples in extension code and in the page's own code, and extension runs of ≥ 50 ms without a break. */
function attribute(profile: Profile): { extensionMs: number; pageMs: number; longTasks: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let extensionMs = 0;
  let pageMs = 0;
  let run = 0;
  let longTasks = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const url = byId.get(sample)?.callFrame.url ?? '';
    if (url.startsWith('chrome-extension://')) {
      extensionMs += ms;
      run += ms;
      return;
    }
    if (url.startsWith('http')) pageMs += ms;
    if (run >= 50) longTasks++;
    run = 0;
  });
  if (run >= 50) longTasks++;
  return { extensionMs, pageMs, longTasks };
}

/** Prints the extension functions with the most samples (set BENCH_PROFILE_TOP=1 to see where marking time goes). */
function topFunctions(profile: Profile): void {
  const byId = new Map(
    profile.nodes.map((node) => [node.id, node as ProfileNode & { callFrame: { functionName?: string; lineNumber?: number } }]),
  );
  const self = new Map<string, number>();
  profile.samples.forEach((sample, i) => {
    const node = byId.get(sample);
    if (!node?.callFrame.url.startsWith('chrome-extension://')) return;
    const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.error(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, ms]) => `${ms.toFixed(1)} ms ${key}`)
      .join('\n'),
  );
}

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, Profile]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return [result, profile];
}

const markCount = (page: Page) => page.evaluate(() => CSS.highlights.get('reportlens-mark')?.size ?? 0);

/**
 * The built extension on a generated 1 MB page: extension main-thread time of the first marking and its long tasks
 * (from a CPU profile: samples in chrome-extension:// code), pointer-to-card time, then a mutation storm (10k nodes
 * over 10 s) and the extension's time per 100 added nodes. Baseline: the page's own script time in the same profile.
 */
export async function benchPage(smoke: boolean): Promise<PageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'reportlens-page-'));
  writeFileSync(join(dir, 'bench.html'), generatedPage());
  const [browser, pages] = await Promise.all([launchWithExtension(), servePages(dir)]);
  try {
    const library = await browser.context.newPage();
    await library.goto(browser.pageUrl('options.html'));
    await library.getByTestId('import-files').setInputFiles(REPORTS);
    await library.getByTestId('import-summary').waitFor();

    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const [marks, firstProfile] = await profiled(cdp, async () => {
      await page.goto(`${pages.origin}/bench.html`);
      let last = -1;
      for (;;) {
        await page.waitForTimeout(250);
        const now = await markCount(page);
        if (now > 0 && now === last) return now;
        last = now;
      }
    });
    const first = attribute(firstProfile);
    if (process.env.BENCH_PROFILE_TOP) topFunctions(firstProfile);

    const target = await page.evaluate(() => {
      const mark = [...(CSS.highlights.get('reportlens-mark') ?? [])][0] as AbstractRange;
      const range = document.createRange();
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(target.x - 40, target.y - 60);
    // Timed inside the page: the last pointer move over the mark, and the moment the card's host is attached.
    const cardShown = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let moved = 0;
          addEventListener('pointermove', () => (moved = performance.now()), { capture: true });
          new MutationObserver((_records, observer) => {
            if (!document.querySelector('reportlens-card')) return;
            observer.disconnect();
            resolve(performance.now() - moved);
          }).observe(document.documentElement, { childList: true });
        }),
    );
    await page.mouse.move(target.x, target.y);
    const hoverToCardMs = await cardShown;
    while (!(await closedShadowText(page, 'reportlens-card'))?.includes('in your library')) await page.waitForTimeout(20);
    await page.keyboard.press('Escape');

    const stormNodes = smoke ? 500 : 10_000;
    const [, stormProfile] = await profiled(cdp, async () => {
      await page.evaluate(
        ([total, seconds]) => (window as unknown as { startStorm(t: number, s: number): Promise<number> }).startStorm(total!, seconds!),
        [stormNodes, smoke ? 1 : 10],
      );
      await page.waitForTimeout(1_000);
    });
    const storm = attribute(stormProfile);
    return {
      input: `generated page of ${(Buffer.byteLength(generatedPage()) / 1048576).toFixed(2)} MB, ${await page.evaluate(() => document.querySelectorAll('span, td').length)} text elements; 3 reports in the library; card time includes the ${HOVER_OPEN_DELAY_MS} ms hover delay`,
      firstMarkMs: first.extensionMs,
      longTasks: first.longTasks + storm.longTasks,
      marks,
      hoverToCardMs,
      hoverToCardAfterDelayMs: hoverToCardMs - HOVER_OPEN_DELAY_MS,
      msPer100Nodes: (storm.extensionMs / stormNodes) * 100,
      stormNodes,
      baseline: "pageScriptMs: the page's own script time during the storm, same profile",
      pageScriptMs: storm.pageMs,
    };
  } finally {
    await browser.close();
    await pages.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

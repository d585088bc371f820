import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { HOVER_OPEN_DELAY_MS } from '../../lib/page/hover-watch';
import type { TaskTimes } from '../../lib/page/task-clock';
import { closedShadowText } from '../support/closed-shadow';
import { launchWithExtension } from '../support/launch-extension';
import { servePages } from '../support/serve-pages';
import { seededRandom, summarise, type Series } from './bench-stats';
import { profileTasks, profileUntil, topFunctions, type Profile } from './profile-tasks';

export interface PageFigures {
  input: string;
  /**
   * Median over the runs of our main-thread time from navigation to the first marks drawn: what the reader sees
   * first, the viewport and a screen either side (CPU profile, cut where the content script notes them drawn).
   */
  firstMarkMs: number;
  firstMarkMsRuns: Series;
  /** The same by the content script's own task clock (its tasks until the first marks drawn). */
  firstMarkSelfTimedMs: number;
  /** Median over the runs of our main-thread time from navigation until the whole page's marks settle (CPU profile). */
  allMarkedMs: number;
  allMarkedMsRuns: Series;
  /**
   * Long tasks of ours over every first marking and the storm: the larger of the profile's count (our code anywhere
   * on the stack, GC inside counted) and the content script's own task timing.
   */
  longTasks: number;
  longTasksProfiled: number;
  longTasksSelfTimed: number;
  /** The longest task of ours seen, profiled or self-timed, in ms. */
  longestTaskMs: number;
  /** The old counter (runs with our code as the top frame, broken by any other sample) on the same profiles. */
  longTasksTopFrameOnly: number;
  /** Each first marking of ours, and the storm: time, long tasks and the longest task, profiled and self-timed. */
  perRun: {
    /** Until the first marks drawn (first markings only). */
    firstMs?: number;
    ms: number;
    longTasks: number;
    longestMs: number;
    selfTimedLongTasks: number;
    selfTimedLongestMs: number;
  }[];
  marks: number;
  hoverToCardMs: number;
  hoverToCardAfterDelayMs: number;
  /** The second card on the page (its view already loaded). */
  hoverToCardWarmMs: number;
  msPer100Nodes: number;
  stormNodes: number;
  baseline: string;
  /** The page's own naive lens (walk, find, check, highlight), median over as many runs, alternated with ours. */
  baselineFirstMarkMs: number;
  baselineFirstMarkMsRuns: Series;
  baselineMarks: number;
  pageScriptMs: number;
}

/** First-marking runs of each side, alternated (ours first, then the baseline first, …) in one browser. */
const RUNS = 5;

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

/**
 * The baseline: the page's own script doing what any lens must do to mark this page, and no more: walk every text
 * node, find the library's three securities with one RegExp, check each hit's element with `checkVisibility`, and
 * draw the hits as highlights with a style sheet of its own. It runs where the extension does not (the same page
 * served as `localhost`), at `load`, in a tab opened and profiled exactly like ours.
 */
const BASELINE_LENS = `
  window.baselineLens = () => {
    const names = /阿里巴巴|09988|Amazon|AMZN|谷歌|GOOGL/g;
    const highlight = new Highlight();
    CSS.highlights.set('baseline-mark', highlight);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(baseline-mark) { text-decoration: underline dotted 2px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let marks = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue;
      names.lastIndex = 0;
      let found = names.exec(text);
      if (!found || !node.parentElement.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      for (; found; found = names.exec(text), marks++)
        highlight.add(new StaticRange({ startContainer: node, startOffset: found.index, endContainer: node, endOffset: found.index + found[0].length }));
    }
    return marks;
  };
  if (location.hostname === 'localhost') addEventListener('load', () => setTimeout(() => (window.baselineMarks = baselineLens())));`;

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
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Bench page</title></head><body><main>${blocks.join('\n')}</main><section id="feed"></section><script>${storm}\n${BASELINE_LENS}</script></body></html>`;
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

/** Waits until `count` is above zero and the same on two reads 250 ms apart; resolves with it. */
async function settled(page: Page, count: (page: Page) => Promise<number>): Promise<number> {
  let last = -1;
  for (;;) {
    await page.waitForTimeout(250);
    const now = await count(page);
    if (now > 0 && now === last) return now;
    last = now;
  }
}

/** A new tab with a DevTools session that knows the page's JavaScript worlds (ours is an isolated one). */
async function profiledTab(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
    if ((world.auxData as { type?: string } | undefined)?.type === 'isolated') worlds.push(world.id);
  });
  await cdp.send('Runtime.enable');
  return { page, cdp, worlds };
}

/**
 * The content script's own task timing (e2e build: `__reportlensTaskClock` in its isolated world, which the page
 * cannot read), from whichever isolated world has it.
 */
async function selfTimed(cdp: CDPSession, worlds: number[]): Promise<TaskTimes | undefined> {
  for (const contextId of worlds.toReversed()) {
    const reply = await cdp
      .send('Runtime.evaluate', { contextId, expression: 'globalThis.__reportlensTaskClock?.times()', returnByValue: true })
      .catch(() => undefined); // a world of an earlier document, gone with it
    const value = reply?.result.value as TaskTimes | undefined;
    if (value) return value;
  }
  return undefined;
}

/**
 * Microseconds to add to the page's `performance.now()` (in µs) for the profile's clock. Both are the browser's
 * monotonic clock (`Performance.getMetrics`' `Timestamp` is too): read between two reads of `performance.now()`, so
 * off by at most half a round trip.
 */
async function pageClockOffset(cdp: CDPSession, page: Page): Promise<number> {
  await cdp.send('Performance.enable');
  const before = await page.evaluate(() => performance.now());
  const { metrics } = await cdp.send('Performance.getMetrics');
  const after = await page.evaluate(() => performance.now());
  const timestamp = metrics.find((metric) => metric.name === 'Timestamp')?.value;
  if (timestamp === undefined) throw new Error('page bench: Performance.getMetrics gave no Timestamp');
  return timestamp * 1e6 - ((before + after) / 2) * 1e3;
}

/**
 * One first marking by the extension: a fresh tab, profiled from navigation until the marks settle. `tasks` is all of
 * it; `firstTasks` stops where the content script drew its first marks (its `firstMarks` milestone).
 */
async function extensionRun(context: BrowserContext, url: string) {
  const tab = await profiledTab(context);
  const [marks, profile] = await profiled(tab.cdp, async () => {
    await tab.page.goto(url);
    // The first look's marks can stand still for a while before the whole page's are drawn: wait for those.
    while (!(await selfTimed(tab.cdp, tab.worlds))?.milestones.allMarked) await tab.page.waitForTimeout(100);
    return settled(tab.page, markCount);
  });
  const times = await selfTimed(tab.cdp, tab.worlds);
  if (!times) throw new Error(`page bench: no task timing from the content script on ${url} (is this the e2e build?)`);
  const firstMarks = times.milestones.firstMarks;
  if (!firstMarks) throw new Error(`page bench: the content script noted no first marks on ${url}`);
  const offset = await pageClockOffset(tab.cdp, tab.page);
  if (process.env.BENCH_CLOCK_CHECK) {
    const p = profile as Profile & { endTime: number };
    const now = await tab.page.evaluate(() => performance.now());
    console.error(
      'clock check: page now − profile end (ms)',
      (now * 1e3 + offset - p.endTime) / 1e3,
      'first marks after start (ms)',
      (firstMarks.at * 1e3 + offset - p.startTime!) / 1e3,
      'profile span',
      (p.endTime - p.startTime!) / 1e3,
    );
  }
  const firstMarksTime = firstMarks.at * 1e3 + offset;
  const firstTasks = profileTasks(profileUntil(profile, firstMarksTime));
  return { ...tab, marks, profile, tasks: profileTasks(profile), firstTasks, firstMarksTime, times };
}

/** One first marking by the page's own naive lens (the baseline), profiled exactly alike. */
async function baselineRun(context: BrowserContext, url: string) {
  const tab = await profiledTab(context);
  const [marks, profile] = await profiled(tab.cdp, async () => {
    await tab.page.goto(url);
    return settled(tab.page, (page) => page.evaluate(() => (window as unknown as { baselineMarks?: number }).baselineMarks ?? 0));
  });
  await tab.page.close();
  return { marks, tasks: profileTasks(profile, new URL(url).origin) };
}

/**
 * The built extension on a generated 1 MB page. First marking: {@link RUNS} fresh tabs each of ours and of the
 * baseline (the page's own naive lens on the same page where the extension does not run), alternated, each profiled
 * from navigation until its marks settle; our time is every sample with our code on the stack. Then pointer-to-card
 * time, then a mutation storm (10k nodes over 10 s) and our time per 100 added nodes.
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

    const ours: Awaited<ReturnType<typeof extensionRun>>[] = [];
    const baseline: Awaited<ReturnType<typeof baselineRun>>[] = [];
    // The same server as `localhost`: a host the e2e build's content script does not match.
    const baselineUrl = `${pages.origin.replace('127.0.0.1', 'localhost')}/bench.html`;
    for (let run = 0; run < (smoke ? 1 : RUNS); run++) {
      const ourTurn = async () => {
        const last = ours.at(-1);
        if (last) await last.page.close();
        ours.push(await extensionRun(browser.context, `${pages.origin}/bench.html`));
      };
      const baselineTurn = async () => void baseline.push(await baselineRun(browser.context, baselineUrl));
      for (const turn of run % 2 ? [baselineTurn, ourTurn] : [ourTurn, baselineTurn]) await turn();
    }
    const { page, cdp, marks } = ours.at(-1)!;
    if (process.env.BENCH_PROFILE_TOP) console.error(topFunctions(ours.at(-1)!.profile).join('\n'));
    // BENCH_PROFILE_OUT=file.cpuprofile: the last first marking's profile, for DevTools' Performance panel, and each
    // run's as file.N.cpuprofile, with where its first marks were drawn (`firstMarksTime`, the profile's clock).
    const profileOut = process.env.BENCH_PROFILE_OUT;
    if (profileOut) {
      writeFileSync(profileOut, JSON.stringify(ours.at(-1)!.profile));
      ours.forEach((run, i) =>
        writeFileSync(
          profileOut.replace(/(\.cpuprofile)?$/, `.${i}.cpuprofile`),
          JSON.stringify({ ...run.profile, firstMarksTime: run.firstMarksTime }),
        ),
      );
    }
    const timesBeforeStorm = (await selfTimed(cdp, ours.at(-1)!.worlds))!;

    const target = await page.evaluate(() => {
      const mark = [...(CSS.highlights.get('reportlens-mark') ?? [])][0] as AbstractRange;
      const range = document.createRange();
      range.setStart(mark.startContainer, mark.startOffset);
      range.setEnd(mark.endContainer, mark.endOffset);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    /** Pointer onto the mark from a little way off; ms from the last move to the card's host attached (timed in the page). */
    const hoverToCard = async () => {
      await page.mouse.move(target.x - 40, target.y - 60);
      await page.waitForTimeout(400); // past the close delay: the card is gone
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
      const ms = await cardShown;
      while (!(await closedShadowText(page, 'reportlens-card'))?.includes('in your library')) await page.waitForTimeout(20);
      await page.keyboard.press('Escape');
      return ms;
    };
    // The first card of a page loads the card's view (injected by the worker); later ones have it.
    const hoverToCardMs = await hoverToCard();
    const hoverToCardWarmMs = await hoverToCard();

    const stormNodes = smoke ? 500 : 10_000;
    const [, stormProfile] = await profiled(cdp, async () => {
      await page.evaluate(
        ([total, seconds]) => (window as unknown as { startStorm(t: number, s: number): Promise<number> }).startStorm(total!, seconds!),
        [stormNodes, smoke ? 1 : 10],
      );
      await page.waitForTimeout(1_000);
    });
    const storm = profileTasks(stormProfile);
    const timesAfterStorm = (await selfTimed(cdp, ours.at(-1)!.worlds))!;

    const longTasksProfiled = ours.reduce((most, run) => Math.max(most, run.tasks.longTasks), 0) + storm.longTasks;
    const longTasksSelfTimed =
      ours.reduce((most, run) => Math.max(most, run.times.longTasks), 0) + timesAfterStorm.longTasks - timesBeforeStorm.longTasks;
    const firstMarkMsRuns = summarise(ours.map((run) => run.firstTasks.extensionMs));
    const allMarkedMsRuns = summarise(ours.map((run) => run.tasks.extensionMs));
    const baselineFirstMarkMsRuns = summarise(baseline.map((run) => run.tasks.extensionMs));
    return {
      input: `generated page of ${(Buffer.byteLength(generatedPage()) / 1048576).toFixed(2)} MB, ${await page.evaluate(() => document.querySelectorAll('span, td').length)} text elements; 3 reports in the library; ${ours.length} first markings per side; card times include the ${HOVER_OPEN_DELAY_MS} ms hover delay, the first one loading the card's view`,
      firstMarkMs: firstMarkMsRuns.median,
      firstMarkMsRuns,
      firstMarkSelfTimedMs: summarise(ours.map((run) => run.times.milestones.firstMarks!.taskMs)).median,
      allMarkedMs: allMarkedMsRuns.median,
      allMarkedMsRuns,
      longTasks: Math.max(longTasksProfiled, longTasksSelfTimed),
      longTasksProfiled,
      longTasksSelfTimed,
      longestTaskMs: Math.max(
        storm.longestTaskMs,
        timesAfterStorm.longestMs,
        ...ours.map((run) => Math.max(run.tasks.longestTaskMs, run.times.longestMs)),
      ),
      longTasksTopFrameOnly: ours.reduce((most, run) => Math.max(most, run.tasks.longTasksTopFrame), 0) + storm.longTasksTopFrame,
      perRun: [
        ...ours.map(({ tasks, times, firstTasks }) => ({ tasks, times, firstMs: firstTasks.extensionMs })),
        {
          tasks: storm,
          times: { ...timesAfterStorm, longTasks: timesAfterStorm.longTasks - timesBeforeStorm.longTasks },
        },
      ].map(({ tasks, times, firstMs }: { tasks: ReturnType<typeof profileTasks>; times: TaskTimes; firstMs?: number }) => ({
        firstMs,
        ms: tasks.extensionMs,
        longTasks: tasks.longTasks,
        longestMs: tasks.longestTaskMs,
        selfTimedLongTasks: times.longTasks,
        selfTimedLongestMs: times.longestMs,
      })),
      marks,
      hoverToCardMs,
      hoverToCardAfterDelayMs: hoverToCardMs - HOVER_OPEN_DELAY_MS,
      hoverToCardWarmMs,
      msPer100Nodes: (storm.extensionMs / stormNodes) * 100,
      stormNodes,
      baseline:
        "baselineFirstMarkMs: the page's own naive lens (walk, one RegExp, checkVisibility, highlights) on the same page where the extension does not run, profiled alike, runs alternated with ours; it draws every mark at once, so its first marks are all its marks (the baseline of firstMarkMs and allMarkedMs alike); pageScriptMs: the page's own script time during the storm, same profile",
      baselineFirstMarkMs: baselineFirstMarkMsRuns.median,
      baselineFirstMarkMsRuns,
      baselineMarks: baseline.at(-1)!.marks,
      pageScriptMs: storm.pageMs,
    };
  } finally {
    await browser.close();
    await pages.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

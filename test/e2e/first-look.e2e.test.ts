import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useExtensionWithPages } from '../support/extension-session';
import { servePages } from '../support/serve-pages';
import { setMarkAll } from '../support/tab-page-securities';

/** Paragraphs of the long page: enough that reading all of it takes many frames after the first look. */
const PARAGRAPHS = 4_000;
/** Every fifth paragraph names a company; the rest is prose naming none. */
const NAMED_EVERY = 5;

/** A long news-like page; the page's own script records the first frame that shows our marks, and where they are. */
function longPage(): string {
  const body = Array.from({ length: PARAGRAPHS }, (_, i) =>
    i % NAMED_EVERY === 0
      ? `<p>第${i}段：阿里巴巴（09988.HK）与腾讯控股（00700.HK）今日走强，市场关注季度业绩。</p>`
      : `<p>第${i}段：港股互联网板块整体走强，成交额较前一交易日明显放大，分析人士表示资金回流。</p>`,
  ).join('\n');
  // Each frame, until marks appear: then the marks of that frame, their boxes and the viewport's height are kept.
  const watch = `
    window.firstFrame = undefined;
    const look = () => {
      const highlight = CSS.highlights.get('reportlens-mark');
      if (!highlight || !highlight.size) return requestAnimationFrame(look);
      const ranges = [...highlight];
      window.firstRanges = ranges;
      window.firstFrame = {
        count: ranges.length,
        height: innerHeight,
        tops: ranges.map((mark) => {
          const range = document.createRange();
          range.setStart(mark.startContainer, mark.startOffset);
          range.setEnd(mark.endContainer, mark.endOffset);
          return range.getBoundingClientRect().top;
        }),
      };
    };
    requestAnimationFrame(look);`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>港股收评</title></head><body><main>${body}</main><script>${watch}</script></body></html>`;
}

const session = useExtensionWithPages();
let dir: string;
let served: Awaited<ReturnType<typeof servePages>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reportlens-first-look-'));
  writeFileSync(join(dir, 'long.html'), longPage());
  served = await servePages(dir);
  await setMarkAll(session.browser, true);
});
afterAll(async () => {
  await setMarkAll(session.browser, false);
  // The browser is still open (the session closes it after this): its kept-alive connections would hold the server.
  served?.server.closeAllConnections();
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Issue 15: what the reader sees is marked first, then the rest of the page, and the first marks stay as they were.
/** Opens the long page and waits until it is marked whole (the same count a second apart); the page and its count. */
async function markedLongPage() {
  const page = await session.browser.context.newPage();
  await page.goto(`${served.origin}/long.html`);
  const count = () => page.evaluate(() => CSS.highlights.get('reportlens-mark')?.size ?? 0);
  let all = 0;
  await expect
    .poll(
      async () => {
        const before = await count();
        await page.waitForTimeout(1_000);
        return (all = (await count()) === before ? before : 0);
      },
      { timeout: 60_000 },
    )
    // At least the two names of each named paragraph.
    .toBeGreaterThanOrEqual((PARAGRAPHS / NAMED_EVERY) * 2);
  return { page, all };
}

test('a long page: the first marks drawn are those near the viewport; the whole page follows and keeps them', async () => {
  // A fresh worker tells its tabs to read again once its dictionary is ready (the lens starts anew): a first page
  // lets it get there, so the page checked is read once.
  await (await markedLongPage()).page.close();
  const { page, all } = await markedLongPage();
  const first = await page.evaluate(
    () => (window as unknown as { firstFrame: { count: number; height: number; tops: number[] } }).firstFrame,
  );
  // The first look reads the viewport and a screen either side of it: nothing further down is in its frame.
  expect(first.count).toBeGreaterThan(0);
  expect(first.count).toBeLessThan(all / 10);
  expect(Math.max(...first.tops)).toBeLessThanOrEqual(2 * first.height);
  // The whole reading kept the first look's marks (the same ranges), so none blinked.
  const kept = await page.evaluate(() => {
    const highlight = CSS.highlights.get('reportlens-mark')!;
    return (window as unknown as { firstRanges: AbstractRange[] }).firstRanges.filter((range) => highlight.has(range)).length;
  });
  expect(kept).toBe(first.count);
  await page.close();
});

import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedShadowText } from '../support/closed-shadow';
import { cleanOutcome, writeHostileOutcomes } from '../support/hostile-outcomes';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

const REPORT_FIXTURES = ['alibaba-q3-note.md', 'amazon-retail.html'].map((name) =>
  fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)),
);
/** Shadow host of the hover card, and of the layer private marks are drawn in. */
const CARD_HOST = 'reportlens-card';
/** The marks of `loop-news.html` with these two reports, in document order. */
const LOOP_MARKS = ['阿里巴巴', '09988.HK', 'Amazon', 'AMZN', '阿里巴巴', '09988.HK', 'Amazon', 'AMZN'];
/** How long a page gets to show marks before the test says it has none. */
const NO_MARKS_WAIT_MS = 1_500;

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
let library: Page;
let news: Page;

beforeAll(async () => {
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
});
afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

interface CdpNode {
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  attributes?: string[];
}

/** A box of a drawn mark, in page coordinates, as its inline style places it. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes in the overlay layer of our closed shadow root (the root's element children other than the card's own
 * `<html>`), read through the DevTools protocol, which pierces a closed root; `undefined` without our host.
 */
async function overlayBoxes(page: Page): Promise<Box[] | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (node: CdpNode): CdpNode | undefined =>
      node.nodeName.toLowerCase() === CARD_HOST ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const layers = (shadow.children ?? []).filter((child) => child.nodeName === 'DIV');
    return layers.flatMap((layer) =>
      (layer.children ?? []).map((box) => {
        const style = box.attributes?.[box.attributes.indexOf('style') + 1] ?? '';
        const px = (name: string) => Number(new RegExp(`(?:^|;)\\s*${name}:\\s*([-\\d.]+)px`).exec(style)?.[1]);
        return { left: px('left'), top: px('top'), width: px('width'), height: px('height') };
      }),
    );
  } finally {
    await cdp.detach();
  }
}

/** What the page's own scripts can see of our marks: the registry's entries, its ranges, and adopted style sheets. */
const seenByPage = (page: Page) =>
  page.evaluate(() => ({
    hasOurs: CSS.highlights.has('reportlens-mark'),
    size: CSS.highlights.size,
    ranges: [...CSS.highlights.values()].reduce((sum, highlight) => sum + highlight.size, 0),
    adoptedSheets: document.adoptedStyleSheets.length,
    host: document.querySelector('reportlens-card') !== null,
  }));

/** Whether the body is the served one, apart from our host element (which sits after the body, but wherever it is). */
const bodyUnchanged = async (page: Page, path: string) => {
  const served = await (await fetch(`${pages.origin}/${path}`)).text();
  return page.evaluate((html) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('reportlens-card').forEach((host) => host.remove());
    return new DOMParser().parseFromString(html, 'text/html').body.innerHTML === body.innerHTML;
  }, served);
};

const privateMarksBox = () => library.getByRole('region', { name: 'Settings' }).getByRole('checkbox', { name: /^Private marks:/ });

test('import two reports; private marks start off', async () => {
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByTestId('import-files').setInputFiles(REPORT_FIXTURES);
  await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('2 imported · 0 already in library · 0 failed');
  await library.getByRole('tab', { name: 'Settings' }).click();
  expect(await privateMarksBox().isChecked()).toBe(false);
});

describe('private marks', () => {
  test('off (the default): the page reads which of its words we marked from the highlight registry', async () => {
    news = await browser.context.newPage();
    await news.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(LOOP_MARKS);
    expect(await seenByPage(news)).toMatchObject({ hasOurs: true, ranges: LOOP_MARKS.length, adoptedSheets: 1, host: false });
    expect(await overlayBoxes(news)).toBeUndefined();
  });

  test('turned on, the open tab redraws its marks where the page cannot read them', async () => {
    await privateMarksBox().check();
    await expect.poll(() => seenByPage(news)).toEqual({ hasOurs: false, size: 0, ranges: 0, adoptedSheets: 0, host: true });
    await expect.poll(async () => (await overlayBoxes(news))?.length, { timeout: 10_000 }).toBe(LOOP_MARKS.length);
  });

  test('after a reload: nothing in the registry, the body as served, the marks drawn over their words, the card on hover', async () => {
    const started = performance.now();
    await news.reload();
    await expect.poll(async () => (await overlayBoxes(news))?.length, { timeout: 10_000 }).toBe(LOOP_MARKS.length);
    const seen = await seenByPage(news);
    writeHostileOutcomes('private-marks', [
      {
        ...cleanOutcome('privacy', 'page reads the highlight registry (private marks on)', 'no highlight, no range, no style sheet'),
        wronglyAccepted: seen.ranges,
        ms: Math.round(performance.now() - started),
      },
    ]);
    expect(seen).toEqual({ hasOurs: false, size: 0, ranges: 0, adoptedSheets: 0, host: true });
    expect(await markedTexts(news)).toBeUndefined();
    expect(await bodyUnchanged(news, 'loop-news.html')).toBe(true);

    // Each box lies over its word: the first 09988.HK's centre is inside the second box, in document order.
    const boxes = (await overlayBoxes(news))!;
    const { x, y } = await centreOfText(news, '09988.HK');
    const scroll = await news.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
    const over = boxes.findIndex((box) => {
      const [left, top] = [box.left - scroll.x, box.top - scroll.y];
      return x > left && x < left + box.width && y > top && y < top + box.height;
    });
    expect(over).toBe(1);

    await news.mouse.move(x - 30, y - 40);
    await news.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toMatch(/阿里巴巴.*1 report in your library/);
    await news.keyboard.press('Escape');
    await expect.poll(() => closedShadowText(news, CARD_HOST)).toBe('');
    // The card closed; the host stays for the marks' layer.
    expect((await seenByPage(news)).host).toBe(true);
  });

  test('on a page without marks our host is there all the same: it tells nothing about the library', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(`${pages.origin}/no-tickers.html`);
    await expect.poll(() => seenByPage(plain)).toEqual({ hasOurs: false, size: 0, ranges: 0, adoptedSheets: 0, host: true });
    await plain.waitForTimeout(NO_MARKS_WAIT_MS);
    expect(await overlayBoxes(plain)).toEqual([]);
    expect(await bodyUnchanged(plain, 'no-tickers.html')).toBe(true);
    await plain.close();
  });

  test('turned off again, the open tab goes back to highlights and our host leaves', async () => {
    await privateMarksBox().uncheck();
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toEqual(LOOP_MARKS);
    expect(await seenByPage(news)).toMatchObject({ hasOurs: true, adoptedSheets: 1, host: false });
    await news.close();
  });
});

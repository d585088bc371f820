import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closedShadowText } from '../support/closed-shadow';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from '../support/hostile-outcomes';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText, markedTexts } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

/**
 * The browser half of the hostile-input suite: an XSS corpus rendered in the reader, the popup and the card executes
 * nothing and loads nothing (Chrome DevTools Protocol network log and the test server's log); remote images load
 * only after the user asks, and only the images; a content script's world cannot make the worker do what only
 * extension pages may, and the page's world cannot reach it at all.
 */

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const CORPUS_DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
/** Every remote URL in the corpus points here, on the test server, so its log sees any request that gets out. */
const BEACON_PATH = '/beacon/';
/** The corpus's scripts log this; any such console message is a payload that ran. */
const PAYLOAD_MARK = 'PWNED';
/** Time a surface gets to run or load whatever it would before it is judged. */
const SETTLE_MS = 800;

let browser: ExtensionBrowser;
let pages: Awaited<ReturnType<typeof servePages>>;
let corpusCopy: string;
const outcomes: HostileOutcome[] = [];
/** Console messages of every page and frame that carry the payload mark. */
const payloadsRan: string[] = [];

const beaconRequests = () => pages.requests.filter((path) => path.startsWith(BEACON_PATH));

/** Every request a page's document makes (CDP `Network.requestWillBeSent`), outside the extension and data/blob. */
async function networkLog(page: Page): Promise<{ remote: string[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const remote: string[] = [];
  cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
    if (!/^(chrome-extension|data|blob):/.test(event.request.url)) remote.push(event.request.url);
  });
  await cdp.send('Network.enable');
  return { remote, cdp };
}

/** Runs one surface check and records its outcome: payloads run and beacon requests made while it ran. */
async function surface(category: string, name: string, expected: string, check: () => Promise<{ requestsMade?: number }>) {
  const payloadsBefore = payloadsRan.length;
  const beaconsBefore = beaconRequests().length;
  const started = performance.now();
  let crashed = false;
  let extraRequests = 0;
  try {
    extraRequests = (await check()).requestsMade ?? 0;
  } catch (error) {
    crashed = true;
    throw error;
  } finally {
    outcomes.push({
      ...cleanOutcome(category, name, expected),
      crashed,
      payloadsExecuted: payloadsRan.length - payloadsBefore,
      requestsMade: beaconRequests().length - beaconsBefore + extraRequests,
      ms: Math.round(performance.now() - started),
    });
  }
  expect(payloadsRan.slice(payloadsBefore)).toEqual([]);
  expect(beaconRequests().slice(beaconsBefore)).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  [browser, pages] = await Promise.all([launchWithExtension(), servePages()]);
  browser.context.on('console', (message) => {
    if (message.text().includes(PAYLOAD_MARK)) payloadsRan.push(message.text());
  });
  // The corpus with its beacon URLs pointing at this run's server.
  corpusCopy = mkdtempSync(join(tmpdir(), 'reportlens-hostile-'));
  for (const name of readdirSync(CORPUS_DIR)) {
    const text = readFileSync(join(CORPUS_DIR, name), 'utf8').replaceAll('{{BEACON}}', `${pages.origin}${BEACON_PATH.slice(0, -1)}`);
    writeFileSync(join(corpusCopy, name), text);
  }
});
afterAll(async () => {
  writeHostileOutcomes('rendering', outcomes);
  await browser?.close();
  await pages?.close();
  if (corpusCopy) rmSync(corpusCopy, { recursive: true, force: true });
});

describe('an XSS corpus in every place a report is shown', () => {
  let library: Page;
  let libraryNetwork: string[];

  test('imports (the corpus is reports like any other)', async () => {
    library = await browser.context.newPage();
    libraryNetwork = (await networkLog(library)).remote;
    await library.goto(browser.pageUrl('options.html'));
    await library.getByTestId('import-files').setInputFiles(readdirSync(corpusCopy).map((name) => join(corpusCopy, name)));
    await expect.poll(() => library.getByTestId('import-summary').textContent()).toBe('3 imported · 0 already in library · 0 failed');
  });

  test.each([
    [/hostile note/, 'table cell'],
    [/markdown payloads/, '竞争加剧'],
    [/with remote images/, 'Two charts hosted elsewhere'],
  ])('the reader shows %s inert: no script, frame, form, style or remote source survives', async (title, bodyText) => {
    await surface('xss', `reader: ${title.source}`, 'text shown, nothing runs, nothing loads', async () => {
      await library.getByRole('button', { name: title }).click();
      const reader = library.getByRole('region', { name: 'Report text' });
      await expect.poll(() => reader.textContent()).toContain(bodyText);
      await library.waitForTimeout(SETTLE_MS);
      const dangerous = await reader.evaluate(
        (root) =>
          root.querySelectorAll(
            'script, iframe, frame, object, embed, form, input, style, link, meta, base, svg, math, video, audio, source, picture, [style], [srcset], [background], [poster], [ping], img[src], [onerror], [onload], [onclick], [onmouseover], [ontoggle], a[href^="javascript:"], a[href^="data:"]',
          ).length,
      );
      expect(dangerous).toBe(0);
      await library.getByRole('button', { name: '← All reports' }).click();
      return { requestsMade: libraryNetwork.length };
    });
  });

  test('remote images load only when asked, in the sandboxed frame, and nothing else with them', async () => {
    await library.getByRole('button', { name: /with remote images/ }).click();
    const reader = library.getByRole('region', { name: 'Report text' });
    await surface('xss', 'reader: remote images before asking', 'no request at all', async () => {
      await expect.poll(() => reader.textContent()).toContain('2 remote images not loaded');
      await library.waitForTimeout(SETTLE_MS);
      return { requestsMade: libraryNetwork.length };
    });
    await reader.getByRole('button', { name: 'Load images for this report' }).click();
    await expect.poll(() => beaconRequests().sort()).toEqual([`${BEACON_PATH}image-1.png`, `${BEACON_PATH}image-2.png`]);
    const frame = library.frameLocator('iframe[title="The report with its images"]');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Two charts hosted elsewhere');
    await library.waitForTimeout(SETTLE_MS);
    // Only the two images: never their srcset or the CSS background; the frame has no extension APIs.
    expect(beaconRequests().sort()).toEqual([`${BEACON_PATH}image-1.png`, `${BEACON_PATH}image-2.png`]);
    expect(await frame.locator('body').evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe(
      'undefined',
    );
    outcomes.push({ ...cleanOutcome('xss', 'reader: remote images after asking', 'exactly the two images load, nothing else'), ms: 0 });
    await library.getByRole('button', { name: '← All reports' }).click();
    pages.requests.length = 0;
  });

  let news: Page;
  test('the card over a marked name shows hostile titles and risks as text', async () => {
    news = await browser.context.newPage();
    const newsNetwork = (await networkLog(news)).remote;
    await news.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(news), { timeout: 10_000 }).toContain('阿里巴巴');
    const pageRequests = newsNetwork.length;
    await surface('xss', 'card', 'titles, sources and risks shown as text', async () => {
      const { x, y } = await centreOfText(news, '09988.HK');
      await news.mouse.move(x - 30, y - 40);
      await news.mouse.move(x, y, { steps: 4 });
      await expect.poll(() => closedShadowText(news, 'reportlens-card'), { timeout: 10_000 }).toContain('hostile note');
      await news.waitForTimeout(SETTLE_MS);
      const card = (await closedShadowText(news, 'reportlens-card'))!;
      expect(card).toContain("<script>console.log('PWNED:title-script')</script>");
      return { requestsMade: newsNetwork.length - pageRequests };
    });
  });

  test('the popup lists them, expanded, as text', async () => {
    const tabId = await browser.tabIdOf(`${pages.origin}/loop-news.html`);
    const popup = await browser.context.newPage();
    const popupNetwork = (await networkLog(popup)).remote;
    await surface('xss', 'popup', 'report digests shown as text, search results too', async () => {
      await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
      const alibaba = popup.getByRole('region', { name: /HK:09988/ });
      await expect.poll(() => alibaba.textContent(), { timeout: 10_000 }).toContain('hostile note');
      // Open every fold: a toggle once clicked no longer matches, so the first closed one is clicked each time.
      const closed = alibaba.locator('details:not([open]) > summary, button[aria-expanded="false"]');
      for (let opened = 0; (await closed.count()) > 0 && opened < 50; opened++) await closed.first().click();
      expect(await closed.count()).toBe(0);
      await popup.getByRole('searchbox').fill('hostile');
      await expect.poll(() => popup.getByRole('region', { name: 'Search results' }).textContent()).toContain('hostile note');
      await popup.waitForTimeout(SETTLE_MS);
      return { requestsMade: popupNetwork.length };
    });
    await popup.close();
  });
});

describe('messages the worker must refuse', () => {
  /** Sends raw messages from the content script's isolated world of `page` (found through CDP) and returns the replies. */
  async function sendFromContentScript(page: Page, messages: unknown[]): Promise<{ reply?: unknown; error?: string }[]> {
    const cdp = await page.context().newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    await expect
      .poll(() => contexts.some((context) => context.auxData?.type === 'isolated' && context.name.startsWith('ReportLens')))
      .toBe(true);
    const isolated = contexts.find((context) => context.auxData?.type === 'isolated' && context.name.startsWith('ReportLens'))!;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async (messages) => {
        const replies = [];
        for (const message of messages) {
          try { replies.push({ reply: await chrome.runtime.sendMessage(message) ?? null }); }
          catch (error) { replies.push({ error: String(error && error.message || error) }); }
        }
        return replies;
      })(JSON.parse(${JSON.stringify(JSON.stringify(messages))}))`,
    });
    await cdp.detach();
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as { reply?: unknown; error?: string }[];
  }

  const request = (type: unknown, data?: unknown) => ({ id: 1, type, data, timestamp: Date.now() });
  const REFUSED: [string, unknown][] = [
    ['privileged from a tab: getLibraryStats', request('getLibraryStats')],
    ['privileged from a tab: searchLibrary', request('searchLibrary', { query: '阿里巴巴' })],
    ['privileged from a tab: libraryChanged', request('libraryChanged')],
    ['unknown request type', request('deleteEverything', {})],
    ['type not a string', request(42)],
    ['no timestamp', { type: 'getTabDictionary' }],
    ['not an object', 'getTabDictionary'],
    ['null', null],
    ['ids not an array', request('getRelatedReports', { ids: 'HK:09988' })],
    ['id not canonical', request('getRelatedReports', { ids: ['../../etc'] })],
    ['too many ids (oversized)', request('getRelatedReports', { ids: Array.from({ length: 20_000 }, () => 'HK:09988') })],
    ['extra keys', request('getRelatedReports', { ids: ['HK:09988'], extra: 1 })],
    [
      '__proto__ key',
      JSON.parse('{"id":1,"type":"getRelatedReports","timestamp":1,"data":{"__proto__":{"polluted":1},"ids":["HK:09988"]}}'),
    ],
    ['report id not a hash', request('openReport', { reportId: 'javascript:alert(1)' })],
    ['huge string (5 MB)', request('openReport', { reportId: 'a'.repeat(5_000_000) })],
    ['data on a request that takes none', request('getTabDictionary', { everything: true })],
    // A page's text goes to the worker in requests of at most 256 K units: a bigger one is refused, not read.
    ['page text oversized (5 MB)', request('getPageNames', { text: '贵州茅台'.repeat(1_250_000) })],
    ['page text not a string', request('getPageNames', { text: { length: 1e9 } })],
    ['page text with extra keys', request('getPageNames', { text: '贵州茅台', ids: ['SH:600519'] })],
    ['a write from a tab: block a name', request('blockName', { alias: '阿里巴巴', securityId: 'HK:09988' })],
    ['not this security: name oversized', request('askNotThisSecurity', { name: '阿'.repeat(101), id: 'HK:09988' })],
    ['not this security: id not canonical', request('askNotThisSecurity', { name: '阿里巴巴', id: '../options.html' })],
  ];

  test('from the content script world: every bad request refused without an exception; good ones still answered', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toBeDefined();
    const started = performance.now();
    const replies = await sendFromContentScript(page, [
      ...REFUSED.map(([, message]) => message),
      request('getPageNames', { text: '贵州茅台'.repeat(60_000) }),
      request('getTabDictionary'),
    ]);
    const ms = Math.round(performance.now() - started);
    const accepted = replies.map((reply) => typeof reply.reply === 'object' && reply.reply !== null && 'res' in reply.reply);
    REFUSED.forEach(([name], i) =>
      outcomes.push({ ...cleanOutcome('messaging', name, 'refused: no result'), wronglyAccepted: accepted[i] ? 1 : 0, ms }),
    );
    expect(REFUSED.filter((_, i) => accepted[i]).map(([name]) => name)).toEqual([]);
    // The worker survived all of it, and the channel works: the last, valid requests got their answers (a page's
    // text of 240 K units, just under the limit, is read).
    expect(accepted.at(-2)).toBe(true);
    expect(accepted.at(-1)).toBe(true);
    expect(await page.evaluate(() => (Object.prototype as { polluted?: unknown }).polluted)).toBeUndefined();
    await page.close();
  });

  test('"not this security" from the content script world only asks: a question opens in the library page, nothing is blocked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('阿里巴巴');
    const started = performance.now();
    const [question] = await Promise.all([
      browser.context.waitForEvent('page'),
      sendFromContentScript(page, [request('askNotThisSecurity', { name: '阿里巴巴', id: 'HK:09988' })]),
    ]);
    await expect
      .poll(() => question.getByRole('alertdialog').textContent(), { timeout: 10_000 })
      .toMatch(/Stop linking “阿里巴巴” to .*HK:09988/);
    await question.waitForTimeout(SETTLE_MS);
    // Read straight from the library's IndexedDB, in an extension page: the question wrote no block.
    const blocks = await question.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('reportlens');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
          open.onsuccess = () => {
            const count = open.result.transaction('aliasBlocks').objectStore('aliasBlocks').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    outcomes.push({
      ...cleanOutcome('messaging', 'content script world: "not this security" writes nothing', 'a question in the library page, no block'),
      wronglyAccepted: blocks,
      ms: Math.round(performance.now() - started),
    });
    expect(blocks).toBe(0);
    await question.close();
    await page.reload();
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('阿里巴巴');
    await page.close();
  });

  test("from the page's own world there is no way to the worker", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toBeDefined();
    const reach = await page.evaluate((extensionId) => {
      const chromeApi = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      window.postMessage({ type: '@webext-core/messaging/window', message: { type: 'getLibraryStats', id: 1, timestamp: 1 } }, '*');
      return { runtime: typeof chromeApi?.runtime?.sendMessage, extensionId };
    }, browser.extensionId);
    outcomes.push({
      ...cleanOutcome('messaging', 'page world: runtime messaging', 'no chrome.runtime.sendMessage in the page'),
      wronglyAccepted: reach.runtime === 'undefined' ? 0 : 1,
    });
    expect(reach.runtime).toBe('undefined');
    await page.close();
  });
});

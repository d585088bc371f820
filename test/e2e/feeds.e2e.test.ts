import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { FEED_ALARM } from '../../lib/feeds/poll-schedule';
import { publishCommand } from '../../lib/cli/publish-command';
import { readMasterFromDisk } from '../../lib/securities/master/read-master-file';
import { closedShadowText } from '../support/closed-shadow';
import { serveFeeds, type FeedServer } from '../support/feed-server';
import { createJekyllSite, jekyllMissing, type JekyllSite } from '../support/jekyll-site';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { centreOfText } from '../support/page-marks';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const CARD_HOST = 'reportlens-card';
/** A news page on the feed's host that names a security only the second post is about. */
const NEWS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>科技股</title></head>
<body><h1>科技股收盘</h1><p>谷歌（GOOGL）发布新一代 TPU，股价收涨 2%。</p></body></html>`;

const missing = jekyllMissing();
if (missing) console.warn(`feeds e2e: skipped: ${missing}`);

let browser: ExtensionBrowser;
let site: JekyllSite;
let server: FeedServer;
let library: Page;
let port: number;

/** Marks every subscription due (as an hour passing would) and fires the worker's real alarm: the test hook. */
async function fireFeedAlarm() {
  await library.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('reportlens');
        open.onsuccess = () => {
          const tx = open.result.transaction('subscriptions', 'readwrite');
          const store = tx.objectStore('subscriptions');
          store.openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            cursor.update({ ...cursor.value, nextPollAt: 0 });
            cursor.continue();
          };
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(new Error(`marking subscriptions due: ${String(tx.error)}`));
        };
      }),
  );
  await browser.worker.evaluate((name) => {
    const { chrome } = globalThis as unknown as { chrome: { alarms: { create(name: string, info: { when: number }): void } } };
    chrome.alarms.create(name, { when: Date.now() });
  }, FEED_ALARM);
}

const feedRequests = () => server.log.filter((request) => request.path === '/feed.xml');
const panelText = () => library.locator('.rl-subscriptions').textContent();

beforeAll(async () => {
  if (missing) return;
  mkdirSync(RESULTS_DIR, { recursive: true });
  site = await createJekyllSite();
  await site.addSample(0);
  await site.build();
  server = await serveFeeds(site.site);
  port = Number(new URL(server.origin).port);
  server.routes.set('/news.html', (_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS));
  browser = await launchWithExtension();
  library = await browser.context.newPage();
  await library.goto(browser.pageUrl('options.html'));
  await library.getByRole('tab', { name: 'Followed feeds' }).click();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(missing)('following a Jekyll site (jekyll-feed) in Chromium', () => {
  test('follow: the browser grants the origin, the first post is read at once', async () => {
    await library.getByLabel('Feed address').fill(`${server.origin}/feed.xml`);
    await library.getByRole('button', { name: 'Follow' }).click();
    await expect.poll(panelText, { timeout: 20_000 }).toMatch(/1 report from it/);
    expect(await panelText()).toMatch(/研究团队 Research team · Atom feed/);
    expect(feedRequests().map((request) => request.status)).toEqual([200]);
  });

  test('a post added and the site rebuilt: the alarm brings it, and it shows in a card on a news page', async () => {
    await site.addSample(1);
    await site.build();
    await fireFeedAlarm();
    await expect.poll(panelText, { timeout: 30_000 }).toMatch(/2 reports from it/);
    expect(feedRequests().at(-1)).toMatchObject({ status: 200, ifNoneMatch: expect.stringMatching(/^"/) });
    await library.screenshot({ path: `${RESULTS_DIR}feeds-panel-en.png`, fullPage: true });

    const news = await browser.context.newPage();
    await news.goto(`${server.origin}/news.html`);
    await expect.poll(() => news.evaluate(() => CSS.highlights.get('reportlens-mark')?.size ?? 0), { timeout: 10_000 }).toBeGreaterThan(0);
    const { x, y } = await centreOfText(news, 'GOOGL');
    await news.mouse.move(x - 30, y - 40);
    await news.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => closedShadowText(news, CARD_HOST), { timeout: 15_000 }).toContain('AI产品加速落地与算力基建深化——市场研究摘要');
    await news.screenshot({ path: `${RESULTS_DIR}feeds-card.png` });
    await news.close();
  });

  test('an unchanged poll gets 304 and adds nothing', async () => {
    const before = feedRequests().length;
    await fireFeedAlarm();
    await expect.poll(() => feedRequests().length, { timeout: 30_000 }).toBe(before + 1);
    expect(feedRequests().at(-1)).toMatchObject({ status: 304, bytes: 0 });
    await expect.poll(panelText, { timeout: 10_000 }).toMatch(/unchanged \(304\)/);
    expect(await panelText()).toMatch(/2 reports from it/);
  });

  test('the server down: the poll fails, backs off, nothing is lost; back up, the next poll succeeds', async () => {
    await server.close();
    await fireFeedAlarm();
    await expect.poll(panelText, { timeout: 30_000 }).toMatch(/Failed 1 time in a row; next try/);
    expect(await panelText()).toMatch(/Check failed .*could not be reached/);
    expect(await panelText()).toMatch(/2 reports from it/);
    const stored = await library.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('reportlens');
          open.onsuccess = () => {
            const count = open.result.transaction('reports').objectStore('reports').count();
            count.onsuccess = () => (open.result.close(), resolve(count.result));
          };
        }),
    );
    expect(stored).toBe(2);
    await library.screenshot({ path: `${RESULTS_DIR}feeds-panel-backoff-en.png`, fullPage: true });

    const log = server.log;
    server = await serveFeeds(site.site, port);
    server.log.push(...log);
    await fireFeedAlarm();
    await expect.poll(panelText, { timeout: 30_000 }).toMatch(/unchanged \(304\)/);
    expect(await panelText()).not.toMatch(/Failed/);
  });

  test('the panel in Chinese', async () => {
    await library.getByRole('tab', { name: 'Settings' }).click();
    await library.getByLabel('Language').selectOption('zh');
    await library.getByRole('tab', { name: '订阅' }).click();
    await expect.poll(panelText, { timeout: 10_000 }).toMatch(/来自它的研报 2 篇/);
    await library.locator('.rl-subscriptions').screenshot({ path: `${RESULTS_DIR}feeds-panel-zh.png` });
    await library.getByRole('button', { name: /取消订阅/ }).click();
    await library.locator('.rl-subscriptions').screenshot({ path: `${RESULTS_DIR}feeds-unfollow-zh.png` });
    await library.getByRole('button', { name: '取消订阅并删除这些研报' }).click();
    await expect.poll(panelText, { timeout: 10_000 }).toMatch(/删除了 2 篇研报/);
    await library.getByRole('tab', { name: '设置' }).click();
    await library.getByLabel('界面语言').selectOption('en');
    await library.getByRole('tab', { name: 'Followed feeds' }).click();
  });
});

describe.skipIf(missing)('following a published ReportLens library in Chromium', () => {
  test('publish an archive with the CLI, follow its manifest: every report arrives, checked against its hash', async () => {
    globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
    readMasterFromDisk();
    const root = await mkdtemp(join(tmpdir(), 'reportlens-library-'));
    await mkdir(join(root, 'archive'));
    for (const name of ['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt'])
      await copyFile(fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url)), join(root, 'archive', name));
    await publishCommand(join(root, 'archive'), join(root, 'site'), { title: 'Team library' }, () => {});
    const published = await serveFeeds(join(root, 'site'));
    try {
      await library.getByLabel('Feed address').fill(`${published.origin}/manifest.json`);
      await library.getByRole('button', { name: 'Follow' }).click();
      await expect.poll(panelText, { timeout: 20_000 }).toMatch(/Team library · ReportLens library · 3 reports from it/);
      const paths = published.log.map((request) => request.path.replace(/[0-9a-f]{64}/, 'HASH'));
      expect(paths.slice(0, 2)).toEqual(['/manifest.json', '/index/1.json']);
      expect(paths.slice(2).sort()).toEqual(['/reports/HASH.html', '/reports/HASH.md', '/reports/HASH.txt']);
    } finally {
      await published.close();
    }
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/launch-firefox';
import { centreInPage, marksInPage } from '../support/page-marks';
import { servePages } from '../support/serve-pages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = join(ROOT, 'test-results/');
const REPORT_FIXTURES = ['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt', 'broken-front-matter.md'].map((name) =>
  join(ROOT, 'test/fixtures/reports', name),
);
/** Shadow host of the hover card. */
const CARD_HOST = 'reportlens-card';
/** Marks on the loop page, in order (the same page and expectation as the Chromium whole loop). */
const LOOP_MARKS = ['阿里巴巴', '09988.HK', 'Amazon', 'AMZN', '阿里巴巴', '09988.HK', 'Amazon', 'AMZN'];
/** Firefox starts slower than Chromium, and the machine is shared. */
const FIREFOX_START_MS = 90_000;

let firefox: FirefoxWithExtension;
let pages: Awaited<ReturnType<typeof servePages>>;

beforeAll(async () => {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox ESR is needed at ${FIREFOX_PATH} for the Firefox end-to-end tests: apt-get install -y firefox-esr (.ci/run does)`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  [firefox, pages] = await Promise.all([launchFirefoxWithExtension(), servePages()]);
}, FIREFOX_START_MS);
afterAll(async () => {
  await firefox?.close();
  await pages?.close();
});

/** Rests the pointer on `text` the way a reader does (from a little way off), so the card opens. */
async function hover(page: Page, text: string) {
  const { x, y } = await page.evaluate(centreInPage, [text, 0] as const);
  await page.mouse.move(x - 30, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
}

describe('the whole loop in Firefox ESR (the add-on installed temporarily, driven over WebDriver BiDi)', () => {
  test('import report files through the library page', async () => {
    const library = await firefox.openExtensionPage('options.html');
    const input = await library.waitForSelector('input[data-testid="import-files"]');
    await input!.uploadFile(...REPORT_FIXTURES);
    const summary = () => library.$eval('[data-testid="import-summary"]', (element) => element.textContent).catch(() => undefined);
    await expect.poll(summary, { timeout: 15_000 }).toBe('3 imported · 0 already in library · 1 failed');
    expect(await library.evaluate(() => document.body.innerText)).toMatch(/broken-front-matter\.md[\s\S]*front matter is not valid YAML/);
    await library.screenshot({ path: `${RESULTS_DIR}firefox-library-page.png`, fullPage: true });
    await library.close();
  });

  let news: Page;
  test('a news page gets its securities marked with CSS highlights', async () => {
    news = await firefox.browser.newPage();
    await news.setViewport({ width: 1280, height: 860 });
    await news.goto(`${pages.origin}/loop-news.html`);
    await expect.poll(() => news.evaluate(marksInPage), { timeout: 15_000 }).toEqual(LOOP_MARKS);
  });

  test('hovering a mark shows the card (closed shadow root) with the report, a risk and why it was marked', async () => {
    await hover(news, '09988.HK');
    await expect.poll(() => firefox.closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toMatch(/阿里巴巴.*1 report in your library/);
    const card = (await firefox.closedShadowText(news, CARD_HOST))!;
    expect(card).toContain('阿里巴巴季度点评：云与电商双轮驱动（测试夹具）');
    expect(card).toContain('云业务增速放缓');
    expect(card).toMatch(/Marked “ ?09988\.HK ?”: code with exchange/);
    // The page's own scripts see the host element and nothing inside it.
    expect(await news.evaluate(() => document.querySelector('reportlens-card')?.shadowRoot ?? null)).toBeNull();
    await news.screenshot({ path: `${RESULTS_DIR}firefox-hover-card.png` });
    await news.keyboard.press('Escape');
    await expect.poll(() => firefox.closedShadowText(news, CARD_HOST)).toBeUndefined();
  });

  test('the popup for the tab lists the page securities with summary and risks; its switch turns marking off and on', async () => {
    const tabId = await firefox.tabIdOf(`${pages.origin}/loop-news.html`);
    expect(tabId).toBeGreaterThan(0);
    const popup = await firefox.browser.newPage();
    await popup.setViewport({ width: 440, height: 900 });
    await firefox.openExtensionPage(`popup.html?tabId=${String(tabId)}`, popup);
    const text = () => popup.evaluate(() => document.body.innerText);
    await expect.poll(text, { timeout: 10_000 }).toContain('阿里巴巴季度点评：云与电商双轮驱动（测试夹具）');
    expect(await text()).toContain('海外市场竞争加剧');
    expect(await text()).toContain('Amazon retail margins: a fixture note');
    await popup.screenshot({ path: `${RESULTS_DIR}firefox-popup.png`, fullPage: true });
    const toggle = await popup.waitForSelector('::-p-aria(Mark securities on 127.0.0.1)');
    await toggle!.click();
    await expect.poll(() => news.evaluate(marksInPage), { timeout: 10_000 }).toBeUndefined();
    await toggle!.click();
    await expect.poll(() => news.evaluate(marksInPage), { timeout: 10_000 }).toEqual(LOOP_MARKS);
    await popup.close();
  });

  test('in Chinese: the card and the popup (screenshots)', async () => {
    const library = await firefox.openExtensionPage('options.html');
    await library.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser.storage.local.set({
        uiLanguage: 'zh',
      }),
    );
    await firefox.openExtensionPage('options.html', library); // the language is read when the page loads
    await expect.poll(() => library.evaluate(() => document.querySelector('h1')?.textContent)).toBe('研报库 ReportLens');
    await library.screenshot({ path: `${RESULTS_DIR}firefox-library-page-zh.png`, fullPage: true });
    await library.close();
    await news.bringToFront();
    await news.mouse.move(5, 5);
    await hover(news, '09988.HK');
    await expect.poll(() => firefox.closedShadowText(news, CARD_HOST), { timeout: 10_000 }).toContain('研报库中有 1 篇相关研报');
    await news.screenshot({ path: `${RESULTS_DIR}firefox-hover-card-zh.png` });
    const tabId = await firefox.tabIdOf(`${pages.origin}/loop-news.html`);
    const popup = await firefox.browser.newPage();
    await popup.setViewport({ width: 440, height: 900 });
    await firefox.openExtensionPage(`popup.html?tabId=${String(tabId)}`, popup);
    await expect.poll(() => popup.evaluate(() => document.body.innerText), { timeout: 10_000 }).toContain('风险');
    await popup.screenshot({ path: `${RESULTS_DIR}firefox-popup-zh.png`, fullPage: true });
    await popup.close();
  });
});

/** A web-ext lint finding. */
interface LintFinding {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

/**
 * innerHTML assignments inside libraries we bundle, which the linter cannot tell from ours in minified code:
 * Preact's `dangerouslySetInnerHTML` (we never use it) and DOMPurify setting up its own inert parsing document.
 */
const LIBRARY_INNER_HTML = [/\.innerHTML=\w+\.__html/, /documentElement\.innerHTML=/];

/**
 * pdf.js's own files (its worker, and the chunk of the library page that holds its API): a `Function` constructor
 * used only behind `isEvalSupported` (we pass false, and the extension pages' CSP forbids eval anyway) and a dynamic
 * `import()` of its own worker module. Only these two codes, only in these files.
 */
const PDFJS_FILE = /^(?:pdfjs\/pdf\.worker\.min\.mjs|chunks\/pdf-[\w-]+\.js)$/;
const PDFJS_CODES = new Set(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);

describe('web-ext lint on the Firefox store zip', () => {
  test("no errors or notices; the only warnings are innerHTML inside Preact and DOMPurify, and pdf.js's guarded eval and worker import", async () => {
    const zip = readdirSync(join(ROOT, '.output')).find((name) => /^reportlens-.*-firefox\.zip$/.test(name));
    expect(zip, 'npm run test:e2e builds .output/reportlens-<version>-firefox.zip (wxt zip -b firefox)').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'reportlens-firefox-zip-'));
    try {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(ROOT, '.output', zip!))))) {
        if (name.endsWith('/')) continue;
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes);
      }
      const webExt = join(ROOT, 'node_modules/.bin/web-ext');
      const { stdout } = await promisify(execFile)(webExt, ['lint', '--source-dir', dir, '--output', 'json'], {
        maxBuffer: 16 << 20,
      }).catch(
        // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
        (error: unknown) => ({ stdout: (error as { stdout?: string }).stdout ?? '' }),
      );
      const report = JSON.parse(stdout) as { errors: LintFinding[]; notices: LintFinding[]; warnings: LintFinding[] };
      expect(report.errors).toEqual([]);
      expect(report.notices).toEqual([]);
      const unexplained = report.warnings.filter((warning) => {
        if (warning.file && PDFJS_FILE.test(warning.file) && PDFJS_CODES.has(warning.code)) return false;
        if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || !warning.column) return true;
        const line = readFileSync(join(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
        const around = line.slice(Math.max(0, warning.column - 60), warning.column + 60);
        return !LIBRARY_INNER_HTML.some((pattern) => pattern.test(around));
      });
      expect(unexplained).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { serveCorpusPages } from '../support/serve-corpus-pages';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../support/shared-corpus';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const DEMO = fileURLToPath(new URL('../../assets/demo-library/', import.meta.url));

/** A real page about a security the demo library has reports on, per interface language. */
const CASES = [
  { lang: 'zh-CN', tag: 'zh', file: '163_netease/gne_tests_163_7_amazon_pdd.html', subject: 'US:AMZN' },
  { lang: 'en-US', tag: 'en', file: 'seattletimes/readability_seattletimes_2019-04_amazon_whole_foods.html', subject: 'US:AMZN' },
] as const;

describe.skipIf(!SHARED_AVAILABLE)(`marks and the popup on real pages (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  let browser: ExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  test.each(CASES)(
    '$tag: $file is marked and the popup lists its subject first',
    async ({ lang, tag, file, subject }) => {
      await browser?.close();
      browser = await launchWithExtension({ lang });
      const served = await serveCorpusPages(sharedPath('corpus', 'pages'));
      try {
        const library = await browser.context.newPage();
        await library.goto(browser.pageUrl('options.html'));
        await library.getByTestId('import-files').setInputFiles(readdirSync(DEMO).map((name) => join(DEMO, name)));
        await library.getByTestId('import-summary').waitFor();
        await library.close();

        const page = await browser.context.newPage();
        await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
        const url = `${served.origin}/${file}`;
        await page.goto(url, { waitUntil: 'load' });
        await expect.poll(async () => (await markedTexts(page))?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
        // Some saved pages hide their body until a script of theirs runs (anti-flicker snippets); scripts are off here,
        // so show it as that script would. The lens reads such a page anyway (see visible-text-nodes.ts).
        await page.addStyleTag({ content: 'body { visibility: visible !important; opacity: 1 !important; }' });
        // The first mark in the article, in view.
        await page.evaluate(() => {
          const first = [...(CSS.highlights.get('reportlens-mark') ?? [])][0];
          (first?.startContainer.parentElement as HTMLElement | undefined)?.scrollIntoView({ block: 'center' });
        });
        await page.screenshot({ path: `${RESULTS_DIR}page-marks-${tag}.png` });

        const tabId = await browser.tabIdOf(url);
        const popup = await browser.context.newPage();
        await popup.setViewportSize({ width: 440, height: 700 });
        await popup.goto(browser.pageUrl(`popup.html?tabId=${tabId}`));
        const sections = popup.locator('section.rl-security');
        await expect.poll(() => sections.count(), { timeout: 10_000 }).toBeGreaterThan(0);
        expect(await sections.first().getAttribute('aria-label')).toContain(subject);
        await popup.screenshot({ path: `${RESULTS_DIR}popup-subject-first-${tag}.png`, fullPage: true });
        await popup.close();
        await page.close();
      } finally {
        await served.close();
      }
    },
    120_000,
  );
});

/**
 * `npm start` (after `scripts/start-demo.ts` checked for a display and built): opens Chromium with the built extension
 * (the e2e build, which may also read 127.0.0.1), loads the demo library through the library page, and opens a demo
 * news page to hover. For a person at a desktop; close the browser window to stop. `--headless` runs the same steps
 * without a window (to check it works on a server) and prints the securities the page names and the words marked.
 */
import { launchWithExtension } from './launch-extension';
import { markedTexts } from './page-marks';
import { servePages } from './serve-pages';
import { tabPageSecurities } from './tab-page-securities';

const headless = process.argv.includes('--headless');

const pages = await servePages();
const browser = await launchWithExtension({ headless });
const library = await browser.context.newPage();
await library.goto(browser.pageUrl('options.html'));
await library.getByRole('button', { name: 'Load the demo library' }).click();
await library.getByTestId('import-summary').waitFor();
console.log(`Demo library: ${await library.getByTestId('import-summary').textContent()}`);
const news = await browser.context.newPage();
await news.goto(`${pages.origin}/demo-market-news.html`);
console.log(`Extension ${browser.extensionId} loaded. Hover the underlined names on ${pages.origin}/demo-market-news.html`);

if (headless) {
  await news.waitForFunction(() => CSS.highlights.get('reportlens-mark')?.size, undefined, { timeout: 10_000 });
  const words = (await markedTexts(news)) ?? [];
  const tabId = await browser.tabIdOf(news.url());
  const found = tabId === undefined ? undefined : await tabPageSecurities(browser, tabId);
  console.log(`Marked ${words.length} mentions on the demo page.`);
  console.log('Securities the page names (its own first; mentions in brackets):');
  for (const security of found?.securities ?? []) console.log(`  ${security.id}  ${security.name}  (${security.count})`);
  console.log('Words marked (in order of first appearance, ×N when marked N times):');
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  console.log(`  ${[...counts].map(([word, n]) => (n > 1 ? `${word} ×${n}` : word)).join(' · ')}`);
  await browser.close();
  await pages.close();
} else {
  browser.context.on('close', () => void pages.close());
}

/**
 * `npm start`: opens Chromium with the built extension (the e2e build, which may also read 127.0.0.1), loads the
 * demo library through the library page, and opens a demo news page to hover. For a person at a desktop; close the
 * browser window to stop. `--headless` runs the same steps without a window (to check it works on a server).
 */
import { launchWithExtension } from './launch-extension';
import { servePages } from './serve-pages';

const headless = process.argv.includes('--headless');
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('No display found (DISPLAY is unset). Run this on a desktop, or use `npm start -- --headless` to check the set-up.');
  process.exit(1);
}

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
  const marks = await news.waitForFunction(() => CSS.highlights.get('reportlens-mark')?.size, undefined, { timeout: 10_000 });
  console.log(`Marked ${await marks.jsonValue()} mentions on the demo page.`);
  await browser.close();
  await pages.close();
} else {
  browser.context.on('close', () => void pages.close());
}

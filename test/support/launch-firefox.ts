import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';

/** Debian's Firefox ESR (153 here: the CSS Custom Highlight API the marks use); `.ci/run` installs it when missing. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox build with host access to 127.0.0.1 (`wxt build -b firefox --mode e2e`). */
export const FIREFOX_E2E_DIR = fileURLToPath(new URL('../../.output/firefox-mv2-e2e', import.meta.url));
/** Our add-on id (`browser_specific_settings.gecko.id` in wxt.config.ts). */
const ADDON_ID = 'reportlens@reportlens.invalid';
/**
 * How long to wait for WebDriver BiDi to report a navigation to an extension page: Firefox never reports their load
 * to Puppeteer, so the wait always runs out and the page is checked directly instead.
 */
const EXTENSION_NAVIGATION_MS = 1_500;

/** A node as WebDriver BiDi serialises it (closed shadow roots included when asked). */
interface BidiNode {
  type: string;
  value?: { nodeType: number; localName?: string; nodeValue?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

/** The BiDi session under Puppeteer (not part of its typed API); used for what Puppeteer does not offer. */
interface BidiConnection {
  send(method: 'script.evaluate', params: object): Promise<{ result: { type: string; result?: BidiNode } }>;
}

/** Firefox with our add-on installed temporarily. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/<path>` */
  pageUrl(path: string): string;
  /** A new tab showing one of our pages (`options.html`, `popup.html?tabId=N`), loaded. */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  /** The id of the tab showing `url`, asked of an extension page. */
  tabIdOf(url: string): Promise<number | undefined>;
  /** The text in the closed shadow root of `<hostName>` in `page`, or undefined when there is no such host. */
  closedShadowText(page: Page, hostName: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox ESR over WebDriver BiDi (Puppeteer) and installs the add-on temporarily. Its internal UUID is
 * fixed by a preference so extension pages have a known address; `--remote-allow-system-access` lets WebDriver open
 * `moz-extension://` pages (Firefox 153 refuses them otherwise).
 */
export async function launchFirefoxWithExtension(options: { extensionDir?: string; locale?: string } = {}): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      ...(options.locale ? { 'intl.locale.requested': options.locale, 'intl.accept_languages': options.locale } : {}),
    },
  });
  await browser.installExtension(options.extensionDir ?? FIREFOX_E2E_DIR);
  const pageUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  const openExtensionPage = async (path: string, reuse?: Page) => {
    const page = reuse ?? (await browser.newPage());
    await page.goto(pageUrl(path), { timeout: EXTENSION_NAVIGATION_MS }).catch((error: unknown) => {
      if (!(error instanceof TimeoutError)) throw error;
    });
    await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, pageUrl(path));
    return page;
  };

  let helper: Page | undefined;
  return {
    browser,
    pageUrl,
    openExtensionPage,
    async tabIdOf(url) {
      helper ??= await openExtensionPage('options.html');
      // tabs.query's `url` is a match pattern, which cannot name a port: filter here instead.
      return helper.evaluate(async (tabUrl) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } })
          .browser;
        return (await api.tabs.query({})).find((tab) => tab.url === tabUrl)?.id;
      }, url);
    },
    async closedShadowText(page, hostName) {
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      const { result } = await connection.send('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(hostName)})`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 64, includeShadowTree: 'all' },
      });
      const shadow = result.result?.value?.shadowRoot;
      if (!shadow) return undefined;
      const parts: string[] = [];
      const collect = (node: BidiNode) => {
        if (node.value?.nodeType === 3) parts.push(node.value.nodeValue ?? '');
        if (node.value?.localName === 'style') return;
        for (const child of node.value?.children ?? []) collect(child);
      };
      collect(shadow);
      return parts.join(' ').replace(/\s+/g, ' ').trim();
    },
    close: () => browser.close(),
  };
}

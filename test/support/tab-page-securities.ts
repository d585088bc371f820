import type { PageSecurities, TabDictionary } from '../../lib/messaging/protocol';
import { setWorkerStorage } from './extension-session';
import type { ExtensionBrowser } from './launch-extension';

/**
 * Asks a tab's content script for its page securities, as the popup does (`getPageSecurities`), from the worker:
 * the message in @webext-core/messaging's shape (`{ id, type, data, timestamp }`, answered `{ res }` or `{ err }`).
 */
export async function tabPageSecurities(browser: ExtensionBrowser, tabId: number): Promise<PageSecurities | undefined> {
  const answer = await browser.worker.evaluate(
    (tab) =>
      new Promise<{ res?: unknown } | undefined>((resolve) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            tabs: { sendMessage(tab: number, message: unknown, reply: (answer: unknown) => void): void };
            runtime: { lastError?: unknown };
          };
        };
        chrome.tabs.sendMessage(tab, { id: 1, type: 'getPageSecurities', data: undefined, timestamp: Date.now() }, (reply) => {
          resolve(chrome.runtime.lastError ? undefined : (reply as { res?: unknown }));
        });
      }),
    tabId,
  );
  return answer?.res as PageSecurities | undefined;
}

/** Turns the "mark every known security" setting on or off, as the library page's switch does. */
export const setMarkAll = (browser: ExtensionBrowser, on: boolean) => setWorkerStorage(browser, { markAllKnown: on });

/** The tab dictionary the worker sends content scripts now (asked from an extension page, as a tab asks it). */
export async function fetchTabDictionary(browser: ExtensionBrowser): Promise<TabDictionary> {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.pageUrl('popup.html'));
    const answer = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown }> } };
      };
      return chrome.runtime.sendMessage({ id: 1, type: 'getTabDictionary', data: undefined, timestamp: Date.now() });
    });
    if (!answer?.res) throw new Error(`getTabDictionary failed: ${JSON.stringify(answer?.err)}`);
    return answer.res as TabDictionary;
  } finally {
    await page.close();
  }
}

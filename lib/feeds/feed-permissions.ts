import { browser } from 'wxt/browser';
import { addedSites } from '../settings/site-settings';

/**
 * The host permission a subscription asks for: its host, on its scheme. Match patterns carry no port, so a feed at
 * `http://127.0.0.1:8080` asks for `http://127.0.0.1/*`.
 */
export const feedPattern = (origin: string) => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};

/** Asks the browser for one feed's origin. Call it straight from the click: the browser asks only within a user gesture. */
export const requestFeedOrigin = (origin: string) => browser.permissions.request({ origins: [feedPattern(origin)] });

/**
 * Gives a feed's origin back once nothing needs it: no other subscription on it (checked by the caller) and no site
 * the user added for the content script covering it. A permission the manifest requires cannot be removed: ignored.
 */
export async function releaseFeedOrigin(origin: string): Promise<void> {
  const host = new URL(origin).hostname;
  if ((await addedSites()).some((site) => host === site || host.endsWith(`.${site}`))) return;
  await browser.permissions.remove({ origins: [feedPattern(origin)] }).catch(() => false);
}

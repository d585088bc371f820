import { browser } from 'wxt/browser';
import { addedSites, setAddedSites } from '../settings/site-settings';

/** The content script as WXT builds it; the worker registers the same file for the sites the user added. */
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
/** Id of our one dynamic registration, which lists every added site. */
const ADDED_SITES_SCRIPT_ID = 'reportlens-added-sites';

/**
 * The domain of what a user typed to add a site: `example.com` from `https://www.Example.com/quotes`,
 * `Example.com` or `*.example.com`; undefined when it is no host name.
 */
export function siteDomain(input: string): string | undefined {
  let host = input.trim().toLowerCase().replace(/^\*\./, '');
  try {
    host = new URL(/^[a-z][a-z\d+.-]*:\/\//.test(host) ? host : `https://${host}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, '');
  return /^(?=.{1,253}$)([a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)(\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/.test(host) ? host : undefined;
}

/** The match pattern of a domain and its subdomains, on http and https. */
export const sitePattern = (domain: string) => `*://*.${domain}/*`;

/**
 * Asks the browser for access to one more site and, when granted, records it so the worker runs the content script
 * there. Call it straight from a click: the browser only asks within a user gesture.
 */
export async function addSite(domain: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [sitePattern(domain)] });
  if (granted) await setAddedSites([...(await addedSites()), domain]);
  return granted;
}

/** Forgets an added site and gives its access back. */
export async function removeSite(domain: string): Promise<void> {
  await setAddedSites((await addedSites()).filter((site) => site !== domain));
  // A permission the manifest requires cannot be removed (the e2e build requires its test hosts): nothing to give back.
  await browser.permissions.remove({ origins: [sitePattern(domain)] }).catch(() => false);
}

/** The added sites whose access is still granted (the user can revoke it in the browser's settings). */
export async function grantedAddedSites(): Promise<string[]> {
  const sites = await addedSites();
  const granted = await Promise.all(sites.map((site) => browser.permissions.contains({ origins: [sitePattern(site)] })));
  return sites.filter((_, i) => granted[i]);
}

/**
 * Worker: makes the registered content script match exactly the granted added sites. Runs at start-up and whenever
 * the list or a permission changes; registrations persist across browser restarts.
 */
export async function syncAddedSiteScripts(): Promise<string[]> {
  const sites = await grantedAddedSites();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [ADDED_SITES_SCRIPT_ID] });
  if (sites.length) {
    await browser.scripting.registerContentScripts([
      {
        id: ADDED_SITES_SCRIPT_ID,
        matches: sites.map(sitePattern),
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return sites;
}

import { asStrings, readSetting, watchSetting, writeSetting } from './stored-setting';

/** Hosts or domains marking is off on: `finance.sina.com.cn` (one host, from the popup) or `sina.com.cn` (a domain). */
const DISABLED_SITES_KEY = 'disabledSites';
/** Domains beyond the default finance sites the user allowed (`example.com`); the worker runs the content script there. */
const ADDED_SITES_KEY = 'addedSites';

/** Whether `host` is `site` or one of its subdomains. */
export const isOnSite = (host: string, site: string): boolean => host === site || host.endsWith(`.${site}`);

/** The hosts and domains marking is off on. */
export async function disabledSites(): Promise<string[]> {
  return asStrings(await readSetting(DISABLED_SITES_KEY));
}

/** Whether marking runs on `host`: on unless the user turned off the host or a domain it belongs to. */
export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSites()).some((site) => isOnSite(host, site));
}

/**
 * Turns marking on or off for a host or domain. Turning a host on also lifts the switch of any domain above it, so
 * the popup's toggle always does what it shows.
 */
export async function setSiteEnabled(site: string, enabled: boolean): Promise<void> {
  const disabled = new Set(await disabledSites());
  if (enabled) for (const entry of disabled) if (isOnSite(site, entry)) disabled.delete(entry);
  if (!enabled) disabled.add(site);
  await writeSetting(DISABLED_SITES_KEY, [...disabled].sort());
}

/** Calls `onChange` with the new list whenever it changes; returns the function that stops watching. */
export function watchDisabledSites(onChange: (disabled: string[]) => void): () => void {
  return watchSetting(DISABLED_SITES_KEY, (value) => onChange(asStrings(value)));
}

/** The domains the user added (each also needs its host permission, see `lib/permissions/added-sites.ts`). */
export async function addedSites(): Promise<string[]> {
  return asStrings(await readSetting(ADDED_SITES_KEY));
}

export async function setAddedSites(sites: readonly string[]): Promise<void> {
  await writeSetting(ADDED_SITES_KEY, [...new Set(sites)].sort());
}

export function watchAddedSites(onChange: (sites: string[]) => void): () => void {
  return watchSetting(ADDED_SITES_KEY, (value) => onChange(asStrings(value)));
}

import { browser } from 'wxt/browser';

/**
 * Hosts where the user turned marking off (`finance.sina.com.cn`), under one key of the extension's own storage:
 * the content script may read it, no page can, only the popup writes it. Plain `storage.local` calls rather than a
 * storage library, to keep the content script small.
 */
const DISABLED_SITES_KEY = 'disabledSites';

/** The hosts marking is off on. */
export async function disabledSites(): Promise<string[]> {
  const value: unknown = (await browser.storage.local.get(DISABLED_SITES_KEY))[DISABLED_SITES_KEY];
  return Array.isArray(value) ? value.filter((host): host is string => typeof host === 'string') : [];
}

/** Whether marking runs on `host`. */
export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSites()).includes(host);
}

/** Turns marking on or off for one host. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const disabled = new Set(await disabledSites());
  if (enabled) disabled.delete(host);
  else disabled.add(host);
  await browser.storage.local.set({ [DISABLED_SITES_KEY]: [...disabled].sort() });
}

/** Calls `onChange` with the new list whenever it changes; returns the function that stops watching. */
export function watchDisabledSites(onChange: (disabled: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DISABLED_SITES_KEY in changes)) return;
    const value = changes[DISABLED_SITES_KEY]?.newValue;
    onChange(Array.isArray(value) ? value.filter((host): host is string => typeof host === 'string') : []);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Whether tabs mark every security the extension knows (the bundled list), not only those with reports. */
const MARK_ALL_KEY = 'markAllKnown';

/** The "mark every known security" setting; off unless the user turned it on. */
export async function markAllKnown(): Promise<boolean> {
  return (await browser.storage.local.get(MARK_ALL_KEY))[MARK_ALL_KEY] === true;
}

/** Turns "mark every known security" on or off. */
export async function setMarkAllKnown(on: boolean): Promise<void> {
  await browser.storage.local.set({ [MARK_ALL_KEY]: on });
}

/** Calls `onChange` whenever the setting changes; returns the function that stops watching. */
export function watchMarkAllKnown(onChange: (on: boolean) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && MARK_ALL_KEY in changes) onChange(changes[MARK_ALL_KEY]?.newValue === true);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

import { browser } from 'wxt/browser';

/**
 * The user's settings for marks on pages, each under one key of the extension's own storage: the content script may
 * read them, no page can, only extension pages write them. Plain `storage.local` calls rather than a storage library,
 * to keep the content script small.
 */
const DISABLED_SITES_KEY = 'disabledSites';
/** Whether tabs mark every security the extension knows (the bundled list), not only those with reports. */
const MARK_ALL_KEY = 'markAllKnown';

/** A stored host list, whatever was stored: only strings survive. */
const asHosts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((host): host is string => typeof host === 'string') : [];

/** Calls `onChange` with a key's new value whenever it changes; returns the function that stops watching. */
function watchKey(key: string, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

const read = async (key: string): Promise<unknown> => (await browser.storage.local.get(key))[key];

/** The hosts marking is off on (`finance.sina.com.cn`). */
export async function disabledSites(): Promise<string[]> {
  return asHosts(await read(DISABLED_SITES_KEY));
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
  return watchKey(DISABLED_SITES_KEY, (value) => onChange(asHosts(value)));
}

/** The "mark every known security" setting; off unless the user turned it on. */
export async function markAllKnown(): Promise<boolean> {
  return (await read(MARK_ALL_KEY)) === true;
}

/** Turns "mark every known security" on or off. */
export async function setMarkAllKnown(on: boolean): Promise<void> {
  await browser.storage.local.set({ [MARK_ALL_KEY]: on });
}

/** Calls `onChange` whenever the setting changes; returns the function that stops watching. */
export function watchMarkAllKnown(onChange: (on: boolean) => void): () => void {
  return watchKey(MARK_ALL_KEY, (value) => onChange(value === true));
}

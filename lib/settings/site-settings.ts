import { storage } from 'wxt/utils/storage';

/**
 * Hosts where the user turned marking off (`finance.sina.com.cn`). Kept in the extension's own storage, which the
 * content script may read but no page can; only the popup writes it.
 */
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** Whether marking runs on `host`. */
export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSitesItem.getValue()).includes(host);
}

/** Turns marking on or off for one host. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const disabled = new Set(await disabledSitesItem.getValue());
  if (enabled) disabled.delete(host);
  else disabled.add(host);
  await disabledSitesItem.setValue([...disabled].sort());
}

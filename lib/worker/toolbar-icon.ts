import { isOnSite } from '../settings/site-settings';

/** Toolbar icon paths by size (rendered by scripts/render-icons.ts from assets/icon.svg). */
export type ToolbarIconPaths = Record<16 | 32, string>;

/** The usual toolbar icon. */
export const TOOLBAR_ICON_ON: ToolbarIconPaths = { 16: '/icon/16.png', 32: '/icon/32.png' };
/** The greyed toolbar icon of a tab whose site the user switched off (the popup's switch, or the library's list). */
export const TOOLBAR_ICON_OFF: ToolbarIconPaths = { 16: '/icon-off/16.png', 32: '/icon-off/32.png' };

/**
 * The toolbar icon for a tab at `url`, given the switched-off sites. A tab whose address we cannot read (no access to
 * its site: we do not run there) keeps the usual icon.
 */
export function toolbarIconFor(url: string | undefined, disabledSites: readonly string[]): ToolbarIconPaths {
  if (!url || !URL.canParse(url)) return TOOLBAR_ICON_ON;
  const { hostname, protocol } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return TOOLBAR_ICON_ON;
  return disabledSites.some((site) => isOnSite(hostname, site)) ? TOOLBAR_ICON_OFF : TOOLBAR_ICON_ON;
}

/** The tab fields the icon depends on. */
export interface IconTab {
  id?: number;
  url?: string;
}

/** Sets each tab's toolbar icon for the switched-off sites; a tab that closed meanwhile is skipped. */
export async function showSiteSwitches(
  setIcon: (details: { tabId: number; path: ToolbarIconPaths }) => Promise<void>,
  tabs: readonly IconTab[],
  disabledSites: readonly string[],
): Promise<void> {
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id !== undefined) await setIcon({ tabId: id, path: toolbarIconFor(url, disabledSites) }).catch(() => undefined);
    }),
  );
}

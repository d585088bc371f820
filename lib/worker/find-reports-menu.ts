import { translator } from '../i18n/messages';
import { languageChoice, resolveLocale, watchLanguageChoice } from '../settings/display-settings';

/** Id of the context-menu item on selected text. */
export const FIND_REPORTS_MENU = 'find-reports';

/** The menu's title in the interface language (the user's choice, else the browser's). */
async function menuTitle(): Promise<string> {
  return translator(resolveLocale(await languageChoice(), navigator.languages))('menu.findReports');
}

/**
 * Creates "Find reports on “…”" on selected text, titled in the interface language, and retitles it when the user
 * changes the language. Call at install: the browser keeps context menus across worker restarts.
 */
export async function createFindReportsMenu(): Promise<void> {
  browser.contextMenus.create({ id: FIND_REPORTS_MENU, title: await menuTitle(), contexts: ['selection'] });
}

/** Keeps the menu's title in the interface language; returns the unwatch. */
export function watchFindReportsMenuLanguage(): () => void {
  return watchLanguageChoice(() => void menuTitle().then((title) => browser.contextMenus.update(FIND_REPORTS_MENU, { title })));
}

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguageChoice } from '../settings/display-settings';
import { createFindReportsMenu, FIND_REPORTS_MENU, watchFindReportsMenuLanguage } from './find-reports-menu';

beforeEach(() => {
  fakeBrowser.reset();
  // The worker's browser language (Node 20 has no navigator).
  vi.stubGlobal('navigator', { languages: ['en-US'] });
  // The fake browser has no context menus: record what the worker asks for.
  fakeBrowser.contextMenus.create = vi.fn(() => FIND_REPORTS_MENU);
  fakeBrowser.contextMenus.update = vi.fn(async () => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

test.each([
  ['zh', '查找关于「%s」的研报'],
  ['en', 'Find reports on “%s”'],
] as const)('the menu is titled in the chosen language: %s', async (choice, title) => {
  await setLanguageChoice(choice);
  await createFindReportsMenu();
  expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith({ id: FIND_REPORTS_MENU, title, contexts: ['selection'] });
});

test('a new language choice retitles the menu', async () => {
  await setLanguageChoice('en');
  const stop = watchFindReportsMenuLanguage();
  await setLanguageChoice('zh');
  await vi.waitFor(() =>
    expect(fakeBrowser.contextMenus.update).toHaveBeenCalledWith(FIND_REPORTS_MENU, { title: '查找关于「%s」的研报' }),
  );
  stop();
});

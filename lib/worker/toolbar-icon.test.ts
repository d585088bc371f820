import { expect, test } from 'vitest';
import { showSiteSwitches, TOOLBAR_ICON_OFF, TOOLBAR_ICON_ON, toolbarIconFor } from './toolbar-icon';

test.each([
  ['https://quote.eastmoney.com/sh600519.html', ['quote.eastmoney.com'], TOOLBAR_ICON_OFF],
  ['https://quote.eastmoney.com/sh600519.html', ['eastmoney.com'], TOOLBAR_ICON_OFF],
  ['https://finance.sina.com.cn/x', ['eastmoney.com'], TOOLBAR_ICON_ON],
  ['https://noteastmoney.com/', ['eastmoney.com'], TOOLBAR_ICON_ON],
  ['https://quote.eastmoney.com/', [], TOOLBAR_ICON_ON],
  [undefined, ['eastmoney.com'], TOOLBAR_ICON_ON],
  ['chrome://extensions', ['extensions'], TOOLBAR_ICON_ON],
  ['not a url', ['eastmoney.com'], TOOLBAR_ICON_ON],
] as const)('%s with %j switched off → %o', (url, disabled, icon) => {
  expect(toolbarIconFor(url, disabled)).toEqual(icon);
});

test('every tab gets its icon; a tab without id is skipped and a closed tab does not stop the others', async () => {
  const set: [number, unknown][] = [];
  await showSiteSwitches(
    async ({ tabId, path }) => {
      if (tabId === 2) throw new Error('No tab with id: 2');
      set.push([tabId, path]);
      await Promise.resolve();
    },
    [{ id: 1, url: 'https://xueqiu.com/S/SH600519' }, { id: 2, url: 'https://xueqiu.com/' }, { url: 'https://xueqiu.com/' }, { id: 3 }],
    ['xueqiu.com'],
  );
  expect(set).toEqual([
    [1, TOOLBAR_ICON_OFF],
    [3, TOOLBAR_ICON_ON],
  ]);
});

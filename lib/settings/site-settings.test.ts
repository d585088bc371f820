import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled, setSiteEnabled } from './site-settings';

beforeEach(() => fakeBrowser.reset());

test('a site is on until the user turns it off, and back on', async () => {
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(true);
  await setSiteEnabled('finance.sina.com.cn', false);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(false);
  expect(await isSiteEnabled('quote.eastmoney.com')).toBe(true);
  await setSiteEnabled('finance.sina.com.cn', true);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(true);
});

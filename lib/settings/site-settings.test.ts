import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSiteEnabled, setSiteEnabled, watchDisabledSites } from './site-settings';

beforeEach(() => fakeBrowser.reset());

test('a site is on until the user turns it off, and back on', async () => {
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(true);
  await setSiteEnabled('finance.sina.com.cn', false);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(false);
  expect(await isSiteEnabled('quote.eastmoney.com')).toBe(true);
  await setSiteEnabled('finance.sina.com.cn', true);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(true);
});

test('watchers hear about changes until they stop watching', async () => {
  const heard: string[][] = [];
  const stop = watchDisabledSites((disabled) => heard.push(disabled));
  await setSiteEnabled('a.example', false);
  await setSiteEnabled('b.example', false);
  stop();
  await setSiteEnabled('a.example', true);
  expect(heard).toEqual([['a.example'], ['a.example', 'b.example']]);
});

test('a domain switched off covers its subdomains; turning one host back on lifts the domain switch', async () => {
  await setSiteEnabled('sina.com.cn', false);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(false);
  expect(await isSiteEnabled('sina.com.cn')).toBe(false);
  expect(await isSiteEnabled('notsina.com.cn')).toBe(true);
  await setSiteEnabled('finance.sina.com.cn', true);
  expect(await isSiteEnabled('finance.sina.com.cn')).toBe(true);
});

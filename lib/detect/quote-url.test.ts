import { expect, test } from 'vitest';
import { securityOfQuoteUrl } from './quote-url';

test.each([
  ['https://quote.eastmoney.com/sh600519.html', 'SH:600519'],
  ['https://quote.eastmoney.com/sz300308.html?from=x', 'SZ:300308'],
  ['http://quote.eastmoney.com/unify/r/116.09988', 'HK:09988'],
  ['http://quote.eastmoney.com/unify/r/105.AMZN', 'US:AMZN'],
  ['https://quote.eastmoney.com/hk/00700.html', 'HK:00700'],
  ['https://quote.eastmoney.com/us/BABA.html', 'US:BABA'],
  ['https://finance.yahoo.com/quote/AMZN/', 'US:AMZN'],
  ['https://finance.yahoo.com/quote/9988.HK/', 'HK:09988'],
  ['https://finance.yahoo.com/quote/600519.SS', 'SH:600519'],
  ['https://finance.yahoo.com/quote/BRK-B/history', 'US:BRK.B'],
  ['https://finance.yahoo.com/news/some-story.html', undefined],
  ['https://www.eastmoney.com/', undefined],
  ['not a url', undefined],
])('%s → %s', (url, id) => {
  expect(securityOfQuoteUrl(url)).toBe(id);
});

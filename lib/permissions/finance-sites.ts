/**
 * Sites the content script runs on by default: quote pages and financial news that readers of broker research visit.
 * Every other site needs the user's grant (optional host permissions), so the extension reads no page it was not
 * asked to.
 */
export const FINANCE_SITE_MATCHES = [
  '*://*.eastmoney.com/*',
  '*://*.xueqiu.com/*',
  '*://*.sina.com.cn/*',
  '*://*.10jqka.com.cn/*',
  '*://*.futunn.com/*',
  '*://*.futuhk.com/*',
  '*://*.stcn.com/*',
  '*://*.cls.cn/*',
  '*://*.yicai.com/*',
  '*://*.caixin.com/*',
  '*://*.wallstreetcn.com/*',
  '*://*.hexun.com/*',
  '*://*.163.com/*',
  '*://finance.yahoo.com/*',
  '*://www.google.com/finance/*',
  '*://*.nasdaq.com/*',
  '*://*.marketwatch.com/*',
  '*://*.cnbc.com/*',
  '*://*.seekingalpha.com/*',
  '*://*.tradingview.com/*',
  '*://*.investing.com/*',
  '*://*.reuters.com/*',
  '*://*.bloomberg.com/*',
  '*://*.ft.com/*',
  '*://*.wsj.com/*',
];

/** Pages served by our end-to-end tests and the demo browser; only the `e2e` build mode adds them. */
export const LOCAL_TEST_MATCHES = ['http://127.0.0.1/*'];

/**
 * A site the end-to-end tests add through the library page (`localhost`, the same test server): the `e2e` build
 * grants its access up front, since a headless browser cannot answer the permission prompt.
 */
export const LOCAL_TEST_ADDED_SITE = '*://*.localhost/*';

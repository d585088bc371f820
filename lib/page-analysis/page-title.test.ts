import { expect, test } from 'vitest';
import { hostName, splitPageTitle } from './page-title';

test.each<[string, string[], { headline: string; topics: string[]; site: string }]>([
  [
    '苹果发布新iPhone 11：64GB售5499元|苹果|新品_电信_新浪科技_新浪网',
    [],
    { headline: '苹果发布新iPhone 11：64GB售5499元', topics: ['苹果', '新品', '电信', '新浪科技'], site: '新浪网' },
  ],
  ['AAPL - Google Search', [], { headline: 'AAPL', topics: [], site: 'Google Search' }],
  [
    '交通运输部：着力打造京津冀区域综合立体交通网络-股票频道-和讯网',
    [],
    { headline: '交通运输部：着力打造京津冀区域综合立体交通网络', topics: ['股票频道'], site: '和讯网' },
  ],
  ['Coca-Cola raises its dividend', [], { headline: 'Coca-Cola raises its dividend', topics: [], site: '' }],
  [
    'Petróleo Brasileiro S.A. - Petrobras (PETR4): Google Finanças',
    ['google'],
    { headline: 'Petróleo Brasileiro S.A.', topics: [], site: 'Petrobras (PETR4): Google Finanças' },
  ],
  ['Petrobras PN (PETR4): Google Finanças', ['google'], { headline: 'Petrobras PN (PETR4)', topics: [], site: 'Google Finanças' }],
  ['Apple: results beat estimates', ['google'], { headline: 'Apple: results beat estimates', topics: [], site: '' }],
  [
    'Alibaba: A Buy After Earnings? | Seeking Alpha',
    ['seekingalpha'],
    { headline: 'Alibaba: A Buy After Earnings?', topics: [], site: 'Seeking Alpha' },
  ],
  [
    '收评：沪指暴跌5.77%失守3700 本周累计跌12.07%_网易财经',
    ['163'],
    { headline: '收评：沪指暴跌5.77%失守3700 本周累计跌12.07%', topics: [], site: '网易财经' },
  ],
  ['No separators here', [], { headline: 'No separators here', topics: [], site: '' }],
])('%s', (title, siteNames, parts) => {
  expect(splitPageTitle(title, siteNames)).toEqual(parts);
});

test.each([
  ['https://www.google.com.br/finance/quote/PETR4:BVMF', 'google'],
  ['https://money.163.com/15/0703/article.html', '163'],
  ['https://finance.sina.com.cn/stock/', 'sina'],
  ['http://127.0.0.1:8080/page.html', undefined],
  ['not a url', undefined],
])('the site name in %s is %s', (url, name) => {
  expect(hostName(url)).toBe(name);
});

import { describe, expect, test } from 'vitest';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { chineseVariantTable, variantsForNames } from '../securities/chinese-variants';
import { createSecurityMatcher } from './find-securities';

const matcher = createSecurityMatcher([
  ...BUNDLED_SECURITIES,
  { id: 'US:A', names: ['Agilent Technologies', 'Agilent'] },
  { id: 'US:IT', names: ['Gartner'] },
]);
const found = (text: string) => matcher.find(text).map((m) => [m.text, m.id, m.rule]);

describe('createSecurityMatcher', () => {
  test.each([
    [
      '阿里巴巴（09988.HK）开盘后震荡上行',
      [
        ['阿里巴巴', 'HK:09988', 'name'],
        ['09988.HK', 'HK:09988', 'exchange-code'],
      ],
    ],
    [
      'Amazon (NASDAQ: AMZN) slipped',
      [
        ['Amazon', 'US:AMZN', 'name'],
        ['AMZN', 'US:AMZN', 'exchange-prefix'],
      ],
    ],
    ['buy $AMZN now', [['$AMZN', 'US:AMZN', 'cashtag']]],
    [
      '贵州茅台(600519.SH)与 sh600519',
      [
        ['贵州茅台', 'SH:600519', 'name'],
        ['600519.SH', 'SH:600519', 'exchange-code'],
        ['sh600519', 'SH:600519', 'exchange-code'],
      ],
    ],
    [
      'Agilent (NYSE: A) beat',
      [
        ['Agilent', 'US:A', 'name'],
        ['A', 'US:A', 'exchange-prefix'],
      ],
    ],
    [
      '亚马逊（AMZN）',
      [
        ['亚马逊', 'US:AMZN', 'name'],
        ['AMZN', 'US:AMZN', 'ticker-in-context'],
      ],
    ],
    [
      '谷歌（GOOGL）',
      [
        ['谷歌', 'US:GOOGL', 'name'],
        ['GOOGL', 'US:GOOGL', 'ticker-in-context'],
      ],
    ],
    [
      '恒生科技指数ETF（3067.HK/3088.HK）',
      [
        ['3067.HK', 'HK:03067', 'exchange-code'],
        ['3088.HK', 'HK:03088', 'exchange-code'],
      ],
    ],
    ['AMZN.O closed higher', [['AMZN.O', 'US:AMZN', 'exchange-code']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    'IT spending rose; ON the other hand AI and CEO pay rose too, while GDP in HK and SH was flat.',
    'IT spending rose; ON the other hand AI, CEO, EPS, GDP, HK and SH…',
    'Revenue was 600519 yuan and the AMZN-like margin',
    'Amazonian rainforest and Googled answers',
    'A strong quarter: EPS up, PE down.',
  ])('no mention in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  test('a bare ticker alone in its text counts only where the caller says a code stands there (a code column)', () => {
    expect(found('AMZN')).toEqual([]);
    expect(matcher.find('AMZN', { codeSlot: true }).map((m) => [m.text, m.id, m.rule])).toEqual([['AMZN', 'US:AMZN', 'ticker-in-context']]);
  });

  test('a bare ticker in prose counts when its company is named in the same text', () => {
    expect(found('Amazon said AMZN would').map(([text]) => text)).toEqual(['Amazon', 'AMZN']);
    expect(found('analysts said AMZN would')).toEqual([]);
  });
});

// The matcher only reads positions whose first two units pass a filter, and skips the rest of a word it rejects: a
// match glued to CJK, starting with a digit or a lowercase letter, or after `$` must still be read, and one inside a
// Latin word must not.
// A ticker in brackets is a code unless it abbreviates the words before it: in the shared corpus's Chinese posts
// 年复合增长率（CAGR）, 客观缓解率（ORR）, 液化天然气（LNG） and 铜精矿粗炼费（TC） linked tickers of unrelated US listings.
describe('bracketed tickers and abbreviations', () => {
  const abbreviations = createSecurityMatcher([
    { id: 'US:CAGR', names: ['California Grapes'] },
    { id: 'US:ORR', names: ['Militia Long/Short Equity ETF'] },
    { id: 'US:LNG', names: ['Cheniere Energy', 'Cheniere'] },
    { id: 'US:AMZN', names: ['Amazon', '亚马逊'] },
    { id: 'US:NVDA', names: ['NVIDIA'] },
    { id: 'SH:600519', names: ['贵州茅台'] },
  ]);
  test.each([
    ['年复合增长率（CAGR）达 30%', []],
    ['客观缓解率（ORR）70%，完全缓解率', []],
    ['液化天然气 (LNG) 进口', []],
    ['《群星纪元》（CAGR）上线', []],
    ['a compound annual growth rate (CAGR) of 12%', []],
    ['the objective response rate (ORR) was 45%', []],
    ['Liquefied Natural Gas (LNG) prices', []],
    ['Secured Overnight Financing Rate (ORR)', [['ORR', 'US:ORR', 'ticker-in-context']]],
    [
      '亚马逊（AMZN）',
      [
        ['亚马逊', 'US:AMZN', 'name'],
        ['AMZN', 'US:AMZN', 'ticker-in-context'],
      ],
    ],
    [
      'Cheniere (LNG) rose',
      [
        ['Cheniere', 'US:LNG', 'name'],
        ['LNG', 'US:LNG', 'ticker-in-context'],
      ],
    ],
    ['chip stocks led (NVDA) today', [['NVDA', 'US:NVDA', 'ticker-in-context']]],
    ['龙头（600519）领涨', [['600519', 'SH:600519', 'ticker-in-context']]],
  ])('%s', (text, expected) => {
    expect(abbreviations.find(text).map((m) => [m.text, m.id, m.rule])).toEqual(expected);
  });
});

describe('where a match may start', () => {
  const glued = createSecurityMatcher([...BUNDLED_SECURITIES, { id: 'US:MMM', names: ['3M'] }]);
  test.each([
    [
      '苹果AAPL涨了',
      [
        ['苹果', 'US:AAPL', 'name'],
        ['AAPL', 'US:AAPL', 'ticker-in-context'],
      ],
    ],
    [
      '阿里巴巴BABA',
      [
        ['阿里巴巴', 'HK:09988', 'name'],
        ['BABA', 'US:BABA', 'ticker-in-context'],
      ],
    ],
    ['买入3M公司', [['3M', 'US:MMM', 'name']]],
    ['bought 3M shares', [['3M', 'US:MMM', 'name']]],
    ['13M units', []],
    ['3Ms', []],
    ['the iQIYI app', [['iQIYI', 'US:IQ', 'name']]],
    [
      '爱奇艺iQIYI',
      [
        ['爱奇艺', 'US:IQ', 'name'],
        ['iQIYI', 'US:IQ', 'name'],
      ],
    ],
    ['xiQIYI', []],
    ['“$AMZN”', [['$AMZN', 'US:AMZN', 'cashtag']]],
    ['US$AMZN', [['$AMZN', 'US:AMZN', 'cashtag']]],
    ['$$AMZN', []],
    ['NASDAQ:AMZN', [['AMZN', 'US:AMZN', 'exchange-prefix']]],
    ['Nasdaq: AMZN', [['AMZN', 'US:AMZN', 'exchange-prefix']]],
    ['XAmazon Amazon', [['Amazon', 'US:AMZN', 'name']]],
    ['Amazon2', []],
    ['x600519.SH', []],
    ['Ash600519', []],
  ])('%s', (text, expected) => {
    expect(glued.find(text).map((m) => [m.text, m.id, m.rule])).toEqual(expected);
  });

  test('bare codes that count are merged into text order', () => {
    expect(glued.find('AMZN，亚马逊（AMZN）与 $AAPL').map((m) => [m.start, m.text])).toEqual([
      [0, 'AMZN'],
      [5, '亚马逊'],
      [9, 'AMZN'],
      [16, '$AAPL'],
    ]);
  });
});

describe('traditional and simplified Chinese', () => {
  const entries = [
    { id: 'HK:00700' as const, names: ['腾讯控股'] },
    { id: 'US:AMZN' as const, names: ['亞馬遜'] },
  ];
  const folding = createSecurityMatcher(entries, { variants: chineseVariantTable() });
  test.each([
    ['騰訊控股公布業績', '騰訊控股', 'HK:00700'],
    ['腾讯控股公布业绩', '腾讯控股', 'HK:00700'],
    ['亚马逊云', '亚马逊', 'US:AMZN'],
    ['騰讯控股', '騰讯控股', 'HK:00700'],
    ['腾訊控股', '腾訊控股', 'HK:00700'],
  ])('%s finds %s as %s', (text, marked, id) => {
    expect(folding.find(text).map((m) => [m.text, m.id])).toEqual([[marked, id]]);
  });
  test('only the pairs the names need go to a tab', () => {
    const pairs = variantsForNames(['腾讯控股']);
    expect(pairs.map(([from, to]) => String.fromCharCode(from) + String.fromCharCode(to)).sort()).toEqual(['訊讯', '騰腾']);
    expect(createSecurityMatcher(entries, { variants: new Map(pairs) }).find('騰訊控股')[0]?.id).toBe('HK:00700');
  });
});

test.each([
  ['$中国平安(SH601318)$ 今日走强', ['SH:601318', 'SH:601318']],
  ['$腾讯控股(00700.HK)$', ['HK:00700', 'HK:00700']],
  ['恒生指数成分 (HK:2015) 上涨', ['HK:02015']],
  ['EDBL.O 盘前大涨', ['US:EDBL']],
])('xueqiu and futu forms in text: %s', (text, ids) => {
  expect(
    createSecurityMatcher(BUNDLED_SECURITIES)
      .find(text)
      .map((m) => m.id),
  ).toEqual(ids);
});

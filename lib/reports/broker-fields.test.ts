import { describe, expect, test } from 'vitest';
import { extractBrokerFields, type SourceLine } from './broker-fields';
import { findRating } from './broker/rating';
import { findCurrentPrice, findTargetPrice } from './broker/prices';
import { findAnalysts, findBroker } from './broker/people';
import { findNoteDate } from './broker/note-date';
import { findForecastTable } from './broker/forecast-table';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, page: 1, line: i + 1 }));

describe('rating and its change, as written', () => {
  test.each([
    ['评级：买入（上调）', { value: '买入', change: '上调' }],
    ['投资评级：增持（维持）　目标价格：1,880.00元', { value: '增持', change: '维持' }],
    ['行业评级：看好（维持）', { value: '看好', change: '维持' }],
    ['投资评级 强烈推荐 首次覆盖', { value: '强烈推荐', change: '首次' }],
    ['我们维持“增持”评级，目标价30元', { value: '增持', change: '维持' }],
    ['首次覆盖，给予“买入”评级', { value: '买入', change: '首次' }],
    ['上调至“买入”评级', { value: '买入', change: '上调' }],
    ['Rating: Overweight', { value: 'Overweight', change: null }],
    ['Rating: Equal-weight (maintained)', { value: 'Equal-weight', change: 'maintained' }],
    ['We reiterate our Overweight rating.', { value: 'Overweight', change: 'reiterate' }],
    ['We upgrade the stock to Buy from Hold.', { value: 'Buy', change: 'upgrade' }],
  ])('%s', (text, expected) => {
    expect(findRating(lines(text))).toMatchObject(expected);
  });

  test('a rating box: the label on one line, the rating on the next', () => {
    expect(findRating(lines('## 投资评级', '评级：买入（上调）'))).toEqual({ value: '买入', change: '上调', page: 1, line: 2 });
    expect(findRating(lines('## Rating', 'Overweight', 'Price target: HK$720.00'))).toEqual({
      value: 'Overweight',
      change: null,
      page: 1,
      line: 2,
    });
  });

  test.each([['投资评级说明'], ['买入：未来6个月内相对强于市场基准指数15%以上'], ['The rating system is explained below.'], ['评级体系']])(
    'no rating in %s',
    (text) => expect(findRating(lines(text))).toBeUndefined(),
  );
});

describe('target and current price, with ISO currency', () => {
  test.each([
    ['目标价：390.50元', { value: 390.5, currency: 'CNY' }],
    ['目标价格：1,880.00元', { value: 1880, currency: 'CNY' }],
    ['给予2026年22倍PE，目标价390.50元', { value: 390.5, currency: 'CNY' }],
    ['目标价 520 港元', { value: 520, currency: 'HKD' }],
    ['Price target: HK$720.00', { value: 720, currency: 'HKD' }],
    ['we lift our price target to HK$720.00 from HK$680.00', { value: 720, currency: 'HKD' }],
    ['Target price: US$215', { value: 215, currency: 'USD' }],
    ['目标价 45.6', { value: 45.6, currency: null }],
  ])('%s', (text, expected) => expect(findTargetPrice(lines(text))).toMatchObject(expected));

  test.each([['目标价对应2026年22倍PE'], ['目标价上调15%'], ['no price here']])('no target in %s', (text) =>
    expect(findTargetPrice(lines(text))).toBeUndefined(),
  );

  test.each([
    ['当前价：306.80元', { value: 306.8, currency: 'CNY' }],
    ['当前股价：1,452.60元', { value: 1452.6, currency: 'CNY' }],
    ['收盘价（2025-11-03）：1,452.60元', { value: 1452.6, currency: 'CNY' }],
    ['Price (13 Nov 2025): HK$628.50', { value: 628.5, currency: 'HKD' }],
    ['The shares closed at HK$628.50 on 13 November.', { value: 628.5, currency: 'HKD' }],
  ])('current %s', (text, expected) => expect(findCurrentPrice(lines(text))).toMatchObject(expected));
});

describe('analysts with licences, broker, date', () => {
  test.each([
    [
      ['分析师：李明远（执业证书编号：S1230520080003）　刘静怡（执业证书编号：S1230522110004）'],
      ['李明远:S1230520080003', '刘静怡:S1230522110004'],
    ],
    [
      ['王立平', '执业证书编号：S0860521070002', '陈晓璐', '执业证书编号：S0860523040001'],
      ['王立平:S0860521070002', '陈晓璐:S0860523040001'],
    ],
    [['分析师 周子健 S0190519060001 zhouzj@example.com'], ['周子健:S0190519060001']],
    [
      ['## Analysts', 'Alex Chen', 'SFC CE Ref: BQK482', 'Grace Liu', '## Stock data'],
      ['Alex Chen:null', 'Grace Liu:null'],
    ],
    [['分析师：张三、李四'], ['张三:null', '李四:null']],
    [['Analyst: Maria Gomez'], ['Maria Gomez:null']],
    [['Analysts: Maria Gomez and John Lee'], ['Maria Gomez:null', 'John Lee:null']],
    // 14 digits is no SAC number.
    [['编号 S08605210700021'], []],
  ])('%j', (texts, expected) => {
    expect(findAnalysts(lines(...texts)).map(({ name, license }) => `${name}:${license}`)).toEqual(expected);
  });

  test.each([
    [['本报告仅供东方证券股份有限公司的客户使用。'], '东方证券'],
    [['本报告由华创证券有限责任公司编制'], '华创证券'],
    [['This report has been prepared by Harbour Lane Securities Limited. Ratings…'], 'Harbour Lane Securities'],
    [['兴业证券|行业深度报告', '正文', '兴业证券|行业深度报告', '中国证券业协会'], '兴业证券'],
  ])('broker of %j', (texts, expected) => expect(findBroker(lines(...texts))?.name).toBe(expected));

  test.each([
    ['食品饮料 | 公司点评报告 | 2025年11月3日', '2025-11-03'],
    ['Asia Pacific Equity Research | 14 November 2025', '2025-11-14'],
    ['November 14, 2025', '2025-11-14'],
    ['2025-10-22', '2025-10-22'],
  ])('date of %s', (text, date) => expect(findNoteDate(lines(text))?.date).toBe(date));

  test('dates in a related-research list are not the note’s date', () => {
    expect(findNoteDate(lines('《宁德时代：半年报点评》2025-07-31', '2025年10月22日'))?.date).toBe('2025-10-22');
  });
});

describe('forecast table', () => {
  test('years and the EPS and P/E rows', () => {
    const table = findForecastTable(
      lines(
        '财务摘要 | 2024A | 2025E | 2026E | 2027E',
        '营业收入（亿元） | 3,620.1 | 4,012.6 | 4,688.3 | 5,360.9',
        '毛利率 | 24% | 25% | 25% | 26%',
        'EPS（元） | 11.58 | 15.04 | 17.75 | 20.57',
        'P/E（倍） | 26.3 | 20.3 | 17.2 | 14.8',
        '风险提示',
      ),
    );
    expect(table).toEqual({
      years: ['2024A', '2025E', '2026E', '2027E'],
      rows: [
        { label: '营业收入（亿元）', values: [3620.1, 4012.6, 4688.3, 5360.9] },
        { label: 'EPS（元）', values: [11.58, 15.04, 17.75, 20.57] },
        { label: 'P/E（倍）', values: [26.3, 20.3, 17.2, 14.8] },
      ],
      page: 1,
      line: 1,
    });
  });

  test('a table of years without EPS or P/E is not a forecast table', () => {
    expect(findForecastTable(lines('指标 | 2024 | 2025', '出货量 | 10 | 12'))).toBeUndefined();
  });
});

describe('extractBrokerFields', () => {
  test('a box line of several labelled values is read value by value', () => {
    expect(
      extractBrokerFields(
        lines('Rating: Outperform (maintained) | Price target: $215.00 | Price (Nov 20, 2025): $182.40 | Analyst: Maria Gomez'),
      ),
    ).toMatchObject({
      rating: { value: 'Outperform', change: 'maintained' },
      targetPrice: { value: 215, currency: 'USD' },
      currentPrice: { value: 182.4, currency: 'USD' },
      analysts: [{ name: 'Maria Gomez', license: null }],
    });
  });

  test('text that states no rating, target or analyst is no broker note', () => {
    expect(extractBrokerFields(lines('今日大盘震荡，成交额放大。', '2025年11月3日'))).toBeUndefined();
  });

  test('rating, target and broker each keep their page and line', () => {
    const body = lines('## 宁德时代', '评级：买入（上调）', '目标价：390.50元');
    const all = [...body, { text: '本报告仅供东方证券股份有限公司的客户使用。', page: 3, line: 7 }];
    expect(extractBrokerFields(body, all)).toMatchObject({
      rating: { value: '买入', change: '上调', page: 1, line: 2 },
      targetPrice: { value: 390.5, currency: 'CNY', page: 1, line: 3 },
      broker: { name: '东方证券', page: 3, line: 7 },
    });
  });
});

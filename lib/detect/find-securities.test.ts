import { describe, expect, test } from 'vitest';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
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
    ['AMZN', [['AMZN', 'US:AMZN', 'ticker-in-context']]],
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

  test('a bare ticker in prose counts when its company is named in the same text', () => {
    expect(found('Amazon said AMZN would').map(([text]) => text)).toEqual(['Amazon', 'AMZN']);
    expect(found('analysts said AMZN would')).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { chineseVariantTable } from '../securities/chinese-variants';
import { createSecurityMatcher } from './find-securities';

// The matcher screens positions by their first two units and jumps over what it has read, so a slip in that
// bookkeeping drops or invents matches at particular offsets: odd or even, the first or last units of the text,
// right after a surrogate pair or a Latin word. Every expectation here is written out by hand.
const matcher = createSecurityMatcher(
  [
    { id: 'SH:600519', names: ['贵州茅台', '茅台'] },
    { id: 'HK:00700', names: ['腾讯控股', '腾讯'] },
    { id: 'US:AMZN', names: ['Amazon', '亚马逊'] },
    { id: 'US:MMM', names: ['3M'] },
  ],
  { variants: chineseVariantTable() },
);
const found = (text: string) => matcher.find(text).map((m) => [m.text, m.start]);

/** Text before a mention: nothing, one unit, two units, a surrogate pair, a pair and a unit, a lone surrogate. */
const BEFORE = ['', '买', '买入', '😀', '😀买', '\ud83d', '，'];
/** Mentions that stand alone wherever they are, with what the matcher reports for them. */
const MENTIONS: [string, string][] = [
  ['茅台', '茅台'], // a two-unit name
  ['贵州茅台', '贵州茅台'], // the longest name wins over the two-unit name inside it
  ['腾讯控股', '腾讯控股'],
  ['騰訊', '騰訊'], // traditional spelling
  ['亚马逊', '亚马逊'],
  ['600519.SH', '600519.SH'],
  ['00700.HK', '00700.HK'],
  ['$AMZN', '$AMZN'],
  ['sh600519', 'sh600519'],
  ['AMZN.O', 'AMZN.O'],
  ['Amazon', 'Amazon'],
  ['3M', '3M'], // a two-unit Latin name
];
/** Text after a mention: nothing (the text ends with it), one unit, two, a surrogate pair. */
const AFTER = ['', '。', '涨了', '😀'];

describe('a mention is found at every offset', () => {
  const cases = BEFORE.flatMap((before) =>
    MENTIONS.flatMap(([mention, marked]) => AFTER.map((after) => [before, mention, after, marked] as const)),
  );
  test.each(cases)('%j + %s + %j', (before, mention, after, marked) => {
    expect(found(before + mention + after)).toEqual([[marked, before.length]]);
  });
});

describe('where a match may and may not start', () => {
  test.each([
    ['', []],
    ['茅', []],
    ['贵州茅', []], // the text ends inside a name
    ['贵州茅台', [['贵州茅台', 0]]],
    [
      '茅台茅台',
      [
        ['茅台', 0],
        ['茅台', 2],
      ],
    ],
    [
      '买茅台买茅台',
      [
        ['茅台', 1],
        ['茅台', 4],
      ],
    ],
    [
      '茅台腾讯亚马逊',
      [
        ['茅台', 0],
        ['腾讯', 2],
        ['亚马逊', 4],
      ],
    ],
    ['😀😀腾讯😀', [['腾讯', 4]]],
    ['腾讯控', [['腾讯', 0]]],
    ['xAmazon Amazon', [['Amazon', 8]]], // glued to a letter before: not a word start
    ['Amazonian Amazon', [['Amazon', 10]]], // glued to a letter after
    ['买Amazon买', [['Amazon', 1]]], // CJK around a Latin word is a boundary
    ['a3M 3M', [['3M', 4]]],
    ['3Ms 13M 3M', [['3M', 8]]],
    ['x600519.SH 600519.SH', [['600519.SH', 11]]],
    ['600519.SHx 600519.SH', [['600519.SH', 11]]],
    ['Ash600519 sh600519', [['sh600519', 10]]],
    [
      'US$AMZN $$AMZN $AMZN',
      [
        ['$AMZN', 2],
        ['$AMZN', 15],
      ],
    ],
    ['NASDAQ: AMZN', [['AMZN', 8]]],
    ['(NASDAQ:AMZN)', [['AMZN', 8]]],
    [
      '茅台600519.SH',
      [
        ['茅台', 0],
        ['600519.SH', 2],
      ],
    ],
    [
      '亚马逊AMZN.O',
      [
        ['亚马逊', 0],
        ['AMZN.O', 3],
      ],
    ],
    ['3.14 1.5茅台', [['茅台', 8]]],
    // One mention right after another, ending at odd and even offsets.
    [
      '亚马逊茅台亚马逊',
      [
        ['亚马逊', 0],
        ['茅台', 3],
        ['亚马逊', 5],
      ],
    ],
    [
      '$AMZN茅台',
      [
        ['$AMZN', 0],
        ['茅台', 5],
      ],
    ],
    [
      '600519.SH茅台3M',
      [
        ['600519.SH', 0],
        ['茅台', 9],
        ['3M', 11],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

test('a name learned after construction is found at odd and even offsets, also as its first unit pair', () => {
  const learning = createSecurityMatcher([{ id: 'SH:600519', names: ['贵州茅台'] }]);
  learning.addName('中际旭创', 'SZ:300308', 'learned-alias');
  learning.addName('旭创', 'SZ:300308');
  learning.addName('Zq', 'US:ZQ');
  expect(learning.find('中际旭创旭创买旭创 Zq xZq').map((m) => [m.text, m.start, m.rule])).toEqual([
    ['中际旭创', 0, 'learned-alias'],
    ['旭创', 4, 'name'],
    ['旭创', 7, 'name'],
    ['Zq', 10, 'name'],
  ]);
});

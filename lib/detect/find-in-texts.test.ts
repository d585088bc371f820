import { expect, test } from 'vitest';
import type { SecurityId } from '../securities/security-id';
import { createSecurityMatcher } from './find-securities';
import { findInTexts } from './find-in-texts';

const matcher = createSecurityMatcher([
  { id: 'US:AMZN', names: ['Amazon'] },
  { id: 'SH:601318', names: ['中国平安', '平安'], weak: ['平安'] },
  { id: 'SZ:000333', names: ['美的集团', '美的'], weak: ['美的'] },
]);
const ids = (texts: string[], support?: SecurityId[]) =>
  findInTexts(matcher, texts, new Set(support)).map((mentions) => mentions.map((mention) => `${mention.text}=${mention.id}`));

test.each<[string, string[], SecurityId[] | undefined, string[][]]>([
  [
    'a ticker cell above the paragraph naming the company',
    ['AMZN', 'Amazon (NASDAQ: AMZN) slipped'],
    undefined,
    [['AMZN=US:AMZN'], ['Amazon=US:AMZN', 'AMZN=US:AMZN']],
  ],
  ['a ticker cell on a page about nothing', ['AMZN', 'PRO'], undefined, [[], []]],
  [
    'a weak name in one text, the full name in another',
    ['平安寿险', '中国平安年报'],
    undefined,
    [['平安=SH:601318'], ['中国平安=SH:601318']],
  ],
  ['a weak name on a page about another company', ['平安寿险', '美的集团'], undefined, [[], ['美的集团=SZ:000333']]],
  ['a weak name on a page whose subject is given', ['美的发布'], ['SZ:000333'], [['美的=SZ:000333']]],
])('%s', (_, texts, support, expected) => {
  expect(ids(texts, support)).toEqual(expected);
});

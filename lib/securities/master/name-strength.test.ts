import { expect, test } from 'vitest';
import { namesInsideOthers, weakByItself, type NameOrigin, type WeakReason } from './name-strength';

test.each<[string, NameOrigin, WeakReason | undefined]>([
  ['平安', 'short', 'ordinary-word'],
  ['鄂尔多斯', 'listed', 'ordinary-word'],
  ['机器人', 'listed', 'ordinary-word'],
  ['美的', 'curated', 'ordinary-word'],
  ['工行', 'short', 'ordinary-word'],
  ['东财', 'short', 'short-form'],
  ['茅台', 'curated', undefined],
  ['贵州茅台', 'listed', undefined],
  ['天奇股份', 'listed', undefined],
  ['Target', 'listed', 'one-word'],
  ['Nokia', 'curated', undefined],
  ['Ford Motor', 'listed', undefined],
  ['Aareal Bank', 'upper', 'legal-name'],
])('%s (%s): %s', (name, origin, reason) => {
  expect(weakByItself(name, origin)).toBe(reason);
});

test('a name inside a longer name of another issuer, past its start, needs support; at its start or of the same issuer it does not', () => {
  const owners = new Map<string, Set<string>>([
    ['申万宏源西部证券', new Set(['swhy'])],
    ['西部证券', new Set(['xbzq'])],
    ['海尔生物', new Set(['haierbio'])],
    ['海尔', new Set(['haier'])],
    ['中国平安保险', new Set(['pingan'])],
    ['平安保险', new Set(['pingan'])],
    ['Universal Health Realty Income Trust', new Set(['uht'])],
    ['Realty Income', new Set(['o'])],
  ]);
  expect([...namesInsideOthers(owners)].sort()).toEqual(['Realty Income', '西部证券']);
});

import { expect, test } from 'vitest';
import { bundledDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { blocksForNotThis, notThisSecurityHash, notThisSecurityOf } from './not-this-security';

test.each([
  ['茅台', 'SH:600519'],
  ['Meta & Co', 'US:META'],
  ['a=b&id=US:X#', 'HK:00700'],
] as const)('the question "%s is not %s" survives the address', (name, id) => {
  expect(notThisSecurityOf(`#${notThisSecurityHash(name, id)}`)).toEqual({ alias: name, securityId: id });
});

test.each([
  ['#report=abc'],
  ['#not-this=name=茅台&id=600519'], // not a canonical id
  ['#not-this=name=&id=SH:600519'],
  [`#not-this=name=${'长'.repeat(101)}&id=SH:600519`],
  ['#not-this=id=SH:600519'],
])('%s asks nothing', (hash) => {
  expect(notThisSecurityOf(hash)).toBeUndefined();
});

test.each<[string, SecurityId, [string, SecurityId][]]>([
  // [name on the page, security, blocks written]
  [
    '阿里巴巴',
    'HK:09988',
    [
      ['阿里巴巴', 'HK:09988'],
      ['阿里巴巴', 'US:BABA'],
    ],
  ],
  ['騰訊控股', 'HK:00700', [['腾讯控股', 'HK:00700']]], // the dictionary's spelling; variants fold alike anyway
  ['amazon', 'US:AMZN', [['Amazon', 'US:AMZN']]],
  ['某个词', 'SH:600519', [['某个词', 'SH:600519']]], // not a name the dictionary has: kept as written
])('not this security: %s for %s blocks %j', (alias, securityId, expected) => {
  const blocks = blocksForNotThis({ alias, securityId }, bundledDictionary());
  expect(blocks.map((block) => [block.alias, block.securityId])).toEqual(expected);
});

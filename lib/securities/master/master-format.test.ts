import { expect, test } from 'vitest';
import { decodeMaster, encodeMaster, type SecuritiesMaster } from './master-format';

const MASTER: SecuritiesMaster = {
  entries: [
    { id: 'SH:601318', names: ['中国平安', '平安'], issuer: 'pingan', weak: ['平安'] },
    { id: 'HK:02318', names: ['中国平安'], issuer: 'pingan' },
    { id: 'US:AABKF', names: [], display: 'Aareal Bank' },
  ],
  renamed: [['US:FB', 'US:META']],
  delisted: ['US:TWTR'],
  notNames: ['平安是福'],
};

test('the master survives its file: names, weak names, issuers, display names, renamed and delisted tickers', () => {
  expect(decodeMaster(encodeMaster(MASTER))).toEqual(MASTER);
});

test('one listing per line, so a regenerated file diffs by listing', () => {
  expect(
    encodeMaster(MASTER)
      .split('\n')
      .filter((line) => line.startsWith('["')),
  ).toEqual(['["SH:601318","中国平安|~平安","pingan"],', '["HK:02318","中国平安","pingan"],', '["US:AABKF","=Aareal Bank"]']);
});

test.each([
  ['{"format":2,"securities":[],"renamed":[],"delisted":[],"notNames":[]}', /format 2, expected 1/],
  ['{"format":1,"renamed":[],"delisted":[],"notNames":[]}', /a list is missing/],
  ['{"format":1,"securities":[["XX:1","a"]],"renamed":[],"delisted":[],"notNames":[]}', /bad row/],
  ['not json', /JSON|Unexpected/],
])('a file that is not a master is refused with its reason: %s', (text, reason) => {
  expect(() => decodeMaster(text)).toThrow(reason);
});

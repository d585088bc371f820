import { expect, test } from 'vitest';
import type { SecurityId } from '../security-id';
import { commonNameEndings, formerNameCandidates } from './former-names';

const TODAY: [SecurityId, string][] = [
  ['SH:600525', 'ST长园'],
  ['SH:600053', '*ST九鼎'],
  ['SZ:000820', '*ST节能'],
  ['SZ:000016', '*ST康佳A'],
  ['SH:600000', '*ST生物'],
  ['SH:600001', '九鼎新材'],
  // 节能 is a word of a trade: several companies carry it.
  ['SZ:600002', '双良节能'],
  ['SZ:600003', '节能风电'],
  ['SZ:600004', '长江集团'],
  ['SZ:600005', '华夏集团'],
  ['SZ:600006', '东方投资'],
  ['SZ:600007', '长园集团'],
  ['HK:00001', 'ST长和'],
];

test('the endings of four-character names, most common first; names under risk warning and others left out', () => {
  expect(commonNameEndings(['长江集团', '华夏集团', '东方投资', '*ST九鼎', '茅台', '中国平安保险'], 2)).toEqual(['集团', '投资']);
});

test.each<[SecurityId, string[] | undefined, string]>([
  ['SH:600053', ['九鼎投资', '九鼎集团'], '*ST九鼎 was 九鼎投资: the base with form endings (and others)'],
  ['SZ:000016', ['康佳集团'], 'the share class letter is not part of the base'],
  ['SZ:000820', undefined, '节能 is a word of a trade (双良节能, 节能风电): 节能技术 is a phrase, not a company'],
  ['SH:600000', undefined, '生物 is a word by itself: 生物科技 is a phrase'],
  ['HK:00001', undefined, 'Hong Kong shares carry no risk warning of this kind'],
])('%s: %j (%s)', (id, expected) => {
  const listed = new Map(TODAY);
  const taken = new Set(listed.values());
  const candidates = formerNameCandidates(listed, taken).get(id);
  if (expected === undefined) expect(candidates).toBeUndefined();
  else expect(candidates).toEqual(expect.arrayContaining(expected));
});

test("a candidate another listing holds today is that listing's: not made", () => {
  const listed = new Map(TODAY);
  const candidates = formerNameCandidates(listed, new Set(listed.values())).get('SH:600525');
  expect(candidates).toContain('长园投资');
  expect(candidates).not.toContain('长园集团');
});

import { expect, test } from 'vitest';
import { compareRelated, type RankableRow } from '../reports/rank-related';
import { newestKey, rankKey } from './related-rank-key';

/** Code-unit order, as IndexedDB compares string keys. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

test.each([
  // [newer, older]: the newer date's key sorts first
  ['2025-06-01', '2025-05-31'],
  ['2025-06-01', '2025-06'],
  ['2025-06', '2025-05-31'],
  ['2025', '2024-12-31'],
  ['2025-01-01', ''],
  ['1999', ''],
])('newestKey puts %j before %j', (newer, older) => {
  expect(byCodeUnits(newestKey(newer), newestKey(older))).toBe(-1);
});

test.each([
  // [better, worse] in display order
  [
    { about: true, score: 20, date: '2024-01-01' },
    { about: false, score: 90, date: '2025-01-01' },
  ],
  [
    { about: false, score: 55, date: '2024-01-01' },
    { about: false, score: 49, date: '2025-01-01' },
  ],
  [
    { about: false, score: 51, date: '2025-01-01' },
    { about: false, score: 59, date: '2024-01-01' },
  ],
  [
    { about: false, score: 51, date: '2025-01-01' },
    { about: false, score: 50, date: '2025-01-01' },
  ],
  [
    { about: false, score: 0, date: '' },
    { about: false, date: '2025-01-01' },
  ],
  [
    { about: false, score: 100, date: '2020' },
    { about: false, score: 99, date: '2025' },
  ],
] as RankableRow[][])('rankKey puts %j before %j', (better, worse) => {
  expect(byCodeUnits(rankKey(better), rankKey(worse))).toBe(-1);
});

test('sorting 2,000 random rows by rank key, then report id, is the display order', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const dates = ['', '2024', '2024-06', '2024-06-01', '2024-06-15', '2025-01-02', '2025-01-20', '2025-11'];
  const rows: RankableRow[] = Array.from({ length: 2_000 }, (_, i) => ({
    securityId: 'US:AMZN',
    reportId: i.toString(16).padStart(8, '0'),
    date: dates[Math.floor(random() * dates.length)]!,
    about: random() < 0.3,
    ...(random() < 0.9 && { score: Math.floor(random() * 101) }),
  }));
  const byKey = [...rows].sort((a, b) => byCodeUnits(rankKey(a), rankKey(b)) || byCodeUnits(a.reportId, b.reportId));
  expect(byKey.map((row) => row.reportId)).toEqual([...rows].sort(compareRelated).map((row) => row.reportId));
});

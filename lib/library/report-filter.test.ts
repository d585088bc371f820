import { expect, test } from 'vitest';
import { filterReports, NO_FILTER } from './report-filter';

const reports = [
  { id: 'a', date: '2025-01-05T08:00:00+08:00', source: '安信证券' },
  { id: 'b', date: '2025-06-01', source: 'Demo' },
  { id: 'c', source: 'Demo' },
];
const ids = (filter: Partial<typeof NO_FILTER>, matching?: Set<string>) =>
  filterReports(reports, { ...NO_FILTER, ...filter }, matching).map((r) => r.id);

test.each([
  [{}, undefined, ['a', 'b', 'c']],
  [{ source: 'Demo' }, undefined, ['b', 'c']],
  [{ from: '2025-02-01' }, undefined, ['b']],
  [{ to: '2025-01-05' }, undefined, ['a']],
  [{ query: 'x' }, new Set(['c', 'a']), ['a', 'c']],
  [{ query: 'x', source: 'Demo' }, new Set(['c', 'a']), ['c']],
])('%j with matches %j', (filter, matching, expected) => {
  expect(ids(filter, matching)).toEqual(expected);
});

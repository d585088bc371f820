import { expect, test } from 'vitest';
import { NO_FILTER, passesFilter } from './report-filter';

const reports = [
  { id: 'a', date: '2025-01-05T08:00:00+08:00', source: '安信证券' },
  { id: 'b', date: '2025-06-01', source: 'Demo' },
  { id: 'c', source: 'Demo' },
];

test.each([
  [{}, ['a', 'b', 'c']],
  [{ source: 'Demo' }, ['b', 'c']],
  [{ from: '2025-02-01' }, ['b']],
  [{ to: '2025-01-05' }, ['a']],
  [{ from: '2025-01-05', to: '2025-06-01' }, ['a', 'b']],
  [{ source: 'Demo', to: '2025-12-31' }, ['b']],
])('%j lets through %j (undated reports never pass a date bound)', (filter, expected) => {
  expect(reports.filter((report) => passesFilter(report, { ...NO_FILTER, ...filter })).map((r) => r.id)).toEqual(expected);
});

import { describe, expect, test } from 'vitest';
import { readFeedDate } from './feed-date';

describe('readFeedDate', () => {
  test.each([
    ['2021-12-20T09:31:14+08:00', '2021-12-20T09:31:14+08:00'],
    ['2021-12-20T01:31:14Z', '2021-12-20T01:31:14Z'],
    ['2021-12-20T01:31:14.123+0800', '2021-12-20T01:31:14+08:00'],
    ['2025-12-06', '2025-12-06'],
    ['Sat, 06 Dec 2025 15:38:11 +0800', '2025-12-06T15:38:11+08:00'],
    ['06 Dec 2025 15:38 GMT', '2025-12-06T15:38:00+00:00'],
    ['Mon, 1 Jan 24 08:00:00 EST', '2024-01-01T08:00:00-05:00'],
  ])('%s → %s', (raw, iso) => expect(readFeedDate(raw)).toBe(iso));

  test.each([
    ['', 'empty'],
    ['1', 'a bare number (V8 reads it as 2001)'],
    ['2025-13-01', 'month 13'],
    ['2025-02-30', 'February 30'],
    ['yesterday', 'a word'],
    ['Sat, 06 Dec 2025 15:38:11 +08:00 garbage', 'trailing text'],
    ['Sat, 06 Foo 2025 15:38:11 +0800', 'no such month'],
    ['9999-01-01T00:00:00Z', 'year out of range'],
    ['2025-01-01T25:00:00Z', 'hour 25'],
  ])('%s is no date (%s)', (raw) => expect(readFeedDate(raw)).toBeUndefined());
});

import { describe, expect, test } from 'vitest';
import type { PageSecurities, SecurityReports } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';
import { popupEntries } from './popup-entries';

const reports = (id: SecurityId, otherListings: SecurityId[], reportCount = 2): SecurityReports => ({
  id,
  name: id,
  otherListings,
  reportCount,
  aboutCount: 1,
  months: [],
  latest: [],
});
const page = (...ids: [SecurityId, number][]): PageSecurities => ({
  url: 'https://example.com',
  securities: ids.map(([id, count]) => ({ id, name: id, count, rules: ['name'] })),
});

describe('popup entries', () => {
  test('one entry per issuer: HK and US listings of one company side by side, mentions added', () => {
    const entries = popupEntries(
      [reports('HK:09988', ['US:BABA']), reports('US:BABA', ['HK:09988']), reports('US:AMZN', [])],
      page(['HK:09988', 3], ['US:BABA', 2], ['US:AMZN', 1]),
    );
    expect(entries.map((e) => [e.security.id, e.listings, e.mentions])).toEqual([
      ['HK:09988', ['HK:09988', 'US:BABA'], 5],
      ['US:AMZN', ['US:AMZN'], 1],
    ]);
  });

  test("the page's own security first, whatever order the reports came in; none without reports", () => {
    const entries = popupEntries(
      [reports('US:AMZN', []), reports('SH:600519', []), reports('US:TSLA', [], 0)],
      page(['SH:600519', 1], ['US:AMZN', 9], ['US:TSLA', 2]),
    );
    expect(entries.map((e) => e.security.id)).toEqual(['SH:600519', 'US:AMZN']);
  });
});

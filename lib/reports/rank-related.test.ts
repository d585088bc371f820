import { describe, expect, test } from 'vitest';
import { rankRelated, type RankableRow } from './rank-related';

const row = (reportId: string, date: string, score?: number, about = false, securityId = 'HK:09988'): RankableRow => ({
  reportId,
  date,
  score,
  about,
  securityId,
});

describe('the order cards show reports in', () => {
  test.each([
    [
      'about the company before mentions, whatever the date',
      [row('old-about', '2024-01-01', 60, true), row('new-mention', '2025-06-01', 65)],
      ['old-about', 'new-mention'],
    ],
    ['higher band first', [row('low', '2025-06-01', 20), row('high', '2024-01-01', 50)], ['high', 'low']],
    ['newest first within a band', [row('older', '2024-01-01', 58), row('newer', '2025-01-01', 51)], ['newer', 'older']],
    [
      'unscored rows (stored before relevance) after scored ones, newest first',
      [row('u1', '2025-01-01'), row('s', '2020-01-01', 0), row('u2', '2026-01-01')],
      ['s', 'u2', 'u1'],
    ],
    ['undated last within a band', [row('undated', '', 40), row('dated', '2020-01-01', 40)], ['dated', 'undated']],
  ])('%s', (_name, rows, order) => {
    expect(rankRelated(rows).map((r) => r.reportId)).toEqual(order);
  });

  test('one row per report across an issuer’s listings, the better one kept', () => {
    const ranked = rankRelated([
      row('r', '2025-01-01', 10, false, 'US:BABA'),
      row('r', '2025-01-01', 70, true, 'HK:09988'),
      row('q', '2025-01-01', 30),
    ]);
    expect(ranked.map((r) => [r.reportId, r.securityId])).toEqual([
      ['r', 'HK:09988'],
      ['q', 'HK:09988'],
    ]);
  });
});

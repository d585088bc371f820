import { describe, expect, test } from 'vitest';
import { bundledDictionary } from '../securities/dictionary';
import type { StoredReport } from './database';
import { ratingHistory, ratingPointOf } from './rating-history';

const dictionary = bundledDictionary();

const note = (id: string, date: string | undefined, securities: [string, number][], brokerNote: StoredReport['brokerNote']): StoredReport =>
  ({
    id,
    title: id,
    date,
    source: '东方证券',
    summary: '',
    keyPoints: [],
    risks: [],
    securities: securities.map(([sid, count]) => ({ id: sid, name: sid, count, via: ['name'] })),
    securityIds: securities.map(([sid]) => sid),
    format: 'pdf',
    tags: [],
    fileName: `${id}.pdf`,
    importId: 1,
    importedAt: '2025-12-01',
    brokerNote,
  }) as StoredReport;

const rated = (value: string, target?: number) => ({
  analysts: [],
  rating: { value, change: null, page: 1, line: 2 },
  ...(target ? { targetPrice: { value: target, currency: 'CNY', page: 1, line: 3 } } : {}),
});

describe('rating points', () => {
  test.each([
    [
      'a note whose main security is the one hovered',
      note(
        'a',
        '2025-10-22',
        [
          ['SZ:300750', 5],
          ['SZ:002594', 2],
        ],
        rated('买入', 390.5),
      ),
      true,
    ],
    [
      'an industry report that names it less than another',
      note(
        'b',
        '2025-10-22',
        [
          ['SZ:002594', 5],
          ['SZ:300750', 2],
        ],
        rated('看好'),
      ),
      false,
    ],
    ['an undated note', note('c', undefined, [['SZ:300750', 5]], rated('买入')), false],
    ['a report with no broker fields', note('d', '2025-10-22', [['SZ:300750', 5]], undefined), false],
  ])('%s', (_name, report, expected) => {
    expect(ratingPointOf(report, 'SZ:300750', dictionary) !== undefined).toBe(expected);
  });

  test('the timeline is oldest first, with rating, target and broker', () => {
    const history = ratingHistory(
      [
        note('new', '2025-10-22', [['SZ:300750', 5]], rated('买入', 390.5)),
        note('old', '2025-07-31', [['SZ:300750', 5]], rated('增持', 330)),
      ],
      'SZ:300750',
      dictionary,
    );
    expect(history).toEqual([
      {
        reportId: 'old',
        date: '2025-07-31',
        broker: '东方证券',
        rating: { value: '增持', change: null },
        targetPrice: { value: 330, currency: 'CNY' },
      },
      {
        reportId: 'new',
        date: '2025-10-22',
        broker: '东方证券',
        rating: { value: '买入', change: null },
        targetPrice: { value: 390.5, currency: 'CNY' },
      },
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundledDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { openLibraryDatabase, securityRowsOf, type LibraryDatabase, type StoredReport } from './database';
import { securityInHash, securityOverview } from './security-overview';

const dictionary = bundledDictionary();
const report = (id: string, date: string, id2: SecurityId, score: number, about: boolean, risks: string[], extra = {}): StoredReport => ({
  id: id.padEnd(64, '0'),
  title: `report ${id}`,
  date,
  summary: `summary ${id}`,
  keyPoints: [],
  risks,
  securities: [{ id: id2, name: id2, count: 1, via: ['name'], score, about, passage: { text: `阿里巴巴 ${id}`, start: 0, end: 4 } }],
  securityIds: [id2],
  format: 'markdown',
  tags: [],
  fileName: `${id}.md`,
  importId: 1,
  importedAt: date,
  ...extra,
});

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  const reports = [
    report('a', '2025-01-01', 'HK:09988', 80, true, ['监管风险：反垄断', '云业务增速放缓'], {
      // A broker note's fields as the parser stores them (lib/reports/broker-fields.ts).
      brokerNote: { analysts: [], rating: { value: '买入', change: null, line: 1 }, targetPrice: { value: 120, currency: null, line: 2 } },
    }),
    report('b', '2025-06-01', 'US:BABA', 15, false, ['云业务增速放缓']),
    report('c', '2024-03-01', 'HK:09988', 60, true, ['汇率波动']),
  ];
  await db.reports.bulkAdd(reports);
  await db.reportSecurities.bulkAdd(reports.flatMap(securityRowsOf));
});
afterEach(() => db.delete());

describe('the security page', () => {
  test('reports of every listing in card order, latest view with rating, risks grouped', async () => {
    const overview = await securityOverview(db, dictionary, 'HK:09988');
    expect(overview.security.latest.map((r) => r.title)).toEqual(['report a', 'report c', 'report b']);
    expect(overview.security).toMatchObject({ reportCount: 3, aboutCount: 2, otherListings: ['US:BABA'] });
    expect(overview.latestView).toMatchObject({ title: 'report a', rating: '买入', target: '120' });
    expect(overview.risks[0]).toEqual({ label: '云业务增速放缓', reports: 2, first: '2025-01-01', last: '2025-06-01' });
    expect(overview.risks.map((r) => r.label)).toEqual(['云业务增速放缓', '监管风险', '汇率波动']);
  });

  test.each([
    ['#security=HK%3A09988', 'HK:09988'],
    ['#security=US:BRK.B', 'US:BRK.B'],
    ['#security=not-an-id', undefined],
    ['#security=%E0%A4%A', undefined],
    ['#report=abc', undefined],
  ])('hash %s', (hash, id) => {
    expect(securityInHash(hash)).toBe(id);
  });
});

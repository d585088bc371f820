import { afterEach, beforeEach, expect, test } from 'vitest';
import { bundledDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { deleteReport } from './delete-report';
import { openLibraryDatabase, securityRowsOf, type LibraryDatabase, type StoredReport } from './database';
import { countRelatedReports, relatedReports, tabDictionary } from './report-queries';

const dictionary = bundledDictionary();
const report = (id: string, date: string, securityIds: SecurityId[]): StoredReport => ({
  id: id.padEnd(64, '0'),
  title: `report ${id}`,
  date,
  summary: `summary ${id}`,
  keyPoints: [],
  risks: [`risk ${id}`],
  securities: securityIds.map((sid) => ({ id: sid, name: sid, count: 1, via: ['exchange-code'] })),
  securityIds,
  format: 'markdown',
  tags: [],
  fileName: `${id}.md`,
  importId: 1,
  importedAt: date,
});

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  const reports = [
    report('a', '2025-01-01', ['HK:09988']),
    report('b', '2025-06-01', ['US:BABA', 'US:AMZN']),
    report('c', '2024-01-01', ['US:AMZN']),
  ];
  await db.reports.bulkAdd(reports);
  await db.reportSecurities.bulkAdd(reports.flatMap(securityRowsOf));
});
afterEach(() => db.delete());

test('related reports cover every listing of the issuer, newest first', async () => {
  const related = await relatedReports(db, dictionary, 'HK:09988');
  expect(related).toMatchObject({ id: 'HK:09988', name: '阿里巴巴-W', otherListings: ['US:BABA'], reportCount: 2 });
  // The card's timeline: per month, oldest first, each report once even when it is on two listings of the issuer.
  expect(related.months).toEqual([
    ['2025-01', 1],
    ['2025-06', 1],
  ]);
  expect((await relatedReports(db, dictionary, 'US:AMZN')).months).toEqual([
    ['2024-01', 1],
    ['2025-06', 1],
  ]);
  expect(related.latest.map((r) => r.title)).toEqual(['report b', 'report a']);
  expect((await relatedReports(db, dictionary, 'US:AMZN', 1)).latest.map((r) => r.title)).toEqual(['report b']);
  expect((await relatedReports(db, dictionary, 'US:TSLA')).reportCount).toBe(0);
});

test('the tab dictionary holds the reported listings and their issuer siblings only', async () => {
  const compiled = await tabDictionary(db, dictionary);
  expect(compiled.withReports.sort()).toEqual(['HK:09988', 'US:AMZN', 'US:BABA']);
  expect(compiled.entries.find((e) => e.id === 'HK:09988')?.names).toContain('阿里巴巴');
});

test('the badge count is the number of distinct reports related to any marked security', async () => {
  expect(await countRelatedReports(db, dictionary, ['HK:09988', 'US:AMZN'])).toBe(3);
  expect(await countRelatedReports(db, dictionary, ['US:BABA'])).toBe(2);
  expect(await countRelatedReports(db, dictionary, [])).toBe(0);
});

test('deleting a report removes it from look-ups and counts', async () => {
  await deleteReport(db, 'b'.padEnd(64, '0'));
  expect(await db.reports.count()).toBe(2);
  expect((await relatedReports(db, dictionary, 'HK:09988')).latest.map((r) => r.title)).toEqual(['report a']);
  expect(await countRelatedReports(db, dictionary, ['US:AMZN'])).toBe(1);
});

test('reports about the company come before newer passing mentions, with their passage and the about count', async () => {
  const scored = (id: string, date: string, score: number, about: boolean): StoredReport => {
    const base = report(id, date, ['SH:600519']);
    const passage = { text: `贵州茅台 in ${id}`, start: 0, end: 4 };
    return { ...base, securities: [{ ...base.securities[0]!, score, about, passage }] };
  };
  const reports = [scored('m1', '2025-09-01', 12, false), scored('a1', '2024-03-01', 70, true), scored('m2', '2025-08-01', 20, false)];
  await db.reports.bulkAdd(reports);
  await db.reportSecurities.bulkAdd(reports.flatMap(securityRowsOf));
  const related = await relatedReports(db, dictionary, 'SH:600519');
  expect(related.latest.map((r) => r.title)).toEqual(['report a1', 'report m2', 'report m1']);
  expect(related.aboutCount).toBe(1);
  expect(related.latest[0]?.relevance).toEqual({
    securityId: 'SH:600519',
    score: 70,
    about: true,
    passage: { text: '贵州茅台 in a1', start: 0, end: 4 },
  });
});

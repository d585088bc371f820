import { afterEach, beforeEach, expect, test } from 'vitest';
import { bundledDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import { deleteReport } from './delete-report';
import { openLibraryDatabase, securityRowsOf, type LibraryDatabase, type StoredReport } from './database';
import { countRelatedReports, rankedRows, relatedReports, tabDictionary, tallyRelatedReports } from './report-queries';
import { ratingHistory } from './rating-history';

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

test('reading the best rows per listing by rank gives what ranking every row gives: 400 reports on two listings', async () => {
  // Alibaba's two listings share some reports; relevance, dates and broker ratings vary. The reference ranks every
  // row (`rankedRows`) and reads the 40 newest digests for the timeline, as the look-up did before version 10.
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const reports = Array.from({ length: 400 }, (_, i): StoredReport => {
    const listings: SecurityId[] = random() < 0.3 ? ['HK:09988', 'US:BABA'] : [random() < 0.5 ? 'HK:09988' : 'US:BABA'];
    const date = random() < 0.05 ? '' : `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const base = report(`r${String(i).padStart(4, '0')}`, date, [...listings, 'US:AMZN']);
    return {
      ...base,
      date: date || undefined,
      securities: [...listings, 'US:AMZN'].map((sid, k) => ({
        id: sid as SecurityId,
        name: sid,
        count: 3 - k,
        via: ['exchange-code'],
        ...(random() < 0.9 && { score: Math.floor(random() * 101), about: random() < 0.2 }),
      })),
      ...(random() < 0.4 && { brokerNote: { rating: { value: '买入', change: null }, broker: { name: `B${i % 3}` } } }),
    } as StoredReport;
  });
  await db.reports.bulkAdd(reports);
  await db.reportSecurities.bulkAdd(reports.flatMap(securityRowsOf));
  for (const id of ['HK:09988', 'US:BABA', 'US:AMZN'] as SecurityId[])
    for (const limit of [1, 3, 50]) {
      const related = await relatedReports(db, dictionary, id, limit);
      const ranked = await rankedRows(db, dictionary, id);
      const tally = await tallyRelatedReports(db, dictionary, id);
      expect(related.latest.map((r) => r.id)).toEqual(ranked.slice(0, limit).map((row) => row.reportId));
      expect(related).toMatchObject({
        reportCount: tally.count,
        months: tally.months,
        aboutCount: ranked.filter((row) => row.about).length,
      });
      const newest = [...ranked].sort((a, b) => b.date.localeCompare(a.date) || a.reportId.localeCompare(b.reportId)).slice(0, 40);
      const digests = (await db.reports.bulkGet(newest.map((row) => row.reportId))).flatMap((row) => (row ? [row] : []));
      const expected = ratingHistory(digests, id, dictionary);
      expect(related.ratings ?? [], `${id} ${limit}`).toEqual(expected);
    }
});

import { afterEach, beforeEach, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles } from './import-report-files';
import { latestAliasMentioned } from './late-aliases';

/** A name no list knows: only a report can teach it. */
const NAME = '光迅星科';
const TEACHER = new File([`# 季报\n${NAME}（002281.SZ）发布季报，光模块需求旺盛。`], 'teacher.md');
const mentionOnly = (name: string) => new File([`# 点评\n${NAME}订单饱满，毛利率改善。`], name);

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`late-aliases-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const securitiesOf = async (fileName: string) => (await db.reports.filter((report) => report.fileName === fileName).first())?.securityIds;
const indexRowsOf = async (fileName: string) => {
  const report = await db.reports.filter((stored) => stored.fileName === fileName).first();
  return (await db.reportSecurities.where('reportId').equals(report!.id).toArray()).map((row) => row.securityId);
};

test('a report read before the post that teaches a name is resolved with it in the same import', async () => {
  const result = await importReportFiles(db, [mentionOnly('early.md'), TEACHER], await loadParseContext(db));
  expect(result.failed).toEqual([]);
  expect(await securitiesOf('early.md')).toEqual(['SZ:002281']);
  expect(await indexRowsOf('early.md')).toEqual(['SZ:002281']);
}, 60_000);

test('reports already in the library are resolved with a name a later import teaches, with their index rows', async () => {
  await importReportFiles(db, [mentionOnly('old.md')], await loadParseContext(db));
  expect(await securitiesOf('old.md')).toEqual([]);
  await importReportFiles(db, [TEACHER], await loadParseContext(db));
  expect(await securitiesOf('old.md')).toEqual(['SZ:002281']);
  expect(await indexRowsOf('old.md')).toEqual(['SZ:002281']);
}, 60_000); // two imports, each loading the securities master

test('latestAliasMentioned: the latest alias a text names, by name only (codes alone do not count), traditional too', () => {
  const latest = latestAliasMentioned([
    { alias: '光迅星科', securityId: 'SZ:002281', origin: 'learned', from: 'a.md' },
    { alias: '騰雲控股', securityId: 'HK:09999', origin: 'learned', from: 'b.md' },
  ]);
  expect(latest('光迅星科订单饱满')).toBe(0);
  expect(latest('光迅星科与腾云控股')).toBe(1);
  expect(latest('002281.SZ 与 09999.HK')).toBe(-1);
  expect(latest('没有提到')).toBe(-1);
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles } from './import-report-files';
import { blockNames, latestAliasMentioned, unblockNames } from './late-aliases';
import { loadLibraryDictionary } from '../db/library-dictionary';
import { importSecurityList } from './import-security-list';
import { exportLibrary } from './library-backup';
import { reindexLibrary } from './reindex-library';

/** A name no list knows: only a report can teach it. */
const NAME = '光迅星科';
const TEACHER = new File([`# 季报\n${NAME}（002281.SZ）发布季报，光模块需求旺盛。`], 'teacher.md');
const mentionOnly = (name: string) => new File([`# 点评\n${NAME}订单饱满，毛利率改善。`], name);

/** These tests build the parse context over the whole master, some several times: seconds on a busy machine. */
const BLOCK_TEST_TIMEOUT_MS = 60_000;

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

test(
  'a report read before the post that teaches a name is resolved with it in the same import',
  { timeout: BLOCK_TEST_TIMEOUT_MS },
  async () => {
    const result = await importReportFiles(db, [mentionOnly('early.md'), TEACHER], await loadParseContext(db));
    expect(result.failed).toEqual([]);
    expect(await securitiesOf('early.md')).toEqual(['SZ:002281']);
    expect(await indexRowsOf('early.md')).toEqual(['SZ:002281']);
  },
);

test(
  'reports already in the library are resolved with a name a later import teaches, with their index rows',
  { timeout: BLOCK_TEST_TIMEOUT_MS },
  async () => {
    await importReportFiles(db, [mentionOnly('old.md')], await loadParseContext(db));
    expect(await securitiesOf('old.md')).toEqual([]);
    await importReportFiles(db, [TEACHER], await loadParseContext(db));
    expect(await securitiesOf('old.md')).toEqual(['SZ:002281']);
    expect(await indexRowsOf('old.md')).toEqual(['SZ:002281']);
  },
);

test(
  'the late-alias pass reads only the bodies of reports the names index suspects, not every body',
  { timeout: BLOCK_TEST_TIMEOUT_MS },
  async () => {
    const others = Array.from({ length: 30 }, (_, i) => new File([`# 周报 ${i}\n行业景气度回升，订单饱满。`], `other-${i}.md`));
    await importReportFiles(db, [mentionOnly('old.md'), ...others], await loadParseContext(db));
    const read: string[] = [];
    const bulkGet = db.reportBodies.bulkGet.bind(db.reportBodies);
    vi.spyOn(db.reportBodies, 'bulkGet').mockImplementation((keys) => {
      read.push(...keys);
      return bulkGet(keys);
    });
    await importReportFiles(db, [TEACHER], await loadParseContext(db));
    expect(await securitiesOf('old.md')).toEqual(['SZ:002281']);
    const old = await db.reports.filter((report) => report.fileName === 'old.md').first();
    expect(read).toEqual([old!.id]);
  },
);

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

describe('"not this security": blocks', { timeout: BLOCK_TEST_TIMEOUT_MS }, () => {
  const LEARNED = { alias: NAME, securityId: 'SZ:002281' } as const;
  const MOUTAI = new File(['# 点评\n茅台提价，渠道库存健康。'], 'moutai.md');
  const namesOf = async (id: `${string}:${string}`) => (await loadLibraryDictionary(db)).get(id as never)?.names ?? [];

  test('a blocked learned name goes, unlinks the reports that only it linked, and a re-index does not learn it back', async () => {
    await importReportFiles(db, [TEACHER, mentionOnly('mention.md')], await loadParseContext(db));
    expect(await securitiesOf('mention.md')).toEqual(['SZ:002281']);
    await blockNames(db, [LEARNED]);
    expect(await db.aliases.count()).toBe(0);
    expect(await securitiesOf('mention.md')).toEqual([]);
    expect(await indexRowsOf('mention.md')).toEqual([]);
    expect(await securitiesOf('teacher.md')).toEqual(['SZ:002281']); // its code still says so
    await reindexLibrary(db, await loadParseContext(db));
    expect(await db.aliases.count()).toBe(0);
    expect(await securitiesOf('mention.md')).toEqual([]);
  });

  test('a blocked master name is no longer in the dictionary or the links; unblocked, it comes back', async () => {
    await importReportFiles(db, [MOUTAI], await loadParseContext(db));
    expect(await securitiesOf('moutai.md')).toEqual(['SH:600519']);
    await blockNames(db, [{ alias: '茅台', securityId: 'SH:600519' }]);
    expect(await namesOf('SH:600519')).not.toContain('茅台');
    expect(await securitiesOf('moutai.md')).toEqual([]);
    await reindexLibrary(db, await loadParseContext(db));
    expect(await securitiesOf('moutai.md')).toEqual([]);
    await unblockNames(db, [{ alias: '茅台', securityId: 'SH:600519' }]);
    expect(await namesOf('SH:600519')).toContain('茅台');
    expect(await securitiesOf('moutai.md')).toEqual(['SH:600519']);
  });

  test('a security list imported after a block does not bring the name back', async () => {
    await blockNames(db, [{ alias: '茅台', securityId: 'SH:600519' }]);
    await importSecurityList(db, 'mine.csv', 'code,name,aliases\n600519.SH,贵州茅台,茅台\n');
    expect(await db.aliases.where('alias').equals('茅台').count()).toBe(1); // the user's file is kept as it was
    expect(await namesOf('SH:600519')).not.toContain('茅台');
    await importReportFiles(db, [MOUTAI], await loadParseContext(db));
    expect(await securitiesOf('moutai.md')).toEqual([]);
  });

  test('blocks survive a backup: export, wipe, restore gives the blocks back, and the blocked name links nothing', async () => {
    await importReportFiles(db, [TEACHER, mentionOnly('mention.md'), MOUTAI], await loadParseContext(db));
    await blockNames(db, [LEARNED, { alias: '茅台', securityId: 'SH:600519' }]);
    const backup = await exportLibrary(db);
    expect(backup.blocks?.map((block) => block.alias).sort()).toEqual(['茅台', NAME].sort());
    await Promise.all([db.reports.clear(), db.aliases.clear(), db.aliasBlocks.clear(), db.reportSecurities.clear()]);
    // The backup's reports teach NAME again as they are read; the backup's blocks must win.
    const restored = await importReportFiles(db, [new File([JSON.stringify(backup)], 'backup.json')], await loadParseContext(db));
    expect(restored.failed).toEqual([]);
    expect((await db.aliasBlocks.toArray()).map((block) => block.alias).sort()).toEqual(['茅台', NAME].sort());
    expect(await db.aliases.count()).toBe(0);
    expect(await securitiesOf('mention.md')).toEqual([]);
    expect(await securitiesOf('moutai.md')).toEqual([]);
    expect(await indexRowsOf('moutai.md')).toEqual([]);
  });

  test('a backup written before the gate brings back no name the gate refuses', async () => {
    const old = {
      format: 'reportlens-backup',
      version: 1,
      exportedAt: '2026-11-01T00:00:00.000Z',
      reports: [{ fileName: 'etf.md', originalText: '# ETF\n科创芯片 ETF 基金（588290.SH）', importedAt: '2026-11-01T00:00:00.000Z' }],
      aliases: [
        { alias: '基金', securityId: 'SH:588290', origin: 'learned', from: 'etf.md' },
        { alias: NAME, securityId: 'SZ:002281', origin: 'learned', from: 'teacher.md' },
      ],
    };
    await importReportFiles(db, [new File([JSON.stringify(old)], 'old-backup.json')], await loadParseContext(db));
    expect((await db.aliases.toArray()).map((alias) => alias.alias)).toEqual([NAME]);
  });
});

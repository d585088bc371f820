import Dexie, { type Table } from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { textBuckets } from '../reports/name-grams';
import { openLibraryDatabase, securityRowsOf, type ReportBody, type StoredReport } from './database';
import { reportsPossiblyNaming, SLICE_REPORTS } from './reports-naming-index';
import { newestKey, rankKey } from './related-rank-key';
import { relatedReports } from './report-queries';
import { bundledDictionary } from '../securities/dictionary';

/** Schema version 1 exactly as released: a library written by it must open in every later version. */
const VERSION_1 = {
  reports: 'id, date, source, importId, *securityIds',
  aliases: '[alias+securityId], alias, securityId, origin',
  imports: '++id, startedAt',
};

/** Version 2 as released: what it added to version 1. */
const VERSION_2 = { reportSecurities: '[securityId+date+reportId], reportId' };

/** Version 3: report bodies in their own table; reports indexed by title too. */
const VERSION_3 = { reports: 'id, date, source, importId, *securityIds, title', reportBodies: 'id' };

/** Version 5: the user's blocks ("not this security"); its upgrade re-checks learned aliases. */
const VERSION_5 = { aliasBlocks: '[alias+securityId], securityId' };

/** Version 6 (PDF reports): the original bytes of each PDF report. */
const VERSION_6 = { pdfFiles: 'id' };

/** Version 7 (feeds): what it added. Version 4 belongs to another branch; until it merges it declares nothing here. */
const VERSION_7 = { subscriptions: '++id, &url, nextPollAt', subscriptionReports: '[subscriptionId+reportId], reportId' };

/** Version 9: which reports may contain a name (`reports-naming-index.ts`). Version 8 is another branch's. */
const VERSION_9 = { nameSlices: 'slice', nameBits: '[bucket+slice]' };

/** Version 10: a security's index rows in display order and newest first (`related-rank-key.ts`). */
const VERSION_10 = {
  reportSecurities: '[securityId+date+reportId], reportId, [securityId+rank], [securityId+newest]',
  securityTallies: 'securityId',
};

/**
 * Every released schema version, with the stores as declared in it and rows a library written by it holds. A new
 * `version(n)` in `database.ts` must add its row here (the test below fails until it does), with rows in the shape
 * that version writes.
 */
const RELEASED: { version: number; stores: Record<string, string>[]; rows: Record<string, object[]> }[] = [
  {
    version: 1,
    stores: [VERSION_1],
    rows: {
      reports: [
        { id: 'a'.repeat(64), title: 'A', date: '2025-01-02', securityIds: ['HK:09988', 'US:BABA'], originalText: 'a', importId: 1 },
        { id: 'b'.repeat(64), title: 'B', securityIds: ['US:AMZN'], originalText: 'b', importId: 1 },
      ],
      aliases: [{ alias: '阿里', securityId: 'HK:09988', origin: 'learned', from: 'a.md' }],
      imports: [{ id: 1, startedAt: '2025-01-01', finishedAt: '2025-01-01', imported: 2, duplicates: 0, failed: [] }],
    },
  },
  {
    version: 2,
    stores: [VERSION_1, VERSION_2],
    rows: {
      reports: [
        { id: 'c'.repeat(64), title: 'C', date: '2025-03-04', securityIds: ['SH:600519'], originalText: 'c', importId: 1 },
        { id: 'd'.repeat(64), title: 'D', securityIds: [], originalText: 'd', importId: 2 },
      ],
      aliases: [{ alias: '茅台酒', securityId: 'SH:600519', origin: 'user-list', from: 'list.csv' }],
      imports: [
        { id: 1, startedAt: '2025-03-01', finishedAt: '2025-03-01', imported: 1, duplicates: 0, failed: [] },
        { id: 2, startedAt: '2025-03-02', finishedAt: '2025-03-02', imported: 1, duplicates: 0, failed: [{ file: 'x.png', reason: 'no' }] },
      ],
      reportSecurities: [{ securityId: 'SH:600519', date: '2025-03-04', reportId: 'c'.repeat(64) }],
    },
  },
  {
    version: 3,
    stores: [VERSION_1, VERSION_2, VERSION_3],
    rows: {
      reports: [{ id: 'e'.repeat(64), title: 'E', date: '2025-05-06', securityIds: ['US:AMZN'], importId: 1 }],
      reportBodies: [{ id: 'e'.repeat(64), originalText: 'e' }],
      aliases: [],
      imports: [{ id: 1, startedAt: '2025-05-01', finishedAt: '2025-05-01', imported: 1, duplicates: 0, failed: [] }],
      reportSecurities: [{ securityId: 'US:AMZN', date: '2025-05-06', reportId: 'e'.repeat(64) }],
    },
  },
  {
    version: 5,
    stores: [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5],
    rows: {
      reports: [{ id: 'f'.repeat(64), title: 'F', date: '2025-06-07', securityIds: ['SZ:300308'], importId: 1 }],
      reportBodies: [{ id: 'f'.repeat(64), originalText: '旭创科技（300308.SZ）' }],
      aliases: [{ alias: '旭创科技', securityId: 'SZ:300308', origin: 'learned', from: 'f.md' }],
      imports: [{ id: 1, startedAt: '2025-06-01', finishedAt: '2025-06-01', imported: 1, duplicates: 0, failed: [] }],
      reportSecurities: [{ securityId: 'SZ:300308', date: '2025-06-07', reportId: 'f'.repeat(64) }],
      aliasBlocks: [{ alias: '茅台', securityId: 'SH:600519', blockedAt: '2025-06-02T00:00:00.000Z' }],
    },
  },
  {
    version: 6,
    stores: [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6],
    rows: {
      reports: [{ id: 'f'.repeat(64), title: 'F', date: '2025-10-22', securityIds: ['SZ:300750'], format: 'pdf', importId: 1 }],
      reportBodies: [{ id: 'f'.repeat(64), originalText: '# F' }],
      imports: [{ id: 1, startedAt: '2025-10-23', finishedAt: '2025-10-23', imported: 1, duplicates: 0, failed: [] }],
      reportSecurities: [{ securityId: 'SZ:300750', date: '2025-10-22', reportId: 'f'.repeat(64) }],
      pdfFiles: [{ id: 'f'.repeat(64), bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
    },
  },
  {
    version: 7,
    stores: [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6, VERSION_7],
    rows: {
      reports: [{ id: 'e'.repeat(64), title: 'E', date: '2025-05-06', securityIds: ['US:AMZN'], importId: 1 }],
      reportBodies: [{ id: 'e'.repeat(64), originalText: 'e' }],
      reportSecurities: [{ securityId: 'US:AMZN', date: '2025-05-06', reportId: 'e'.repeat(64) }],
      subscriptions: [
        {
          id: 1,
          url: 'https://team.example/feed.xml',
          origin: 'https://team.example',
          addedAt: '2025-05-01',
          state: { url: 'https://team.example/feed.xml', validators: { etag: '"x"' }, seen: ['e1'] },
          nextPollAt: 0,
          failures: 0,
        },
      ],
      subscriptionReports: [{ subscriptionId: 1, reportId: 'e'.repeat(64) }],
      pdfFiles: [{ id: 'e'.repeat(64), bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }],
    },
  },
  {
    version: 9,
    stores: [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6, VERSION_7, {}, VERSION_9],
    rows: {
      reports: [{ id: 'e'.repeat(64), title: 'E', date: '2025-05-06', securityIds: [], importId: 1 }],
      reportBodies: [{ id: 'e'.repeat(64), originalText: '光迅' }],
      nameSlices: [{ slice: 1, reportIds: ['e'.repeat(64)] }],
      nameBits: [{ bucket: textBuckets('光迅')[0]!, slice: 1, bits: new Uint8Array(SLICE_REPORTS / 8).fill(1, 0, 1) }],
    },
  },
  {
    version: 10,
    stores: [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6, VERSION_7, {}, VERSION_9, VERSION_10],
    rows: {
      reports: [{ id: 'e'.repeat(64), title: 'E', date: '2025-05-06', securityIds: ['US:AMZN'], importId: 1 }],
      reportBodies: [{ id: 'e'.repeat(64), originalText: 'e' }],
      reportSecurities: securityRowsOf({ id: 'e'.repeat(64), date: '2025-05-06', securityIds: ['US:AMZN'] } as unknown as StoredReport),
      securityTallies: [{ securityId: 'US:AMZN', count: 1, about: 0, months: { '2025-05': 1 } }],
    },
  },
];
const LATEST = RELEASED.at(-1)!;

/** A table's schema as Dexie reads it back: primary key, then indexes. */
const schemaOf = (table: Table) => [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();

const name = `migration-${crypto.randomUUID()}`;
afterEach(() => Dexie.delete(name));

test('version 1 → latest: reports, aliases and imports survive; the security index is built from the reports', async () => {
  const v1 = new Dexie(name);
  v1.version(1).stores(VERSION_1);
  await v1.table('reports').bulkAdd([
    { id: 'a'.repeat(64), title: 'A', date: '2025-01-02', securityIds: ['HK:09988', 'US:BABA'], originalText: 'a' },
    { id: 'b'.repeat(64), title: 'B', securityIds: ['US:AMZN'], originalText: 'b' },
  ]);
  await v1.table('aliases').add({ alias: '阿里', securityId: 'HK:09988', origin: 'learned', from: 'a.md' });
  await v1.table('imports').add({ startedAt: '2025-01-01', imported: 2, duplicates: 0, failed: [] });
  v1.close();

  const db = openLibraryDatabase(name);
  await db.open();
  expect(db.verno).toBe(LATEST.version);
  expect(await db.reports.count()).toBe(2);
  expect(await db.aliases.count()).toBe(1);
  expect(await db.imports.count()).toBe(1);
  expect(await db.reportSecurities.toArray()).toEqual([
    {
      securityId: 'HK:09988',
      date: '2025-01-02',
      reportId: 'a'.repeat(64),
      rank: rankKey({ date: '2025-01-02' }),
      newest: newestKey('2025-01-02'),
    },
    { securityId: 'US:AMZN', date: '', reportId: 'b'.repeat(64), rank: rankKey({ date: '' }), newest: newestKey('') },
    {
      securityId: 'US:BABA',
      date: '2025-01-02',
      reportId: 'a'.repeat(64),
      rank: rankKey({ date: '2025-01-02' }),
      newest: newestKey('2025-01-02'),
    },
  ]);
  db.close();
});

test('the current code declares the latest released version, with its stores exactly', async () => {
  const db = openLibraryDatabase(name);
  await db.open();
  expect(db.verno).toBe(LATEST.version);
  const declared = Object.fromEntries(db.tables.map((table) => [table.name, schemaOf(table)]));
  const released = new Dexie(`${name}-released`);
  LATEST.stores.forEach((_, i) => released.version(i + 1).stores(LATEST.stores[i]!));
  await released.open();
  expect(declared).toEqual(Object.fromEntries(released.tables.map((table) => [table.name, schemaOf(table)])));
  db.close();
  await released.delete();
});

test.each(RELEASED)(
  'a library written by version $version opens in the current code with every row kept',
  async ({ version, stores, rows }) => {
    const old = new Dexie(name);
    stores.forEach((declared, i) => old.version(i + 1).stores(declared));
    await old.open();
    expect(old.verno).toBe(version);
    await old.transaction('rw', old.tables, () => Promise.all(Object.entries(rows).map(([table, data]) => old.table(table).bulkAdd(data))));
    old.close();

    const db = openLibraryDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST.version);
    // Rows of every table the old version had are unchanged, but for the original text, which version 3 moved out of
    // `reports` into `reportBodies`; tables added since hold what their upgrade built.
    const reports = rows.reports as (StoredReport & { originalText?: string })[];
    const expected: Record<string, object[]> = {
      ...rows,
      reports: reports.map(({ originalText: _text, ...row }) => row),
      reportBodies:
        (rows.reportBodies as ReportBody[] | undefined) ?? reports.map(({ id, originalText }) => ({ id, originalText: originalText! })),
      reportSecurities: reports.flatMap(securityRowsOf),
    };
    for (const [table, data] of Object.entries(expected))
      expect(sorted(await db.table<object>(table).toArray()), table).toEqual(sorted(data));
    db.close();
  },
);

test('version 2 → 3 moves bodies in pages: 450 reports (more than two upgrade pages) keep every text, rows lose it', async () => {
  const old = new Dexie(name);
  old.version(1).stores(VERSION_1);
  old.version(2).stores(VERSION_2);
  const reports = Array.from({ length: 450 }, (_, i) => ({
    id: i.toString(16).padStart(64, '0'),
    title: `R${i}`,
    securityIds: [],
    originalText: `正文 ${i} `.repeat((i % 7) + 1),
    importId: 1,
  }));
  await old.table('reports').bulkAdd(reports);
  old.close();

  const db = openLibraryDatabase(name);
  await db.open();
  expect(await db.reports.filter((row) => 'originalText' in row).count()).toBe(0);
  const bodies = await db.reportBodies.toArray();
  expect(bodies).toEqual(reports.map(({ id, originalText }) => ({ id, originalText })));
  db.close();
});

/** A report of version 2 linked to one security by learned names only. */
const linkedByLearned = (id: string, securityId: string, text: string) => ({
  id: id.repeat(64),
  title: id,
  date: '2025-03-04',
  securityIds: [securityId],
  securities: [{ id: securityId, name: securityId, count: 1, via: ['learned-alias'] }],
  originalText: text,
  importId: 1,
});

test.each([
  // [learned alias, its security, a report linked only through it, kept?]
  ['基金', 'SH:588290', '科创芯片 ETF 基金（588290.SH）；基金经理说', false],
  ['社媒', 'US:META', '社媒（META）运营', false],
  ['的安德利', 'SH:605198', '，的安德利（605198.SH）', false],
  ['包含江河集团', 'SH:601886', '包含江河集团（601886.SH）', false],
  ['美国能源', 'US:XLE', '美国能源（XLE）', false],
  ['旭创科技', 'SZ:300308', '旭创科技（300308.SZ）再获订单', true],
  ['周六福', 'HK:06168', '周六福（06168.HK）上市', true],
])(
  'version 2 → latest: the learned alias %s of %s is re-checked by the gate (report %j; kept: %s)',
  async (alias, securityId, text, kept) => {
    const v2 = new Dexie(name);
    v2.version(1).stores(VERSION_1);
    v2.version(2).stores(VERSION_2);
    const report = linkedByLearned('f', securityId, text);
    const other = {
      ...linkedByLearned('0', 'SH:600519', '贵州茅台'),
      securities: [{ id: 'SH:600519', name: '贵州茅台', count: 1, via: ['name'] }],
    };
    await v2.table('reports').bulkAdd([report, other]);
    await v2.table('reportSecurities').bulkAdd([...securityRowsOf(report as never), ...securityRowsOf(other as never)]);
    await v2.table('aliases').add({ alias, securityId, origin: 'learned', from: 'f.md' });
    await v2.table('aliases').add({ alias: '示例列表名', securityId: 'BJ:920964', origin: 'user-list', from: 'mine.csv' });
    v2.close();

    const db = openLibraryDatabase(name);
    await db.open();
    expect((await db.aliases.toArray()).map((row) => row.alias).sort()).toEqual((kept ? [alias, '示例列表名'] : ['示例列表名']).sort());
    const stored = await db.reports.get(report.id);
    expect(stored?.securityIds).toEqual(kept ? [securityId] : []);
    expect(await db.reportSecurities.where('reportId').equals(report.id).count()).toBe(kept ? 1 : 0);
    // A report linked by other means is untouched (its text is in `reportBodies` since version 3).
    const { originalText: _text, ...otherRow } = other;
    expect(await db.reports.get(other.id)).toEqual(otherRow);
    db.close();
  },
);

test('version 7 → 9 indexes the names of the stored reports in pages: 250 reports, each found by the names it holds', async () => {
  const old = new Dexie(name);
  [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6, VERSION_7].forEach((declared, i) => old.version(i + 1).stores(declared));
  const ids = Array.from({ length: 250 }, (_, i) => i.toString(16).padStart(64, '0'));
  const names = ['光迅星科', '源杰光电'];
  await old.open();
  await old.table('reports').bulkAdd(ids.map((id, i) => ({ id, title: `R${i}`, securityIds: [], importId: 1 })));
  await old.table('reportBodies').bulkAdd(ids.map((id, i) => ({ id, originalText: `# R${i}\n${names[i % 3] ?? '行业景气'}订单饱满。` })));
  old.close();

  const db = openLibraryDatabase(name);
  await db.open();
  expect([...(await reportsPossiblyNaming(db, ['光迅星科']))!].sort()).toEqual(ids.filter((_, i) => i % 3 === 0));
  expect([...(await reportsPossiblyNaming(db, ['源杰光电']))!].sort()).toEqual(ids.filter((_, i) => i % 3 === 1));
  expect(await db.nameSlices.count()).toBe(1);
  db.close();
});

test('version 9 → 10 writes every index row again with its rank keys and rating: 2,500 reports (three upgrade pages)', async () => {
  const old = new Dexie(name);
  [VERSION_1, VERSION_2, VERSION_3, {}, VERSION_5, VERSION_6, VERSION_7, {}, VERSION_9].forEach((declared, i) =>
    old.version(i + 1).stores(declared),
  );
  await old.open();
  // Every 10th report is about Moutai; every 7th is a broker note rating it; all name Amazon in passing.
  const reports = Array.from({ length: 2_500 }, (_, i) => {
    const date = `20${20 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const moutai = { id: 'SH:600519', name: '贵州茅台', count: 5, via: ['name'], score: i % 10 === 0 ? 80 : 30, about: i % 10 === 0 };
    const amazon = { id: 'US:AMZN', name: 'Amazon', count: 1, via: ['name'], score: 5, about: false };
    return {
      id: i.toString(16).padStart(64, '0'),
      title: `R${i}`,
      date,
      source: `Broker ${i % 4}`,
      securities: [moutai, amazon],
      securityIds: ['SH:600519', 'US:AMZN'],
      ...(i % 7 === 6 && { brokerNote: { rating: { value: '买入', change: null } } }),
      importId: 1,
    } as unknown as StoredReport;
  });
  await old.table('reports').bulkAdd(reports);
  // Rows as version 9 wrote them: relevance, no rank keys.
  await old
    .table('reportSecurities')
    .bulkAdd(
      reports.flatMap((report) =>
        report.securities.map((s) => ({ securityId: s.id, date: report.date, reportId: report.id, score: s.score, about: s.about })),
      ),
    );
  old.close();

  const db = openLibraryDatabase(name);
  await db.open();
  expect(sorted(await db.reportSecurities.toArray())).toEqual(sorted(reports.flatMap(securityRowsOf)));
  expect(await db.securityTallies.get('SH:600519')).toMatchObject({ count: 2_500, about: 250 });
  const related = await relatedReports(db, bundledDictionary(), 'SH:600519', 5);
  expect(related.reportCount).toBe(2_500);
  expect(related.aboutCount).toBe(250);
  expect(related.latest.every((report) => report.relevance?.about)).toBe(true);
  // The timeline: the rated among the 40 newest reports, oldest first; the rating sits on the main security's row
  // only, so Amazon, named in passing, has none.
  const newest = [...reports].sort((a, b) => b.date!.localeCompare(a.date!) || a.id.localeCompare(b.id)).slice(0, 40);
  const rated = newest.filter((report) => report.brokerNote).map((report) => report.date);
  expect(rated.length).toBeGreaterThan(0);
  expect(related.ratings?.map((point) => point.date)).toEqual(rated.sort());
  expect((await relatedReports(db, bundledDictionary(), 'US:AMZN')).ratings).toBeUndefined();
  db.close();
});

import { afterEach, expect, test, vi } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { bucketsByReport } from '../db/reports-naming-index';
import { sha256, tableDump, tableHashes } from '../../test/support/hostile-library';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { BACKUP_MANIFEST, parseBackupPart, writeBackupBlob, writeBackupZip } from './backup-zip';
import { blockNames } from './late-aliases';
import { runLibraryImport } from './run-library-import';

/**
 * Reports in the round trip: `BACKUP_ROUND_TRIP_REPORTS` (the bench's slow suite runs 100,000), a few hundred in CI.
 * Small parts are forced by size: every run crosses several parts.
 */
const REPORTS = Number(process.env.BACKUP_ROUND_TRIP_REPORTS ?? 600);
/**
 * `BACKUP_ROUND_TRIP_BODIES=short`: bodies of about 100 bytes instead of 4–20 KB (parts then split by count, 2,000
 * reports each); the tables' identity is what is tested. fake-indexeddb's cost grows with the square of the library
 * (5,000 reports: 22 s; 20,000: 5.6 min), so 100,000 takes hours here: that size wants real IndexedDB.
 */
const SHORT_BODIES = process.env.BACKUP_ROUND_TRIP_BODIES === 'short';
/** Time allowed: ten minutes, or 30 ms a report (import, export and restore in fake-indexeddb) if that is longer. */
const ROUND_TRIP_TIMEOUT_MS = Math.max(600_000, REPORTS * 30);

/** Names no list knows, taught by every 40th post (`名称（代码）`) and mentioned bare by every third. */
const TAUGHT = [
  ['光迅星科', '002281.SZ'],
  ['源杰光电', '688498.SH'],
  ['太辰精光', '300570.SZ'],
] as const;
const BUNDLED = ['阿里巴巴', '贵州茅台', '招商银行', '中兴通讯'];

function post(i: number): File {
  const [name, code] = TAUGHT[i % TAUGHT.length]!;
  const body = [
    '---',
    `title: 周报 ${i}`,
    `date: 2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    `source: 研究所 ${i % 5}`,
    '---',
    `${BUNDLED[i % BUNDLED.length]}本周点评（${i}）。`,
    i % 40 === 0 ? `${name}（${code}）获得新订单。` : i % 3 === 0 ? `${name}需求旺盛。` : '行业景气。',
    // Bodies of realistic size (4–20 KB) so parts split by size as well as count.
    '正文段落。'.repeat(SHORT_BODIES ? 4 + (i % 7) * 2 : 800 + (i % 7) * 400),
  ];
  return new File([body.join('\n')], `posts/${i}.md`);
}

const opened: LibraryDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
const library = async (name = `backup-zip-${crypto.randomUUID()}`) => {
  const db = openLibraryDatabase(name);
  await db.open();
  opened.push(db);
  return db;
};
/**
 * Every table but the import log, with `importId` (which run, in the database it is in) left out. The names index is
 * compared by what it says of each report (its slices and bit positions follow the order reports were written in).
 */
const hashes = async (db: LibraryDatabase) => ({
  ...(await tableHashes(db, ['imports', 'nameSlices', 'nameBits'], (table, row) => (table === 'reports' ? { ...row, importId: 0 } : row))),
  namesIndex: sha256(JSON.stringify(await bucketsByReport(db))),
});

/** Peak resident set, JS heap and ArrayBuffers of this process while `run` runs, sampled every 200 ms, in MB. */
async function peakMemory<T>(
  run: () => Promise<T>,
): Promise<{ value: T; ms: number; rssMb: number; heapMb: number; arrayBuffersMb: number }> {
  const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
  const sample = () => {
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, arrayBuffers);
  };
  const timer = setInterval(sample, 200);
  const start = performance.now();
  try {
    const value = await run();
    sample();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    return {
      value,
      ms: Math.round(performance.now() - start),
      rssMb: mb(peak.rss),
      heapMb: mb(peak.heap),
      arrayBuffersMb: mb(peak.arrayBuffers),
    };
  } finally {
    clearInterval(timer);
  }
}

test(
  `streamed backup round trip at ${REPORTS.toLocaleString('en')} reports: export → delete → import gives identical tables`,
  async () => {
    const db = await library();
    const seeded = await peakMemory(async () => {
      for (let at = 0; at < REPORTS; at += 2_000) {
        const files = Array.from({ length: Math.min(2_000, REPORTS - at) }, (_, k) => post(at + k));
        const result = await runLibraryImport(db, files, async () => {});
        expect(result.failed).toEqual([]);
      }
    });
    expect(await db.aliases.where('origin').equals('learned').count()).toBe(TAUGHT.length);
    const before = await hashes(db);

    const chunks: Uint8Array[] = [];
    let largestChunk = 0;
    const exported = await peakMemory(() =>
      writeBackupZip(db, (chunk) => {
        chunks.push(chunk);
        largestChunk = Math.max(largestChunk, chunk.length);
      }),
    );
    const manifest = exported.value;
    expect(manifest).toMatchObject({ reports: REPORTS, aliases: TAUGHT.length, version: 2 });
    const zip = new File(chunks as BlobPart[], 'reportlens-backup.zip');
    // Streamed: no chunk is the backup whole (parts are deflated piece by piece).
    expect(largestChunk).toBeLessThan(zip.size);

    const name = db.name;
    await db.delete();
    const restored = await library(name);
    const restore = await peakMemory(() => runLibraryImport(restored, [zip], async () => {}));
    const result = restore.value;
    const figures = (label: string, { ms, rssMb, heapMb, arrayBuffersMb }: Omit<Awaited<ReturnType<typeof peakMemory>>, 'value'>) =>
      `${label} ${(ms / 1000).toFixed(1)} s, peak RSS ${rssMb} MB (heap ${heapMb}, ArrayBuffers ${arrayBuffersMb})`;
    // The figures the README quotes for the large run (fake-indexeddb keeps the whole database in this process's heap).
    console.info(
      `backup round trip at ${REPORTS} reports (zip ${(zip.size / 1048576).toFixed(1)} MB): ${figures('imports', seeded)}; ${figures('export', exported)}; ${figures('restore', restore)}`,
    );
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(REPORTS);
    expect(await hashes(restored)).toEqual(before);
  },
  ROUND_TRIP_TIMEOUT_MS,
);

test.each([
  ['a part that is not JSON', 'reports-0001.ndjson', '{"fileName":"a.md"\n', /line 1 is not valid JSON/],
  [
    'a report row with an extra key',
    'reports-0001.ndjson',
    '{"fileName":"a.md","originalText":"x","importedAt":"t","__proto__":1}\n',
    /line 1 is malformed/,
  ],
  [
    'an alias with a bad security id',
    'aliases.ndjson',
    '{"alias":"光迅","securityId":"XX:1","origin":"learned","from":"a.md"}\n',
    /line 1 is malformed/,
  ],
  ['a manifest of another version', BACKUP_MANIFEST, '{"format":"reportlens-backup","version":9}', /version 9 is not supported/],
  ['an entry of another name', 'notes.txt', 'hello', /not a part of a ReportLens backup/],
])('parseBackupPart refuses %s, naming why', (_label, name, text, reason) => {
  expect(() => parseBackupPart(name, text)).toThrow(reason);
});

test('a backup zip with a malformed part: that part fails with its reason, the library keeps everything else', async () => {
  const db = await library();
  const zip = zipSync({
    [BACKUP_MANIFEST]: strToU8(JSON.stringify({ format: 'reportlens-backup', version: 2, exportedAt: 'x', reports: 2, aliases: 0 })),
    'aliases.ndjson': strToU8(''),
    'reports-0001.ndjson': strToU8('{"fileName":"a.md","originalText":"# 甲\\n\\n阿里巴巴点评。","importedAt":"2025-01-01"}\n'),
    'reports-0002.ndjson': strToU8('not json\n'),
  });
  const result = await runLibraryImport(db, [new File([zip], 'backup.zip')], async () => {});
  expect(result.imported.map((file) => file.file)).toEqual(['a.md']);
  expect(result.failed).toEqual([{ file: 'backup.zip/reports-0002.ndjson', reason: expect.stringMatching(/line 1 is not valid JSON/) }]);
}, 60_000);

test('blocks travel in the backup zip before the aliases: restored, a blocked name links nothing and is not learned back', async () => {
  const db = await library();
  const teacher = new File(['# 季报\n光迅星科（002281.SZ）发布季报。'], 'teacher.md');
  const mention = new File(['# 点评\n光迅星科订单饱满；茅台提价。'], 'mention.md');
  expect((await runLibraryImport(db, [teacher, mention], async () => {})).failed).toEqual([]);
  await blockNames(db, [
    { alias: '光迅星科', securityId: 'SZ:002281' },
    { alias: '茅台', securityId: 'SH:600519' },
  ]);
  const chunks: Uint8Array[] = [];
  expect(await writeBackupZip(db, (chunk) => chunks.push(chunk))).toMatchObject({ blocks: 2, aliases: 0 });
  const name = db.name;
  await db.delete();
  const restored = await library(name);
  const result = await runLibraryImport(restored, [new File(chunks as BlobPart[], 'backup.zip')], async () => {});
  expect(result.failed).toEqual([]);
  expect((await restored.aliasBlocks.toArray()).map((block) => block.alias).sort()).toEqual(['光迅星科', '茅台'].sort());
  expect(await restored.aliases.count()).toBe(0);
  const reports = await restored.reports.toArray();
  expect(reports.find((report) => report.fileName === 'mention.md')?.securityIds).toEqual([]);
}, 120_000);

test('parseBackupPart reads blocks and refuses a malformed one', () => {
  expect(parseBackupPart('blocks.ndjson', '{"alias":"茅台","securityId":"SH:600519","blockedAt":"2026-12-01"}\n')).toEqual({
    kind: 'blocks',
    blocks: [{ alias: '茅台', securityId: 'SH:600519', blockedAt: '2026-12-01' }],
  });
  expect(() => parseBackupPart('blocks.ndjson', '{"alias":"茅台","securityId":"600519"}\n')).toThrow(/line 1 is malformed/);
});

/** A backup zip of two report parts (50 reports each, every 10th teaching a name the others mention), built by hand. */
function twoPartBackup(): File {
  const line = (i: number) =>
    JSON.stringify({
      fileName: `part/${i}.md`,
      originalText: `# 周报 ${i}\n${i % 10 === 0 ? '光迅星科（002281.SZ）获得新订单。' : '光迅星科需求旺盛。'}${'正文段落。'.repeat(200 + i)}`,
      importedAt: '2026-01-01T00:00:00.000Z',
    });
  const part = (from: number) => strToU8(`${Array.from({ length: 50 }, (_, k) => line(from + k)).join('\n')}\n`);
  const zip = zipSync({
    [BACKUP_MANIFEST]: strToU8(JSON.stringify({ format: 'reportlens-backup', version: 2, exportedAt: 'x', reports: 100, aliases: 0 })),
    'aliases.ndjson': strToU8(''),
    'reports-0001.ndjson': part(0),
    'reports-0002.ndjson': part(50),
  });
  return new File([zip], 'backup.zip');
}

test('a backup is restored part by part: one write per part, each report resolved against every name', async () => {
  const db = await library();
  const writes = vi.spyOn(db.reports, 'bulkAdd');
  const result = await runLibraryImport(db, [twoPartBackup()], async () => {});
  expect(result.failed).toEqual([]);
  expect(result.imported).toHaveLength(100);
  expect(writes).toHaveBeenCalledTimes(2);
  expect(await db.imports.count()).toBe(1);
  expect((await db.imports.toArray())[0]).toMatchObject({ imported: 100, duplicates: 0 });
  expect(await db.reports.filter((report) => !report.securityIds.includes('SZ:002281')).count()).toBe(0);
}, 60_000);

test.each([
  ['the second part cannot be written', 'write'],
  ['the archive is refused after its first part was written', 'archive'],
] as const)(
  'a restore where %s leaves the library as it was',
  async (_label, fault) => {
    const db = await library();
    expect((await runLibraryImport(db, [new File(['# 已有\n贵州茅台点评。'], 'kept.md')], async () => {})).failed).toEqual([]);
    const before = await tableDump(db);
    const bulkAdd = db.reports.bulkAdd.bind(db.reports);
    let calls = 0;
    vi.spyOn(db.reports, 'bulkAdd').mockImplementation((...args: Parameters<typeof bulkAdd>) => {
      if (++calls === 2 && fault === 'write') throw new Error('disk on fire');
      return bulkAdd(...args);
    });
    const backup = twoPartBackup();
    // The first part inflates to about 170 KB, both to 375 KB: a limit between them stops the archive mid-way.
    const limits = fault === 'archive' ? { ...DEFAULT_IMPORT_LIMITS, maxBackupInflatedBytes: 250_000 } : DEFAULT_IMPORT_LIMITS;
    const result = await runLibraryImport(db, [backup], async () => {}, undefined, undefined, limits);
    // The first part was written before the fault: what is checked below is that it was taken back.
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(await db.imports.count()).toBe(1);
    expect(result.batchId).toBe(0);
    expect(result.imported).toEqual([]);
    expect(result.failed.map((failure) => failure.reason).join('\n')).toMatch(fault === 'write' ? /disk on fire/ : /inflates to more than/);
    expect(await tableDump(db)).toEqual(before);
  },
  60_000,
);

test("a backup larger than an archive of posts may inflate to is restored: its own limit is the backup's", async () => {
  const db = await library();
  // Both parts inflate to about 375 KB: past an archive limit of 250 KB, within the backup limit.
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxArchiveInflatedBytes: 250_000 };
  const result = await runLibraryImport(db, [twoPartBackup()], async () => {}, undefined, undefined, limits);
  expect(result.failed).toEqual([]);
  expect(result.imported).toHaveLength(100);
}, 60_000);

test('writeBackupBlob folds the chunks into its Blob as they come: the same bytes as the chunks collected whole', async () => {
  const db = await library();
  const files = Array.from({ length: 30 }, (_, i) => post(i));
  expect((await runLibraryImport(db, files, async () => {})).failed).toEqual([]);
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T00:00:00Z') });
  try {
    const chunks: Uint8Array[] = [];
    await writeBackupZip(db, (chunk) => chunks.push(chunk));
    const whole = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
    // A fold every 512 bytes: the backup (its repeated text deflates to a few KB) is folded many times.
    const { blob, manifest } = await writeBackupBlob(db, {}, 512);
    expect(manifest).toMatchObject({ reports: 30, aliases: 1 });
    expect(blob.type).toBe('application/zip');
    expect(whole.length).toBeGreaterThan(8 * 512);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(whole);
  } finally {
    vi.useRealTimers();
  }
}, 60_000);

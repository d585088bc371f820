import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { createSecurityMatcher } from '../detect/find-securities';
import { SecurityDictionary } from '../securities/dictionary';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { importReportFiles, type ImportProgress } from './import-report-files';
import { exportLibrary } from './library-backup';
import type { ImportSource } from './read-import-entries';
import { fixtureBytes, fixtureFile, freshContext, GOOD_FIXTURES, REPORT_FIXTURES } from '../../test/support/report-fixtures';

const importInto = (
  db: LibraryDatabase,
  sources: ImportSource[],
  limits = DEFAULT_IMPORT_LIMITS,
  onProgress?: (p: ImportProgress) => void,
) => importReportFiles(db, sources, freshContext(), onProgress, limits);

/** Every row of every table, for "the library is unchanged" checks (the import batch log excepted). */
async function snapshot(db: LibraryDatabase) {
  return JSON.stringify(await Promise.all([db.reports.toArray(), db.aliases.toArray()]));
}
/** Text that deflate cannot shrink, so a zip of it can be cut inside the entry. */
const incompressible = (length: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(length)))).slice(0, length);
/** A zip of `files` (path → text or bytes), built in memory. */
const zipFile = (name: string, files: Record<string, string | Uint8Array>) =>
  new File(
    [zipSync(Object.fromEntries(Object.entries(files).map(([path, data]) => [path, typeof data === 'string' ? strToU8(data) : data])))],
    name,
  );

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

describe('importReportFiles: input kinds', () => {
  test('single files: good ones imported, bad ones named with their reason, the batch recorded', async () => {
    const progress: ImportProgress[] = [];
    const result = await importInto(
      db,
      readdirSync(REPORT_FIXTURES).map((name) => fixtureFile(name)),
      DEFAULT_IMPORT_LIMITS,
      (p) => progress.push(p),
    );
    expect(result.imported.map((r) => r.file).sort()).toEqual(GOOD_FIXTURES);
    expect(result.failed).toEqual([
      { file: 'broken-front-matter.md', reason: expect.stringMatching(/front matter is not valid YAML/) },
      { file: 'empty.md', reason: 'the file is empty' },
    ]);
    const stored = await db.reports.where('securityIds').equals('HK:09988').toArray();
    expect(stored.map((r) => r.fileName)).toEqual(['alibaba-q3-note.md']);
    expect(stored[0]).not.toHaveProperty('originalText');
    expect((await db.reportBodies.get(stored[0]!.id))?.originalText).toBe(
      readFileSync(new URL('alibaba-q3-note.md', REPORT_FIXTURES), 'utf8'),
    );
    expect(progress.at(-1)).toMatchObject({ phase: 'done', read: 5, parsed: 3, written: 3 });
    expect(progress.at(-1)!.bytesRead).toBe(progress.at(-1)!.bytesTotal);
    expect(await db.imports.get(result.batchId)).toMatchObject({ imported: 3, duplicates: 0, failed: result.failed });
  });

  test('a folder: files keep their folder-relative paths, dotfiles are ignored', async () => {
    const inFolder = (name: string) => Object.assign(fixtureFile(name), { webkitRelativePath: `notes/2025/${name}` });
    const dotfile = Object.assign(new File(['x'], '.DS_Store'), { webkitRelativePath: 'notes/.DS_Store' });
    const result = await importInto(db, [...GOOD_FIXTURES.map(inFolder), dotfile]);
    expect(result.imported.map((r) => r.file).sort()).toEqual(GOOD_FIXTURES.map((name) => `notes/2025/${name}`));
    expect(result.failed).toEqual([]);
  });

  test('a zip with nested folders, skipping what is not a report and what is unsafe', async () => {
    const zip = zipFile('archive.zip', {
      'posts/2025/alibaba-q3-note.md': fixtureBytes('alibaba-q3-note.md'),
      'posts/2025/11/amazon-retail.html': fixtureBytes('amazon-retail.html'),
      'posts/google-brief.txt': fixtureBytes('google-brief.txt'),
      'posts/images/chart.png': new Uint8Array([137, 80, 78, 71]),
      '__MACOSX/posts/._alibaba-q3-note.md': 'junk',
      '../escape.md': '# escape',
      'inner.zip': zipSync({ 'a.md': strToU8('# a') }),
    });
    const result = await importInto(db, [zip]);
    expect(result.imported.map((r) => r.file).sort()).toEqual([
      'archive.zip/posts/2025/11/amazon-retail.html',
      'archive.zip/posts/2025/alibaba-q3-note.md',
      'archive.zip/posts/google-brief.txt',
    ]);
    expect(result.failed).toEqual([
      { file: 'archive.zip/posts/images/chart.png', reason: expect.stringMatching(/not a report file/) },
      { file: 'archive.zip/../escape.md', reason: expect.stringMatching(/climbs out of the archive/) },
      { file: 'archive.zip/inner.zip', reason: expect.stringMatching(/archives inside archives/) },
    ]);
  });

  test('the JSON backup round-trips: export, wipe, import gives the same reports and aliases', async () => {
    await importInto(
      db,
      GOOD_FIXTURES.map((name) => fixtureFile(name)),
    );
    await db.aliases.put({ alias: '示例别名', securityId: 'SZ:300308', origin: 'user-list', from: 'my-list.csv' });
    const before = await snapshot(db);
    const backup = await exportLibrary(db);
    await Promise.all([db.reports.clear(), db.aliases.clear()]);
    const result = await importInto(db, [new File([JSON.stringify(backup)], 'reportlens-backup.json')]);
    expect(result.imported).toHaveLength(3);
    const strip = (json: string) => json.replace(/"importId":\d+/g, '');
    expect(strip(await snapshot(db))).toBe(strip(before));
  });
});

describe('importReportFiles: encodings', () => {
  const text = readFileSync(new URL('alibaba-q3-note.md', REPORT_FIXTURES), 'utf8');
  const utf16le = () => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    return bytes;
  };
  test.each([
    ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16LE with BOM', utf16le],
  ])('%s imports as the same report as UTF-8', async (_name, encode) => {
    const [plain] = (await importInto(db, [fixtureFile('alibaba-q3-note.md')])).imported;
    const other = await importInto(db, [new File([encode()], 'other-encoding.md')]);
    expect(other.duplicates.map((d) => d.id)).toEqual([plain!.id]);
  });

  test('GB18030 text is detected and read', async () => {
    // `---\ntitle: 茅台点评\n---\n风险提示：需求波动。` in GB18030.
    const gb = new Uint8Array([
      45, 45, 45, 10, 116, 105, 116, 108, 101, 58, 32, 195, 169, 204, 168, 181, 227, 198, 192, 10, 45, 45, 45, 10, 183, 231, 207, 213, 204,
      225, 202, 190, 163, 186, 208, 232, 199, 243, 178, 168, 182, 175, 161, 163,
    ]);
    const result = await importInto(db, [new File([gb], 'gbk-note.txt')]);
    expect(result.imported.map((r) => r.title)).toEqual(['茅台点评']);
    expect((await db.reports.get(result.imported[0]!.id))?.risks).toEqual(['需求波动']);
  });
});

describe('importReportFiles: rejections leave the library unchanged', () => {
  beforeEach(() => importInto(db, [fixtureFile('alibaba-q3-note.md')]));

  test('the same files again add nothing and say so', async () => {
    const before = await snapshot(db);
    const again = await importInto(db, [fixtureFile('alibaba-q3-note.md'), new File([fixtureBytes('alibaba-q3-note.md')], 'copy.md')]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.file)).toEqual(['alibaba-q3-note.md', 'copy.md']);
    expect(await snapshot(db)).toBe(before);
  });

  test.each([
    [
      'a zip cut short in an entry',
      () => new File([zipFile('x.zip', { 'a.md': incompressible(20_000) }).slice(0, 3000)], 'cut.zip'),
      'cut.zip',
      /corrupt or truncated/,
    ],
    [
      'a zip missing its end record',
      () => new File([zipFile('x.zip', { 'a.md': '# a report' }).slice(0, -22)], 'no-end.zip'),
      'no-end.zip',
      /end record is missing/,
    ],
    ['a file that is no zip', () => new File(['not a zip at all'], 'fake.zip'), 'fake.zip', /not a zip archive/],
    ['an empty zip file', () => new File([], 'empty.zip'), 'empty.zip', /empty/],
  ])('%s is refused by name', async (_name, make, file, reason) => {
    const before = await snapshot(db);
    const result = await importInto(db, [make()]);
    expect(result.imported).toEqual([]);
    expect(result.failed).toContainEqual({ file, reason: expect.stringMatching(reason) });
    expect(await snapshot(db)).toBe(before);
  });

  test('an archive over the entry limit is refused whole, even its good entries', async () => {
    const before = await snapshot(db);
    const zip = zipFile('many.zip', { 'a.md': '# a report', 'b.md': '# b report', 'c.md': '# c report' });
    const result = await importInto(db, [zip], { ...DEFAULT_IMPORT_LIMITS, maxArchiveEntries: 2 });
    expect(result.imported).toEqual([]);
    expect(result.failed).toContainEqual({ file: 'many.zip', reason: 'the archive has more than 2 entries' });
    expect(await snapshot(db)).toBe(before);
  });

  test('an archive that inflates past the limit is stopped by its real size', async () => {
    const before = await snapshot(db);
    const zip = zipFile('bomb.zip', { 'a.md': '#'.repeat(3_000_000), 'b.md': '#'.repeat(3_000_000) });
    const result = await importInto(db, [zip], { ...DEFAULT_IMPORT_LIMITS, maxArchiveInflatedBytes: 4_000_000 });
    expect(result.failed).toContainEqual({ file: 'bomb.zip', reason: 'the archive inflates to more than 3.8 MB' });
    expect(await snapshot(db)).toBe(before);
  });

  test('an entry over the per-file limit is skipped while the rest of the archive imports', async () => {
    const zip = zipFile('mixed.zip', { 'big.md': '#'.repeat(2_000_000), 'google-brief.txt': fixtureBytes('google-brief.txt') });
    const result = await importInto(db, [zip], { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1_000_000 });
    expect(result.imported.map((r) => r.file)).toEqual(['mixed.zip/google-brief.txt']);
    expect(result.failed).toEqual([{ file: 'mixed.zip/big.md', reason: expect.stringMatching(/the limit is 977 KB|more than 977 KB/) }]);
  });

  test('a file whose YAML is broken is refused and nothing else changes', async () => {
    const before = await snapshot(db);
    const result = await importInto(db, [fixtureFile('broken-front-matter.md')]);
    expect(result.failed).toEqual([{ file: 'broken-front-matter.md', reason: expect.stringMatching(/front matter is not valid YAML/) }]);
    expect(await snapshot(db)).toBe(before);
  });

  test('a batch that fails to write leaves the library exactly as it was', async () => {
    const before = await snapshot(db);
    const original = db.reports.bulkAdd.bind(db.reports);
    db.reports.bulkAdd = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof original;
    await expect(importInto(db, [fixtureFile('google-brief.txt')])).rejects.toThrow('QuotaExceededError');
    db.reports.bulkAdd = original;
    expect(await snapshot(db)).toBe(before);
  });

  test('oversized and non-report files are refused without being read', async () => {
    const big = { name: 'huge.md', size: 50 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    const result = await importInto(db, [new File(['x'], 'photo.png'), big]);
    expect(result.failed).toEqual([
      { file: 'photo.png', reason: expect.stringMatching(/not a report file/) },
      { file: 'huge.md', reason: 'the file is 50 MB; the limit is 20 MB' },
    ]);
  });

  test.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another JSON file', '{"hello":1}', /not a ReportLens backup/],
    ['a newer version', '{"format":"reportlens-backup","version":9}', /version 9 is not supported/],
    ['wrong types', '{"format":"reportlens-backup","version":1,"exportedAt":"x","reports":[{"fileName":1}],"aliases":[]}', /malformed/],
  ])('a backup that is %s is refused', async (_name, text, reason) => {
    const before = await snapshot(db);
    const result = await importInto(db, [new File([text], 'backup.json')]);
    expect(result.failed).toEqual([{ file: 'backup.json', reason: expect.stringMatching(reason) }]);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('importReportFiles: learned aliases', () => {
  test('名称（代码） teaches the name, stored with its origin, and it resolves in the next report', async () => {
    const first = new File(['# 光模块点评\n\n看好中际旭创（300308.SZ）的800G放量。'], 'first.md');
    const second = new File(['# 光模块跟踪\n\n中际旭创本周再获订单。'], 'second.md');
    const dictionary = new SecurityDictionary([]);
    const result = await importReportFiles(db, [first, second], { dictionary, matcher: createSecurityMatcher([]) });
    expect(result.learnedAliases).toBe(1);
    expect(await db.aliases.toArray()).toEqual([{ alias: '中际旭创', securityId: 'SZ:300308', origin: 'learned', from: 'first.md' }]);
    const [, secondReport] = await Promise.all(result.imported.map((r) => db.reports.get(r.id)));
    expect(secondReport?.securities).toEqual([
      expect.objectContaining({ id: 'SZ:300308', name: expect.any(String), count: 1, via: ['learned-alias'] }),
    ]);
  });
});

test('an archive of thousands of small posts in one chunk imports (no stack overflow in the unzipper)', async () => {
  const db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  const files = Object.fromEntries(
    Array.from({ length: 3_000 }, (_, i) => [`posts/p${i}.md`, strToU8(`# Post ${i}\n\n第 ${i} 篇，阿里巴巴（09988.HK）。`)]),
  );
  const zip = new File([zipSync(files)], 'many-posts.zip');
  const result = await importReportFiles(db, [zip], freshContext());
  expect(result.failed).toEqual([]);
  expect(result.imported).toHaveLength(3_000);
  await db.delete();
}, 30_000);

test('a phrase ending in a known name is not learned as an alias (本季度谷歌（GOOGL）)', async () => {
  const db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  const result = await importReportFiles(db, [new File(['# 简评\n\n本季度谷歌（GOOGL）广告收入稳健。'], 'g.md')], freshContext());
  expect(result.learnedAliases).toBe(0);
  expect(await db.aliases.count()).toBe(0);
  await db.delete();
});

import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../lib/import/import-limits';
import { importCaseSuite, type ImportCase } from '../support/hostile-import-case';
import { bytesFile, patchZipEntry, zipBytes } from '../support/hostile-library';
import { fixtureBytes } from '../support/report-fixtures';

/**
 * Hostile archives and files through the whole import, each against a library that already holds reports. A
 * hostile entry is skipped with its reason while the archive's good entries import; an archive refused whole leaves
 * every table as it was.
 */

const suite = importCaseSuite('archives');

/** A good post no fixture has, so importing it is visible. */
const goodPost = (tag: string) => `---\ntitle: ${tag}\ndate: 2025-03-01\n---\n腾讯控股（00700.HK）${tag}：游戏与广告收入稳健。\n`;
const zipFile = (name: string, files: Record<string, string | Uint8Array>, level: 0 | 1 | 6 = 6) => bytesFile(name, zipBytes(files, level));

/** Every occurrence of `from` in the zip's bytes (its entry names, in local and central headers) as `to`, of the same length. */
function renamed(zip: Uint8Array, from: string, to: string): Uint8Array {
  const [a, b] = [strToU8(from), strToU8(to)];
  const out = zip.slice();
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((byte, j) => out[i + j] === byte)) out.set(b, i);
  return out;
}

/** Mega- and kilobytes of zeros: they deflate about a thousandfold, the stuff of zip bombs. */
const zeros = (bytes: number) => new Uint8Array(bytes);
const MB = 1024 * 1024;

/** Bound for the cases that read tens of megabytes or a hundred thousand entries. */
const HEAVY_BOUND_MS = 30_000;

const CASES: ImportCase[] = [
  {
    category: 'zip',
    name: 'bomb: an entry whose headers claim 100 bytes inflates to 64 MB',
    expected: 'the entry stopped at the per-file limit by its real size; the good entry imports',
    sources: () => [
      bytesFile('lying.zip', patchZipEntry(zipBytes({ 'bomb.md': zeros(64 * MB), 'good.md': goodPost('lying-sizes') }), 0, { size: 100 })),
    ],
    refused: [{ file: 'lying.zip/bomb.md', reason: /inflates to more than 20 MB/ }],
    imported: ['lying.zip/good.md'],
    boundMs: HEAVY_BOUND_MS,
  },
  {
    category: 'zip',
    name: 'bomb: entries that together inflate past the archive limit',
    expected: 'the archive refused whole by its real inflated size, its good entry too',
    sources: () => [
      zipFile('bomb.zip', { 'good.md': goodPost('bomb'), 'a.md': zeros(15 * MB), 'b.md': zeros(15 * MB), 'c.md': zeros(15 * MB) }),
    ],
    refused: [{ file: 'bomb.zip', reason: /inflates to more than 40 MB/ }],
    limits: { ...DEFAULT_IMPORT_LIMITS, maxArchiveInflatedBytes: 40 * MB },
    boundMs: HEAVY_BOUND_MS,
  },
  {
    category: 'zip',
    name: '100,000 entries',
    expected: 'refused whole from its directory, before any entry is parsed',
    sources: () => {
      const files: Record<string, Uint8Array> = {};
      const body = strToU8('# post\n');
      for (let i = 0; i < 100_000; i++) files[`posts/${i}.md`] = body;
      return [bytesFile('hundred-thousand.zip', zipSync(files, { level: 0 }))];
    },
    refused: [{ file: 'hundred-thousand.zip', reason: /more than 50,000 entries/ }],
    boundMs: HEAVY_BOUND_MS,
  },
  {
    category: 'zip',
    name: 'a zip inside the zip',
    expected: 'the inner zip skipped with its reason, the good entry imports',
    sources: () => [zipFile('outer.zip', { 'inner.zip': zipBytes({ 'x.md': goodPost('inner') }), 'good.md': goodPost('outer') })],
    refused: [{ file: 'outer.zip/inner.zip', reason: /archives inside archives/ }],
    imported: ['outer.zip/good.md'],
  },
  {
    category: 'zip',
    name: 'entry names: ../, absolute, drive letter, backslashes, NUL',
    expected: 'each skipped with its reason, never written anywhere; the good entry imports',
    sources: () => [
      zipFile('names.zip', {
        '../escape.md': goodPost('dotdot'),
        '/etc/passwd.md': goodPost('absolute'),
        'C:\\Windows\\evil.md': goodPost('drive'),
        'posts\\..\\..\\evil.md': goodPost('backslashes'),
        'nul\u0000.md': goodPost('nul'),
        'good.md': goodPost('names'),
      }),
    ],
    refused: [
      { file: 'names.zip/../escape.md', reason: /climbs out/ },
      { file: 'names.zip//etc/passwd.md', reason: /absolute path/ },
      { file: 'names.zip/C:\\Windows\\evil.md', reason: /absolute path/ },
      { file: 'names.zip/posts\\..\\..\\evil.md', reason: /climbs out/ },
      { file: 'names.zip/nul\u0000.md', reason: /NUL/ },
    ],
    imported: ['names.zip/good.md'],
  },
  {
    category: 'zip',
    name: 'entry names __proto__, constructor, prototype',
    expected: 'plain names: imported as reports (or refused as no report), no prototype touched',
    sources: () => [
      bytesFile(
        'proto.zip',
        // An object key `__proto__` would set the prototype of the object fflate builds, so the names are written
        // in capitals and the header bytes renamed.
        renamed(
          zipBytes({ '__PROTO__.md': goodPost('proto'), 'constructor/prototype.md': goodPost('constructor'), __PROTO__: goodPost('bare') }),
          '__PROTO__',
          '__proto__',
        ),
      ),
    ],
    refused: [{ file: 'proto.zip/__proto__', reason: /not a report file/ }],
    imported: ['proto.zip/__proto__.md', 'proto.zip/constructor/prototype.md'],
  },
  {
    category: 'zip',
    name: 'truncated in the middle of an entry',
    expected: 'refused whole (its end record is missing); library unchanged',
    sources: () => {
      const zip = zipBytes({ 'good.md': goodPost('truncated'), 'b.md': strToU8(goodPost('b').repeat(400)) }, 0);
      return [bytesFile('truncated.zip', zip.slice(0, Math.floor(zip.length * 0.6)))];
    },
    refused: [{ file: 'truncated.zip', reason: /truncated/ }],
  },
  {
    category: 'zip',
    name: 'bad CRC on one entry',
    expected: 'the corrupt entry refused as corrupt, the good entry imports',
    sources: () => [
      bytesFile('crc.zip', patchZipEntry(zipBytes({ 'bad.md': goodPost('crc'), 'good.md': goodPost('crc-good') }), 0, { crc: 0x1234 })),
    ],
    refused: [{ file: 'crc.zip/bad.md', reason: /checksum .* does not match/ }],
    imported: ['crc.zip/good.md'],
  },
  {
    category: 'zip',
    name: 'encrypted entry (flag bit 0)',
    expected: 'skipped as encrypted, the good entry imports',
    sources: () => [
      bytesFile('secret.zip', patchZipEntry(zipBytes({ 'secret.md': goodPost('secret'), 'good.md': goodPost('open') }), 0, { flags: 1 })),
    ],
    refused: [{ file: 'secret.zip/secret.md', reason: /encrypted/ }],
    imported: ['secret.zip/good.md'],
  },
  {
    category: 'zip',
    name: 'empty entries and an empty file',
    expected: 'each named as empty; the good entry imports',
    sources: () => [
      zipFile('empty.zip', { 'empty.md': new Uint8Array(0), 'good.md': goodPost('empty') }),
      bytesFile('nothing.md', new Uint8Array(0)),
    ],
    refused: [
      { file: 'empty.zip/empty.md', reason: /empty/ },
      { file: 'nothing.md', reason: /empty/ },
    ],
    imported: ['empty.zip/good.md'],
  },
  {
    category: 'zip',
    name: 'a 50 MB report file and a 50 MB zip entry',
    expected: 'both refused by the 20 MB limit (the file unread), the rest imports',
    sources: () => [
      bytesFile('huge.md', new Uint8Array(50 * MB).fill(0x61)),
      zipFile('huge-entry.zip', { 'huge.md': new Uint8Array(50 * MB).fill(0x61), 'good.md': goodPost('huge') }, 1),
    ],
    refused: [
      { file: 'huge.md', reason: /50 MB; the limit is 20 MB/ },
      { file: 'huge-entry.zip/huge.md', reason: /20 MB/ },
    ],
    imported: ['huge-entry.zip/good.md'],
    boundMs: HEAVY_BOUND_MS,
  },
  {
    category: 'zip',
    name: 'not a zip, named .zip; a zip of zero bytes',
    expected: 'each refused whole by name and reason',
    sources: () => [bytesFile('fake.zip', strToU8('<html>not a zip</html>')), bytesFile('zero.zip', new Uint8Array(0))],
    refused: [
      { file: 'fake.zip', reason: /not a zip archive/ },
      { file: 'zero.zip', reason: /empty/ },
    ],
  },
  {
    category: 'duplicates',
    name: 'the same post twice inside one archive',
    expected: 'imported once, the copy reported as already there',
    sources: () => [zipFile('twice.zip', { 'a.md': goodPost('twice'), 'copy/a.md': goodPost('twice') })],
    refused: [],
    imported: ['twice.zip/a.md'],
  },
  {
    category: 'duplicates',
    name: 'an archive of reports the library already has',
    expected: 'nothing added, every table unchanged',
    sources: () => [
      zipFile('again.zip', { 'alibaba.md': fixtureBytes('alibaba-q3-note.md'), 'amazon.html': fixtureBytes('amazon-retail.html') }),
    ],
    refused: [],
  },
];

describe('hostile archives and files', () => {
  suite.cases(CASES);

  test('a refused archive teaches no aliases either', async () => {
    const spec: ImportCase = {
      category: 'zip',
      name: 'aliases from entries of an archive refused later',
      expected: 'the archive refused whole: no report and no learned alias from it',
      sources: () => [
        zipFile('late-bomb.zip', {
          'alias.md': '# 新名\n新名字科技（688999.SH）发布季报。',
          'x.md': zeros(15 * MB),
          'y.md': zeros(15 * MB),
        }),
      ],
      refused: [{ file: 'late-bomb.zip', reason: /inflates to more than 20 MB/ }],
      limits: { ...DEFAULT_IMPORT_LIMITS, maxArchiveInflatedBytes: 20 * MB },
      boundMs: HEAVY_BOUND_MS,
    };
    await suite.check(spec);
    expect(await suite.db().aliases.where('alias').equals('新名字科技').count()).toBe(0);
  }, 60_000);
});

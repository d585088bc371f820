import { describe, test } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_REPORTS } from '../../lib/import/library-backup';
import { importCaseSuite, type ImportCase } from '../support/hostile-import-case';

/**
 * Hostile JSON backups through the whole import: a backup is all or nothing, so each of these is refused whole with
 * the file and the reason, the library unchanged, and no prototype touched by the keys it carries.
 */

const suite = importCaseSuite('backups');

const GOOD_REPORT = { fileName: 'a.md', originalText: '# 腾讯控股（00700.HK）点评\n游戏收入稳健。', importedAt: '2025-01-01T00:00:00Z' };
const backupText = (fields: Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2025-01-01',
    reports: [GOOD_REPORT],
    aliases: [],
    ...fields,
  });
/** JSON text as written: `__proto__` inside JSON is an ordinary key to JSON.parse, an own property of the result. */
const backupFile = (text: string, name = 'backup.json') => new File([text], name);

const refusedBackup = (name: string, text: () => string, reason: RegExp): ImportCase => ({
  category: 'backup',
  name,
  expected: 'the backup refused whole with its reason; library unchanged',
  sources: () => [backupFile(text())],
  refused: [{ file: 'backup.json', reason }],
  boundMs: 20_000,
});

const CASES: ImportCase[] = [
  refusedBackup('__proto__ at the top', () => backupText({}).replace('{', '{"__proto__":{"polluted":1},'), /malformed: .*__proto__/),
  refusedBackup(
    '__proto__ inside a report',
    () => backupText({}).replace('{"fileName"', '{"__proto__":{"polluted":1},"fileName"'),
    /malformed/,
  ),
  refusedBackup(
    'constructor.prototype inside an alias',
    () =>
      backupText({
        aliases: [{ alias: '腾讯', securityId: 'HK:00700', origin: 'learned', from: 'a.md', constructor: { prototype: { polluted: 1 } } }],
      }),
    /malformed/,
  ),
  refusedBackup('version as a string', () => backupText({ version: '1' }), /version 1 is not supported/),
  refusedBackup('reports not an array', () => backupText({ reports: { 0: GOOD_REPORT } }), /malformed/),
  refusedBackup('original text a number', () => backupText({ reports: [{ ...GOOD_REPORT, originalText: 5 }] }), /malformed/),
  refusedBackup(
    'alias for a security id that is no id',
    () => backupText({ aliases: [{ alias: '坏', securityId: '<img src=x>', origin: 'learned', from: 'x' }] }),
    /malformed/,
  ),
  refusedBackup(
    'alias origin "bundled" (only the extension writes those)',
    () => backupText({ aliases: [{ alias: '腾讯', securityId: 'HK:00700', origin: 'bundled', from: 'x' }] }),
    /malformed/,
  ),
  refusedBackup(
    'a 25 MB original text',
    () => backupText({ reports: [{ ...GOOD_REPORT, originalText: '长'.repeat(25 * 1024 * 1024) }] }),
    /malformed/,
  ),
  refusedBackup('a 2 MB file name', () => backupText({ reports: [{ ...GOOD_REPORT, fileName: 'a'.repeat(2_000_000) }] }), /malformed/),
  refusedBackup(
    `${(MAX_BACKUP_REPORTS * 5).toLocaleString('en')} empty reports`,
    () => backupText({ reports: Array.from({ length: MAX_BACKUP_REPORTS * 5 }, () => ({})) }),
    /reports; the limit is/,
  ),
  refusedBackup(
    'one bad report among a thousand good ones',
    () =>
      backupText({
        reports: [...Array.from({ length: 1000 }, (_, i) => ({ ...GOOD_REPORT, originalText: `# ${i}\n正文` })), { fileName: 1 }],
      }),
    /malformed/,
  ),
  refusedBackup(
    'nested 100,000 arrays deep',
    () => `{"format":"${BACKUP_FORMAT}","version":1,"reports":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    /not valid JSON|malformed/,
  ),
  refusedBackup('not JSON at all', () => '\u0000\u0001PK\u0003\u0004', /not valid JSON/),
  refusedBackup("someone else's JSON", () => JSON.stringify({ name: 'package', version: '1.0.0' }), /not a ReportLens backup/),
];

describe('hostile backups', () => {
  suite.cases(CASES);

  test('a good backup still imports (the cases above are refused for their flaw, not for being backups)', async () => {
    const spec: ImportCase = {
      category: 'backup',
      name: 'a well-formed backup',
      expected: 'its report imports',
      sources: () => [backupFile(backupText({}))],
      refused: [],
      imported: ['a.md'],
    };
    await suite.check(spec);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles } from './import-report-files';
import { importSecurityList } from './import-security-list';
import { reindexLibrary } from './reindex-library';

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

const libraryContext = () => loadParseContext(db);

test('a list is stored as user-list aliases, and importing it again replaces it', async () => {
  const first = await importSecurityList(db, 'mine.csv', 'code,name,aliases\n300308.SZ,中际旭创,旭创\n');
  expect(first).toEqual({ file: 'mine.csv', format: 'simple-csv', securities: 1, aliases: 2, skippedRows: 0 });
  await importSecurityList(db, 'mine.csv', 'code,name,aliases\n300502.SZ,新易盛,\n');
  expect(await db.aliases.toArray()).toEqual([{ alias: '新易盛', securityId: 'SZ:300502', origin: 'user-list', from: 'mine.csv' }]);
});

test('a file that is no list is refused and the stored aliases stay', async () => {
  await importSecurityList(db, 'mine.csv', 'code,name,aliases\n300308.SZ,中际旭创,\n');
  await expect(importSecurityList(db, 'mine.csv', 'just some text')).rejects.toThrow(/no security in the list/);
  expect(await db.aliases.count()).toBe(1);
});

test('re-index applies a list imported after the reports', async () => {
  const note = new File(['# 节水周报\n\n示例节水与示例灌溉订单饱满。'], 'weekly.md');
  await importReportFiles(db, [note], await libraryContext());
  expect((await db.reports.toArray())[0]?.securityIds).toEqual([]);
  await importSecurityList(db, 'mine.csv', 'code,name,aliases\n920964.BJ,示例节水,\n300308.SZ,示例灌溉,\n');
  const result = await reindexLibrary(db, await libraryContext());
  expect(result).toEqual({ reports: 1, changed: 1, failed: [] });
  expect((await db.reports.toArray())[0]?.securityIds.sort()).toEqual(['BJ:920964', 'SZ:300308']);
}, 60_000); // re-index loads the securities master and yields between slices: slow on a loaded machine

/** Importing the corpus's whole A/H list into fake-indexeddb takes seconds, more on a busy machine (it timed out at 5 s). */
const LIST_IMPORT_TIMEOUT_MS = 60_000;

describe.skipIf(!SHARED_AVAILABLE)(
  `sample 003 with the A/H list imported (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
  () => {
    test(
      'names resolve against the user list; codes resolve without it',
      async () => {
        const list = readFileSync(sharedPath('corpus', 'securities', 'stocks_index_daily_stock_analysis', 'stocks.index.json'), 'utf8');
        await importSecurityList(db, 'stocks.index.json', list);
        const sample = new File([readFileSync(sharedPath('samples', 'reports', '003_fc3b71698d01a929.txt'))], '003_fc3b71698d01a929.txt');
        const [imported] = (await importReportFiles(db, [sample], await libraryContext())).imported;
        const report = await db.reports.get(imported!.id);
        expect(report?.securityIds).toEqual(
          expect.arrayContaining([
            'HK:09988',
            'US:GOOGL',
            'US:KWEB',
            'HK:03067',
            'HK:03088',
            'SZ:300308',
            'SZ:300502',
            'SZ:002916',
            'SZ:002463',
            'SH:688521',
            'SH:688220',
            'SH:688691',
            'SH:688608',
            'HK:02276',
          ]),
        );
      },
      LIST_IMPORT_TIMEOUT_MS,
    );
  },
);

test('re-indexing right after an import changes nothing, learned aliases included', async () => {
  const notes = [
    new File(['# 点评\n\n看好旭创科技（300308.SZ）。'], 'a.md'),
    new File(['# 跟踪\n\n旭创科技再获订单，谷歌（GOOGL）亦然。'], 'b.md'),
  ];
  await importReportFiles(db, notes, await libraryContext());
  expect(await db.aliases.count()).toBe(1);
  expect(await reindexLibrary(db, await libraryContext())).toEqual({ reports: 2, changed: 0, failed: [] });
}, 60_000); // re-index loads the securities master and yields between slices: slow on a loaded machine

import { afterEach, beforeEach, expect, test } from 'vitest';
import { aliasOverview, editAlias, removeAlias, removeSecurityList } from './alias-queries';
import { securityOfInput } from '../securities/security-id';
import { openLibraryDatabase, type LibraryDatabase } from './database';

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  await db.aliases.bulkAdd([
    { alias: '中际旭创', securityId: 'SZ:300308', origin: 'learned', from: 'a.md' },
    { alias: '互联网ETF', securityId: 'US:KWEB', origin: 'learned', from: 'b.md' },
    { alias: '示例节水', securityId: 'BJ:920964', origin: 'user-list', from: 'mine.csv' },
    { alias: '示例灌溉', securityId: 'SZ:300308', origin: 'user-list', from: 'mine.csv' },
  ]);
});
afterEach(() => db.delete());

test('the overview lists imported lists with their size and every learned alias', async () => {
  const overview = await aliasOverview(db);
  expect(overview.lists).toEqual([{ from: 'mine.csv', aliases: 2 }]);
  expect(overview.learned.map((a) => a.alias).sort()).toEqual(['中际旭创', '互联网ETF'].sort());
  expect(overview.blocks).toEqual([]);
});

test('a learned alias corrected is blocked as it was (a re-index must not learn it back); a list alias is not', async () => {
  await editAlias(db, { alias: '互联网ETF', securityId: 'US:KWEB' }, { alias: '中概互联网ETF', securityId: 'US:KWEB' });
  await editAlias(db, { alias: '示例节水', securityId: 'BJ:920964' }, { alias: '示例节水器', securityId: 'BJ:920964' });
  expect((await aliasOverview(db)).blocks.map(({ alias, securityId }) => ({ alias, securityId }))).toEqual([
    { alias: '互联网ETF', securityId: 'US:KWEB' },
  ]);
});

test('one alias or a whole list can be removed', async () => {
  await removeAlias(db, { alias: '互联网ETF', securityId: 'US:KWEB' });
  await removeSecurityList(db, 'mine.csv');
  expect((await db.aliases.toArray()).map((a) => a.alias)).toEqual(['中际旭创']);
});

test('an alias can be corrected: its name and its security, keeping where it came from', async () => {
  await editAlias(db, { alias: '互联网ETF', securityId: 'US:KWEB' }, { alias: ' 中概互联网ETF ', securityId: 'US:KWEB' });
  await editAlias(db, { alias: '中际旭创', securityId: 'SZ:300308' }, { alias: '中际旭创', securityId: 'SZ:300502' });
  expect(await db.aliases.where('origin').equals('learned').sortBy('alias')).toEqual([
    { alias: '中概互联网ETF', securityId: 'US:KWEB', origin: 'learned', from: 'b.md' },
    { alias: '中际旭创', securityId: 'SZ:300502', origin: 'learned', from: 'a.md' },
  ]);
  await expect(editAlias(db, { alias: 'gone', securityId: 'US:KWEB' }, { alias: 'x', securityId: 'US:KWEB' })).rejects.toThrow(/no longer/);
  await expect(editAlias(db, { alias: '中际旭创', securityId: 'SZ:300502' }, { alias: ' ', securityId: 'US:KWEB' })).rejects.toThrow(
    /needs a name/,
  );
  expect(await db.aliases.count()).toBe(4);
});

test.each([
  ['US:AAPL', 'US:AAPL'],
  ['AAPL', 'US:AAPL'],
  ['600519.SH', 'SH:600519'],
  [' 9988.HK ', 'HK:09988'],
  ['not a code', undefined],
])('the security typed as %j is %j', (input, id) => {
  expect(securityOfInput(input)).toBe(id);
});

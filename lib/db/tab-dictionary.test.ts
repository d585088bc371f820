import { afterEach, beforeEach, expect, test } from 'vitest';
import { TabNames } from '../page-analysis/tab-dictionary-reading';
import { securitiesMaster } from '../securities/master/securities-master';
import type { SecurityId } from '../securities/security-id';
import { openLibraryDatabase, type LibraryDatabase, type StoredReport } from './database';
import { loadLibraryDictionary } from './library-dictionary';
import { tabDictionary } from './report-queries';
import { pageNamesIn } from '../worker/page-names';

const report = (id: string, securityIds: SecurityId[]): StoredReport => ({
  id: id.padEnd(64, '0'),
  title: id,
  date: '2025-01-01',
  summary: '',
  keyPoints: [],
  risks: [],
  securities: securityIds.map((sid) => ({ id: sid, name: sid, count: 1, via: ['name'] })),
  securityIds,
  format: 'markdown',
  tags: [],
  fileName: `${id}.md`,
  importId: 1,
  importedAt: '2025-01-01',
});

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`tab-${crypto.randomUUID()}`);
  await db.reports.bulkAdd([report('a', ['SH:600690']), report('b', ['SH:601318']), report('c', ['SZ:002673'])]);
});
afterEach(() => db.delete());

// A tab matches with the names of what the library has reports on, widened by what its page may name (asked of the
// worker with the page's text). It must read them as the whole master would: the master's longer names that hold
// one of them win (yielding their own listing, which the tab does not mark unless asked to), weak names stay weak,
// and phrases that are not names yield nothing.
test.each<[string, SecurityId[]]>([
  ['海尔智家发布年报', ['SH:600690']],
  ['海尔生物发布年报', ['SH:688139']],
  ['中国平安与平安寿险', ['SH:601318', 'SH:601318']],
  ['平安寿险', []],
  ['留学是梦 平安是福', []],
  ['西部证券（002673）', ['SZ:002673', 'SZ:002673']],
  ['申万宏源西部证券发布研报', ['SZ:000166']],
])('a tab reads %s as %j', async (text, expected) => {
  const dictionary = await loadLibraryDictionary(db);
  const compiled = await tabDictionary(db, dictionary);
  const master = await securitiesMaster();
  const names = new TabNames(compiled, (page) => Promise.resolve(pageNamesIn(dictionary, master.renamed, page)));
  expect((await names.widen([text])).find(text).map((mention) => mention.id)).toEqual(expected);
  expect(compiled.withReports).not.toContain('SH:688139');
  expect(compiled.withReports).not.toContain('SZ:000166');
});

test('the tab dictionary stays small: the reported listings and their siblings, in the dictionary order', async () => {
  const compiled = await tabDictionary(db, await loadLibraryDictionary(db));
  expect(compiled.withReports.sort()).toEqual(['HK:02318', 'HK:06690', 'SH:600690', 'SH:601318', 'SZ:002673']);
  expect(compiled.entries.length).toBe(5);
  expect(compiled.entries.map((entry) => entry.rank)).toEqual(compiled.entries.map((entry) => entry.rank).sort((a, b) => a - b));
  expect(compiled.entries.find((entry) => entry.id === 'SH:601318')?.weak).toContain('平安');
  expect(compiled.notNames).toContain('平安是福');
  expect(compiled.renamed).toContainEqual(['US:FB', 'US:META']);
});

test("mark-all mode sends no list of its own: the page's names come with its text", async () => {
  const compiled = await tabDictionary(db, await loadLibraryDictionary(db), true);
  expect(compiled.markAll).toBe(true);
  expect(compiled.entries.length).toBe(5);
});

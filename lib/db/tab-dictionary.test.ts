import { afterEach, beforeEach, expect, test } from 'vitest';
import { createSecurityMatcher } from '../detect/find-securities';
import type { SecurityId } from '../securities/security-id';
import { openLibraryDatabase, type LibraryDatabase, type StoredReport } from './database';
import { loadLibraryDictionary } from './library-dictionary';
import { tabDictionary } from './report-queries';

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

// A tab matches with the names of what the library has reports on. It must read them as the whole master would:
// the master's longer names that hold one of them come along (yielding their own listing, which the tab does not
// mark), weak names stay weak, and phrases that are not names come along.
test.each<[string, SecurityId[]]>([
  ['海尔智家发布年报', ['SH:600690']],
  ['海尔生物发布年报', ['SH:688139']],
  ['中国平安与平安寿险', ['SH:601318', 'SH:601318']],
  ['平安寿险', []],
  ['留学是梦 平安是福', []],
  ['西部证券（002673）', ['SZ:002673', 'SZ:002673']],
])('a tab reads %s as %j', async (text, expected) => {
  const compiled = await tabDictionary(db, await loadLibraryDictionary(db));
  const matcher = createSecurityMatcher(compiled.entries, { variants: new Map(compiled.variants), notNames: compiled.notNames });
  expect(matcher.find(text).map((mention) => mention.id)).toEqual(expected);
  expect(compiled.withReports).not.toContain('SH:688139');
});

test('the tab dictionary stays small: the reported listings, their siblings and the names that hold theirs', async () => {
  const compiled = await tabDictionary(db, await loadLibraryDictionary(db));
  expect(compiled.withReports.sort()).toEqual(['HK:02318', 'HK:06690', 'SH:600690', 'SH:601318', 'SZ:002673']);
  expect(compiled.entries.length).toBeLessThan(200);
  expect(compiled.entries.find((entry) => entry.id === 'SH:601318')?.weak).toContain('平安');
  expect(compiled.notNames).toContain('平安是福');
});

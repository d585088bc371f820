import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../db/database';
import { createSecurityMatcher } from '../detect/find-securities';
import { bundledDictionary } from '../securities/dictionary';
import { importReportFiles, type ImportProgress } from './import-report-files';

const FIXTURES = new URL('../../test/fixtures/reports/', import.meta.url);
const fixtureFile = (name: string) => new File([readFileSync(new URL(name, FIXTURES))], name);
const dictionary = bundledDictionary();
const context = { dictionary, matcher: createSecurityMatcher(dictionary.entries()) };

/** Every row of every table, for "the library is unchanged" checks. */
async function snapshot(db: LibraryDatabase) {
  return JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
}

let db: LibraryDatabase;
beforeEach(async () => {
  db = openLibraryDatabase(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('importReportFiles', () => {
  test('imports good files, reports bad ones by name and reason, and records the batch', async () => {
    const files = readdirSync(FIXTURES).map(fixtureFile);
    const progress: ImportProgress[] = [];
    const result = await importReportFiles(db, files, context, (p) => progress.push(p));
    expect(result.imported.map((r) => r.file).sort()).toEqual(['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt']);
    expect(result.failed).toEqual([
      { file: 'broken-front-matter.md', reason: expect.stringMatching(/front matter is not valid YAML/) },
      { file: 'empty.md', reason: 'the file is empty' },
    ]);
    expect(await db.reports.count()).toBe(3);
    const stored = await db.reports.where('securityIds').equals('HK:09988').toArray();
    expect(stored.map((r) => r.fileName)).toEqual(['alibaba-q3-note.md']);
    expect(stored[0]!.originalText).toBe(readFileSync(new URL('alibaba-q3-note.md', FIXTURES), 'utf8'));
    expect(progress.at(-1)).toMatchObject({ phase: 'done', total: 5, read: 5, parsed: 3, written: 3 });
    expect(await db.imports.get(result.batchId)).toMatchObject({ imported: 3, duplicates: 0, failed: result.failed });
  });

  test('importing the same files again adds nothing and says so', async () => {
    const files = ['alibaba-q3-note.md', 'google-brief.txt'].map(fixtureFile);
    await importReportFiles(db, files, context);
    const before = await db.reports.toArray();
    const again = await importReportFiles(
      db,
      [...files, new File([readFileSync(new URL('alibaba-q3-note.md', FIXTURES))], 'copy-of-alibaba.md')],
      context,
    );
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((d) => d.file)).toEqual(['alibaba-q3-note.md', 'google-brief.txt', 'copy-of-alibaba.md']);
    expect(await db.reports.toArray()).toEqual(before);
  });

  test('a batch that fails to write leaves the library exactly as it was', async () => {
    await importReportFiles(db, [fixtureFile('alibaba-q3-note.md')], context);
    const before = await snapshot(db);
    const failingDb = db;
    const original = failingDb.reports.bulkAdd.bind(failingDb.reports);
    failingDb.reports.bulkAdd = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof original;
    await expect(importReportFiles(failingDb, [fixtureFile('google-brief.txt')], context)).rejects.toThrow('QuotaExceededError');
    failingDb.reports.bulkAdd = original;
    expect(await snapshot(db)).toBe(before);
  });

  test('non-report files and oversized files are refused by name', async () => {
    const big = { name: 'huge.md', size: 50 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('must not be read')) };
    const result = await importReportFiles(db, [new File(['x'], 'photo.png'), big], context);
    expect(result.failed).toEqual([
      { file: 'photo.png', reason: expect.stringMatching(/not a report file/) },
      { file: 'huge.md', reason: expect.stringMatching(/50\.0 MB; the limit is 20 MB/) },
    ]);
    expect(await db.reports.count()).toBe(0);
  });
});

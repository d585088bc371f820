import { bucketsByReport } from '../../lib/db/reports-naming-index';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../../lib/db/database';
import { loadParseContext } from '../../lib/db/library-dictionary';
import type { ImportProgress, ImportSource } from '../../lib/import/import-report-files';
import { exportLibrary } from '../../lib/import/library-backup';
import { reindexLibrary } from '../../lib/import/reindex-library';
import { runLibraryImport } from '../../lib/import/run-library-import';
import { libraryHash, openTestLibrary, sha256, tableDump, timed, unindexedReports } from '../support/hostile-library';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from '../support/hostile-outcomes';
import { fixtureFile, GOOD_FIXTURES } from '../support/report-fixtures';

/**
 * Faults while an import writes, in Node with fake-indexeddb: the browser's storage filling up part-way through the
 * one transaction, any other write error, a fault in a 500-file import, and the backup round trip at 10,000 reports.
 * Every fault must come back as a result naming each file with the reason, leave every table exactly as it was
 * (hash of all tables, the import log included, before and after) and settle within its bound.
 * The same faults in real Chromium (closed tab, stopped worker) are in `test/e2e/import-durability.e2e.test.ts`.
 */

const CATEGORY = 'durability';
/** A failed write of a handful of files: parsing them plus one aborted transaction takes well under a second. */
const WRITE_FAULT_BOUND_MS = 10_000;
/** 500 files parsed, then one transaction aborted after 400 rows: a few seconds in fake-indexeddb. */
const MANY_FILES_BOUND_MS = 30_000;
/** 10,000 reports exported, the database deleted, the backup imported: tens of seconds in fake-indexeddb. */
const ROUND_TRIP_BOUND_MS = 120_000;

const outcomes: HostileOutcome[] = [];
afterAll(() => writeHostileOutcomes('durability', outcomes));

const opened: LibraryDatabase[] = [];
afterEach(async () => {
  restoreWrites();
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
const library = async () => {
  const db = await openTestLibrary('durability');
  opened.push(db);
  return db;
};

/**
 * Names learned from `名称（代码）`: made-up companies on codes no list has, so only a report can teach them (the
 * securities master knows every real listing) and the libraries below hold learned aliases.
 */
const ALIASES = [
  ['光迅星科', '002804.SZ'],
  ['源杰芯光', '002814.SZ'],
  ['太辰晶光', '002834.SZ'],
  ['仕佳星子', '688994.SH'],
  ['长光华辰', '688995.SH'],
  ['博创光联', '688996.SH'],
  ['联特星科', '301994.SZ'],
  ['德科光立', '301995.SZ'],
  ['剑桥光科', '301996.SZ'],
  ['华工星科', '603994.SH'],
] as const;
/** Bundled names the posts mention, so every report has index rows. */
const BUNDLED = ['阿里巴巴', '贵州茅台', '招商银行', '中兴通讯', '通威股份', '百济神州', '中际旭创', '寒武纪'];

/**
 * A small distinct Markdown post: two bundled names, every 50th post teaches an alias `名称（代码）`, every third
 * mentions an alias by its bare name (resolved only once the alias is known).
 */
function post(tag: string, i: number): File {
  const teaches = i % 50 === 0;
  const [name, code] = ALIASES[(teaches ? i / 50 : i) % ALIASES.length]!;
  const lines = [
    '---',
    `title: ${tag} 第 ${i} 篇`,
    `date: 2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    `source: 研究所 ${i % 7}`,
    '---',
    `# ${tag} 第 ${i} 篇`,
    '',
    `${BUNDLED[i % BUNDLED.length]}与${BUNDLED[(i * 3 + 1) % BUNDLED.length]}本周点评（${tag}-${i}）。`,
  ];
  if (teaches) lines.push('', `${name}（${code}）获得新订单。`);
  else if (i % 3 === 0) lines.push('', `${name}需求旺盛。`);
  return new File([`${lines.join('\n')}\n`], `${tag}/post-${i}.md`);
}
const posts = (tag: string, count: number, from = 0) => Array.from({ length: count }, (_, i) => post(tag, from + i));

const noNotify = () => Promise.resolve();
/** The import exactly as the library page runs it (the library's own dictionary, then the pipeline). */
const importInto = (db: LibraryDatabase, sources: ImportSource[], onProgress?: (progress: ImportProgress) => void) =>
  runLibraryImport(db, sources, noNotify, onProgress);

/** A library seeded with the good fixtures and a few posts that teach aliases. */
async function seededLibrary(): Promise<LibraryDatabase> {
  const db = await library();
  const seeded = await importInto(db, [...GOOD_FIXTURES.map((name) => fixtureFile(name)), ...posts('seed', 101)]);
  expect(seeded.failed).toEqual([]);
  expect(seeded.learnedAliases).toBeGreaterThan(0);
  return db;
}

// ——— Fault injection ———

type StoreWithRaw = IDBObjectStore & { _rawObjectStore: { storeRecord: (...args: unknown[]) => unknown } };
const prototype = globalThis.IDBObjectStore.prototype as StoreWithRaw;
// eslint-disable-next-line @typescript-eslint/unbound-method -- put back on the same prototype, never called unbound
const { add: originalAdd, put: originalPut } = prototype;
const restoreWrites = () => Object.assign(prototype, { add: originalAdd, put: originalPut });

/**
 * Makes the `failAt`-th row written to `store` of database `dbName` fail the way a browser fails it, after the rows
 * before it were written inside the transaction. `request`: that row's write request fails with `error` when
 * IndexedDB carries it out, the request fires `error` and the transaction aborts and rolls back. `transaction`: the
 * row is written, then the browser aborts the whole transaction with `error` (Chromium does this when the
 * transaction's data exceeds the quota). Returns a counter of the rows written to `store` before the fault.
 */
function failWriteAt(
  dbName: string,
  store: string,
  failAt: number,
  error: () => DOMException,
  how: 'request' | 'transaction' = 'request',
): { written: number } {
  const seen = { written: 0 };
  let count = 0;
  const wrap = (original: typeof originalAdd) =>
    function (this: StoreWithRaw, ...args: Parameters<typeof originalAdd>) {
      if (this.transaction.db.name !== dbName || this.name !== store || ++count !== failAt) {
        if (this.transaction.db.name === dbName && this.name === store) seen.written = count;
        return original.apply(this, args);
      }
      if (how === 'transaction') {
        const request = original.apply(this, args);
        const transaction = this.transaction as unknown as { _abort: (name: string) => void };
        // The browser aborts between tasks, not inside our call: what `abort()` does, with the browser's error
        // (fake-indexeddb's own abort step, which also rolls back the rows written so far).
        queueMicrotask(() => transaction._abort(error().name));
        return request;
      }
      const raw = this._rawObjectStore;
      const own = Object.hasOwn(raw, 'storeRecord');
      const storeRecord = raw.storeRecord;
      // `add`/`put` bind the raw store's `storeRecord` as the request's operation when called: swap it for that call.
      raw.storeRecord = () => {
        throw error();
      };
      try {
        return original.apply(this, args);
      } finally {
        if (own) raw.storeRecord = storeRecord;
        else delete (raw as Partial<typeof raw>).storeRecord;
      }
    };
  Object.assign(prototype, { add: wrap(originalAdd), put: wrap(originalPut) });
  return seen;
}

const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const constraintFailed = () => new DOMException('Unable to add key to index: it already exists.', 'ConstraintError');
const unknownError = () => new DOMException('Internal error writing to the backing store.', 'UnknownError');

/** The files an import was given, as the result table names them. */
const namesOf = (sources: ImportSource[]) => sources.map((source) => source.name);

/** Checks one faulty import and records its outcome: every file failed with `reason`, nothing changed, in bound. */
async function expectCleanFailure(
  db: LibraryDatabase,
  name: string,
  sources: ImportSource[],
  reason: RegExp,
  boundMs: number,
  injected: { written: number },
  minWrittenBeforeFault: number,
) {
  const before = await libraryHash(db);
  const counts = await Promise.all([db.reports.count(), db.aliases.count(), db.imports.count()]);
  const notify = vi.fn(noNotify);
  const phases: ImportProgress['phase'][] = [];
  const run = await timed(boundMs, () => runLibraryImport(db, sources, notify, (progress) => phases.push(progress.phase)));
  restoreWrites();
  const result = run.value;
  const after = await libraryHash(db);
  const unindexed = await unindexedReports(db);
  const failedFiles = new Set(result?.failed.map((entry) => entry.file));
  const missing = namesOf(sources).filter((file) => !failedFiles.has(file));
  outcomes.push({
    ...cleanOutcome(CATEGORY, name, 'every file failed with the reason, all tables unchanged, no report without index rows'),
    crashed: run.error !== undefined,
    hung: run.hung,
    partialImport: after !== before || unindexed.length > 0,
    wronglyAccepted: (result?.imported.length ?? 0) + (result?.duplicates.length ?? 0) + missing.length,
    ms: Math.round(run.ms),
  });

  expect(run.error).toBeUndefined();
  expect(run.hung).toBe(false);
  // The fault struck inside the transaction, after rows of the batch had been written in it.
  expect(injected.written).toBeGreaterThanOrEqual(minWrittenBeforeFault);
  expect(result).toMatchObject({ batchId: 0, imported: [], duplicates: [], learnedAliases: 0 });
  expect(missing).toEqual([]);
  for (const entry of result!.failed) expect(entry.reason).toMatch(reason);
  expect(after).toBe(before);
  expect(await Promise.all([db.reports.count(), db.aliases.count(), db.imports.count()])).toEqual(counts);
  expect(unindexed).toEqual([]);
  expect(notify).not.toHaveBeenCalled();
  expect(phases.at(-1)).toBe('done');
  return result!;
}

const STORAGE_FULL = /^Browser storage is full: nothing from this import was written and the library is unchanged \(.*QuotaExceededError/;
const NOT_WRITTEN = /^The library could not be written: nothing from this import was written and the library is unchanged \(/;

describe('a write that fails part-way through the import transaction', () => {
  test.each([
    ['reports', 3, 'request'],
    ['reportSecurities', 5, 'request'],
    ['aliases', 1, 'request'],
    ['reports', 10, 'transaction'],
  ] as const)(
    'QuotaExceededError on the %s table (row %i, the %s fails): every file named with "storage is full", library unchanged',
    async (store, failAt, how) => {
      const db = await seededLibrary();
      // New posts (post 1150 teaches an alias the seed does not know), a duplicate of a stored report, and a file the reader refuses.
      const sources = [...posts('full', 20, 1150), fixtureFile('alibaba-q3-note.md'), new File(['x'], 'photo.png')];
      const injected = failWriteAt(db.name, store, failAt, quotaExceeded, how);
      const result = await expectCleanFailure(
        db,
        `QuotaExceededError writing ${store} (row ${failAt} of the batch; the ${how} fails)`,
        sources,
        /./,
        WRITE_FAULT_BOUND_MS,
        injected,
        failAt - 1,
      );
      // The refused file keeps its own reason; every other file says the storage is full.
      expect(result.failed.find((entry) => entry.file === 'photo.png')?.reason).toMatch(/not a report file/);
      const written = result.failed.filter((entry) => entry.file !== 'photo.png');
      expect(written).toHaveLength(21);
      for (const entry of written) expect(entry.reason).toMatch(STORAGE_FULL);
    },
  );

  test.each([
    ['ConstraintError', constraintFailed],
    ['UnknownError', unknownError],
  ])('any other write error (%s): every file named with "could not be written", library unchanged', async (name, error) => {
    const db = await seededLibrary();
    const sources = posts(name, 10, 2000);
    const injected = failWriteAt(db.name, 'reports', 4, error);
    await expectCleanFailure(db, `${name} writing reports (row 4 of the batch)`, sources, NOT_WRITTEN, WRITE_FAULT_BOUND_MS, injected, 3);
  });

  test('a fault at the 400th report of a 500-file import leaves none of the 500', async () => {
    const db = await seededLibrary();
    const sources = posts('many', 500, 5000);
    const injected = failWriteAt(db.name, 'reports', 400, quotaExceeded);
    const result = await expectCleanFailure(
      db,
      'QuotaExceededError at report 400 of a 500-file import',
      sources,
      STORAGE_FULL,
      MANY_FILES_BOUND_MS,
      injected,
      399,
    );
    expect(result.failed).toHaveLength(500);
    const stored = new Set((await db.reports.toArray()).map((report) => report.fileName));
    expect(namesOf(sources).filter((file) => stored.has(file))).toEqual([]);
  }, 60_000);

  test('once the fault is gone, the same import goes through whole', async () => {
    const db = await seededLibrary();
    const sources = posts('retry', 20, 3000);
    failWriteAt(db.name, 'reports', 3, quotaExceeded);
    expect((await importInto(db, sources)).imported).toEqual([]);
    restoreWrites();
    const result = await importInto(db, sources);
    expect(result.imported).toHaveLength(20);
    expect(await unindexedReports(db)).toEqual([]);
  });
});

// ——— Backup round trip ———

/** Reports in the round trip. */
const ROUND_TRIP_REPORTS = 10_000;
/** Imported in this many batches, as a library grows over time. */
const ROUND_TRIP_BATCHES = 4;

/**
 * Tables compared in the round trip, and what is left out. The `imports` table is the log of import runs (their
 * times and per-file outcomes); a backup does not carry it, and the restore is a new run, so it is compared by
 * count only. For the same reason `importId` (which run a report came in) is left out of `reports`: it numbers
 * the runs of the database it is in. Every other field of every report, alias and index row must be identical. The
 * names index is compared by what it says of each report: its slices follow the order reports were written in.
 */
async function roundTripHashes(db: LibraryDatabase): Promise<Record<string, string>> {
  const dump = await tableDump(db, ['imports', 'nameSlices', 'nameBits']);
  // Rows are stable JSON (keys sorted), so the field is always written as `"importId":<n>`.
  dump.reports = dump.reports!.replace(/"importId":\d+/g, '"importId":0');
  dump.namesIndex = JSON.stringify(await bucketsByReport(db));
  return Object.fromEntries(Object.entries(dump).map(([table, json]) => [table, sha256(json)]));
}

/** What a backup carries, as stored: each report's id, file, text and import time, and every alias with its origin. */
async function carriedHash(db: LibraryDatabase): Promise<string> {
  const texts = new Map((await db.reportBodies.toArray()).map((body) => [body.id, body.originalText]));
  const reports = (await db.reports.toArray()).map(({ id, fileName, importedAt }) => [id, fileName, texts.get(id), importedAt]);
  const aliases = (await db.aliases.toArray()).map(({ alias, securityId, origin, from }) => [alias, securityId, origin, from]);
  return sha256(JSON.stringify([reports, aliases]));
}

/**
 * A backup carries each report's original text, not what was extracted from it: the restore extracts again, with
 * every alias of the backup known from the start. The import resolves every report against every alias the library
 * knows (a report read before the post that teaches `光迅星科（002804.SZ）` is read again once the name is learned, in
 * the same import or a later one), so the library as imported is already what a restore gives: the tables are
 * compared exactly as imported, and re-indexing either library changes nothing.
 */
test(`backup round trip at ${ROUND_TRIP_REPORTS.toLocaleString('en')} reports: export → delete the database → import gives identical tables`, async () => {
  const db = await library();
  const perBatch = ROUND_TRIP_REPORTS / ROUND_TRIP_BATCHES;
  const seedStart = performance.now();
  for (let batch = 0; batch < ROUND_TRIP_BATCHES; batch++) {
    const result = await importInto(db, posts('lib', perBatch, batch * perBatch));
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(perBatch);
  }
  const seedMs = performance.now() - seedStart;
  expect(await db.aliases.where('origin').equals('learned').count()).toBe(ALIASES.length);
  const carried = await carriedHash(db);
  const before = await roundTripHashes(db);
  expect((await reindexLibrary(db, await loadParseContext(db))).changed).toBe(0);
  expect(await roundTripHashes(db)).toEqual(before);
  const counts = await Promise.all([db.reports.count(), db.aliases.count(), db.reportSecurities.count()]);

  let backupChars = 0;
  const run = await timed(ROUND_TRIP_BOUND_MS, async () => {
    const json = JSON.stringify(await exportLibrary(db));
    backupChars = json.length;
    const name = db.name;
    await db.delete();
    const restored = openLibraryDatabase(name);
    opened.push(restored);
    await restored.open();
    const empty = await restored.reports.count();
    const result = await importInto(restored, [new File([json], 'backup.json')]);
    return { restored, result, empty };
  });
  expect(run.error).toBeUndefined();
  const { restored, result, empty } = run.value!;
  const after = await roundTripHashes(restored);
  const same = JSON.stringify(after) === JSON.stringify(before) && (await carriedHash(restored)) === carried;
  outcomes.push({
    ...cleanOutcome(
      CATEGORY,
      `backup round trip at ${ROUND_TRIP_REPORTS} reports (${(backupChars / 1048576).toFixed(1)} MB backup)`,
      'reports, aliases and index rows identical to the library as imported (importId and the import log aside)',
    ),
    crashed: run.error !== undefined,
    hung: run.hung,
    partialImport: !same || result.imported.length !== ROUND_TRIP_REPORTS,
    wronglyAccepted: result.failed.length,
    ms: Math.round(run.ms),
  });
  console.info(
    `round trip: seeded ${ROUND_TRIP_REPORTS} reports in ${ROUND_TRIP_BATCHES} imports in ${Math.round(seedMs)} ms; ` +
      `export + delete + restore ${Math.round(run.ms)} ms; backup ${backupChars} chars`,
  );

  expect(run.hung).toBe(false);
  expect(empty).toBe(0);
  expect(result.failed).toEqual([]);
  expect(result.imported).toHaveLength(ROUND_TRIP_REPORTS);
  expect(await Promise.all([restored.reports.count(), restored.aliases.count(), restored.reportSecurities.count()])).toEqual(counts);
  expect(await restored.imports.count()).toBe(1);
  expect(Object.keys(after).sort()).toEqual([
    'aliasBlocks',
    'aliases',
    'namesIndex',
    'pdfFiles',
    'reportBodies',
    'reportSecurities',
    'reports',
    'securityTallies',
    'subscriptionReports',
    'subscriptions',
  ]);
  expect(after).toEqual(before);
  expect(await carriedHash(restored)).toBe(carried);
  expect(await unindexedReports(restored)).toEqual([]);
  // Both libraries are what re-indexing gives: re-indexing changes nothing in either.
  expect((await reindexLibrary(restored, await loadParseContext(restored))).changed).toBe(0);
}, 300_000);

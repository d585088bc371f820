import { afterAll, beforeEach, expect, test } from 'vitest';
import type { LibraryDatabase } from '../../lib/db/database';
import type { ParseContext } from '../../lib/reports/parse-report';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../lib/import/import-limits';
import { importReportFiles, type ImportResult, type ImportSource } from '../../lib/import/import-report-files';
import { libraryHash, openTestLibrary, timed, unindexedReports } from './hostile-library';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from './hostile-outcomes';
import { fixtureFile, freshContext, GOOD_FIXTURES } from './report-fixtures';

/**
 * One hostile import and how it is judged: the whole pipeline (`importReportFiles`) over a library that already
 * holds reports, the way the library page runs it. An input refused whole must leave every table exactly as it was
 * (hash of all tables); an archive with hostile entries must import its good entries, name each hostile one with
 * its reason, and store nothing of the hostile ones.
 */
export interface ImportCase {
  category: string;
  name: string;
  /** What should happen, in the reader's words (goes into the summary on failure). */
  expected: string;
  sources: () => ImportSource[] | Promise<ImportSource[]>;
  /** Failures the result must list: the file (exactly, or a pattern) and a pattern its reason must match. */
  refused: { file: string | RegExp; reason: RegExp }[];
  /** File names (as the import names them) that must be imported; anything else new in the library is wrong. */
  imported?: string[];
  /** No hang past this: the case fails as `hung` when the import has not settled by then. */
  boundMs?: number;
  limits?: ImportLimits;
  /** The parse context (default {@link freshContext}); PDF cases add a PDF reader. */
  context?: () => ParseContext;
}

/** What a hostile import did, for the case's own assertions. */
export interface ImportCaseRun {
  outcome: HostileOutcome;
  result?: ImportResult;
  error?: unknown;
}

/** Default hang bound for one import case: every case here is small or stopped early by a limit. */
export const IMPORT_CASE_BOUND_MS = 10_000;

/** A library holding the good fixtures (one per format), as a user's library would before a bad import. */
export async function seededLibrary(): Promise<LibraryDatabase> {
  const db = await openTestLibrary();
  const seeded = await importReportFiles(
    db,
    GOOD_FIXTURES.map((name) => fixtureFile(name)),
    freshContext(),
  );
  expect(seeded.imported).toHaveLength(GOOD_FIXTURES.length);
  return db;
}

const matches = (pattern: string | RegExp, value: string) => (typeof pattern === 'string' ? pattern === value : pattern.test(value));

/** Runs one case against `db` and returns its outcome; the caller asserts on it (see {@link expectClean}). */
export async function runImportCase(db: LibraryDatabase, spec: ImportCase): Promise<ImportCaseRun> {
  const sources = await spec.sources();
  const before = await libraryHash(db);
  const idsBefore = new Set(await db.reports.toCollection().primaryKeys());
  const aliasesBefore = await db.aliases.count();
  const run = await timed(spec.boundMs ?? IMPORT_CASE_BOUND_MS, () =>
    importReportFiles(db, sources, spec.context?.() ?? freshContext(), undefined, spec.limits ?? DEFAULT_IMPORT_LIMITS),
  );
  const result = run.value;
  const fresh = (await db.reports.toArray()).filter((report) => !idsBefore.has(report.id));
  const allowed = new Set(spec.imported ?? []);
  const smuggled = fresh.filter((report) => !allowed.has(report.fileName));
  const missingRefusals = spec.refused.filter(
    ({ file, reason }) => !result?.failed.some((failure) => matches(file, failure.file) && reason.test(failure.reason)),
  );
  const nothingExpected = !spec.imported?.length;
  const changed = (await libraryHash(db)) !== before;
  const partial =
    (await unindexedReports(db)).length > 0 ||
    (nothingExpected && changed) ||
    (nothingExpected && (await db.aliases.count()) !== aliasesBefore);
  const outcome: HostileOutcome = {
    ...cleanOutcome(spec.category, spec.name, spec.expected),
    crashed: run.error !== undefined,
    hung: run.hung,
    partialImport: partial,
    wronglyAccepted: smuggled.length + missingRefusals.length,
    ms: Math.round(run.ms),
  };
  return { outcome, result, error: run.error };
}

/** The assertions every case shares: no crash, no hang, nothing partial or smuggled, each refusal named. */
export function expectClean(run: ImportCaseRun, spec: ImportCase): void {
  expect(run.error).toBeUndefined();
  const result = run.result!;
  for (const { file, reason } of spec.refused)
    expect(
      result.failed.some((failure) => matches(file, failure.file) && reason.test(failure.reason)),
      `no failure for ${String(file)} matching ${reason} in ${JSON.stringify(result.failed)}`,
    ).toBe(true);
  expect(result.imported.map((report) => report.file).sort()).toEqual([...(spec.imported ?? [])].sort());
  const { crashed, hung, partialImport, wronglyAccepted } = run.outcome;
  expect({ crashed, hung, partialImport, wronglyAccepted }).toEqual({
    crashed: false,
    hung: false,
    partialImport: false,
    wronglyAccepted: 0,
  });
}

/** Time a case may take in the test runner (its own hang bound is {@link ImportCase.boundMs}). */
const CASE_TIMEOUT_MS = 60_000;

/**
 * Sets up a hostile import suite in the calling test file: a fresh seeded library for each test, and every case's
 * outcome written as `suite` when the file is done. `check` runs one case through {@link runImportCase} and
 * {@link expectClean} and asserts no prototype was polluted; `cases` registers one test per case, with `after` for a
 * case's own checks.
 */
export function importCaseSuite(suite: string) {
  const outcomes: HostileOutcome[] = [];
  let db: LibraryDatabase;
  beforeEach(async () => {
    db = await seededLibrary();
    return () => db.delete();
  });
  afterAll(() => writeHostileOutcomes(suite, outcomes));
  const check = async (spec: ImportCase): Promise<ImportCaseRun> => {
    const run = await runImportCase(db, spec);
    outcomes.push(run.outcome);
    expectClean(run, spec);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    return run;
  };
  const cases = (specs: readonly ImportCase[], after?: (spec: ImportCase, db: LibraryDatabase) => unknown) =>
    test.each(specs.map((spec) => [spec.name, spec] as const))(
      '%s',
      async (_name, spec) => {
        await check(spec);
        await after?.(spec, db);
      },
      CASE_TIMEOUT_MS,
    );
  return { db: () => db, check, cases };
}

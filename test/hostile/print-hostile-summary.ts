import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_RESULTS_DIR, type HostileOutcome } from '../support/hostile-outcomes';

/**
 * Adds up every `test-results/hostile/*.json` the hostile suites wrote and prints one row per category. Exits 1 when
 * any bad figure is not zero or when a suite of {@link SUITES} wrote nothing (it did not run). `--clear` deletes the
 * folder first thing in `npm test`, so figures from an earlier run are never counted.
 */

/** Every hostile suite and the file it lives in: a suite added to the tests is added here, or its figures go unseen. */
const SUITES: Record<string, string> = {
  archives: 'test/hostile/archives.test.ts',
  'front-matter': 'test/hostile/front-matter.test.ts',
  backups: 'test/hostile/backups.test.ts',
  encodings: 'test/hostile/encodings.test.ts',
  pdfs: 'test/hostile/pdfs.test.ts',
  redos: 'test/hostile/redos.test.ts',
  durability: 'test/hostile/durability.test.ts',
  feeds: 'test/hostile/feeds.test.ts',
  fuzz: 'test/unit/parsers.fuzz.test.ts',
  'durability-browser': 'test/e2e/import-durability.e2e.test.ts',
  rendering: 'test/e2e/hostile-rendering.e2e.test.ts',
  'private-marks': 'test/e2e/private-marks.e2e.test.ts',
};
const BAD = ['crashed', 'hung', 'partialImport', 'payloadsExecuted', 'requestsMade', 'wronglyAccepted'] as const;
const COLUMNS = [
  'category',
  'cases',
  'crashes',
  'hangs',
  'partial imports',
  'payloads executed',
  'requests made',
  'wrongly accepted',
  'worst ms',
];

interface Row {
  category: string;
  cases: number;
  figures: Record<(typeof BAD)[number], number>;
  worstMs: number;
}

function readOutcomes(): { suite: string; outcomes: HostileOutcome[] }[] {
  if (!existsSync(HOSTILE_RESULTS_DIR)) return [];
  return readdirSync(HOSTILE_RESULTS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      suite: name.slice(0, -'.json'.length),
      outcomes: JSON.parse(readFileSync(join(HOSTILE_RESULTS_DIR, name), 'utf8')) as HostileOutcome[],
    }));
}

const count = (value: boolean | number) => (typeof value === 'boolean' ? Number(value) : value);

function rowsOf(outcomes: HostileOutcome[]): Row[] {
  const rows = new Map<string, Row>();
  for (const outcome of outcomes) {
    const row = rows.get(outcome.category) ?? {
      category: outcome.category,
      cases: 0,
      figures: Object.fromEntries(BAD.map((key) => [key, 0])) as Row['figures'],
      worstMs: 0,
    };
    row.cases++;
    for (const key of BAD) row.figures[key] += count(outcome[key]);
    row.worstMs = Math.max(row.worstMs, outcome.ms);
    rows.set(outcome.category, row);
  }
  return [...rows.values()];
}

function table(rows: Row[]): string {
  const cells = rows.map((row) => [row.category, String(row.cases), ...BAD.map((key) => String(row.figures[key])), row.worstMs.toFixed(0)]);
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (i ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)].join(
    '\n',
  );
}

function main(): number {
  if (process.argv.includes('--clear')) {
    rmSync(HOSTILE_RESULTS_DIR, { recursive: true, force: true });
    return 0;
  }
  const suites = readOutcomes();
  const missing = Object.keys(SUITES).filter((name) => !suites.some((suite) => suite.suite === name));
  if (missing.length) {
    console.error(
      `hostile summary: no results in ${HOSTILE_RESULTS_DIR}/ from ${missing.map((name) => `${name} (${SUITES[name]})`).join(', ')}: did they run?`,
    );
    return 1;
  }
  const all = suites.flatMap((suite) => suite.outcomes);
  const rows = rowsOf(all);
  const total: Row = {
    category: 'all',
    cases: all.length,
    figures: Object.fromEntries(BAD.map((key) => [key, rows.reduce((sum, row) => sum + row.figures[key], 0)])) as Row['figures'],
    worstMs: Math.max(0, ...rows.map((row) => row.worstMs)),
  };
  console.log(`Hostile input (${suites.map((suite) => suite.suite).join(', ')}):\n${table([...rows, total])}`);
  const bad = all.filter((outcome) => BAD.some((key) => count(outcome[key]) > 0));
  for (const outcome of bad) {
    const figures = BAD.filter((key) => count(outcome[key]) > 0).map((key) => `${key} ${count(outcome[key])}`);
    console.error(`  FAILED ${outcome.category} / ${outcome.case}: ${figures.join(', ')} (expected: ${outcome.expected})`);
  }
  return bad.length ? 1 : 0;
}

process.exitCode = main();

import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { createSecurityMatcher } from '../../lib/detect/find-securities';
import { decodeText } from '../../lib/import/decode-text';
import { DEFAULT_IMPORT_LIMITS } from '../../lib/import/import-limits';
import { parseBackup } from '../../lib/import/library-backup';
import { readImportEntries } from '../../lib/import/read-import-entries';
import { splitFrontMatter } from '../../lib/reports/front-matter';
import { parseReport } from '../../lib/reports/parse-report';
import { bundledDictionary } from '../../lib/securities/dictionary';
import { parseSecurityList } from '../../lib/securities/security-lists';
import { seededRandom } from '../bench/bench-stats';
import { cleanOutcome, writeHostileOutcomes } from '../support/hostile-outcomes';

/**
 * A seeded fuzz run over the parsers: every input is a mutation of a real-shaped seed (our fixtures), and every parser
 * must either succeed or throw an Error with a message; a TypeError, RangeError and the like is a bug in our code.
 * The run prints inputs tried and the worst time per input. `FUZZ_COUNT=5000 npx vitest run test/unit/parsers.fuzz.test.ts` runs longer.
 */
const COUNT = Number(process.env.FUZZ_COUNT ?? 150);
const FIXTURES = new URL('../fixtures/reports/', import.meta.url);
const SEEDS = readdirSync(FIXTURES).map((name) => readFileSync(new URL(name, FIXTURES), 'utf8'));
const random = seededRandom(20261125);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const FRAGMENTS = [
  '---\n',
  '\n---\n',
  '<',
  '>',
  '</p>',
  '<script>',
  '&amp;',
  '`',
  '**',
  '# ',
  '1. ',
  '- ',
  '：',
  '；',
  '（',
  '）',
  '09988.HK',
  '$',
  'NASDAQ:',
  '\u0000',
  '\ufeff',
  '\ud800',
  '&#0;',
  '{',
  '[',
  '*a',
  '!!js/function',
  '<<: *a',
  'a: &a [*a,*a]',
  '风险提示：',
];

/** One random mutation: cut, duplicate, insert a fragment, flip a character. */
function mutate(text: string): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(random() * (out.length + 1));
    switch (Math.floor(random() * 4)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + Math.floor(random() * 40));
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at, at + 200).repeat(1 + Math.floor(random() * 5)) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + pick(FRAGMENTS) + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + out.slice(at + 1);
    }
  }
  return out;
}

const worst: Record<string, { ms: number; tried: number; rejected: number; bugs: number }> = {};
/** No input may take longer than this (the worst seen over 3,000 inputs each was 11 ms). */
const INPUT_BOUND_MS = 2_000;
/** Runs one input through a parser, recording time; only ordinary Errors may come out. */
async function tryInput(parser: string, run: () => unknown): Promise<void> {
  const entry = (worst[parser] ??= { ms: 0, tried: 0, rejected: 0, bugs: 0 });
  const start = performance.now();
  try {
    await run();
  } catch (error) {
    entry.rejected++;
    // Our reasons are Errors (or our subclasses); TypeError, RangeError and their kin are bugs in our code.
    const bug = [TypeError, RangeError, ReferenceError, EvalError, SyntaxError].find((kind) => error instanceof kind);
    if (bug || !(error instanceof Error) || !error.message) entry.bugs++;
    expect(error, `${parser} threw a ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`).toBeInstanceOf(Error);
    expect(bug, `${parser}: ${(error as Error).stack}`).toBeUndefined();
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
  entry.tried++;
  entry.ms = Math.max(entry.ms, performance.now() - start);
}

afterAll(() => {
  writeHostileOutcomes(
    'fuzz',
    Object.entries(worst).map(([parser, { ms, tried, rejected, bugs }]) => ({
      ...cleanOutcome('fuzz', `${parser}: ${tried} inputs, ${rejected} refused with a reason`, 'a result, or an Error with a reason'),
      crashed: bugs > 0,
      hung: ms > INPUT_BOUND_MS,
      ms: Math.round(ms),
    })),
  );
  console.log(
    `fuzz (${COUNT} inputs per parser, seed 20261125):\n${Object.entries(worst)
      .map(([parser, { ms, tried, rejected }]) => `  ${parser.padEnd(14)} tried ${tried}, rejected ${rejected}, worst ${ms.toFixed(1)} ms`)
      .join('\n')}`,
  );
});

describe('fuzzed parsers fail only with a reason', () => {
  const dictionary = bundledDictionary();
  const context = { dictionary, matcher: createSecurityMatcher(dictionary.entries()) };

  test('front matter and reports (Markdown, HTML, text)', async () => {
    for (let i = 0; i < COUNT; i++) {
      const text = mutate(pick(SEEDS));
      await tryInput('front-matter', () => splitFrontMatter(text));
      await tryInput('report', () => parseReport(pick(['a.md', 'b.html', 'c.txt']), text, context));
    }
  });

  test('text decoding', async () => {
    for (let i = 0; i < COUNT; i++) {
      const bytes = new TextEncoder().encode(mutate(pick(SEEDS)));
      for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      await tryInput('decode', () => decodeText(bytes));
    }
  });

  test('zip archives', async () => {
    const zip = zipSync(Object.fromEntries(SEEDS.map((seed, i) => [`posts/${i}.md`, strToU8(seed)])));
    for (let i = 0; i < COUNT; i++) {
      const bytes = zip.slice(0, Math.floor(random() * zip.length * 1.2));
      for (let k = 0; k < 3; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      await tryInput('zip', async () => {
        for await (const entry of readImportEntries([new File([bytes], 'fuzz.zip')], DEFAULT_IMPORT_LIMITS)) {
          if (entry.kind === 'failed' || entry.kind === 'archive-failed') expect(entry.reason.length).toBeGreaterThan(0);
        }
      });
    }
  });

  test('backups and security lists', async () => {
    const backup = JSON.stringify({
      format: 'reportlens-backup',
      version: 1,
      exportedAt: 'x',
      reports: [{ fileName: 'a.md', originalText: SEEDS[0], importedAt: 'x' }],
      aliases: [],
    });
    const list = 'code,name,aliases\n600519.SH,贵州茅台,茅台\n9988.HK,阿里巴巴-W,阿里巴巴\n';
    for (let i = 0; i < COUNT; i++) {
      const mutatedBackup = mutate(backup);
      const mutatedList = mutate(
        pick([list, '[{"code":"00700","name":"腾讯控股"}]', '[["600519.SH","600519","贵州茅台","","",[],"CN","stock",true,100]]']),
      );
      await tryInput('backup', () => parseBackup(mutatedBackup));
      await tryInput('security-list', () => parseSecurityList(mutatedList));
    }
  });
});

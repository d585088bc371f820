import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import { createSecurityMatcher } from '../../lib/detect/find-securities';
import { summarisePage } from '../../lib/page-analysis/page-summary';
import { headlineOf, splitPageTitle } from '../../lib/page-analysis/page-title';
import { QUOTE_URL_RULES, securityOfQuoteUrl } from '../../lib/detect/quote-url';
import { decodeText } from '../../lib/import/decode-text';
import { splitFrontMatter } from '../../lib/reports/front-matter';
import { learnAliases } from '../../lib/reports/learn-aliases';
import { parseReport } from '../../lib/reports/parse-report';
import { extractBrokerFields } from '../../lib/reports/broker-fields';
import { joinText, squashCjkSpaces } from '../../lib/pdf/cjk-text';
import { searchTokens } from '../../lib/search/search-tokens';
import { chineseVariantTable, foldChineseVariants } from '../../lib/securities/chinese-variants';
import { bundledDictionary } from '../../lib/securities/dictionary';
import { normaliseSecurityCode } from '../../lib/securities/security-id';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from '../support/hostile-outcomes';

/**
 * ReDoS-shaped text for every pattern we run: each regular expression literal in `lib/` and `components/` (found by
 * the TypeScript parser, so a new one is tested the day it is written) and each quote-URL rule, over long runs of the
 * characters such patterns backtrack on, each ending in a character that makes the match fail; then every function
 * that reads page or report text, over the same shapes at 16 and 64 KB, its time growing linearly. A linear pattern reads 20,000 units in
 * in a few milliseconds; a quadratic one needs a second, an exponential one never ends.
 */

/** Length of each hostile text a single pattern is run over. */
const PATTERN_TEXT_UNITS = 20_000;
/**
 * Hang bound for one pattern over one text: the slowest linear pattern takes under 5 ms here, each quadratic one
 * this suite found took 300 ms to 1.4 s (before it was fixed).
 */
const PATTERN_BOUND_MS = 200;
/**
 * Lengths of the hostile texts the text-reading functions get: each function reads every text at both, and its
 * time at the longer must grow about fourfold, not sixteenfold (which is what a quadratic step gives).
 */
const FUNCTION_TEXT_UNITS = [16 * 1024, 64 * 1024] as const;
/** Most a function's total may grow from the shorter texts to the four-times-longer ones: linear is 4, quadratic 16. */
const MAX_GROWTH = 10;
/** Below this total (ms, longer texts) the growth is noise, not a measure. */
const GROWTH_FLOOR_MS = 100;
/** Hang bound for one function over one text. */
const FUNCTION_BOUND_MS = 5_000;

/** Runs of these, alone and in pairs, are what backtracking patterns choke on. */
const ATOMS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u2000',
  '\u3000',
  'a',
  'A',
  'Z',
  '0',
  '9',
  '.',
  ',',
  ':',
  '：',
  ';',
  '-',
  '_',
  '$',
  '#',
  '*',
  '`',
  '|',
  '/',
  '\\',
  '(',
  ')',
  '（',
  '）',
  '[',
  ']',
  '<',
  '>',
  '&',
  '=',
  '"',
  "'",
  '!',
  '中',
  '茅',
  '騰',
  '、',
  '，',
  '。',
  '\ud83d\ude00',
  'a ',
  'A.',
  'a.',
  '1.',
  '0.',
  'A1',
  'aA',
  '- ',
  '* ',
  '1. ',
  '> ',
  '# ',
  '<a ',
  '<p>',
  '&#',
  '&amp',
  '${',
  '**a',
  '_a',
  '[a](',
  '![',
  '---\n',
  ': ',
  'a:',
  'SH',
  'HK',
  '$A',
  'NASDAQ: ',
  '(NYSE: ',
  '600519',
  '600519.',
  '09988.HK',
  'AAPL.',
  'AAPL-',
  '风险提示：',
  '阿里巴巴（',
  '(',
  'http://',
  '//',
  '/a',
  '..',
  '%',
  'https://a.b/',
  '2025-',
  '2025-01-01 ',
  '+08',
  '\ufeff',
];
/** Suffixes that make a pattern that was matching fail at the very end. */
const TAILS = ['\u0000!', ''];

function hostileTexts(units: number): { name: string; text: string }[] {
  return ATOMS.flatMap((atom) =>
    TAILS.map((tail) => ({
      name: `${JSON.stringify(atom)}×${Math.ceil(units / atom.length)}${tail ? ` + ${JSON.stringify(tail)}` : ''}`,
      text: atom.repeat(Math.ceil(units / atom.length)) + tail,
    })),
  );
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every regular expression literal in our source, with where it is. */
function regexLiterals(): { where: string; pattern: RegExp }[] {
  const found: { where: string; pattern: RegExp }[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ where: `${file.slice(ROOT.length)}:${line + 1}`, pattern: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Milliseconds `run` takes (synchronous: a hang blocks the test, so the bound is judged on the time taken). */
function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** A match attempt from every position (no g), and for global patterns every match replaced, as our code uses them. */
function exercise(pattern: RegExp, text: string): void {
  new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(text);
  if (pattern.global) text.replace(new RegExp(pattern.source, pattern.flags), '');
}

const outcomes: HostileOutcome[] = [];
afterAll(() => writeHostileOutcomes('redos', outcomes));

describe('every pattern over ReDoS-shaped text', () => {
  const texts = hostileTexts(PATTERN_TEXT_UNITS);
  const patterns = [
    ...regexLiterals(),
    ...QUOTE_URL_RULES.flatMap((rule) => [
      { where: `quote-url ${rule.site} host`, pattern: rule.host },
      { where: `quote-url ${rule.site} path`, pattern: rule.path },
    ]),
  ];

  test('the source has the patterns this suite is meant to cover', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.some(({ where }) => where.startsWith('lib/reports/report-blocks.ts'))).toBe(true);
    expect(patterns.some(({ where }) => where.startsWith('lib/detect/'))).toBe(true);
  });

  test.each(patterns.map(({ where, pattern }) => [`${where} ${pattern}`, pattern] as const))('%s', (name, pattern) => {
    let worst = { ms: 0, text: '' };
    for (const { name: textName, text } of texts) {
      const ms = time(() => exercise(pattern, text));
      if (ms > worst.ms) worst = { ms, text: textName };
    }
    outcomes.push({
      ...cleanOutcome('redos', `pattern ${name}`, `each ${PATTERN_TEXT_UNITS}-unit text under ${PATTERN_BOUND_MS} ms`),
      hung: worst.ms > PATTERN_BOUND_MS,
      ms: Math.round(worst.ms),
    });
    expect(worst.ms, `slowest on ${worst.text}`).toBeLessThan(PATTERN_BOUND_MS);
  });
});

describe('every text-reading function over ReDoS-shaped text', () => {
  const [short, long] = FUNCTION_TEXT_UNITS.map((units) => hostileTexts(units).filter((_, i) => i % TAILS.length === 0));
  const dictionary = bundledDictionary();
  const matcher = createSecurityMatcher(dictionary.entries());
  const foldingMatcher = createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable() });
  const context = { dictionary, matcher };
  const FUNCTIONS: [string, (text: string) => unknown][] = [
    ['matcher.find (bundled list)', (text) => matcher.find(text)],
    ['matcher.find (traditional folding)', (text) => foldingMatcher.find(text)],
    [
      'splitPageTitle and summarisePage (title, texts)',
      (text) => {
        splitPageTitle(text, ['google', text.slice(0, 64)]);
        return summarisePage([...matcher.find(text), ...matcher.find(text.slice(1))], [], (id) => id);
      },
    ],
    ['headlineOf', (text) => headlineOf(text)],
    ['securityOfQuoteUrl', (text) => securityOfQuoteUrl(`https://finance.yahoo.com/quote/${encodeURIComponent(text.slice(0, 65_536))}`)],
    ['normaliseSecurityCode', (text) => normaliseSecurityCode(text)],
    ['foldChineseVariants', (text) => foldChineseVariants(text)],
    ['searchTokens', (text) => searchTokens(text)],
    ['learnAliases', (text) => learnAliases(text, dictionary)],
    ['splitFrontMatter', (text) => splitFrontMatter(`---\ntitle: ${text}\n${text}`)],
    ['decodeText', (text) => decodeText(new TextEncoder().encode(text))],
    ['parseReport as Markdown', (text) => parseReport('a.md', text, context)],
    ['parseReport as HTML', (text) => parseReport('a.html', text, context)],
    ['parseReport as text', (text) => parseReport('a.txt', text, context)],
    // A PDF's stored text (layout as text: headings, table cells, page breaks), and the PDF layout's space handling.
    ['parseReport as PDF text', (text) => parseReport('a.pdf', text, context)],
    ['extractBrokerFields', (text) => extractBrokerFields(text.split('\n').map((line, i) => ({ text: line, line: i + 1 })))],
    ['squashCjkSpaces and joinText', (text) => joinText(squashCjkSpaces(text), text)],
  ];

  test.each(FUNCTIONS)(
    '%s',
    (name, run) => {
      const timeAll = (texts: { name: string; text: string }[]) => {
        let total = 0;
        let worst = { ms: 0, text: '' };
        for (const { name: textName, text } of texts) {
          const ms = time(() => {
            try {
              run(text);
            } catch (error) {
              // Refusing with a reason is fine ("the file has no text"); anything but an Error is a crash.
              if (!(error instanceof Error) || error instanceof TypeError || error instanceof RangeError) throw error;
            }
          });
          total += ms;
          if (ms > worst.ms) worst = { ms, text: textName };
        }
        return { total, worst };
      };
      const shorter = timeAll(short!);
      const longer = timeAll(long!);
      const growth = longer.total / Math.max(shorter.total, 1e-3);
      const superlinear = longer.total > GROWTH_FLOOR_MS && growth > MAX_GROWTH;
      outcomes.push({
        ...cleanOutcome(
          'redos',
          `function ${name} (x${growth.toFixed(1)} for 4x the text)`,
          `each 64 KB text under ${FUNCTION_BOUND_MS} ms, time growing linearly with the text`,
        ),
        hung: longer.worst.ms > FUNCTION_BOUND_MS || superlinear,
        ms: Math.round(longer.worst.ms),
      });
      expect(longer.worst.ms, `slowest on ${longer.worst.text}`).toBeLessThan(FUNCTION_BOUND_MS);
      expect(superlinear, `total ${shorter.total.toFixed(0)} ms → ${longer.total.toFixed(0)} ms for 4x the text`).toBe(false);
    },
    300_000,
  );
});

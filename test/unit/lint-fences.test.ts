import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { valueImportsOf } from '../support/import-graph';

/** The checkout's root (this file is test/unit/). */
const ROOT = join(import.meta.dirname, '../..');
/** Probe files carry this in their names so a crash leaves them easy to spot (and they are removed after the run). */
const PROBE = `fence-probe-${process.pid}`;
/** Type-aware linting builds the whole TypeScript program once: slow on a shared two-core machine. */
const LINT_TIMEOUT_MS = 180_000;

/** Each fence with a file that crosses it, and the rule that must refuse it. */
const CROSSINGS: { fence: string; file: string; source: string; rule: string }[] = [
  {
    fence: 'lib/ never imports components/',
    file: `lib/${PROBE}/lib-to-components.ts`,
    source: `import type { PopupViewProps } from '../../components/popup-view';\nexport type Probe = PopupViewProps;\n`,
    rule: 'import-x/no-restricted-paths',
  },
  {
    fence: 'lib/ never imports entrypoints/',
    file: `lib/${PROBE}/lib-to-entrypoints.ts`,
    source: `export { default } from '../../entrypoints/background';\n`,
    rule: 'import-x/no-restricted-paths',
  },
  {
    fence: 'components/ never import entrypoints/',
    file: `components/${PROBE}.tsx`,
    source: `export { default } from '../entrypoints/background';\n`,
    rule: 'import-x/no-restricted-paths',
  },
  {
    fence: 'tab-side code pulls no Dexie',
    file: `lib/page/${PROBE}.ts`,
    source: `import Dexie from 'dexie';\nexport const probe = new Dexie('probe');\n`,
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    fence: 'the content script reaches no database module',
    file: `entrypoints/content/${PROBE}.ts`,
    source: `import { openLibraryDatabase } from '~/lib/db/database';\nexport const probe = openLibraryDatabase;\n`,
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    fence: 'no floating promises',
    file: `lib/${PROBE}/floating.ts`,
    source: `export function probe(): void {\n  Promise.reject(new Error('lost'));\n}\n`,
    rule: '@typescript-eslint/no-floating-promises',
  },
  {
    fence: 'no import cycles',
    file: `lib/${PROBE}/cycle-a.ts`,
    source: `import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n`,
    rule: 'import-x/no-cycle',
  },
];

/** Files the crossings need beside them (the other half of the cycle). */
const COMPANIONS: Record<string, string> = {
  [`lib/${PROBE}/cycle-b.ts`]: `import { a } from './cycle-a';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n`,
};

describe('lint fences (eslint.config.js) refuse each crossing', () => {
  let results: Map<string, string[]>;

  beforeAll(async () => {
    const files = { ...Object.fromEntries(CROSSINGS.map(({ file, source }) => [file, source])), ...COMPANIONS };
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(dirname(join(ROOT, file)), { recursive: true });
      writeFileSync(join(ROOT, file), source);
    }
    const eslint = new ESLint({ cwd: ROOT });
    const linted = await eslint.lintFiles(CROSSINGS.map(({ file }) => file));
    results = new Map(linted.map((result) => [result.filePath, result.messages.map((message) => message.ruleId ?? message.message)]));
  }, LINT_TIMEOUT_MS);

  afterAll(() => {
    rmSync(join(ROOT, 'lib', PROBE), { recursive: true, force: true });
    for (const file of [...CROSSINGS.map(({ file }) => file), ...Object.keys(COMPANIONS)]) rmSync(join(ROOT, file), { force: true });
  });

  test.each(CROSSINGS)('$fence: $file is refused by $rule', ({ file, rule }) => {
    expect(results.get(join(ROOT, file))).toContain(rule);
  });

  test(
    'the code as committed crosses no fence (the probes aside)',
    async () => {
      const eslint = new ESLint({ cwd: ROOT });
      const linted = await eslint.lintFiles(['lib/messaging/protocol.ts', 'entrypoints/content/index.tsx', 'components/popup-view.tsx']);
      expect(
        linted.flatMap((result) => result.messages.map((message) => `${result.filePath}: ${message.ruleId ?? message.message}`)),
      ).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});

describe('the content script pulls no Dexie, however deep the import', () => {
  test('no module the content script loads (following value imports) is Dexie or lib/db', () => {
    const reached = valueImportsOf(join(ROOT, 'entrypoints/content/index.tsx'), ROOT);
    expect(reached.length).toBeGreaterThan(10); // the walk follows imports at all
    expect(reached.filter((module) => module === 'dexie' || module.startsWith('dexie/') || module.startsWith('lib/db/'))).toEqual([]);
  });

  test('the walk does see Dexie where it is loaded (the worker)', () => {
    expect(valueImportsOf(join(ROOT, 'entrypoints/background.ts'), ROOT)).toContain('dexie');
  });
});

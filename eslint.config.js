// @ts-check
/**
 * Lint as a fence: the rules below state the architecture (ARCHITECTURE.md's table) so it is checked, not remembered.
 * Each fence says why it is there; `test/unit/lint-fences.test.ts` proves the fences fail on a crossing.
 */
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Folders the content script and everything it imports live in: a finance page's world, where IndexedDB is the site's. */
const TAB_SIDE = [
  'entrypoints/content/**',
  'entrypoints/card-view.tsx',
  'components/**',
  'lib/page/**',
  'lib/detect/**',
  'lib/securities/**',
  'lib/messaging/**',
  'lib/i18n/**',
  'lib/settings/**',
  'lib/permissions/**',
];

/** Importing Dexie (or our database module, which opens it) from tab-side code would open the site's IndexedDB. */
const NO_DEXIE = {
  patterns: [
    {
      group: ['dexie', 'dexie/*', '**/lib/db/*', '~/lib/db/*', '@/lib/db/*'],
      allowTypeImports: true,
      message: 'The content script (and what it imports) never pulls Dexie: in a tab IndexedDB is the site’s storage.',
    },
  ],
};

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**', 'assets/demo-library/**'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [eslint.configs.recommended, tseslint.configs.strictTypeChecked, importX.flatConfigs.typescript],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // Import circles make load order matter and hide which module owns a type: none allowed.
      'import-x/no-cycle': 'error',
      // A promise nobody awaits loses its error: await it, or say `void` where fire-and-forget is meant.
      '@typescript-eslint/no-floating-promises': 'error',
      // Text spread into code points is how CJK names are read; grapheme clusters never matter for names and codes.
      '@typescript-eslint/no-misused-spread': 'off',
      // An async function returning a value is how a Promise-returning interface is met; nothing is lost without await.
      '@typescript-eslint/require-await': 'off',
      // `{ archive: _archive, ...rest }` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `list[i]!` after a bounds check is how typed loops read under noUncheckedIndexedAccess (222 uses, all indexed).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and keys are meant; objects and nullish values in templates stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `return setError(…)` as an early exit in a void handler is idiomatic; tsc already refuses using a void value.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // It trusts lib.dom's and the polyfill's optimistic types (`doc.body`, `document.fonts`, `browser.action` always
      // there), which Firefox MV2, linkedom and a failed test setup disprove: our checks of those are deliberate.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Folder boundaries (ARCHITECTURE.md): logic never depends on views or wiring; views never on wiring.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./components', './entrypoints'],
              message: 'lib/ is logic: views (components/) and wiring (entrypoints/) depend on it, never the reverse.',
            },
            {
              target: ['./components', './test'],
              from: './entrypoints',
              message: 'entrypoints/ wire only: whatever another module needs from one belongs in lib/ or components/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Entrypoints wire only: the database is reached through lib/db's queries, never Dexie directly.
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'entrypoints/ wire only: reach the database through lib/db.' }] },
      ],
    },
  },
  {
    files: TAB_SIDE.map((folder) => `${folder.replace('/**', '')}/**/*.{ts,tsx}`),
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', NO_DEXIE] },
  },
  {
    // Vitest's asymmetric matchers (`expect.any`, `expect.stringMatching`) are typed `any` by design.
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // Config files are plain JavaScript outside the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

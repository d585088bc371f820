import { describe, expect, test } from 'vitest';
import { importCaseSuite, type ImportCase } from '../support/hostile-import-case';

/**
 * Hostile YAML front matter through the whole import: what must be refused is refused with the file and the reason,
 * what is merely strange imports as inert text, and nothing touches a prototype or runs.
 */

const suite = importCaseSuite('front-matter');

const post = (name: string, frontMatter: string, body = `${name}：腾讯控股（00700.HK）季度点评。`) =>
  new File([`---\n${frontMatter}\n---\n${body}\n`], name);

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((level, i) => `${level}: &${level} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'title: *i',
].join('\n');

const CASES: ImportCase[] = [
  {
    category: 'yaml',
    name: 'alias bomb (billion laughs)',
    expected: 'refused by the alias limit, quickly',
    sources: () => [post('bomb.md', ALIAS_BOMB)],
    refused: [{ file: 'bomb.md', reason: /front matter is not valid YAML: .*alias/i }],
  },
  {
    category: 'yaml',
    name: 'nesting 10,000 flow sequences deep',
    expected: 'refused with a reason (no stack overflow escapes)',
    sources: () => [post('deep-flow.md', `title: ${'['.repeat(10_000)}${']'.repeat(10_000)}`)],
    refused: [{ file: 'deep-flow.md', reason: /front matter is not valid YAML/ }],
  },
  {
    category: 'yaml',
    name: 'nesting 2,000 block mappings deep',
    expected: 'imports or is refused with a reason; nothing thrown',
    sources: () => [
      post('deep-block.md', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\ntitle: deep'),
    ],
    refused: [{ file: 'deep-block.md', reason: /front matter is not valid YAML/ }],
  },
  {
    category: 'yaml',
    name: 'custom tags: !!js/function, !!js/undefined, !!python/object',
    expected: 'imported with the tagged values as inert text or ignored; nothing runs',
    sources: () => [
      post(
        'tags.md',
        [
          "title: !!js/function 'function () { globalThis.pwnedByYaml = 1; return 1 }'",
          'summary: !!js/undefined ""',
          'source: !!python/object/apply:os.system ["echo pwned"]',
        ].join('\n'),
      ),
    ],
    refused: [],
    imported: ['tags.md'],
  },
  {
    category: 'yaml',
    name: 'merge keys and keys carrying __proto__, constructor',
    expected: 'imported as plain data; no prototype polluted',
    sources: () => [
      post(
        'merge.md',
        [
          'base: &base {__proto__: {polluted: yes}, constructor: {prototype: {polluted: yes}}}',
          '<<: *base',
          '__proto__: {polluted: yes}',
          'title: merged',
          'tags: {__proto__: [a]}',
        ].join('\n'),
      ),
    ],
    refused: [],
    imported: ['merge.md'],
  },
  {
    category: 'yaml',
    name: 'front matter of 5 MB in one scalar',
    expected: 'imported or refused with a reason within the bound',
    sources: () => [post('long.md', `title: "${'长'.repeat(5_000_000)}"`)],
    refused: [],
    imported: ['long.md'],
  },
  {
    category: 'yaml',
    name: 'an unclosed fence and a fence that never ends',
    expected: 'read as a body without front matter: both import',
    sources: () => [
      new File([`---\ntitle: open\n${'正文，'.repeat(50_000)}`], 'open.md'),
      new File(['---\n---\n---\n一段正文。'], 'fences.md'),
    ],
    refused: [],
    imported: ['open.md', 'fences.md'],
  },
];

describe('hostile front matter', () => {
  suite.cases(CASES, () => expect((globalThis as Record<string, unknown>).pwnedByYaml).toBeUndefined());

  test('tagged values are stored as text or not at all, never as code', async () => {
    const spec = CASES.find((c) => c.name.startsWith('custom tags'))!;
    await suite.check(spec);
    const report = await suite
      .db()
      .reports.filter((stored) => stored.fileName === 'tags.md')
      .first();
    expect(report).toBeDefined();
    for (const value of [report?.title, report?.summary, report?.source]) expect(['string', 'undefined']).toContain(typeof value);
  });
});

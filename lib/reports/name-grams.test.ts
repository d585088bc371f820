import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createSecurityMatcher } from '../detect/find-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { nameBuckets, textBuckets } from './name-grams';

const contains = (text: string, name: string) => {
  const have = new Set(textBuckets(text));
  return [...nameBuckets(name)!].every((bucket) => have.has(bucket));
};

test.each([
  ['光迅星科', '光迅星科订单饱满，毛利率改善。', true],
  ['光迅星科', '光迅科技订单饱满，星科不在。', false],
  ['腾云控股', '騰雲控股發布季報', true], // traditional spelling, folded as the matcher folds it
  ['Palantir', 'PALANTIR beat estimates', true], // ASCII case folded: a superset of what the matcher finds
  ['TCL科技', '看好TCL科技的面板业务', true],
  ['A.O. Smith', 'A.O.Smith', true], // ASCII punctuation breaks pairs on both sides alike
  ['阿里巴巴', '阿里 巴巴', false], // the matcher needs the name unbroken, and so does the index
])('%s in "%s": candidate %s', (name, text, expected) => {
  expect(contains(text, name)).toBe(expected);
});

test.each([['茅'], ['A股'.slice(0, 1)], ['A-B']])('"%s" has no pair to look for: every report is a candidate', (name) => {
  expect(nameBuckets(name)).toBeUndefined();
});

test('the buckets of a text are distinct, and the same text gives the same buckets', () => {
  const buckets = textBuckets('贵州茅台贵州茅台 Kweichow Moutai kweichow');
  expect(new Set(buckets).size).toBe(buckets.length);
  expect([...textBuckets('贵州茅台贵州茅台 Kweichow Moutai kweichow')]).toEqual([...buckets]);
});

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/reports');
const corpusFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? corpusFiles(join(dir, entry.name)) : /\.(md|html?|txt)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** Names of listings the corpus discusses, and some it does not: the index must find every report the matcher does. */
const NAMES = ['万邦德', '华新水泥', '纳微半导体', '中际旭创', '新易盛', '天孚通信', '贵州茅台', '宁德时代', '工业富联', '寒武纪'];

test.skipIf(!existsSync(CORPUS))(
  'over the shared corpus: no report the matcher finds a name in is missed; few are suspected wrongly',
  () => {
    const texts = corpusFiles(CORPUS).map((file) => readFileSync(file, 'utf8'));
    const matcher = createSecurityMatcher(
      NAMES.map((name, i) => ({ id: `SZ:${String(300000 + i)}` as const, names: [name] })),
      { variants: chineseVariantTable() },
    );
    let wrong = 0;
    let lacking = 0;
    for (const text of texts) {
      const found = new Set(matcher.find(text).map((mention) => text.slice(mention.start, mention.end)));
      for (const name of NAMES) {
        const suspected = contains(text, name);
        if (found.has(name)) expect(suspected, name).toBe(true);
        if (!text.includes(name)) {
          lacking++;
          if (suspected) wrong++;
        }
      }
    }
    // Measured: 0.2 % of (report, name) pairs without the name are suspected (buckets per report: p50 1,176).
    expect(wrong / lacking).toBeLessThan(0.01);
  },
);

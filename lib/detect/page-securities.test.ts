import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { decodeText } from '../import/decode-text';
import { collectTextNodes } from '../page/visible-text-nodes';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { bundledDictionary, SecurityDictionary } from '../securities/dictionary';
import { parseSecurityList } from '../securities/security-lists';
import { createSecurityMatcher } from './find-securities';
import { headlineOf, pageSecurities, publisherListings } from './page-securities';

test.each([
  ['苹果发布新iPhone 11：64GB售5499元|苹果|新品_电信_新浪科技_新浪网', '苹果发布新iPhone 11：64GB售5499元'],
  ['AAPL - Google Search', 'AAPL'],
  ['Apple Inc. (AAPL) Stock Price, News, Quote & History - Yahoo Finance', 'Apple Inc. (AAPL) Stock Price, News, Quote & History'],
  ['No separators here', 'No separators here'],
])('headline of %s', (title, headline) => {
  expect(headlineOf(title)).toBe(headline);
});

test('the publisher named in the title suffix is not what the page is about, unless the headline names it too', () => {
  const dictionary = bundledDictionary();
  const matcher = createSecurityMatcher(dictionary.entries());
  expect([...publisherListings('数据业大整顿_财经_腾讯网', matcher, dictionary)]).toEqual(['HK:00700', 'US:TCEHY']);
  expect([...publisherListings('腾讯发布三季报_财经_腾讯网', matcher, dictionary)]).toEqual([]);
  const found = pageSecurities({ title: '数据业大整顿_腾讯网', texts: ['返回腾讯网首页', '贵州茅台开售'] }, matcher, dictionary);
  expect(found.securities.map((s) => s.id)).toEqual(['SH:600519']);
});

describe.skipIf(!SHARED_AVAILABLE)(`saved real pages (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  const pagesDir = sharedPath('corpus', 'pages');
  const expected = SHARED_AVAILABLE
    ? (JSON.parse(readFileSync(`${pagesDir}/expected.json`, 'utf8')) as { primary: Record<string, string[]>; aboutNone: string[] })
    : { primary: {}, aboutNone: [] };
  const userList = SHARED_AVAILABLE
    ? parseSecurityList(readFileSync(sharedPath('corpus', 'securities', 'stocks_index_daily_stock_analysis', 'stocks.index.json'), 'utf8'))
        .entries
    : [];
  const dictionary = new SecurityDictionary([...BUNDLED_SECURITIES, ...userList]);
  const matcher = createSecurityMatcher(dictionary.entries());
  const detect = (file: string) => {
    const doc = new DOMParser().parseFromString(decodeText(new Uint8Array(readFileSync(`${pagesDir}/${file}`))).text, 'text/html');
    const texts = collectTextNodes(doc.body).map((node) => node.nodeValue ?? '');
    return pageSecurities({ title: doc.title, texts }, matcher, dictionary);
  };

  test.each(Object.entries(expected.primary))('%s: one of its subjects is found', (file, subjects) => {
    const found = detect(file);
    const ids = new Set([...found.primary, ...found.securities.map((s) => s.id)]);
    expect(subjects.some((id) => ids.has(id as never))).toBe(true);
  });

  test('pages about no security name at most what they really mention (sidebar headlines), never the publisher', () => {
    const qq = detect('qq/gne_tests_qq_2_data_industry.html').securities.map((s) => s.id);
    expect(qq).not.toContain('HK:00700');
    expect(qq.length).toBeLessThanOrEqual(2);
    expect(detect('hexun/gne_tests_hexun_1.html').securities.map((s) => s.id)).toEqual(['US:TSLA']);
  });
});

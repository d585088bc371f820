import { expect, test } from 'vitest';
import { translator, uiLocale } from './messages';

test.each([
  [['zh-CN', 'en'], 'zh'],
  [['zh-TW'], 'zh'],
  [['en-US', 'zh-CN'], 'en'],
  [[], 'en'],
] as const)('%j → %s', (languages, locale) => {
  expect(uiLocale(languages)).toBe(locale);
});

test('placeholders and English plurals are filled; Chinese has every message', () => {
  expect(translator('en')('card.reports', { n: 1 })).toBe('1 report in your library');
  expect(translator('en')('card.reports', { n: 3 })).toBe('3 reports in your library');
  expect(translator('zh')('card.reports', { n: 3 })).toBe('研报库中有 3 篇相关研报');
  expect(translator('zh')('card.marked', { text: '09988.HK', rule: '带交易所的代码', entry: '阿里巴巴-W (HK:09988)' })).toBe(
    '标记「09988.HK」：带交易所的代码 → 阿里巴巴-W (HK:09988)',
  );
});

test.each([
  ['en', 1, '1 company on this page with reports'],
  ['en', 2, '2 companies on this page with reports'],
  ['zh', 1, '本页有 1 家公司有相关研报'],
] as const)('plural forms: %s n=%d', (locale, n, expected) => {
  expect(translator(locale)('popup.onPage', { n })).toBe(expected);
});

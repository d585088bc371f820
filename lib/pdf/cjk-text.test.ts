import { describe, expect, test } from 'vitest';
import { joinText, normaliseRadicals, squashCjkSpaces } from './cjk-text';

describe('normaliseRadicals', () => {
  test.each([
    ['营业收⼊', '营业收入'],
    ['同⽐增⻓', '同比增长'],
    ['⾼端⻋型', '高端车型'],
    ['第 1 ⻚', '第 1 页'],
    ['量利⻬升', '量利齐升'],
    // Full-width punctuation stays: NFKC on the whole text would make it ASCII.
    ['（上调），', '（上调），'],
  ])('%s → %s', (input, expected) => expect(normaliseRadicals(input)).toBe(expected));
});

describe('squashCjkSpaces', () => {
  test.each([
    ['净 利 润 490.3 亿 元 ， 同', '净利润490.3亿元，同'],
    ['52 周 股 价 区 间 （ 元 ）', '52周股价区间（元）'],
    ['EPS 17.75 元与 22 倍 PE', 'EPS 17.75元与22倍PE'],
    ['Tencent  reported   revenue', 'Tencent reported revenue'],
  ])('%s', (input, expected) => expect(squashCjkSpaces(input)).toBe(expected));
});

describe('joinText', () => {
  test.each([
    ['公司发布三季报，', '营业收入增长', '公司发布三季报，营业收入增长'],
    ['revenue of RMB', '192.9bn', 'revenue of RMB 192.9bn'],
    ['year-on-', 'year growth', 'year-on-year growth'],
    ['', 'x', 'x'],
  ])('%s + %s', (before, after, expected) => expect(joinText(before, after)).toBe(expected));
});

import { describe, expect, test } from 'vitest';
import { chineseVariantTable, foldChineseVariants, SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from './chinese-variants';

describe('foldChineseVariants', () => {
  test.each([
    ['騰訊控股', '腾讯控股'],
    ['亞馬遜', '亚马逊'],
    ['輝達', '辉达'],
    ['台積電', '台积电'],
    ['匯豐控股', '汇丰控股'],
    ['滙豐銀行', '汇丰银行'],
    ['中國平安', '中国平安'],
    ['貴州茅臺', '贵州茅台'],
    ['比亞迪', '比亚迪'],
    ['長江電力', '长江电力'],
    ['華潤啤酒', '华润啤酒'],
    ['美團-W', '美团-W'],
    ['東方財富', '东方财富'],
    ['證券', '证券'],
    ['銀行', '银行'],
    ['深圳', '深圳'],
    ['滬深300', '沪深300'],
    ['阿里巴巴', '阿里巴巴'],
    ['腾讯控股', '腾讯控股'],
    ['Tencent Holdings (0700.HK)', 'Tencent Holdings (0700.HK)'],
    ['', ''],
    ['本報告僅供參考，不構成投資建議。', '本报告仅供参考，不构成投资建议。'],
    ['淨利潤較上年同期顯著改善，維持「買入」評級。', '净利润较上年同期显著改善，维持「买入」评级。'],
    ['頭髮 發展', '头发 发展'],
    ['乾坤 著名 慰藉', '乾坤 著名 慰藉'],
    ['👍騰訊𠀀', '👍腾讯𠀀'],
  ])('%s → %s', (text, folded) => {
    expect(foldChineseVariants(text)).toBe(folded);
    expect(foldChineseVariants(text)).toHaveLength(text.length);
  });

  test('folded text is already folded', () => {
    const folded = foldChineseVariants(TRADITIONAL_CHARS);
    expect(foldChineseVariants(folded)).toBe(folded);
  });
});

describe('the variant table', () => {
  test('pairs every traditional character with one simplified character', () => {
    expect(TRADITIONAL_CHARS).toHaveLength(SIMPLIFIED_CHARS.length);
    expect(TRADITIONAL_CHARS.length).toBeGreaterThanOrEqual(600);
    expect(chineseVariantTable().size).toBe(TRADITIONAL_CHARS.length);
  });

  test('folds the whole table, index for index', () => {
    expect(foldChineseVariants(TRADITIONAL_CHARS)).toBe(SIMPLIFIED_CHARS);
  });

  test('has no chain and no identity pair', () => {
    const table = chineseVariantTable();
    const chained = [...table.values()].filter((to) => table.has(to)).map((to) => String.fromCharCode(to));
    expect(chained).toEqual([]);
    const identical = [...table].filter(([from, to]) => from === to).map(([from]) => String.fromCharCode(from));
    expect(identical).toEqual([]);
  });

  test('holds only CJK Unified Ideographs, so surrogate pairs are never split', () => {
    expect(TRADITIONAL_CHARS).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(SIMPLIFIED_CHARS).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  test.each([
    ['騰', '腾'],
    ['訊', '讯'],
    ['東', '东'],
    ['國', '国'],
    ['銀', '银'],
    ['業', '业'],
    ['電', '电'],
    ['網', '网'],
    ['華', '华'],
    ['實', '实'],
    ['興', '兴'],
    ['聯', '联'],
    ['產', '产'],
    ['險', '险'],
    ['證', '证'],
    ['團', '团'],
    ['錢', '钱'],
    ['車', '车'],
    ['鐵', '铁'],
    ['藥', '药'],
    ['醫', '医'],
    ['療', '疗'],
    ['發', '发'],
    ['開', '开'],
    ['長', '长'],
    ['匯', '汇'],
    ['豐', '丰'],
    ['達', '达'],
    ['遜', '逊'],
    ['馬', '马'],
    ['亞', '亚'],
    ['輝', '辉'],
    ['積', '积'],
    ['雲', '云'],
    ['機', '机'],
    ['體', '体'],
    ['資', '资'],
    ['營', '营'],
    ['綠', '绿'],
    ['農', '农'],
    ['龍', '龙'],
    ['鳳', '凤'],
    ['廣', '广'],
    ['滬', '沪'],
    ['行', '行'],
    ['券', '券'],
    ['圳', '圳'],
    ['乾', '乾'],
    ['著', '著'],
  ])('%s → %s', (from, to) => {
    expect(foldChineseVariants(from)).toBe(to);
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test.each([1, 2, 3, 4, 5, 6, 7, 8])('random strings keep their length and fold position by position (seed %i)', (seed) => {
  const next = random(seed);
  const table = chineseVariantTable();
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)]!;
  const pieces: Array<() => string> = [
    () => pick(TRADITIONAL_CHARS),
    () => pick(SIMPLIFIED_CHARS),
    () => String.fromCharCode(0x4e00 + Math.floor(next() * 0x5200)),
    () => String.fromCharCode(0x20 + Math.floor(next() * 0x5f)),
    () => pick('，。「」（）：；、 \n\t'),
    () => String.fromCodePoint(0x1f300 + Math.floor(next() * 0x300)),
    () => String.fromCodePoint(0x20000 + Math.floor(next() * 0xa000)),
    () => String.fromCharCode(0xd800 + Math.floor(next() * 0x800)),
  ];
  for (let round = 0; round < 200; round++) {
    let text = '';
    const length = Math.floor(next() * 40);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]!();
    const folded = foldChineseVariants(text);
    expect(folded).toHaveLength(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      expect(folded.charCodeAt(i)).toBe(table.get(code) ?? code);
    }
  }
});

import type { SecurityEntry } from '../../lib/securities/bundled-securities';
import type { SecurityId } from '../../lib/securities/security-id';
import { seededRandom } from './bench-stats';

/**
 * Characters company names are made of. Real names draw on thousands of characters (the ~8,000 mainland and Hong
 * Kong short names use over 2,000); names here take the common words below half the time and any of the 4,096
 * characters from U+4E00 otherwise, so the dictionary is neither a handful of repeated characters nor unreadable.
 */
const NAME_WIDE_RANGE = 4096;
const CJK =
  '中国平安银行科技股份集团控股电子信息新能源汽车医药生物光电材料化工机械设备智能网络通信软件半导体芯片证券保险地产建设工程能源电力煤炭石油天然气钢铁有色金属食品饮料白酒家电消费零售物流航空港口交通环保农业传媒教育旅游酒店服务互联网云计算数据创新华东西南北京上海广州深圳天津重庆浙江江苏福建湖南湖北四川山东河南安徽江西辽宁吉林黑龙陕西甘肃宁夏青海新疆西藏内蒙古贵州云南广西海南香港澳门台湾实业发展投资管理国际环球联合精密制造先进开发';
const PROSE_ZH =
  '公司发布季度报告，营业收入同比增长，净利润超出市场预期。分析师认为行业景气度持续回升，估值具备吸引力，维持买入评级。风险提示：宏观经济波动，政策变化，竞争加剧。';
const PROSE_EN =
  'Shares rose after the company reported quarterly revenue ahead of estimates, while analysts said margins could improve as demand recovers. IT spending and AI investment stayed strong; the CEO reiterated guidance. ';
const WORDS =
  'Global Advanced Micro Systems Holdings Capital Energy Bio Pharma Digital Networks Semiconductor Motors Foods Retail Logistics Media Partners Resources Materials Industrial Financial Therapeutics Solutions Technologies Brands Labs'.split(
    ' ',
  );

/** A dictionary of `size` securities with realistic names: CJK short names, English names, tickers and codes. */
export function syntheticDictionary(size: number, seed = 7): SecurityEntry[] {
  const random = seededRandom(seed);
  const pick = (s: string) =>
    random() < 0.5 ? s[Math.floor(random() * s.length)]! : String.fromCharCode(0x4e00 + Math.floor(random() * NAME_WIDE_RANGE));
  const entries: SecurityEntry[] = [];
  const usedTickers = new Set<string>();
  for (let i = 0; i < size; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const code = String(600000 + i).padStart(6, '0');
      const name = Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(CJK)).join('');
      entries.push({ id: `SH:${code}` as SecurityId, names: [name, name.slice(0, 2) + pick(CJK)] });
    } else if (kind === 1) {
      const code = String(1 + i).padStart(5, '0');
      entries.push({ id: `HK:${code}` as SecurityId, names: [Array.from({ length: 4 }, () => pick(CJK)).join('') + '-W'] });
    } else {
      let ticker: string;
      do ticker = Array.from({ length: 2 + Math.floor(random() * 3) }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('');
      while (usedTickers.has(ticker));
      usedTickers.add(ticker);
      const name = `${WORDS[Math.floor(random() * WORDS.length)]} ${WORDS[Math.floor(random() * WORDS.length)]} ${ticker.slice(0, 2)}`;
      entries.push({ id: `US:${ticker}` as SecurityId, names: [name] });
    }
  }
  return entries;
}

/**
 * About `bytes` of mixed Chinese/English finance prose with roughly `perKb` mentions per KB (of UTF-16 text): names,
 * codes with exchanges, cashtags and exchange prefixes, as real pages have them.
 */
export function syntheticText(entries: readonly SecurityEntry[], bytes: number, perKb = 2, seed = 11): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let length = 0;
  const mentionEvery = 1024 / perKb;
  let sinceMention = 0;
  while (length < bytes / 2) {
    const prose = random() < 0.6 ? PROSE_ZH : PROSE_EN;
    const cut = prose.slice(0, 20 + Math.floor(random() * (prose.length - 20)));
    parts.push(cut);
    length += cut.length;
    sinceMention += cut.length * 2;
    if (sinceMention >= mentionEvery) {
      sinceMention = 0;
      const entry = entries[Math.floor(random() * entries.length)]!;
      const code = entry.id.slice(3);
      const forms = [entry.names[0]!, `${entry.names[0]}（${code}.${entry.id.slice(0, 2)}）`, `$${code}`, `(NASDAQ: ${code})`];
      const mention = entry.id.startsWith('US') ? forms[Math.floor(random() * 4)]! : forms[Math.floor(random() * 2)]!;
      parts.push(mention);
      length += mention.length;
    }
  }
  return parts.join('');
}

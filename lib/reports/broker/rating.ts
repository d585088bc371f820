import { at, type Located, type SourceLine } from './located';

/** A rating as written, and its change when the note says one (`维持`, `上调`, `首次`, `upgrade`…). */
export interface Rating {
  value: string;
  change: string | null;
}

/** Ratings Chinese brokers use, longest first so `强烈推荐` is not read as `推荐`. */
const ZH_RATINGS = [
  '强烈推荐',
  '审慎推荐',
  '谨慎推荐',
  '谨慎增持',
  '审慎增持',
  '优于大市',
  '同步大市',
  '弱于大市',
  '强于大市',
  '跑赢行业',
  '跑输行业',
  '跑赢大市',
  '跑输大市',
  '买入',
  '增持',
  '持有',
  '中性',
  '减持',
  '卖出',
  '推荐',
  '强推',
  '回避',
  '看好',
  '看淡',
];
/** Ratings English-language brokers use. */
const EN_RATINGS = [
  'Strong Buy',
  'Buy',
  'Overweight',
  'Outperform',
  'Accumulate',
  'Add',
  'Hold',
  'Neutral',
  'Equal-weight',
  'Equal Weight',
  'Market Perform',
  'Sector Perform',
  'In-Line',
  'Underweight',
  'Underperform',
  'Reduce',
  'Sell',
];
const ZH = ZH_RATINGS.join('|');
const EN = EN_RATINGS.map((r) => r.replace(/[- ]/g, '[- ]?')).join('|');
/** Rating changes as written; `首次覆盖` and `首次给予` are both a first rating. */
const ZH_CHANGE = '首次覆盖|首次给予|首次|维持|上调|下调|调高|调低|重申';
const EN_CHANGE =
  'initiat(?:e|ed|ing)|maintain(?:ed|s)?|reiterat(?:e|ed|es)|upgrad(?:e|ed|es)|downgrad(?:e|ed|es)|raise[sd]?|cut|lower(?:ed|s)?';

/** `评级：买入（上调）`, `投资评级 增持 维持`, `行业评级：看好（维持）`, `Rating: Overweight (maintained)`. */
const ZH_LABELLED = new RegExp(
  `(?:投资|公司|行业|股票)?评级\\s*[:：]?\\s*(?:(${ZH_CHANGE})\\s*[“"「]?)?(${ZH})(?:-?[A-Z])?[”"」]?\\s*[（(]?\\s*(${ZH_CHANGE})?`,
);
const EN_LABELLED = new RegExp(`\\b(?:rating|recommendation)\\s*[:：]\\s*(${EN})\\b(?:\\s*[(（]\\s*(${EN_CHANGE})\\s*[)）])?`, 'i');
/** `维持“增持”评级`, `上调至“买入”评级`, `首次覆盖，给予“买入”评级`, `给予公司“增持”评级`. */
const ZH_SENTENCE = new RegExp(`(${ZH_CHANGE})(?:至|为)?[^。；;“"]{0,12}?[“"「]?(${ZH})[”"」]?(?:投资)?评级`);
/** `We reiterate our Overweight rating`, `upgrade the stock to Buy`, `initiate coverage with an Outperform rating`. */
const EN_SENTENCE = new RegExp(`\\b(${EN_CHANGE})\\b[^.;]{0,40}?\\b(${EN})\\b(?:\\s+rating)?`, 'i');
/** A label on its own line, the rating on the next (a sidebar box titled `投资评级` or `Rating`). */
const LABEL_LINE = /^(?:#+\s*)?(?:(?:投资|公司|行业)?评级|rating|recommendation)\s*[:：]?$/i;
const VALUE_LINE = new RegExp(`^(?:(${ZH_CHANGE})\\s*)?(${ZH}|${EN})(?![a-z])\\s*(?:[（(]\\s*(${ZH_CHANGE}|${EN_CHANGE})\\s*[)）])?`, 'i');

const canonicalEn = (value: string) =>
  EN_RATINGS.find((r) => r.replace(/[- ]/g, '').toLowerCase() === value.replace(/[- ]/g, '').toLowerCase()) ?? value;
const changeOf = (change: string | undefined) => (change ? change.replace(/^首次(?:覆盖|给予)$/, '首次') : null);

/**
 * The note's rating and its change: a labelled rating (`评级：买入（上调）`, a rating box) first, then one stated in a
 * sentence (`维持“增持”评级`, `We reiterate our Overweight rating`). Read from the body only: the disclosure pages
 * define every rating the broker uses.
 */
export function findRating(lines: readonly SourceLine[]): Located<Rating> | undefined {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const zh = ZH_LABELLED.exec(text);
    if (zh) return at({ value: zh[2]!, change: changeOf(zh[3] ?? zh[1]) }, lines[i]!);
    const en = EN_LABELLED.exec(text);
    if (en) return at({ value: canonicalEn(en[1]!), change: en[2]?.toLowerCase() ?? null }, lines[i]!);
    const next = lines[i + 1];
    const value = next && LABEL_LINE.test(text.trim()) ? VALUE_LINE.exec(next.text.trim()) : null;
    if (value)
      return at({ value: /[a-z]/i.test(value[2]!) ? canonicalEn(value[2]!) : value[2]!, change: changeOf(value[3] ?? value[1]) }, next!);
  }
  for (const line of lines) {
    const zh = ZH_SENTENCE.exec(line.text);
    if (zh) return at({ value: zh[2]!, change: changeOf(zh[1]) }, line);
    const en = EN_SENTENCE.exec(line.text);
    if (en) return at({ value: canonicalEn(en[2]!), change: en[1]!.toLowerCase() }, line);
  }
  return undefined;
}

import { marketOf, type SecurityId } from '../security-id';
import { isOrdinaryName } from './name-strength';

/**
 * Former names of mainland shares under risk warning, derived from today's name. The exchanges prefix ST or *ST to a
 * short name of at most four characters, so the name loses its ending: 长园集团 became ST长园, 九鼎投资 *ST九鼎, 万方发展
 * *ST万方. Pages and reports written before the warning use the old name, which no public list carries. The old name
 * is the base and one of the endings mainland short names commonly have; which ending is not known, so each common
 * one is a candidate, and a candidate some other listing holds (as its name) is left to it.
 */

/** A risk warning before a Chinese short name (`*ST九鼎`, `ST长园`, `S*ST…`). */
export const RISK_PREFIX = /^S?\*?ST(?=[\u3400-\u9fff])/;
/** A share class letter after a Chinese name: 万科A, 深中华A (B shares: 万科B). */
export const SHARE_CLASS = /(?<=[\u3400-\u9fff])[AB]$/;
/** Two or three Han characters: a base the four-character limit leaves (太重, 九鼎, 新华锦). */
const BASE = /^[\u3400-\u9fff]{2,3}$/;
/** Endings of four-character mainland short names used as candidates: the most common ones (股份, 科技, 新材 …). */
const ENDINGS_KEPT = 20;
/**
 * Endings that name a company's form rather than its trade (集团, 控股, 投资): holding companies, the usual subjects of
 * risk warnings, carry them whatever their trade, so they are candidates however rare among today's names.
 */
const FORM_ENDINGS = ['集团', '股份', '控股', '投资', '实业', '发展', '国际', '科技'];

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Whether the base reads as a word of its own (美丽, 生物, 发展, 熊猫 by the platform's word segmenter) or an ordinary
 * name word: then base + ending is as likely a phrase (生物科技, 发展投资) as the company, and no candidate is made.
 */
function baseIsWord(base: string): boolean {
  if (isOrdinaryName(base)) return true;
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments = [...wordSegmenter.segment(base)];
  return segments.length === 1;
}

/** Other listings' names a base may be part of before it reads as a word of a trade (节能 in 双良节能, 节能风电 …). */
const TRADE_WORD_LISTINGS = 2;

/**
 * Whether a base is a word companies share (节能: 双良节能, 节能风电, 鲁阳节能 …): then base + ending is as likely a
 * phrase of that trade (节能技术, 节能环保) as the company's old name. A base in one other name (九鼎 in 九鼎新材) is not.
 */
function isTradeWord(base: string, names: readonly string[]): boolean {
  let count = 0;
  for (const name of names) if (name.includes(base) && ++count >= TRADE_WORD_LISTINGS) return true;
  return false;
}

/** The most common two-character endings of the four-character Chinese names of mainland shares (no risk warning). */
export function commonNameEndings(names: Iterable<string>, kept = ENDINGS_KEPT): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    if (name.length !== 4 || RISK_PREFIX.test(name) || !/^[\u3400-\u9fff]{4}$/.test(name)) continue;
    const ending = name.slice(2);
    counts.set(ending, (counts.get(ending) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, kept)
    .map(([ending]) => ending);
}

/**
 * Candidate former names per mainland listing under risk warning: its base and each common ending, less names in
 * `taken` (held by any listing today). `listed` gives each listing's exchange name.
 */
export function formerNameCandidates(listed: ReadonlyMap<SecurityId, string>, taken: ReadonlySet<string>): Map<SecurityId, string[]> {
  const mainland = [...listed].filter(([id]) => ['SH', 'SZ', 'BJ'].includes(marketOf(id)));
  const endings = [...new Set([...FORM_ENDINGS, ...commonNameEndings(mainland.map(([, name]) => name))])];
  const others = mainland.map(([, name]) => name).filter((name) => !RISK_PREFIX.test(name));
  const candidates = new Map<SecurityId, string[]>();
  for (const [id, name] of mainland) {
    if (!RISK_PREFIX.test(name)) continue;
    const base = name.replace(RISK_PREFIX, '').replace(SHARE_CLASS, '');
    if (!BASE.test(base) || baseIsWord(base) || isTradeWord(base, others)) continue;
    const names = endings.map((ending) => base + ending).filter((candidate) => !taken.has(candidate) && candidate.length <= 5);
    if (names.length) candidates.set(id, names);
  }
  return candidates;
}

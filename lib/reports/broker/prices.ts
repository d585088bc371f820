import { at, parseAmount, type Located, type SourceLine } from './located';

/** A price as the note states it: a number and its ISO 4217 currency (`null` when the note does not say). */
export interface Price {
  value: number;
  currency: string | null;
}

/** Currency marks before or after an amount, to their ISO codes. */
const CURRENCIES: [RegExp, string][] = [
  [/^(?:HK\$|HKD|港元|港币|港幣)$/i, 'HKD'],
  [/^(?:US\$|USD|\$|美元)$/i, 'USD'],
  [/^(?:RMB|CNY|Rmb|¥|￥|元|人民币|人民幣)$/i, 'CNY'],
];
const currencyOf = (mark: string | undefined) => (mark ? (CURRENCIES.find(([pattern]) => pattern.test(mark))?.[1] ?? null) : null);

const BEFORE = '(HK\\$|US\\$|HKD|USD|RMB|CNY|Rmb|人民币|港币|港元|美元|[$¥￥])?';
/** An amount; a number followed by 年, 倍, % or x is a year, a multiple or a share, never a price. */
const AMOUNT = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?![\\d.,]|\\s*[年倍%xX月日])';
const AFTER = '(港元|港币|美元|元|HKD|USD|RMB|CNY)?';
const MONEY = `${BEFORE}\\s*${AMOUNT}\\s*${AFTER}`;

/** `目标价：390.50元`, `目标价格 1,880.00 元`, `目标价390.50元`, `Price target: HK$720.00`, `price target to HK$720.00 from HK$680.00`. */
const TARGET = new RegExp(`(?:目标价(?:格|位)?|合理价值|price target|target price|\\bPT\\b)[^\\d$¥￥\\n。；;]{0,24}?${MONEY}`, 'i');
/** `当前价：306.80元`, `当前股价：1,452.60元`, `收盘价（2025-11-03）：…`, `Price (13 Nov 2025): HK$628.50`, `closed at HK$628.50`. */
const CURRENT = new RegExp(
  `(?:当前(?:股)?价(?:格)?|收盘价|最新(?:股)?价|现价|股价\\s*[（(]|^price\\b|last price|share price|current price|closing price|closed at)(?:\\s*[（(][^)）]{0,24}[)）])?\\s*[:：]?\\s*${MONEY}`,
  'i',
);

function priceFrom(match: RegExpExecArray, offset: number): Price | undefined {
  const value = parseAmount(match[offset + 1]!);
  if (value === undefined) return undefined;
  return { value, currency: currencyOf(match[offset] ?? match[offset + 2]) };
}

/** The first line that states the price in `pattern`. */
function findPrice(lines: readonly SourceLine[], pattern: RegExp): Located<Price> | undefined {
  for (const line of lines) {
    const match = pattern.exec(line.text);
    const price = match && priceFrom(match, 1);
    if (price) return at(price, line);
  }
  return undefined;
}

/** The note's target price (`目标价`, `price target`), with its currency. */
export const findTargetPrice = (lines: readonly SourceLine[]) => findPrice(lines, TARGET);

/** The share price the note states as current (`当前价`, `收盘价`, `Price (date):`), with its currency. */
export const findCurrentPrice = (lines: readonly SourceLine[]) => findPrice(lines, CURRENT);

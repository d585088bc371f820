import { at, type Located, type SourceLine } from './located';

/** A forecast table: its year columns (`2024A`, `2025E`) and rows of figures by year (`null` where a cell is not a number). */
export interface ForecastTable {
  years: string[];
  rows: { label: string; values: (number | null)[] }[];
}

/** A year column: `2025E`, `2024A`, `FY25E`, `2026F`, `2025年E`. */
const YEAR = /^(?:FY)?(?:(?:19|20)\d{2}|\d{2})\s*年?\s*[AEFPaefp]?$/;
/** Rows worth keeping: earnings per share and price/earnings (also revenue and profit, which brokers print beside them). */
const WANTED = /EPS|每股收益|P\/?E|市盈率|PE|营业(?:总)?收入|营收|revenue|净利润|net (?:profit|income)|ROE|P\/?B|市净率/i;
/** Most rows read after a header row: a forecast table has a dozen at most. */
const MAX_ROWS = 20;

const cellsOf = (text: string) => text.split('|').map((cell) => cell.trim());
const numberOf = (cell: string) => {
  const value = Number(cell.replace(/[,%x倍]/g, '').replace(/^\((.*)\)$/, '-$1'));
  return cell && Number.isFinite(value) ? value : null;
};

/**
 * The first table with year columns (`| 2024A | 2025E | 2026E |`) and an EPS or P/E row: its years and the rows
 * with a wanted label (EPS, P/E, revenue, profit, ROE, P/B), read until the table ends.
 */
export function findForecastTable(lines: readonly SourceLine[]): Located<ForecastTable> | undefined {
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]!.text);
    const years = cells.slice(1).filter((cell) => YEAR.test(cell));
    if (years.length < 2 || years.length < cells.length - 2) continue;
    const rows: ForecastTable['rows'] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + MAX_ROWS); j++) {
      const row = cellsOf(lines[j]!.text);
      if (row.length < 2) break;
      if (!WANTED.test(row[0]!)) continue;
      rows.push({ label: row[0]!, values: row.slice(-years.length).map(numberOf) });
    }
    if (rows.some((row) => /EPS|每股收益|P\/?E|市盈率/i.test(row.label)))
      return at({ years: years.map((y) => y.replace(/\s+/g, '')), rows }, lines[i]!);
  }
  return undefined;
}

import Papa from 'papaparse';
import type { SecurityEntry } from './bundled-securities';
import { hongKongId, normaliseSecurityCode, usId, type SecurityId } from './security-id';

/** The list shapes a user can import, detected from the content. */
export type SecurityListFormat = 'stocks-index-json' | 'hkex-csv' | 'nasdaq-trader' | 'simple-csv' | 'simple-json';

/** A parsed list: its shape and its entries (rows that name no supported listing are counted, not kept). */
export interface SecurityList {
  format: SecurityListFormat;
  entries: SecurityEntry[];
  skippedRows: number;
}

/** Most rows one list may have; the largest real lists (all US symbols) have ~25k. */
export const MAX_SECURITY_LIST_ROWS = 200_000;

const entry = (id: SecurityId | undefined, names: unknown[]): SecurityEntry | undefined => {
  const clean = names
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);
  return id && clean.length ? { id, names: [...new Set(clean)] } : undefined;
};

/** A code in a user's list: any spelling the normaliser reads, or a bare 4-5 digit Hong Kong code (`00700`). */
const listCode = (code: string) => (/^\d{4,5}$/.test(code.trim()) ? hongKongId(code.trim()) : normaliseSecurityCode(code));

/** `stocks.index.json`: rows `[ts_code, code, name, pinyin, initials, aliases[], market, type, active, weight]`. */
function fromStocksIndex(rows: unknown[]): (SecurityEntry | undefined)[] {
  return rows.map((row) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string') return undefined;
    const [tsCode, code, name, , , aliases, market] = row as [string, unknown, string, unknown, unknown, unknown, string];
    const id =
      market === 'US'
        ? usId(String(code))
        : market === 'HK'
          ? hongKongId(String(code))
          : market === 'CN' || market === 'BSE'
            ? normaliseSecurityCode(tsCode)
            : undefined;
    return entry(id, [name, ...(Array.isArray(aliases) ? (aliases as unknown[]) : [])]);
  });
}

/** `[{ code, name, aliases? }]` JSON, the documented simple shape. */
function fromSimpleJson(rows: unknown[]): (SecurityEntry | undefined)[] {
  return rows.map((row) => {
    if (!row || typeof row !== 'object') return undefined;
    const { code, name, aliases } = row as Record<string, unknown>;
    return entry(typeof code === 'string' ? listCode(code) : undefined, [name, ...(Array.isArray(aliases) ? (aliases as unknown[]) : [])]);
  });
}

/** HKEX "List of Securities": `Stock Code,Name of Securities,Category,…` after a title block. */
function fromHkexCsv(rows: string[][]): (SecurityEntry | undefined)[] {
  const header = rows.findIndex((row) => row[0]?.trim() === 'Stock Code');
  return rows.slice(header + 1).map((row) => {
    const [code, name, category] = row;
    if (!code || !/^\d{1,5}$/.test(code.trim()) || !/Equity|Exchange Traded|Real Estate/i.test(category ?? '')) return undefined;
    return entry(hongKongId(code.trim()), [name]);
  });
}

/** NASDAQ Trader symbol directory (`nasdaqlisted.txt`, `otherlisted.txt`): pipe-separated, a footer line. */
function fromNasdaqTrader(rows: string[][]): (SecurityEntry | undefined)[] {
  const [header = [], ...body] = rows;
  const symbol = header.findIndex((h) => /^(?:ACT )?Symbol$/.test(h));
  const name = header.indexOf('Security Name');
  const testIssue = header.indexOf('Test Issue');
  return body.map((row) => {
    if (row[testIssue] === 'Y') return undefined;
    const securityName = row[name]
      // `(?<!\s)`: a match starts only where a run of spaces starts (linear; from every space it was quadratic).
      ?.replace(/(?<!\s)\s+-\s+.*$/, '')
      .replace(/(?<!\s)\s+(?:Common Stock|Ordinary Shares|American Depositary Shares).*$/i, '');
    return entry(usId(row[symbol] ?? ''), [securityName]);
  });
}

/** `code,name,aliases` (aliases separated by `;` or `|`), a header row optional. */
function fromSimpleCsv(rows: string[][]): (SecurityEntry | undefined)[] {
  const body = /^code$/i.test(rows[0]?.[0]?.trim() ?? '') ? rows.slice(1) : rows;
  return body.map(([code = '', name, aliases = '']) => entry(listCode(code), [name, ...aliases.split(/[;|]/)]));
}

/**
 * Parses a user's security list in any supported shape (detected from the content, not the name). Throws with a
 * reason when the file is none of them.
 */
export function parseSecurityList(text: string): SecurityList {
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  let format: SecurityListFormat;
  let rows: (SecurityEntry | undefined)[];
  if (trimmed.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`the list is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (!Array.isArray(data)) throw new Error('a JSON list must be an array');
    if (data.length > MAX_SECURITY_LIST_ROWS) throw new Error(`the list has ${data.length} rows; the limit is ${MAX_SECURITY_LIST_ROWS}`);
    format = Array.isArray(data[0]) ? 'stocks-index-json' : 'simple-json';
    rows = format === 'stocks-index-json' ? fromStocksIndex(data) : fromSimpleJson(data);
  } else {
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') >>> 0);
    const pipe = firstLine.includes('|') && /Symbol\|Security Name/.test(firstLine);
    const parsed = Papa.parse<string[]>(trimmed, { delimiter: pipe ? '|' : ',', skipEmptyLines: true });
    if (parsed.data.length > MAX_SECURITY_LIST_ROWS)
      throw new Error(`the list has ${parsed.data.length} rows; the limit is ${MAX_SECURITY_LIST_ROWS}`);
    if (pipe) {
      format = 'nasdaq-trader';
      rows = fromNasdaqTrader(parsed.data);
    } else if (parsed.data.slice(0, 10).some((row) => row[0]?.trim() === 'Stock Code')) {
      format = 'hkex-csv';
      rows = fromHkexCsv(parsed.data);
    } else {
      format = 'simple-csv';
      rows = fromSimpleCsv(parsed.data);
    }
  }
  const entries = rows.filter((row): row is SecurityEntry => row !== undefined);
  if (!entries.length)
    throw new Error('no security in the list (expected stocks.index.json, the HKEX list, a NASDAQ Trader file, or code,name,aliases)');
  return { format, entries, skippedRows: rows.length - entries.length };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { aShareId, hongKongId, usId, type SecurityId } from '../security-id';

/** How a name came into a list: the listed (exchange) name, a short form the list gives, or an upper-case legal name. */
export type SourceNameKind = 'listed' | 'short' | 'upper';

/** One listing as a public list states it. */
export interface SourceListing {
  id: SecurityId;
  names: { name: string; kind: SourceNameKind }[];
  /** An exchange-traded fund (or other product) rather than a company's shares. */
  fund?: boolean;
  /** Listed on an exchange (not only traded over the counter). */
  exchange?: boolean;
}

/** Each public list the master is generated from: the folder under `corpus/securities/` and what it holds. */
export const MASTER_SOURCES = {
  stocksIndex: 'stocks_index_daily_stock_analysis/stocks.index.json',
  hkex: 'hkex_list_of_securities/ListOfSecurities_equity_etp_reit_only.csv',
  nasdaqListed: 'us_nasdaqtrader_symboldir_hemza83/nasdaqlisted.txt',
  otherListed: 'us_nasdaqtrader_symboldir_hemza83/otherlisted.txt',
  rreichel3: ['nasdaq', 'nyse', 'amex'].map((exchange) => `us_rreichel3_US-Stock-Symbols/${exchange}/${exchange}_full_tickers.json`),
  funds: 'cn_funds_eastmoney_fundcode_search/fundcode_search.js',
} as const;

/** stocks.index.json rows: `[ts_code, code, name, pinyin, initials, aliases[], market, type, active, weight]`. */
type IndexRow = [string, string, string, string, string, string[], string, string, boolean, number];

/** Security names in NASDAQ Trader files that are not shares a reader means: warrants, rights, units, notes, preferreds. */
const NOT_SHARES =
  /\b(?:Warrants?|Rights?|Units?|Notes? due|Depositary Shares,? each representing a 1\/|Preferred|Subordinated|Debentures?)\b/i;

/** Reads every public list under `corpusSecurities` (the `corpus/securities` folder) into listings, in list order. */
export function readMasterSources(corpusSecurities: string): SourceListing[] {
  const read = (path: string) => readFileSync(join(corpusSecurities, path), 'utf8').replace(/^\ufeff/, '');
  const listings: SourceListing[] = [];

  for (const [tsCode, code, name, , , aliases, market, , active] of JSON.parse(read(MASTER_SOURCES.stocksIndex)) as IndexRow[]) {
    if (!active) continue;
    const id =
      market === 'HK'
        ? hongKongId(code)
        : market === 'US'
          ? usId(code)
          : market === 'CN' || market === 'BSE'
            ? mainland(tsCode)
            : undefined;
    if (!id) continue;
    const kind: SourceNameKind = market === 'US' ? 'upper' : 'listed';
    listings.push({ id, names: [{ name, kind }, ...aliases.map((alias) => ({ name: alias, kind: 'short' as const }))] });
  }

  const hkex = Papa.parse<string[]>(read(MASTER_SOURCES.hkex), { skipEmptyLines: true }).data;
  for (const [code = '', name = '', category = ''] of hkex) {
    const id = /^\d{5}$/.test(code) ? hongKongId(code) : undefined;
    if (!id || !/Equity|Exchange Traded|Real Estate/.test(category)) continue;
    listings.push({ id, names: [{ name, kind: 'upper' }], fund: !/Equity/.test(category), exchange: true });
  }

  for (const path of [MASTER_SOURCES.nasdaqListed, MASTER_SOURCES.otherListed]) {
    const [header = [], ...rows] = Papa.parse<string[]>(read(path), { delimiter: '|', skipEmptyLines: true }).data;
    const symbolAt = header.findIndex((column) => /^(?:ACT )?Symbol$/.test(column));
    const [nameAt, etfAt, testAt] = ['Security Name', 'ETF', 'Test Issue'].map((column) => header.indexOf(column));
    for (const row of rows) {
      const id = usId(row[symbolAt] ?? '');
      const name = row[nameAt!] ?? '';
      if (!id || row[testAt!] !== 'N' || NOT_SHARES.test(name)) continue;
      listings.push({ id, names: [{ name, kind: 'listed' }], fund: row[etfAt!] === 'Y', exchange: true });
    }
  }

  for (const path of MASTER_SOURCES.rreichel3) {
    for (const { symbol, name } of JSON.parse(read(path)) as { symbol: string; name: string }[]) {
      const id = usId(symbol);
      if (id && !NOT_SHARES.test(name)) listings.push({ id, names: [{ name, kind: 'listed' }], exchange: true });
    }
  }

  // eastmoney: `var r = [["159801","GFGZBDTXPETF","广发国证半导体芯片ETF","ETF-场内","…"], …];` exchange-traded funds only.
  const fundText = read(MASTER_SOURCES.funds);
  const funds = JSON.parse(fundText.slice(fundText.indexOf('['), fundText.lastIndexOf(']') + 1)) as string[][];
  for (const [code = '', , name = '', type = ''] of funds) {
    const id = /ETF/.test(type) && !/联接/.test(name) ? aShareId(code) : undefined;
    if (id) listings.push({ id, names: [{ name, kind: 'listed' }], fund: true, exchange: true });
  }
  return listings;
}

/** A mainland id from a Tushare code (`600519.SH`, `920118.BJ`). */
function mainland(tsCode: string): SecurityId | undefined {
  const [code = '', exchange] = tsCode.split('.');
  return aShareId(code, exchange);
}

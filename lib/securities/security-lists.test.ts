import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { parseSecurityList } from './security-lists';

describe('parseSecurityList: the documented simple shapes', () => {
  test('code,name,aliases CSV with a header; aliases split on ; or |', () => {
    const list = parseSecurityList(
      'code,name,aliases\n600519.SH,贵州茅台,茅台;Moutai\n9988.HK,阿里巴巴-W,阿里巴巴|阿里\nBRK-B,Berkshire Hathaway,\nnot-a-code,x,\n',
    );
    expect(list.format).toBe('simple-csv');
    expect(list.entries).toEqual([
      { id: 'SH:600519', names: ['贵州茅台', '茅台', 'Moutai'] },
      { id: 'HK:09988', names: ['阿里巴巴-W', '阿里巴巴', '阿里'] },
      { id: 'US:BRK.B', names: ['Berkshire Hathaway'] },
    ]);
    expect(list.skippedRows).toBe(1);
  });

  test('[{code, name, aliases}] JSON', () => {
    expect(parseSecurityList('[{"code":"00700","name":"腾讯控股","aliases":["腾讯"]}]').entries).toEqual([
      { id: 'HK:00700', names: ['腾讯控股', '腾讯'] },
    ]);
  });

  test.each([
    ['', /no security/],
    ['[oops', /not valid JSON/],
    ['{"a":1}', /no security|array/],
    ['hello,world\nfoo,bar', /no security/],
  ])('%j is refused with a reason', (text, reason) => {
    expect(() => parseSecurityList(text)).toThrow(reason);
  });
});

describe.skipIf(!SHARED_AVAILABLE)(`parseSecurityList: real lists (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  const read = (...parts: string[]) => readFileSync(sharedPath('corpus', 'securities', ...parts), 'utf8');

  test('stocks.index.json: A, BJ, HK and US rows', () => {
    const list = parseSecurityList(read('stocks_index_daily_stock_analysis', 'stocks.index.json'));
    expect(list.format).toBe('stocks-index-json');
    const byId = new Map(list.entries.map((entry) => [entry.id, entry]));
    expect(byId.get('SZ:300308')?.names).toContain('中际旭创');
    expect(byId.get('HK:02276')?.names[0]).toMatch(/康耐特光学/);
    expect(byId.get('BJ:920964')?.names).toContain('润农节水');
    expect(byId.has('US:AAPL')).toBe(true);
    expect(list.entries.length).toBeGreaterThan(30_000);
  });

  test.each([
    ['hkex_list_of_securities', 'ListOfSecurities_equity_etp_reit_only.csv', 'hkex-csv', 'HK:00001', 'CKH HOLDINGS'],
    ['hkex_list_of_securities', 'ListOfSecurities_sheet1.csv', 'hkex-csv', 'HK:09988', undefined],
    ['us_nasdaqtrader_symboldir_hemza83', 'nasdaqlisted.txt', 'nasdaq-trader', 'US:AAPL', 'Apple Inc.'],
    ['us_nasdaqtrader_symboldir_hemza83', 'otherlisted.txt', 'nasdaq-trader', 'US:A', 'Agilent Technologies, Inc.'],
  ])('%s/%s', (folder, file, format, id, name) => {
    const list = parseSecurityList(read(folder, file));
    expect(list.format).toBe(format);
    const entry = list.entries.find((e) => e.id === id);
    expect(entry).toBeDefined();
    if (name) expect(entry?.names).toContain(name);
  });
});

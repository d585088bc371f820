import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { declaredStyles } from '../cli/declared-style';
import { parsePage } from '../cli/parse-page';
import { createSecurityMatcher, type SecurityMatcher } from '../detect/find-securities';
import { decodeText } from '../import/decode-text';
import type { TabDictionary } from '../messaging/protocol';
import { TabNames } from '../page-analysis/tab-dictionary-reading';
import { TextReader } from '../page/visible-text-nodes';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import type { SecuritiesMaster } from '../securities/master/master-format';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import type { SecurityId } from '../securities/security-id';
import { pageNamesIn, tabEntries } from './page-names';

let master: SecuritiesMaster;
let dictionary: SecurityDictionary;
/** The whole master's matcher: what `cli detect` reads with. */
let whole: SecurityMatcher;
beforeAll(async () => {
  master = await securitiesMaster();
  dictionary = new SecurityDictionary(master.entries);
  whole = createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable(), ...masterMatcherOptions(master) });
}, 60_000);

/** A tab dictionary as the worker compiles one for a library with reports on `reported`. */
const tabDictionaryOf = (reported: SecurityId[], markAll = false): TabDictionary => {
  const entries = tabEntries(dictionary, reported);
  return {
    entries,
    withReports: entries.map((entry) => entry.id),
    markAll,
    variants: [...chineseVariantTable()],
    notNames: master.notNames,
    renamed: master.renamed,
    delisted: master.delisted,
  };
};
/** A tab's names whose worker answers from the master. */
const tabNamesOf = (reported: SecurityId[]) =>
  new TabNames(tabDictionaryOf(reported), (text) => Promise.resolve(pageNamesIn(dictionary, master.renamed, text)));
const found = (matcher: SecurityMatcher, text: string, support?: ReadonlySet<SecurityId>) =>
  matcher.find(text, { support }).map((mention) => `${mention.id}@${mention.start}`);

// The tab asks the worker about a text, adds what it may name, and reads it as the whole master does: longer names
// of other companies win, weak names need support, codes of renamed and delisted tickers, traditional spellings.
describe('a tab reads a text as the whole master does', () => {
  test.each<[string, string, SecurityId[], SecurityId[]]>([
    ['a longer name of another company holding a reported one', '申万宏源西部证券发布研报', ['SZ:002673'], ['SZ:000166']],
    ['the reported name alone', '西部证券发布研报', ['SZ:002673'], ['SZ:002673']],
    ['a longer name of the master', '海尔生物发布年报', ['SH:600690'], ['SH:688139']],
    ['a phrase that is not a name', '留学是梦 平安是福', ['SH:601318'], []],
    ['a small cap nothing reported names', '天奇股份与运达股份签约', [], ['SZ:002009', 'SZ:300772']],
    ['a weak name without support', '宁德的电池工厂', [], []],
    ['a weak name beside its strong name', '宁德时代：宁德的电池工厂', [], ['SZ:300750', 'SZ:300750']],
    ['traditional spelling', '騰訊控股公佈業績', [], ['HK:00700']],
    ['an exchange word before a code', 'T. Rowe Price (NASDAQ:TROW) rose', [], ['US:TROW', 'US:TROW']],
    ['a renamed ticker', 'Meta (FB) fell', [], ['US:META', 'US:META']],
    ['a delisted ticker', 'Twitter (NYSE:TWTR)', [], []],
    ['a curated Chinese name of a US company', '维谛技术与自由港麦克莫兰', [], ['US:VRT', 'US:FCX']],
  ])('%s: %s', async (_why, text, reported, expected) => {
    const matcher = await tabNamesOf(reported).widen([text]);
    expect(matcher.find(text).map((mention) => mention.id)).toEqual(expected);
    expect(found(matcher, text)).toEqual(found(whole, text));
  });

  test('support from the page counts as in the whole master (a weak name of the subject)', async () => {
    const text = '宁德的电池工厂';
    const matcher = await tabNamesOf([]).widen([text]);
    const support = new Set<SecurityId>(['HK:03750']);
    expect(found(matcher, text, support)).toEqual(found(whole, text, support));
    expect(found(matcher, text, support)).toEqual(['SZ:300750@0']);
  });

  test('what the worker sends is small: the listings the text may name and their issuers', () => {
    const names = pageNamesIn(dictionary, master.renamed, '申万宏源西部证券发布研报');
    const ids = names.entries.map((entry) => entry.id);
    expect(ids).toEqual(expect.arrayContaining(['SZ:000166', 'SZ:002673']));
    expect(ids.length).toBeLessThan(20);
    expect(names.entries.map((entry) => entry.rank)).toEqual([...names.entries.map((entry) => entry.rank)].sort((a, b) => a - b));
  });

  test('the tab asks once per text, in requests no longer than the protocol allows', async () => {
    const asked: string[] = [];
    const names = new TabNames(tabDictionaryOf([]), (text) => {
      asked.push(text);
      return Promise.resolve(pageNamesIn(dictionary, master.renamed, text));
    });
    const long = '贵州茅台'.repeat(100_000);
    await names.widen(['12.34', '+0.5%', long, '腾讯控股']);
    await names.widen(['腾讯控股', '12.35']);
    expect(asked.every((text) => text.length <= 256 * 1024)).toBe(true);
    expect(asked.join('\n')).not.toContain('12.3');
    expect(asked.filter((text) => text.includes('腾讯控股'))).toHaveLength(1);
    expect(names.matcher.find(long.slice(0, 8)).map((mention) => mention.id)).toEqual(['SH:600519', 'SH:600519']);
  });

  test('a failed request leaves the tab dictionary as it was', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const names = new TabNames(tabDictionaryOf(['SZ:002673']), () => Promise.reject(new Error('worker stopped')));
    const matcher = await names.widen(['西部证券发布研报']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(matcher.find('西部证券发布研报').map((mention) => mention.id)).toEqual(['SZ:002673']);
  });
});

describe.skipIf(!SHARED_AVAILABLE)(`on every corpus page (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  test('each text read, with the page-wide names, gives what the whole master gives', async () => {
    const dir = sharedPath('corpus', 'pages');
    const pages = readFileSync(join(dir, 'GROUND_TRUTH.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!)
      .filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const differ: string[] = [];
    for (const file of pages) {
      const doc = parsePage(decodeText(new Uint8Array(readFileSync(join(dir, file)))).text);
      const texts = [doc.title, ...new TextReader({ styleOf: declaredStyles(doc) }).collect(doc.body).texts];
      const matcher = await tabNamesOf([]).widen(texts);
      for (const text of texts) if (found(matcher, text).join() !== found(whole, text).join()) differ.push(`${file}: ${text.slice(0, 60)}`);
    }
    expect(differ).toEqual([]);
  }, 120_000);
});

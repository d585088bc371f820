import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { sourcesAt } from '../cli/node-sources';
import { createSecurityMatcher } from '../detect/find-securities';
import { parseSelection } from '../import/import-report-files';
import { BlockedNames } from '../securities/alias-gate';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { bundledDictionary, SecurityDictionary } from '../securities/dictionary';
import { parseSecurityList } from '../securities/security-lists';
import { learnAliases } from './learn-aliases';

const taught = (text: string) => learnAliases(text, bundledDictionary()).map(({ alias, securityId }) => `${alias} ${securityId}`);

test.each([
  // [text, aliases it teaches]
  ['科创芯片 ETF 基金（588290.SH）', []],
  ['主题基金（588290.SH）规模', []],
  ['，的安德利（605198.SH）', []],
  ['包含江河集团（601886.SH）', ['江河集团 SH:601886']], // the prose word goes, the name is learned
  ['社媒（META）', []],
  ['美国能源（XLE）', []],
  ['周六福：6 月 26 日港股上市（06168.HK）', []],
  ['年复合增长率（CAGR）达 30%', []],
  ['，中国巨石（601176.SH）', []], // 中国巨石 is 600176: a typo in the post
  ['周六福（06168.HK）', ['周六福 HK:06168']],
  ['看好旭创科技（300308.SZ）', ['旭创科技 SZ:300308']],
  ['中际旭创（300308.SZ）', []], // already known
])('%s teaches %j', (text, expected) => {
  expect(taught(text)).toEqual(expected);
});

test('a blocked name is never learned again', () => {
  const blocked = new BlockedNames([{ alias: '周六福', securityId: 'HK:06168' }]);
  const policy = { isLearned: () => false, isBlocked: (alias: string, id: `HK:${string}`) => blocked.has(alias, id) };
  expect(learnAliases('周六福（06168.HK）', bundledDictionary(), policy as never)).toEqual([]);
});

/** The aliases an import of every corpus post learns, with the bundled list and an optional security list. */
async function corpusAliases(list?: string): Promise<string[]> {
  const extra = list ? parseSecurityList(readFileSync(list, 'utf8')).entries : [];
  const dictionary = new SecurityDictionary([...BUNDLED_SECURITIES, ...extra]);
  const matcher = createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable() });
  const { aliases } = await parseSelection(await sourcesAt(sharedPath('corpus', 'reports')), { dictionary, matcher });
  return aliases.map((alias) => `${alias.alias} ${alias.securityId}`).sort();
}

/**
 * Names the ungated learner took from the corpus posts (measured on 2026-12-01 with the code before the gate): each is
 * an abbreviation, a phrase or a typo, never a name of that security.
 */
const POISONED = [
  '日港股上市 HK:06168',
  '中国巨石 SH:601176',
  '上海电气 US:A',
  '中国平安 US:A',
  '中信银行 US:H',
  '年复合增长率 US:CAGR',
  '复合年增长率 US:CAGR',
  '抗体偶联药物 US:ADC',
  '印制电路板 US:PCB',
  '鹏鼎控股 US:PCB',
  '聚碳酸酯 US:PC',
  '建筑材料板块 US:SW',
  '但估值 US:PB',
  '功耗 US:W',
];

/** A typo only a master that knows both listings can catch (松井股份 is 688157; 688152 is 麒麟信安). */
const POISONED_MASTER_ONLY = ['松井股份 SH:688152'];

describe.skipIf(!SHARED_AVAILABLE)(SHARED_AVAILABLE ? 'learned aliases over the corpus posts' : SHARED_MISSING_REASON, () => {
  test('with the full security list as the master: only real names are learned', { timeout: 120_000 }, async () => {
    const learned = await corpusAliases(sharedPath('corpus', 'securities', 'stocks_index_daily_stock_analysis', 'stocks.index.json'));
    expect(learned.filter((alias) => [...POISONED, ...POISONED_MASTER_ONLY].includes(alias))).toEqual([]);
    // Reviewed by hand: each is what readers call that security (瑞士信贷 is Credit Suisse, CS). 47 before the gate.
    expect(learned).toEqual(
      [
        '万邦德 SZ:002082',
        '华新水泥 SH:600801',
        '汇宇制药 SH:688553',
        '泽璟制药 SH:688266',
        '瑞士信贷 US:CS',
        '纳微半导体 US:NVTS',
        '美光 US:MU',
      ].sort(),
    );
  });

  test('with the bundled list only: none of the poisoned names', { timeout: 120_000 }, async () => {
    const learned = await corpusAliases();
    expect(learned.filter((alias) => POISONED.includes(alias))).toEqual([]);
    expect(learned.length).toBeGreaterThan(150); // 177 on 2026-12-01 (186 before the gate): real names still learned
  });
});

import { describe, expect, test } from 'vitest';
import { BlockedNames, distinctivePart, gateRefusal, referenceOf, type GateRefusal } from './alias-gate';
import { BUNDLED_SECURITIES } from './bundled-securities';
import { SecurityDictionary } from './dictionary';
import type { SecurityId } from './security-id';

/** The bundled list plus the listings a full master adds that these cases need (海尔生物, 松井股份, 麒麟信安). */
const master = new SecurityDictionary([
  ...BUNDLED_SECURITIES,
  { id: 'SH:688139', names: ['海尔生物'] },
  { id: 'SH:688157', names: ['松井股份'] },
  { id: 'SH:688152', names: ['麒麟信安'] },
  { id: 'SZ:002402', names: ['和而泰'] },
  { id: 'US:OPA', names: ['OPA ACQUISITION'] }, // English names only, as the exchange lists give US listings
  { id: 'US:NVTS', names: ['NAVITAS SEMICONDUCTOR'] },
]);
const reference = referenceOf(master);

describe('gateRefusal', () => {
  test.each<[string, SecurityId, GateRefusal | undefined]>([
    // the poisoned names
    ['基金', 'SH:588290', 'generic'], // 科创芯片 ETF 基金（588290.SH）
    ['社媒', 'US:META', 'generic'], // social media: a word, not a company
    ['脸谱', 'US:META', 'disagrees'], // META's Chinese name is 脸书: one character in common
    ['美国能源', 'US:XLE', 'generic'],
    ['的安德利', 'SH:605198', 'function-word'],
    ['包含江河集团', 'SH:601886', 'function-word'],
    ['海尔生物', 'SH:600690', 'another-security'], // the master's 海尔生物 is SH:688139
    // more from real posts
    ['日港股上市', 'HK:06168', 'generic'], // 周六福：6 月 26 日港股上市（06168.HK）
    ['松井股份', 'SH:688152', 'another-security'], // a post's typo for 688157
    ['科创芯片ETF', 'SH:588290', 'generic'],
    ['中概互联网ETF', 'US:KWEB', 'generic'],
    ['与中兴', 'SZ:000063', 'function-word'],
    ['以及中际旭创', 'SZ:300308', 'function-word'],
    ['示例科技', 'SZ:300308', 'disagrees'], // the master calls 300308 中际旭创
    ['苏吴', 'SH:600200', 'unsupported'], // two characters, no master name to agree with
    ['白酒', 'SZ:000999', 'generic'],
    // plausible names pass
    ['中兴', 'SZ:000063', undefined], // a short form: its characters in order in 中兴通讯
    ['工行', 'SH:601398', undefined],
    ['旭创科技', 'SZ:300308', undefined],
    ['美光', 'US:MU', undefined], // 美光科技
    ['海尔生物', 'SH:688139', undefined], // the master's own name
    ['和而泰', 'SZ:002402', undefined], // starts with 和, as its master name does
    ['周六福', 'HK:06168', undefined], // the master has no name for it: nothing to disagree with
    ['江山股份', 'SH:600389', undefined],
    ['维谛技术', 'US:VRT', undefined], // English names only in the master: no characters to compare
    ['騰訊控股', 'HK:00700', undefined], // traditional spelling of the master's name
  ])('%s for %s: %s', (alias, id, refusal) => {
    expect(gateRefusal(alias, id, reference)).toBe(refusal);
  });

  test.each<[string, SecurityId, boolean, GateRefusal | undefined]>([
    ['运算放大器', 'US:OPA', true, 'unsupported'], // 运算放大器（OPA）: an abbreviation, not the ticker
    ['纳微半导体', 'US:NVTS', false, undefined], // 纳微半导体（NVTS.O）
    ['纳微半导体', 'US:NVTS', true, 'unsupported'],
    ['美光', 'US:MU', true, undefined], // the master's 美光科技 vouches for it
  ])('%s for %s, bare ticker %s: %s', (alias, id, bareTicker, refusal) => {
    expect(gateRefusal(alias, id, reference, { bareTicker })).toBe(refusal);
  });

  test('a name learned earlier is no evidence: the reference leaves learned names out', () => {
    const withLearned = new SecurityDictionary([...BUNDLED_SECURITIES, { id: 'US:META', names: ['脸谱'] }]);
    expect(gateRefusal('脸谱', 'US:META', referenceOf(withLearned))).toBeUndefined();
    expect(
      gateRefusal(
        '脸谱',
        'US:META',
        referenceOf(withLearned, (alias) => alias === '脸谱'),
      ),
    ).toBe('disagrees');
  });
});

test.each([
  ['江山股份', '江山'],
  ['美国能源', ''],
  ['科创芯片ETF基金', ''],
  ['中国平安', '平安'],
  ['新能源汽车', ''],
])('distinctivePart(%s) is %j', (name, part) => {
  expect(distinctivePart(name)).toBe(part);
});

describe('BlockedNames', () => {
  const blocked = new BlockedNames([
    { alias: '茅台', securityId: 'SH:600519' },
    { alias: 'Meta', securityId: 'US:META' },
  ]);
  test.each<[string, SecurityId, boolean]>([
    ['茅台', 'SH:600519', true],
    ['茅台', 'SH:600000', false], // a block is for one security
    ['META', 'US:META', true], // case folds as the matcher folds it
    ['meta', 'US:META', true],
    ['贵州茅台', 'SH:600519', false],
  ])('%s for %s blocked: %s', (alias, id, expected) => {
    expect(blocked.has(alias, id)).toBe(expected);
  });

  test('騰訊 and 腾讯 are one name', () => {
    expect(new BlockedNames([{ alias: '腾讯', securityId: 'HK:00700' }]).has('騰訊', 'HK:00700')).toBe(true);
  });

  test('filterEntries takes out blocked names and keeps everything else', () => {
    const entries = [
      { id: 'SH:600519' as SecurityId, names: ['贵州茅台', '茅台'], issuer: 'moutai' },
      { id: 'US:META' as SecurityId, names: ['Meta Platforms', 'Meta'] },
      { id: 'US:AMZN' as SecurityId, names: ['Amazon'] },
    ];
    expect(blocked.filterEntries(entries)).toEqual([
      { id: 'SH:600519', names: ['贵州茅台'], issuer: 'moutai' },
      { id: 'US:META', names: ['Meta Platforms'] },
      { id: 'US:AMZN', names: ['Amazon'] },
    ]);
  });
});

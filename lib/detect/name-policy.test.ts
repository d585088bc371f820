import { beforeAll, describe, expect, test } from 'vitest';
import { chineseVariantTable } from '../securities/chinese-variants';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import type { SecurityId } from '../securities/security-id';
import { createSecurityMatcher, type FindContext, type SecurityMatcher } from './find-securities';

// The name policy over the committed securities master (issue 11): what each case of the issue must give. The master
// ships with the checkout, so these run without ../shared.
let matcher: SecurityMatcher;
beforeAll(async () => {
  const master = await securitiesMaster();
  matcher = createSecurityMatcher(master.entries, { variants: chineseVariantTable(), ...masterMatcherOptions(master) });
});
const ids = (text: string, context?: FindContext) => matcher.find(text, context).map((mention) => `${mention.text}=${mention.id}`);

describe('names found out of the box', () => {
  test.each([
    [
      '天奇股份与运达股份签约，当升科技、伊戈尔公告',
      ['天奇股份=SZ:002009', '运达股份=SZ:300772', '当升科技=SZ:300073', '伊戈尔=SZ:002922'],
    ],
    ['美国银行与富国银行', ['美国银行=US:BAC', '富国银行=US:WFC']],
    ['顺丰今日发布公告', ['顺丰=SZ:002352']],
    ['高通发布新芯片', ['高通=US:QCOM']],
    ['中兴获得订单', ['中兴=SZ:000063']],
    ['Shares of Ford Motor and T. Rowe Price rose', ['Ford Motor=US:F', 'T. Rowe Price=US:TROW']],
    ['Activision Blizzard, Nokia and American Airlines', ['Activision Blizzard=US:ATVI', 'Nokia=US:NOK', 'American Airlines=US:AAL']],
    ['Bank of America said', ['Bank of America=US:BAC']],
    ['海尔生物发布年报', ['海尔生物=SH:688139']],
    ['海尔智家与海尔生物', ['海尔智家=SH:600690', '海尔生物=SH:688139']],
    ['国新能源（600617）公告', ['国新能源=SH:600617', '600617=SH:600617']],
    ['中国国航与国新能源', ['中国国航=SH:601111', '国新能源=SH:600617']],
    ['宁波港（601018）发布公告', ['宁波港=SH:601018', '601018=SH:601018']],
    ['涨幅前列：国航远洋（+24.4%）、南京港（+16.9%）', ['国航远洋=BJ:920571', '南京港=SZ:002040']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('words that are not the company', () => {
  test.each([
    ['化工行业景气回升', []],
    ['1-5 月中国新能源汽车销售 560 万辆，我国新能源渗透率提升', []],
    ['渠道以线上线下结合为主', []],
    ['领涨板块：服务机器人（+18.96%）、核电设备', []],
    ['动力煤 Q5500（澳大利亚→宁波港）价格，广州港库存 290 万吨', []],
    ['年复合增长率（CAGR）达 30%，客观缓解率（ORR）70%', []],
    ['海纳百川，有容乃大', []],
    ['留学是梦 平安是福', []],
    ['机器人产业与驱动力', []],
    ['国计民生与民生问题', []],
    ['鄂尔多斯市的煤炭产量', []],
    ['美的事物总让人向往', []],
    ['高通胀环境下', []],
    ['申万宏源西部证券研究所', ['申万宏源=SZ:000166']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test.each(['PRO', 'ET', 'LIVE', 'MAX', 'TOP', 'GO', 'HKD', '123456', '600519', '888888'])('%s alone in a node is no security', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('weak names count with support', () => {
  test.each<[string, FindContext | undefined, string[]]>([
    ['中国平安发布年报，平安寿险增长', undefined, ['中国平安=SH:601318', '平安=SH:601318']],
    ['平安寿险增长', undefined, []],
    ['平安寿险增长', { support: new Set<SecurityId>(['SH:601318']) }, ['平安=SH:601318']],
    // A listing of the same issuer supports it too (A share in support, H share named).
    ['平安寿险增长', { support: new Set<SecurityId>(['HK:02318']) }, ['平安=SH:601318']],
    ['机器人（300024）公告', undefined, ['机器人=SZ:300024', '300024=SZ:300024']],
    ['鄂尔多斯(600295.SH)', undefined, ['鄂尔多斯=SH:600295', '600295.SH=SH:600295']],
    ['美的集团表示，美的将', undefined, ['美的集团=SZ:000333', '美的=SZ:000333']],
    ['民生 600016', undefined, ['民生=SH:600016', '600016=SH:600016']],
  ])('%s', (text, context, expected) => {
    expect(ids(text, context)).toEqual(expected);
  });
});

describe('codes', () => {
  test.each<[string, FindContext | undefined, string[]]>([
    ['NASDAQ:TROW', undefined, ['TROW=US:TROW']],
    ['Alphabet (NASDAQ: GOOG) rose', undefined, ['Alphabet=US:GOOGL', 'GOOG=US:GOOG']],
    ['Nasdaq: GOOG', undefined, ['GOOG=US:GOOG']],
    ['贵州茅台(600519)', undefined, ['贵州茅台=SH:600519', '600519=SH:600519']],
    ['600519', { codeSlot: true }, ['600519=SH:600519']],
    // A six-digit number the master does not list is no code, even in a code slot.
    ['999999', { codeSlot: true }, []],
    ['AAPL', { codeSlot: true }, ['AAPL=US:AAPL']],
    ['AAPL', { support: new Set<SecurityId>(['US:AAPL']) }, ['AAPL=US:AAPL']],
    ['AAPL', undefined, []],
    // Renamed tickers mean today's listing.
    ['$FB and NASDAQ: FB', undefined, ['$FB=US:META', 'FB=US:META']],
    ['(NYSE: SNE)', undefined, ['SNE=US:SONY']],
  ])('%s', (text, context, expected) => {
    expect(ids(text, context)).toEqual(expected);
  });
});

import type { SecurityId } from './security-id';

/** One security as the dictionary knows it: its names (first is the display name) and, for multi-listed companies, the issuer. */
export interface SecurityEntry {
  id: SecurityId;
  /** Display name first, then every other name or short name readers use (`贵州茅台`, `茅台`, `Kweichow Moutai`). */
  names: string[];
  /** Shared by the listings of one company (`alibaba`: US:BABA and HK:09988), so a report on one relates to all. */
  issuer?: string;
}

/**
 * The curated list shipped with the extension, written by us: the securities a Chinese/English research reader meets
 * most. It is deliberately small here; user-imported lists and aliases learned from reports extend it at run time.
 */
export const BUNDLED_SECURITIES: readonly SecurityEntry[] = [
  { id: 'HK:09988', names: ['阿里巴巴-W', '阿里巴巴', '阿里', 'Alibaba', '阿里巴巴集团'], issuer: 'alibaba' },
  { id: 'US:BABA', names: ['Alibaba Group', '阿里巴巴', 'Alibaba'], issuer: 'alibaba' },
  { id: 'HK:00700', names: ['腾讯控股', '腾讯', '騰訊控股', '騰訊', 'Tencent'], issuer: 'tencent' },
  { id: 'US:TCEHY', names: ['Tencent ADR'], issuer: 'tencent' },
  { id: 'HK:03690', names: ['美团-W', '美团', 'Meituan'] },
  { id: 'HK:09618', names: ['京东集团-SW', '京东', 'JD.com'], issuer: 'jd' },
  { id: 'US:JD', names: ['JD.com Inc', '京东'], issuer: 'jd' },
  { id: 'HK:09888', names: ['百度集团-SW', '百度', 'Baidu'], issuer: 'baidu' },
  { id: 'US:BIDU', names: ['Baidu Inc', '百度'], issuer: 'baidu' },
  { id: 'US:PDD', names: ['PDD Holdings', '拼多多', 'Pinduoduo'] },
  { id: 'HK:01810', names: ['小米集团-W', '小米集团', '小米', 'Xiaomi'] },
  { id: 'HK:01211', names: ['比亚迪股份', 'BYD Company'], issuer: 'byd' },
  { id: 'SZ:002594', names: ['比亚迪', 'BYD'], issuer: 'byd' },
  { id: 'SH:600519', names: ['贵州茅台', '茅台', 'Kweichow Moutai', 'Moutai'] },
  { id: 'SZ:000858', names: ['五粮液', 'Wuliangye'] },
  { id: 'SZ:300750', names: ['宁德时代', 'CATL'] },
  { id: 'SH:601318', names: ['中国平安', 'Ping An Insurance'], issuer: 'pingan' },
  { id: 'HK:02318', names: ['中国平安保险', 'Ping An'], issuer: 'pingan' },
  { id: 'SH:600036', names: ['招商银行', 'China Merchants Bank'] },
  { id: 'SZ:300308', names: ['中际旭创', 'Zhongji Innolight'] },
  { id: 'SZ:300502', names: ['新易盛', 'Eoptolink'] },
  { id: 'SH:688981', names: ['中芯国际', 'SMIC'], issuer: 'smic' },
  { id: 'HK:00981', names: ['中芯国际电子', 'SMIC HK'], issuer: 'smic' },
  { id: 'US:AAPL', names: ['Apple', '苹果', '苹果公司', 'Apple Inc'] },
  { id: 'US:MSFT', names: ['Microsoft', '微软'] },
  { id: 'US:GOOGL', names: ['Alphabet', 'Google', '谷歌', 'Alphabet Class A'], issuer: 'alphabet' },
  { id: 'US:GOOG', names: ['Alphabet Class C'], issuer: 'alphabet' },
  { id: 'US:AMZN', names: ['Amazon', '亚马逊', 'Amazon.com', '亞馬遜'] },
  { id: 'US:NVDA', names: ['NVIDIA', 'Nvidia', '英伟达', '輝達'] },
  { id: 'US:META', names: ['Meta Platforms', 'Meta', 'Facebook', '脸书'] },
  { id: 'US:TSLA', names: ['Tesla', '特斯拉'] },
  { id: 'US:AVGO', names: ['Broadcom', '博通'] },
  { id: 'US:TSM', names: ['TSMC', '台积电', '台積電'] },
  { id: 'US:AMD', names: ['Advanced Micro Devices', '超威半导体'] },
  { id: 'US:NFLX', names: ['Netflix', '奈飞', '网飞'] },
  { id: 'US:BRK.B', names: ['Berkshire Hathaway', '伯克希尔'] },
  { id: 'US:KWEB', names: ['KraneShares CSI China Internet ETF', '中国互联网ETF'] },
  { id: 'US:SPY', names: ['SPDR S&P 500 ETF'] },
  { id: 'US:QQQ', names: ['Invesco QQQ Trust'] },
  { id: 'HK:03067', names: ['安硕恒生科技', 'iShares Hang Seng TECH ETF'] },
  { id: 'HK:03088', names: ['华夏恒生科技', 'ChinaAMC Hang Seng TECH ETF'] },
  { id: 'HK:02800', names: ['盈富基金', 'Tracker Fund of Hong Kong'] },
  { id: 'SH:510300', names: ['沪深300ETF'] },
];

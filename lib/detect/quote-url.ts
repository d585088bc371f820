import { aShareId, fromEastmoneySecid, hongKongId, listingId, usId, type Market, type SecurityId } from '../securities/security-id';

/** One rule: a host, a path pattern, and how its captures (and, where a site needs it, the query) become an id. */
interface QuoteUrlRule {
  site: string;
  host: RegExp;
  /** Matched against the percent-decoded pathname. */
  path: RegExp;
  toId: (m: RegExpExecArray, url: URL) => SecurityId | undefined;
}

/** A US ticker with an optional share class (`BRK.B`, `BRK-B`); `usId` normalises the class to a dot. */
const US = String.raw`[A-Za-z]{1,5}(?:[.\-][A-Za-z])?`;
/** The end of the security's path segment: a slash (sub-pages such as `/news`) or the end of the path. */
const END = String.raw`(?:/|$)`;

function path(source: string, flags = ''): RegExp {
  return new RegExp(source, flags);
}

/**
 * An eastmoney secid, checking the market number against the board: `1.000001` is the SSE Composite index, not
 * Ping An Bank (`0.000001`), and `1.` is only ever Shanghai, `0.` Shenzhen or Beijing. US class shares are spelt
 * `BRK_B` there.
 */
function eastmoneySecid(market: string, code: string): SecurityId | undefined {
  const id = fromEastmoneySecid(market, code.toUpperCase().replace('_', '.'));
  if (market === '1' && !id?.startsWith('SH:')) return undefined;
  if (market === '0' && id?.startsWith('SH:')) return undefined;
  return id;
}

/** Yahoo symbols: `AAPL`, `BRK-B`, `9988.HK`, `600519.SS`, `000001.SZ`; `^GSPC`, `EURUSD=X`, `7203.T` are not ours. */
function yahooSymbol(symbol: string): SecurityId | undefined {
  const m = /^(?:(\d{6})\.(SS|SZ|BJ)|(\d{1,5})\.HK|([A-Z]{1,5}(?:-[A-Z])?))$/i.exec(symbol);
  if (!m) return undefined;
  if (m[1]) return aShareId(m[1], m[2]);
  if (m[3]) return hongKongId(m[3]);
  return usId(m[4]!);
}

/** Reuters RICs: `AAPL.O`, `BRKb.N`, `0700.HK`, `600519.SS`, `000001.SZ`. */
function reutersRic(ric: string): SecurityId | undefined {
  const m = /^(?:(\d{6})\.(SS|SZ)|(\d{1,5})\.HK|([A-Z]{1,5})([a-z])?\.(?:OQ|O|N|A|K|P))$/.exec(ric);
  if (!m) return undefined;
  if (m[1]) return aShareId(m[1], m[2]);
  if (m[3]) return hongKongId(m[3]);
  return usId(m[5] ? `${m[4]}.${m[5]}` : m[4]!);
}

/** Exchange names in Google Finance, TradingView and Bloomberg paths, to the market they list on. */
const EXCHANGES: Record<string, Market | 'CN'> = {
  NASDAQ: 'US',
  NYSE: 'US',
  NYSEARCA: 'US',
  NYSEAMERICAN: 'US',
  AMEX: 'US',
  BATS: 'US',
  HKG: 'HK',
  HKEX: 'HK',
  SHA: 'SH',
  SSE: 'SH',
  SHE: 'SZ',
  SZSE: 'SZ',
};

/** Index symbols that TradingView lists under an exchange prefix, which would otherwise pass as tickers. */
const TRADINGVIEW_INDICES = new Set(['NASDAQ-NDX', 'NASDAQ-IXIC', 'NASDAQ-NDXT', 'NYSE-NYA', 'AMEX-XAX']);

/** Bloomberg's country suffixes (`AAPL:US`, `700:HK`, `600519:CH` for either mainland exchange). */
const BLOOMBERG_COUNTRIES: Record<string, Market | 'CN'> = { US: 'US', HK: 'HK', CH: 'CN' };

/** MarketWatch's `countrycode` query parameter; none means the US. */
const MARKETWATCH_COUNTRIES: Record<string, Market | 'CN'> = { '': 'US', us: 'US', hk: 'HK', cn: 'CN' };

/**
 * investing.com names its equity pages by slug, not by code, so only a table can resolve them: these are a few of
 * the best-known ones. Any other slug yields `undefined`, as does every sub-page the suffix list below does not know.
 */
const INVESTING_SLUGS: Record<string, SecurityId> = {
  'apple-computer-inc': 'US:AAPL',
  'amazon-com-inc': 'US:AMZN',
  'microsoft-corp': 'US:MSFT',
  'nvidia-corp': 'US:NVDA',
  'tesla-motors': 'US:TSLA',
  'google-inc': 'US:GOOGL',
  'facebook-inc': 'US:META',
  alibaba: 'US:BABA',
  'tencent-holdings-hk': 'HK:00700',
  'kweichow-moutai': 'SH:600519',
};
const INVESTING_SUBPAGES =
  'historical-data|chart|news|earnings|company-profile|technical|financial-summary|income-statement|balance-sheet|' +
  'cash-flow|ratios|dividends|opinion|analysis|commentary|consensus-estimates|user-rankings';

/**
 * Quote-page URL shapes, one row per site form; the first rule whose host and path match and whose captures make
 * an id wins. Each rule names its host exactly and anchors its path, so a site's news, search and home pages fall
 * through to `undefined`, as do index, currency and futures symbols (the id helpers refuse them). Exported for the
 * ReDoS suite, which runs each pattern.
 */
export const QUOTE_URL_RULES: readonly QuoteUrlRule[] = [
  // eastmoney: quote.eastmoney.com/unify/r/116.09988 (also /unify/cr/), /sh600519.html, /concept/sh603019.html,
  // /kcb/688981.html, /bj/920118.html, /hk/09988.html, /us/AMZN.html; the mobile wap.eastmoney.com/quote/stock/1.600519.html;
  // data.eastmoney.com per-stock data pages; F10 pages on emweb.securities.eastmoney.com; guba stock forums.
  {
    site: 'eastmoney',
    host: /^quote\.eastmoney\.com$/,
    path: /^\/unify\/c?r\/(\d{1,3})\.([A-Za-z0-9_.]+?)\/?$/,
    toId: (m) => eastmoneySecid(m[1]!, m[2]!),
  },
  {
    site: 'eastmoney',
    host: /^quote\.eastmoney\.com$/,
    path: /^\/(?:concept\/)?(sh|sz|bj)(\d{6})\.html$/i,
    toId: (m) => aShareId(m[2]!, m[1]),
  },
  { site: 'eastmoney', host: /^quote\.eastmoney\.com$/, path: /^\/(?:kcb|bj)\/(\d{6})\.html$/i, toId: (m) => aShareId(m[1]!) },
  { site: 'eastmoney', host: /^quote\.eastmoney\.com$/, path: /^\/hk\/(\d{5})\.html$/i, toId: (m) => hongKongId(m[1]!) },
  {
    site: 'eastmoney',
    host: /^quote\.eastmoney\.com$/,
    path: /^\/us\/([A-Za-z]{1,5}(?:[._][A-Za-z])?)\.html$/,
    toId: (m) => usId(m[1]!.replace('_', '.')),
  },
  {
    site: 'eastmoney',
    host: /^wap\.eastmoney\.com$/,
    path: /^\/quote\/stock\/(\d{1,3})\.([A-Za-z0-9_.]+)\.html$/,
    toId: (m) => eastmoneySecid(m[1]!, m[2]!),
  },
  {
    site: 'eastmoney',
    host: /^data\.eastmoney\.com$/,
    path: /^\/(?:stockdata|zjlx|stockcomment\/stock|notices\/stock|gdfx\/stock|rzrq\/detail)\/(\d{6})\.html$/,
    toId: (m) => aShareId(m[1]!),
  },
  {
    site: 'eastmoney',
    host: /^emweb\.securities\.eastmoney\.com$/,
    path: /^\/pc_hsf10\//i,
    toId: (_m, url) => {
      const code = /^(SH|SZ|BJ)(\d{6})$/i.exec(url.searchParams.get('code') ?? '');
      return code ? aShareId(code[2]!, code[1]) : undefined;
    },
  },
  {
    site: 'eastmoney',
    host: /^emweb\.securities\.eastmoney\.com$/,
    path: /^\/pc_hkf10\//i,
    toId: (_m, url) => listingId('HK', url.searchParams.get('code') ?? ''),
  },
  {
    site: 'eastmoney',
    host: /^guba\.eastmoney\.com$/,
    path: /^\/list,(?:(\d{6})|hk(\d{5}))(?:[_,][\d_,]*)?\.html$/i,
    toId: (m) => (m[1] ? aShareId(m[1]) : hongKongId(m[2]!)),
  },

  // xueqiu: xueqiu.com/S/SH600519, /S/SZ000001, /S/09988, /S/AAPL, /S/BRK.B, and F10 under /snowman/S/…/detail.
  // Indices are /S/SH000001 (refused by the board check), /S/.DJI and /S/HKHSI.
  {
    site: 'xueqiu',
    host: /^(?:www\.)?xueqiu\.com$/,
    path: path(String.raw`^/(?:snowman/)?S/(?:(SH|SZ|BJ)(\d{6})|(\d{5})|(?!HKHSI\b)(${US}))${END}`, 'i'),
    toId: (m) => (m[2] ? aShareId(m[2], m[1]) : m[3] ? hongKongId(m[3]) : usId(m[4]!)),
  },

  // sina finance: finance.sina.com.cn/realstock/company/sh600519/nc.shtml, stock.finance.sina.com.cn/hkstock/quotes/09988.html,
  // stock.finance.sina.com.cn/usstock/quotes/AAPL.html, F10 on vip.stock.finance.sina.com.cn, mobile quotes.sina.cn.
  // biz.finance.sina.com.cn (search) and news pages match no rule.
  {
    site: 'sina',
    host: /^finance\.sina\.com\.cn$/,
    path: /^\/realstock\/company\/(sh|sz|bj)(\d{6})(?:\/|$)/i,
    toId: (m) => aShareId(m[2]!, m[1]),
  },
  {
    site: 'sina',
    host: /^stock\.finance\.sina\.com\.cn$/,
    path: /^\/hkstock\/quotes\/(\d{5})\.html$/,
    toId: (m) => hongKongId(m[1]!),
  },
  {
    site: 'sina',
    host: /^stock\.finance\.sina\.com\.cn$/,
    path: path(String.raw`^/usstock/quotes/(${US})\.html$`),
    toId: (m) => usId(m[1]!),
  },
  {
    site: 'sina',
    host: /^vip\.stock\.finance\.sina\.com\.cn$/,
    path: /^\/corp\/go\.php\/v\w+\/stockid\/(\d{6})(?:\.phtml|\/|$)/,
    toId: (m) => aShareId(m[1]!),
  },
  {
    site: 'sina',
    host: /^quotes\.sina\.cn$/,
    path: /^\/(?:hs\/company\/quotes\/view\/(sh|sz|bj)(\d{6})|hk\/company\/quotes\/view\/(\d{5}))(?:\/|$)/i,
    toId: (m) => (m[2] ? aShareId(m[2], m[1]) : hongKongId(m[3]!)),
  },

  // 10jqka (同花顺): stockpage.10jqka.com.cn/600519/ and basic.10jqka.com.cn/600519/ (F10, with sub-pages such as
  // /600519/company.html), HK as /HK0700/, US as /AAPL/; mobile m.10jqka.com.cn/stockpage/hs_600519/.
  {
    site: '10jqka',
    host: /^(?:stockpage|basic)\.10jqka\.com\.cn$/,
    path: /^\/(?:(\d{6})|HK(\d{4,5})|([A-Z]{1,5}(?:\.[A-Z])?))(?:\/|$)/,
    toId: (m) => (m[1] ? aShareId(m[1]) : m[2] ? hongKongId(m[2]) : usId(m[3]!)),
  },
  { site: '10jqka', host: /^m\.10jqka\.com\.cn$/, path: /^\/stockpage\/hs_(\d{6})(?:\/|$)/, toId: (m) => aShareId(m[1]!) },

  // futu / moomoo: www.futunn.com/stock/00700-HK, /stock/AAPL-US, /stock/600519-SH, /en/stock/…, sub-pages such
  // as /stock/AAPL-US/news; the same shapes on futuhk.com and moomoo.com.
  {
    site: 'futu',
    host: /^(?:www\.)?(?:futunn|futuhk|moomoo)\.com$/,
    path: /^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?stock\/([A-Za-z0-9.]+)-(HK|US|SH|SZ)(?:\/|$)/i,
    toId: (m) => listingId(m[2]!.toUpperCase() as Market, m[1]!),
  },

  // Yahoo Finance (any regional host): /quote/AAPL, /quote/AAPL/news, /quote/9988.HK, /quote/600519.SS,
  // /quote/000001.SZ, /quote/BRK-B, /chart/AAPL. /quote/%5EGSPC and /quote/EURUSD=X are refused by yahooSymbol.
  {
    site: 'yahoo',
    host: /(?:^|\.)finance\.yahoo\.com$/,
    path: /^\/(?:quote|chart)\/([^/]+)(?:\/|$)/,
    toId: (m) => yahooSymbol(m[1]!),
  },

  // Google Finance: www.google.com/finance/quote/AAPL:NASDAQ, /quote/9988:HKG, /quote/600519:SHA, /quote/000001:SHE.
  // Indices (.INX:INDEXSP) and currencies (USD-CNY) have no mapped exchange.
  {
    site: 'google',
    host: /^www\.google\.com(?:\.hk)?$/,
    path: /^\/finance\/quote\/([A-Za-z0-9.-]+):([A-Z]+)(?:\/|$)/,
    toId: (m) => listingId(EXCHANGES[m[2]!], m[1]!),
  },

  // Nasdaq: www.nasdaq.com/market-activity/stocks/aapl (and sub-pages), /market-activity/etf/qqq.
  {
    site: 'nasdaq',
    host: /^(?:www\.)?nasdaq\.com$/,
    path: path(String.raw`^/market-activity/(?:stocks|etf|funds-and-etfs)/(${US})${END}`, 'i'),
    toId: (m) => usId(m[1]!),
  },

  // MarketWatch: www.marketwatch.com/investing/stock/aapl, /investing/fund/spy, /investing/stock/9988?countrycode=hk,
  // /investing/stock/600519?countrycode=cn; indices live under /investing/index/ and match no rule.
  {
    site: 'marketwatch',
    host: /^(?:www\.)?marketwatch\.com$/,
    path: /^\/investing\/(?:stock|fund)\/([A-Za-z0-9.-]+)(?:\/|$)/,
    toId: (m, url) => listingId(MARKETWATCH_COUNTRIES[(url.searchParams.get('countrycode') ?? '').toLowerCase()], m[1]!),
  },

  // CNBC: www.cnbc.com/quotes/AAPL, /quotes/9988-HK; indices (.SPX), yields (US10Y) and currencies (EUR=) are refused.
  {
    site: 'cnbc',
    host: /^(?:www\.)?cnbc\.com$/,
    path: path(String.raw`^/quotes/(?:(\d{1,5})-HK|(${US}))${END}`, 'i'),
    toId: (m) => (m[1] ? hongKongId(m[1]) : usId(m[2]!)),
  },

  // Seeking Alpha: seekingalpha.com/symbol/AAPL, /symbol/AAPL/earnings, /symbol/BRK.B.
  {
    site: 'seekingalpha',
    host: /^(?:www\.)?seekingalpha\.com$/,
    path: path(String.raw`^/symbol/(${US})${END}`, 'i'),
    toId: (m) => usId(m[1]!),
  },

  // TradingView (any regional host): /symbols/NASDAQ-AAPL/, /symbols/HKEX-9988/, /symbols/SSE-600519/,
  // /symbols/SZSE-000001/, /symbols/NYSE-BRK.B/; SP-SPX, TVC-DXY, FX-EURUSD have no mapped exchange;
  // the few indices listed under an exchange (NASDAQ-NDX …) are refused by name.
  {
    site: 'tradingview',
    host: /(?:^|\.)tradingview\.com$/,
    path: /^\/symbols\/([A-Z]+)-([A-Za-z0-9.]+)(?:\/|$)/,
    toId: (m) => (TRADINGVIEW_INDICES.has(`${m[1]}-${m[2]}`) ? undefined : listingId(EXCHANGES[m[1]!], m[2]!)),
  },

  // investing.com (any regional host): /equities/apple-computer-inc and its sub-pages, by slug table only.
  {
    site: 'investing',
    host: /(?:^|\.)investing\.com$/,
    path: path(String.raw`^/equities/([a-z0-9.\-]+?)(?:-(?:${INVESTING_SUBPAGES}))?${END}`),
    toId: (m) => INVESTING_SLUGS[m[1]!],
  },

  // Bloomberg: www.bloomberg.com/quote/AAPL:US, /quote/700:HK, /quote/600519:CH, /quote/BRK/B:US.
  {
    site: 'bloomberg',
    host: /^(?:www\.)?bloomberg\.com$/,
    path: /^\/quote\/([A-Z0-9]+(?:\/[A-Z])?):(US|HK|CH)(?:\/|$)/,
    toId: (m) => listingId(BLOOMBERG_COUNTRIES[m[2]!], m[1]!),
  },

  // Reuters: www.reuters.com/markets/companies/AAPL.O/, /markets/companies/0700.HK, /markets/companies/BRKb.N.
  {
    site: 'reuters',
    host: /^(?:www\.)?reuters\.com$/,
    path: /^\/markets\/companies\/([A-Za-z0-9.]+)(?:\/|$)/,
    toId: (m) => reutersRic(m[1]!),
  },
];

/** The pathname with percent-escapes decoded (`%5EGSPC` → `^GSPC`); left as it is when it is malformed. */
function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/** The security a quote page is about, from its URL alone; `undefined` for any other page. */
export function securityOfQuoteUrl(url: string): SecurityId | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const pathname = decodedPath(parsed);
  for (const rule of QUOTE_URL_RULES) {
    if (!rule.host.test(parsed.hostname)) continue;
    const match = rule.path.exec(pathname);
    const id = match && rule.toId(match, parsed);
    if (id) return id;
  }
  return undefined;
}

import { aShareId, fromEastmoneySecid, hongKongId, normaliseSecurityCode, usId, type SecurityId } from '../securities/security-id';

/** One rule: a host, a path pattern, and how its captures become a canonical id. */
interface QuoteUrlRule {
  site: string;
  host: RegExp;
  path: RegExp;
  toId: (m: RegExpExecArray) => SecurityId | undefined;
}

/** Quote-page URL shapes, one row per site form; the first rule that matches wins. */
const QUOTE_URL_RULES: readonly QuoteUrlRule[] = [
  {
    site: 'eastmoney',
    host: /(^|\.)eastmoney\.com$/,
    path: /^\/unify\/r\/(\d{1,3})\.([A-Za-z0-9.]+)/,
    toId: (m) => fromEastmoneySecid(m[1]!, m[2]!.toUpperCase()),
  },
  {
    site: 'eastmoney',
    host: /(^|\.)eastmoney\.com$/,
    path: /^\/(?:concept\/)?(sh|sz|bj)(\d{6})\.html/i,
    toId: (m) => aShareId(m[2]!, m[1]),
  },
  { site: 'eastmoney', host: /(^|\.)eastmoney\.com$/, path: /^\/hk\/(\d{5})\.html/i, toId: (m) => hongKongId(m[1]!) },
  { site: 'eastmoney', host: /(^|\.)eastmoney\.com$/, path: /^\/us\/([A-Za-z.]{1,7})\.html/i, toId: (m) => usId(m[1]!) },
  {
    site: 'yahoo',
    host: /(^|\.)finance\.yahoo\.com$/,
    path: /^\/quote\/([^/?#]+)/,
    toId: (m) => normaliseSecurityCode(decodeURIComponent(m[1]!)),
  },
];

/** The security a quote page is about, from its URL alone; `undefined` for any other page. */
export function securityOfQuoteUrl(url: string): SecurityId | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  for (const rule of QUOTE_URL_RULES) {
    if (!rule.host.test(parsed.hostname)) continue;
    const match = rule.path.exec(parsed.pathname);
    const id = match && rule.toId(match);
    if (id) return id;
  }
  return undefined;
}

/** Markets a listing can be on; the prefix of every canonical id. */
export type Market = 'SH' | 'SZ' | 'BJ' | 'HK' | 'US';

/**
 * One canonical id per listing: `SH:600519`, `SZ:300308`, `BJ:920118`, `HK:09988` (five digits), `US:AMZN`,
 * `US:BRK.B`. Every other spelling is normalised to this before it is compared or stored.
 */
export type SecurityId = `${Market}:${string}`;

const A_SHARE = /^\d{6}$/;
const HK_CODE = /^\d{1,5}$/;
/** US tickers: 1-5 letters, optionally a share class (`BRK.B`, `BRK-B`, `BRK/B`). */
const US_TICKER = /^[A-Z]{1,5}(?:[.\-/][A-Z])?$/;

/**
 * The exchange of a bare six-digit mainland code from its prefix. Shares: 60/68/90 Shanghai, 00/30/20 Shenzhen,
 * 4/8/92 Beijing (the 920 range replaced 43/83/87 in 2024). Exchange-traded funds: 5x Shanghai, 15/16 Shenzhen.
 */
export function marketOfAShareCode(code: string): 'SH' | 'SZ' | 'BJ' | undefined {
  if (!A_SHARE.test(code)) return undefined;
  const two = code.slice(0, 2);
  if (two === '92' || code[0] === '4' || code[0] === '8') return 'BJ';
  if (['60', '68', '90', '50', '51', '52', '56', '58'].includes(two)) return 'SH';
  if (['00', '30', '20', '15', '16'].includes(two)) return 'SZ';
  return undefined;
}

/** `HK:` plus the code padded to five digits (`700` → `HK:00700`). */
export function hongKongId(code: string): SecurityId | undefined {
  if (!HK_CODE.test(code) || /^0+$/.test(code)) return undefined;
  return `HK:${code.padStart(5, '0')}`;
}

/** `US:` plus the ticker with its class joined by a dot (`BRK-B` → `US:BRK.B`). */
export function usId(ticker: string): SecurityId | undefined {
  const upper = ticker.toUpperCase();
  if (!US_TICKER.test(upper)) return undefined;
  return `US:${upper.replace(/[-/]/, '.')}`;
}

/** A mainland id, checking that the stated exchange agrees with the board (`600519.SZ` is refused). */
export function aShareId(code: string, stated?: string): SecurityId | undefined {
  const board = marketOfAShareCode(code);
  if (!board) return undefined;
  const exchange = stated?.toUpperCase().replace('SS', 'SH');
  if (exchange && exchange !== board) return undefined;
  return `${board}:${code}`;
}

/** eastmoney "secid" market numbers: `1.600519`, `0.000001`, `116.09988`, `105.AMZN` (Nasdaq), `106` NYSE, `107` AMEX. */
const EASTMONEY_MARKETS: Record<string, (code: string) => SecurityId | undefined> = {
  // 0 is Shenzhen or Beijing, 1 is Shanghai: `1.000001` is the SSE Composite index, not Ping An Bank (SZ:000001).
  '0': (code) => (marketOfAShareCode(code) === 'SH' ? undefined : aShareId(code)),
  '1': (code) => aShareId(code, 'SH'),
  '116': hongKongId,
  '128': hongKongId,
  '105': usId,
  '106': usId,
  '107': usId,
};

/** Resolves an eastmoney secid such as `116.09988` or `105.AMZN`. */
export function fromEastmoneySecid(market: string, code: string): SecurityId | undefined {
  return EASTMONEY_MARKETS[market]?.(code);
}

const SPELLINGS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => SecurityId | undefined]> = [
  // 雪球 / 富途 stock tags: `$中国平安(SH601318)$`, `$腾讯控股(00700.HK)$`: the code inside the brackets decides.
  [/^\$[^$()（）]{1,30}[（(]\s*([^()（）]{1,20}?)\s*[)）]\$$/, (m) => normaliseSecurityCode(m[1]!)],
  [/^(?:SH|SZ|BJ|HK|US):/i, (m) => normaliseCanonical(m.input.toUpperCase())],
  [/^(\d{6})$/, (m) => aShareId(m[1]!)],
  [/^(\d{6})\.(SH|SS|SZ|BJ)$/i, (m) => aShareId(m[1]!, m[2])],
  [/^(SH|SZ|BJ)(\d{6})$/i, (m) => aShareId(m[2]!, m[1])],
  [/^(\d{1,5})\.HK$/i, (m) => hongKongId(m[1]!)],
  [/^HK(\d{5})$/i, (m) => hongKongId(m[1]!)],
  [/^(\d{1,3})\.([A-Z0-9]+)$/i, (m) => fromEastmoneySecid(m[1]!, m[2]!.toUpperCase())],
  [/^gb_([a-z]{1,5}(?:[.-][a-z])?)$/i, (m) => usId(m[1]!)],
  [/^([A-Z]{1,5}(?:[.-][A-Z])?)(?:\.(?:O|OQ|N|A|K)|-US)$/i, (m) => usId(m[1]!)],
  [/^\$([A-Z]{1,5}(?:[.-][A-Z])?)$/i, (m) => usId(m[1]!)],
  [/^[（(]\s*((?:SH|SZ|BJ|HK|US)\s*:\s*[A-Z0-9.]{1,8})\s*[)）]$/i, (m) => normaliseSecurityCode(m[1]!.replace(/\s+/g, ''))],
  [/^\(?\s*(?:NASDAQ|NYSE|NYSEARCA|NYSEAMERICAN|AMEX|BATS|CBOE)\s*:\s*([A-Z]{1,5}(?:[.-][A-Z])?)\s*\)?$/i, (m) => usId(m[1]!)],
  [/^([A-Z]{1,5}(?:[.-][A-Z])?)$/, (m) => usId(m[1]!)],
];

/**
 * The listing of `code` on `market` (`SH`, `SZ`, `BJ`, `HK`, `US`), or on `CN`: a mainland listing whose exchange the
 * board tells. `undefined` when the code cannot be on that market.
 */
export function listingId(market: Market | 'CN' | undefined, code: string): SecurityId | undefined {
  switch (market) {
    case 'SH':
    case 'SZ':
    case 'BJ':
      return aShareId(code, market);
    case 'CN':
      return aShareId(code);
    case 'HK':
      return hongKongId(code);
    case 'US':
      return usId(code);
    default:
      return undefined;
  }
}

function normaliseCanonical(spelling: string): SecurityId | undefined {
  const [market = '', code = ''] = spelling.split(':');
  return market === 'CN' ? undefined : listingId(market.toUpperCase() as Market, code);
}

/**
 * Normalises one code spelling (`600519.SS`, `sh600519`, `1.600519`, `9988.HK`, `HK09988`, `116.09988`, `$AMZN`,
 * `NASDAQ:AMZN`, `AMZN.O`, `105.AMZN`, `gb_amzn`, `AMZN-US`, `BRK-B` …) to its canonical id; `undefined` when it is
 * not a code. Names (`贵州茅台`) are resolved by the dictionary, not here. A bare uppercase word is accepted as a
 * US ticker by this function; whether text *means* a ticker is the matcher's decision.
 */
export function normaliseSecurityCode(spelling: string): SecurityId | undefined {
  const trimmed = spelling.trim();
  for (const [pattern, toId] of SPELLINGS) {
    const match = pattern.exec(trimmed);
    if (match) return toId(match);
  }
  return undefined;
}

/** The market of a canonical id. */
export function marketOf(id: SecurityId): Market {
  return id.slice(0, 2) as Market;
}

/** The code part of a canonical id (`HK:09988` → `09988`). */
export function codeOf(id: SecurityId): string {
  return id.slice(3);
}

/** The shape of a canonical id, for schemas that check untrusted data (messages, backups) before anything reads it. */
export const SECURITY_ID_PATTERN = /^(?:SH|SZ|BJ|HK|US):[A-Z0-9.]{1,8}$/;

/** Type guard for strings that are already canonical ids. */
export function isSecurityId(value: unknown): value is SecurityId {
  return typeof value === 'string' && /^(?:SH|SZ|BJ|HK|US):/.test(value) && normaliseSecurityCode(value) === value;
}

/** The security a user typed for an alias, in any spelling (`US:AAPL`, `AAPL`, `600519.SH`, `9988.HK`). */
export function securityOfInput(input: string): SecurityId | undefined {
  const trimmed = input.trim();
  return isSecurityId(trimmed) ? trimmed : normaliseSecurityCode(trimmed);
}

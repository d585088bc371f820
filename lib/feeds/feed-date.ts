/** RFC 3339 / ISO 8601 date-time (Atom, JSON Feed), or a bare date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** RFC 822 / 2822 date-time (RSS 2.0 `pubDate`): `Sat, 06 Dec 2025 15:38:11 +0800`. */
const RFC822_DATE = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[a-z]{1,3})$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822's named zones (military letters are refused as too rarely meant). */
const NAMED_ZONES: Record<string, string> = {
  ut: '+00:00',
  gmt: '+00:00',
  z: '+00:00',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

/** Years a report can plausibly carry: outside them a date is a typo or garbage, not a report date. */
const YEARS = { min: 1900, max: 2200 };

const pad = (n: string | number) => String(n).padStart(2, '0');

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < YEARS.min || y > YEARS.max || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60) return false;
  return d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const zoneOf = (zone: string | undefined) => {
  if (!zone) return '';
  if (/^z$/i.test(zone)) return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
};

/**
 * A feed's date as ISO 8601 with its own offset kept (`2025-12-06T15:38:11+08:00`), so the report's day is the day
 * its author wrote; `undefined` when the text is no date (a malformed date never becomes some other date).
 */
export function readFeedDate(raw: string | undefined): string | undefined {
  const text = raw?.trim() ?? '';
  if (!text || text.length > 64) return undefined;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!valid(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0))) return undefined;
    const day = `${y}-${mo}-${d}`;
    return h === undefined ? day : `${day}T${h}:${mi}:${s ?? '00'}${zoneOf(zone)}`;
  }
  const rfc = RFC822_DATE.exec(text);
  if (!rfc) return undefined;
  const [, d, monthName, year, h, mi, s, zone] = rfc;
  const mo = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  const y = year!.length === 2 ? 2000 + +year! - (+year! > 50 ? 100 : 0) : +year!;
  const offset = /^[+-]/.test(zone!) ? zoneOf(zone) : NAMED_ZONES[zone!.toLowerCase()];
  if (!mo || offset === undefined || !valid(y, mo, +d!, +h!, +mi!, +(s ?? 0))) return undefined;
  return `${y}-${pad(mo)}-${pad(d!)}T${h}:${mi}:${s ?? '00'}${offset}`;
}

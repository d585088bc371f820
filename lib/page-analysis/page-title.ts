/** A page title in its parts: `苹果发布新iPhone 11|苹果|新品_电信_新浪科技_新浪网`. */
export interface TitleParts {
  /** What the page says it is about: `苹果发布新iPhone 11`. */
  headline: string;
  /** Keyword and section parts between headline and site: `苹果`, `新品`, `电信`, `新浪科技`. */
  topics: string[];
  /** The publisher's name, last: `新浪网`, `Google Search`, `Google Finanças`; empty when the title names none. */
  site: string;
}

/**
 * Title separators with the spaces around them: `_`, `|`, `｜`, a dash between spaces, or a dash between two CJK
 * characters (`股票频道-和讯网`; an unspaced dash between Latin letters is a word: `Coca-Cola`). The look-behind lets
 * a match start only where a run of spaces starts: without it every space of a long run started its own scan of the
 * run (quadratic; a hostile title of 50,000 spaces took seconds).
 */
const TITLE_SEPARATOR = /(?<!\s)\s*(?:[_|｜]|\s[-–—]\s)\s*|(?<=[\u3400-\u9fff])[-–—](?=[\u3400-\u9fff])/;
/**
 * A colon before the site's name (`Petrobras PN (PETR4): Google Finanças`). Starts only where a run of spaces starts,
 * as {@link TITLE_SEPARATOR} does, so a title of 20,000 spaces is read once, not once per space.
 */
const COLON = /(?<!\s)\s*[:：]\s*/g;
/** The end of a host that is not the site's own name (public suffixes and the usual first labels). */
const NOT_THE_NAME = new Set(['www', 'm', 'wap', 'com', 'cn', 'net', 'org', 'co', 'uk', 'hk', 'jp', 'de', 'br', 'tw', 'sg', 'gov', 'edu']);
/** A colon's last part longer than this is part of the headline, not a site name. */
const MAX_SITE_NAME_LENGTH = 40;

/** The site's own name from its host: `www.google.com.br` → `google`, `money.163.com` → `163`. */
export function hostName(url: string | undefined): string | undefined {
  let host: string;
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return undefined;
  }
  if (/^[\d.]+$|^\[/.test(host)) return undefined; // an IP address names no site
  const labels = host.split('.');
  while (labels.length && NOT_THE_NAME.has(labels.at(-1)!)) labels.pop();
  return labels.at(-1) || undefined;
}

const squash = (text: string) => text.toLowerCase().replace(/[\s.\-_]+/g, '');

/**
 * Splits a title into headline, topics and site name. The parts after the first separator are topics and, last,
 * the site. A title without separators may still end in `: Site name`; that part is the site only when it names
 * the site as its host or `og:site_name` does (`siteNames`), since `Apple: results beat` is all headline.
 */
export function splitPageTitle(title: string, siteNames: readonly string[] = []): TitleParts {
  const parts = title.split(TITLE_SEPARATOR).filter((part) => part.trim() !== '');
  if (parts.length > 1) return { headline: parts[0]!, topics: parts.slice(1, -1), site: parts.at(-1)! };
  const names = siteNames.map(squash).filter((name) => name.length >= 3);
  let last: RegExpExecArray | undefined;
  for (let m = COLON.exec(title); m; m = COLON.exec(title)) last = m;
  COLON.lastIndex = 0;
  if (last && names.length) {
    const site = title.slice(last.index + last[0].length);
    const squashed = squash(site);
    if (site.length <= MAX_SITE_NAME_LENGTH && names.some((name) => squashed.includes(name)))
      return { headline: title.slice(0, last.index), topics: [], site };
  }
  return { headline: parts[0] ?? title, topics: [], site: '' };
}

/** The headline part of a page title (see {@link splitPageTitle}). */
export function headlineOf(title: string): string {
  return splitPageTitle(title).headline;
}

import type { SecurityDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';
import type { MentionRule, SecurityMatcher } from './find-securities';
import { findInTexts } from './find-in-texts';
import { securityOfQuoteUrl } from './quote-url';

/** One security found on a page, with how often and by which rules. */
export interface PageSecurity {
  id: SecurityId;
  name: string;
  count: number;
  via: (MentionRule | 'quote-url' | 'title')[];
}

/** What a page is about and everything it mentions. */
export interface PageSecuritiesFound {
  primary: SecurityId[];
  securities: PageSecurity[];
}

/** The most-mentioned security counts as what the page is about only with this many mentions and this lead. */
const PRIMARY_MIN_MENTIONS = 3;
const PRIMARY_LEAD = 2;

/**
 * The headline part of a page title: `苹果发布新iPhone 11|苹果|新品_电信_新浪科技_新浪网` → `苹果发布新iPhone 11`. Sites
 * append their own names (`_腾讯网`, `- Google Search`), which say who published the page, not what it is about.
 */
export function headlineOf(title: string): string {
  return splitTitle(title)[0] ?? title;
}

/**
 * Title separators with the spaces around them. The look-behind lets a match start only where a run of spaces starts:
 * without it every space of a long run started its own scan of the run (quadratic; a hostile title of 50,000 spaces
 * took seconds). The same splits, since a match inside a run is also a match from its start.
 */
const TITLE_SEPARATOR = /(?<!\s)\s*(?:[_|｜]|\s[-–—]\s)\s*/;
const splitTitle = (title: string) => title.split(TITLE_SEPARATOR);

/**
 * Securities a page's title names only in its trailing site part (`…_财经_腾讯网`, `AAPL - Google Search`): the
 * publisher's own brand, which its pages repeat in every header and footer. They count only when the headline or
 * the URL names them too.
 */
export function publisherListings(title: string, matcher: SecurityMatcher, dictionary: SecurityDictionary): Set<SecurityId> {
  const [headline = '', ...siteParts] = splitTitle(title);
  const inHeadline = new Set(matcher.find(headline).map((mention) => mention.id));
  const publisher = new Set<SecurityId>();
  for (const mention of matcher.find(siteParts.join(' '))) {
    if (inHeadline.has(mention.id)) continue;
    for (const id of dictionary.issuerListings(mention.id)) publisher.add(id);
  }
  return publisher;
}

/**
 * A page's securities from its URL, title and visible texts: `primary` is what the page is about (its quote URL,
 * securities in its title, its clearly most-mentioned security), `securities` everything mentioned.
 */
export function pageSecurities(
  input: { url?: string; title: string; texts: Iterable<string> },
  matcher: SecurityMatcher,
  dictionary: SecurityDictionary,
): PageSecuritiesFound {
  const found = new Map<SecurityId, { count: number; via: Set<PageSecurity['via'][number]> }>();
  const note = (id: SecurityId, via: PageSecurity['via'][number], count = 1) => {
    const entry = found.get(id) ?? { count: 0, via: new Set() };
    entry.count += count;
    entry.via.add(via);
    found.set(id, entry);
  };
  const fromUrl = input.url ? securityOfQuoteUrl(input.url) : undefined;
  const publisher = publisherListings(input.title, matcher, dictionary);
  if (fromUrl) publisher.delete(fromUrl);
  // What the page is about (its quote URL, its headline) supports weak names and bare codes in every text, as does
  // every security found in any text (see findInTexts).
  const support = new Set<SecurityId>(fromUrl ? [fromUrl] : []);
  for (const mention of matcher.find(headlineOf(input.title))) if (!publisher.has(mention.id)) support.add(mention.id);
  for (const mentions of findInTexts(matcher, [...input.texts], support))
    for (const mention of mentions) if (!publisher.has(mention.id)) note(mention.id, mention.rule);

  const primary: SecurityId[] = [];
  if (fromUrl) {
    primary.push(fromUrl);
    note(fromUrl, 'quote-url', 0);
  }
  for (const mention of matcher.find(headlineOf(input.title))) {
    if (!primary.includes(mention.id)) primary.push(mention.id);
    note(mention.id, 'title', 0);
  }
  const ranked = [...found].sort((a, b) => b[1].count - a[1].count);
  const [top, second] = ranked;
  if (top && top[1].count >= PRIMARY_MIN_MENTIONS && top[1].count >= PRIMARY_LEAD * (second?.[1].count ?? 0) && !primary.includes(top[0]))
    primary.push(top[0]);

  return {
    primary,
    securities: ranked.map(([id, { count, via }]) => ({ id, name: dictionary.displayName(id), count, via: [...via] })),
  };
}

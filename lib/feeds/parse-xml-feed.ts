import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFeedDate } from './feed-date';
import { FeedError, type FeedEntry, type ParsedFeed } from './feed-entry';

/**
 * An entity declaration in the document type. Feeds never need one, and declared entities are how "billion laughs"
 * and external-entity attacks work, so a feed declaring any is refused before it is parsed.
 */
const ENTITY_DECLARATION = /<!ENTITY/i;

/** Entries read from one feed page: more is a feed built to exhaust us (jekyll-feed writes 10, most sites ≤ 100). */
export const MAX_ENTRIES_PER_PAGE = 5_000;

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  textNodeName: '#text',
  // Only the five predefined entities and character references are decoded (declared ones are refused above).
  processEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'item', 'link', 'category', 'atom:link'].includes(name),
});

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The text of an element that may carry attributes (`<title type="html">…</title>`). */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && '#text' in (value as XmlNode)) return String((value as XmlNode)['#text']);
  return '';
}

/** Character references an HTML title may carry once XML has been decoded (`&amp;amp;` in jekyll-feed's titles). */
const HTML_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Plain text of an Atom text construct of `type="html"`: tags dropped, references decoded (it is shown as text). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^<>]{0,1000}>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
      if (name[0] !== '#') return HTML_REFERENCES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}

/** An Atom title: HTML titles read as plain text. */
const atomTitle = (node: unknown) => (attr(node, 'type') === 'html' ? htmlToPlain(textOf(node)) : textOf(node));

const attr = (value: unknown, name: string) => (typeof value === 'object' && value !== null ? textOf((value as XmlNode)[`@${name}`]) : '');

/** An absolute URL, resolved against the feed's own address; `undefined` for anything that is not http(s). */
export function absoluteUrl(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Atom text constructs: `type="html"` is HTML, `xhtml` is inline markup (kept as text here), else plain text. */
function atomContent(node: unknown): Pick<FeedEntry, 'html' | 'text'> {
  if (node === undefined) return {};
  const type = attr(node, 'type') || 'text';
  const body = textOf(node);
  if (!body) return {};
  return type === 'html' || type === 'xhtml' || type.includes('html') ? { html: body } : { text: body };
}

function atomEntry(entry: XmlNode, base: string): FeedEntry {
  const links = asArray(entry.link);
  const alternate = links.find((link) => (attr(link, 'rel') || 'alternate') === 'alternate') ?? links[0];
  const link = alternate ? absoluteUrl(attr(alternate, 'href'), base) : undefined;
  const content = atomContent(entry.content);
  const summary = atomContent(entry.summary);
  return {
    id: textOf(entry.id) || link || '',
    title: atomTitle(entry.title),
    link,
    published: readFeedDate(textOf(entry.published) || textOf(entry.updated)),
    rawDate: textOf(entry.published) || textOf(entry.updated) || undefined,
    categories: asArray(entry.category)
      .map((category) => attr(category, 'term') || textOf(category))
      .filter(Boolean),
    ...(content.html || content.text ? content : summary),
  };
}

function rssItem(item: XmlNode, base: string): FeedEntry {
  const link = absoluteUrl(textOf(asArray(item.link)[0]), base);
  const encoded = textOf(item['content:encoded']);
  const description = textOf(item.description);
  return {
    id: textOf(item.guid) || link || '',
    title: textOf(item.title),
    link,
    published: readFeedDate(textOf(item.pubDate) || textOf(item['dc:date'])),
    rawDate: textOf(item.pubDate) || textOf(item['dc:date']) || undefined,
    categories: asArray(item.category).map(textOf).filter(Boolean),
    html: encoded || description || undefined,
  };
}

function checkedEntries(entries: FeedEntry[]): FeedEntry[] {
  if (entries.length > MAX_ENTRIES_PER_PAGE)
    throw new FeedError(`the feed lists ${entries.length} entries on one page; the limit is ${MAX_ENTRIES_PER_PAGE}`);
  return entries;
}

/**
 * Parses an Atom 1.0 or RSS 2.0 document (as jekyll-feed, Hugo, WordPress and others write them). `base` is the
 * feed's URL: relative links are resolved against it. Throws a {@link FeedError} naming the reason for XML that is
 * not such a feed, declares entities, or is not well formed.
 */
export function parseXmlFeed(xml: string, base: string): ParsedFeed {
  if (ENTITY_DECLARATION.test(xml.slice(0, xml.search(/<(feed|rss|rdf:RDF)[\s>]/) >>> 0)))
    throw new FeedError('the feed declares XML entities (<!ENTITY>), which feeds never need; refused (entity expansion)');
  // The parser itself is lenient (it reads unclosed tags), so a feed is validated first; the validator is deprecated
  // in favour of a separate package that is not in our registry lists, and still ships and works in 5.x.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`the feed is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch (error) {
    throw new FeedError(`the feed could not be read as XML: ${(error as Error).message}`);
  }
  const feed = document.feed as XmlNode | undefined;
  if (feed && typeof feed === 'object') {
    const next = asArray(feed.link).find((link) => attr(link, 'rel') === 'next');
    return {
      kind: 'atom',
      title: atomTitle(feed.title),
      entries: checkedEntries(asArray(feed.entry as XmlNode[]).map((entry) => atomEntry(entry, base))),
      next: next ? absoluteUrl(attr(next, 'href'), base) : undefined,
    };
  }
  const channel = (document.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  if (channel && typeof channel === 'object') {
    const next = asArray(channel['atom:link']).find((link) => attr(link, 'rel') === 'next');
    return {
      kind: 'rss',
      title: textOf(channel.title),
      entries: checkedEntries(asArray(channel.item as XmlNode[]).map((item) => rssItem(item, base))),
      next: next ? absoluteUrl(attr(next, 'href'), base) : undefined,
    };
  }
  throw new FeedError('the XML is neither an Atom feed (<feed>) nor an RSS 2.0 feed (<rss><channel>)');
}

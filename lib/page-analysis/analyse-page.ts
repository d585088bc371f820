import type { SecurityMatcher } from '../detect/find-securities';
import { securityOfQuoteUrl } from '../detect/quote-url';
import { SCAN_SLICE_MS, scanForMarks, type PageMark } from '../page/page-marks';
import { MAX_TEXT_NODES_PER_SCAN, TextReader, type CollectedTexts } from '../page/visible-text-nodes';
import type { SecurityId } from '../securities/security-id';
import { listedSecurities } from './list-rows';
import { pageSubject } from './page-subject';
import { hostName, splitPageTitle, type TitleParts } from './page-title';

/** What a page analysis needs: the page, the matcher, the dictionary's issuers, and how to read the page. */
export interface PageAnalysisInput {
  doc: Document;
  url: string;
  matcher: SecurityMatcher;
  /** Every listing of the issuer of `id` (itself included): a publisher's brand covers all its listings. */
  listingsOf: (id: SecurityId) => readonly SecurityId[];
  reader: TextReader;
  /** Stops the scan (the content script's lens was stopped). */
  signal?: AbortSignal;
  /** Lets the page run between slices of the scan (the content script); none in the CLI. */
  yieldToPage?: () => Promise<void>;
  /**
   * The matcher to read the page's texts with, once they are known (a tab widens its dictionary by what they may
   * name: `TabNames.widen`); `matcher` when absent.
   */
  matcherFor?: (texts: readonly string[]) => Promise<SecurityMatcher>;
}

/** One page as the lens and `cli detect` see it. */
export interface PageAnalysis {
  /** Every mention in the page's readable text, the publisher's own brand left out. */
  marks: PageMark[];
  /** What the page is about, most certain first (see `pageSubject`). */
  subject: SecurityId[];
  /**
   * What the page's quote URL, title and subject name: the page's text is read with their weak names and codes
   * counting (live text too).
   */
  support: ReadonlySet<SecurityId>;
  /** The publisher's listings: never marked on its own pages unless they are the subject. */
  publisher: ReadonlySet<SecurityId>;
  title: TitleParts;
  /** The texts read, and where to go on when the page was longer than one scan reads. */
  read: CollectedTexts;
}

/**
 * The page's readable text, in slices of at most {@link SCAN_SLICE_MS} with the page let run between them when
 * `yieldToPage` is given (the content script): reading 10,000 nodes at once is a long task, and a first slice of a
 * fixed count was one too while the code was still cold.
 */
async function readInSlices(reader: TextReader, body: Element, yieldToPage?: () => Promise<void>): Promise<CollectedTexts> {
  if (!yieldToPage) return reader.collect(body);
  for (const step of reader.learnSteps(body)) {
    step();
    await yieldToPage();
  }
  const all: CollectedTexts = { nodes: [], texts: [], slots: [] };
  for (let after: Text | undefined, first = true; first || after; first = false) {
    const start = performance.now();
    const until = () => performance.now() - start > SCAN_SLICE_MS;
    const slice = reader.collect(body, MAX_TEXT_NODES_PER_SCAN - all.nodes.length, after, { learned: true, until });
    all.nodes.push(...slice.nodes);
    all.texts.push(...slice.texts);
    all.slots.push(...slice.slots);
    after = all.nodes.length < MAX_TEXT_NODES_PER_SCAN ? slice.resumeAfter : undefined;
    all.resumeAfter = slice.resumeAfter;
    if (after) await yieldToPage();
  }
  return all;
}

const idsIn = (matcher: SecurityMatcher, text: string, support?: ReadonlySet<SecurityId>) =>
  matcher.find(text, { support }).map((mention) => mention.id);

/**
 * The page's own address as it declares it (canonical link, `og:url`): a quote page reached through a tracking link,
 * a mirror or a saved copy still says which quote it is.
 */
function declaredUrlOf(doc: Document): string | undefined {
  return (
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    undefined
  );
}

/** The site's own name as its page says it (`og:site_name`, `application-name`). */
function siteNamesOf(doc: Document, url: string): string[] {
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content') ?? '';
  return [meta('meta[property="og:site_name"]'), meta('meta[name="application-name"]'), hostName(url) ?? ''].filter(Boolean);
}

/** What a page says of itself, its text aside: its title's parts, its quote, and what they make of its securities. */
export interface PageFrame {
  title: TitleParts;
  /** The security of the page's quote URL (or the one it declares), if it is a quote page. */
  quote: SecurityId | undefined;
  /** The securities the title's headline and topics name. */
  titleIds: SecurityId[];
  /** The quote and the title's securities: their weak names and bare codes count in the page's text. */
  support: ReadonlySet<SecurityId>;
  /** The site's own listings (its brand), unless the page is about them. */
  publisher: ReadonlySet<SecurityId>;
}

/** The texts {@link pageFrame} reads (the title, the site's declared names): to widen a tab's matcher by. */
export function pageFrameTexts(doc: Document, url: string): string[] {
  return [titleTextOf(doc), ...siteNamesOf(doc, url)];
}

// The first <title> anywhere, as `document.title` reads it in a browser (some saved pages have it in the body).
const titleTextOf = (doc: Document) => doc.querySelector('title')?.textContent?.trim() ?? '';

/**
 * The page's frame: title, quote URL, and from them the support its text is read with and its publisher. Needs no
 * reading of the page's body, so a first look at part of the page can be read as the whole page's analysis reads it.
 */
export function pageFrame(
  doc: Document,
  url: string,
  matcher: SecurityMatcher,
  listingsOf: (id: SecurityId) => readonly SecurityId[],
): PageFrame {
  const siteNames = siteNamesOf(doc, url);
  const title = splitPageTitle(titleTextOf(doc), siteNames);
  const quote = securityOfQuoteUrl(url) ?? securityOfQuoteUrl(declaredUrlOf(doc) ?? '');
  // The quote URL supports the title's weak names (`茅台` on 600519's page), and both support the page's text.
  const titleIds = [
    ...new Set([title.headline, ...title.topics].flatMap((part) => idsIn(matcher, part, quote ? new Set([quote]) : undefined))),
  ];
  const support = new Set<SecurityId>([...(quote ? [quote] : []), ...titleIds]);

  const aboutIt = new Set<SecurityId>([...(quote ? [quote] : []), ...titleIds].flatMap((id) => listingsOf(id)));
  const publisher = new Set<SecurityId>();
  for (const id of idsIn(matcher, [title.site, ...siteNames].join('\n')))
    for (const listing of listingsOf(id)) if (!aboutIt.has(listing)) publisher.add(listing);
  return { title, quote, titleIds, support, publisher };
}

/**
 * The one page analysis, used by the content script and by `cli detect` alike: reads the page's visible text (site
 * chrome, hidden and off-screen text left out), finds its securities, tells its subject (quote URL, title, list
 * rows, clear lead) and its publisher (the site's own brand, from the title's site part and its declared name), and
 * leaves the publisher out unless the page is about it.
 */
export async function analysePage(input: PageAnalysisInput): Promise<PageAnalysis> {
  const { doc, url, listingsOf } = input;
  const read = doc.body ? await readInSlices(input.reader, doc.body, input.yieldToPage) : { nodes: [], texts: [], slots: [] };
  const texts = pageFrameTexts(doc, url);
  const matcher = input.matcherFor ? await input.matcherFor([...texts, ...read.texts]) : input.matcher;
  const { title, quote, titleIds, support, publisher } = pageFrame(doc, url, matcher, listingsOf);

  /** Texts with a weak name or a listed bare code held back for want of support. */
  const heldBack = new Set<string>();
  const watching: SecurityMatcher = {
    find(text, context) {
      const found = matcher.find(text, context);
      if (matcher.deferred) heldBack.add(text);
      return found;
    },
    get deferred() {
      return matcher.deferred;
    },
    addName: (name, id, rule) => matcher.addName(name, id, rule),
    addEntries: (entries) => matcher.addEntries(entries),
  };
  const scan = (texts: CollectedTexts, withSupport: ReadonlySet<SecurityId>) =>
    scanForMarks(texts, watching, (id) => !publisher.has(id), {
      signal: input.signal ?? new AbortController().signal,
      yieldToPage: input.yieldToPage ?? (() => Promise.resolve()),
      support: withSupport,
      isShown: (node) => input.reader.isShown(node),
    });
  let marks = await scan(read, support);
  const counts = new Map<SecurityId, number>();
  for (const { mention } of marks) counts.set(mention.id, (counts.get(mention.id) ?? 0) + 1);
  const listed = listedSecurities(marks.map(({ node, mention }) => ({ node, id: mention.id })));
  const subject = pageSubject({ quote, title: titleIds, listed, counts });
  // The page is about its subject: its weak names (宁德 on a page about 宁德时代) and bare tickers count anywhere on
  // it, as a report's do in its whole text. Only texts that held one back are read again.
  const subjectListings = subject.flatMap((id) => listingsOf(id)).filter((id) => !support.has(id));
  if (!subjectListings.length || !heldBack.size) return { marks, subject, support, publisher, title, read };
  const wider = new Set([...support, ...subjectListings]);
  const again = new Set(read.nodes.filter((_, i) => heldBack.has(read.texts[i]!)));
  const pick = (i: number) => again.has(read.nodes[i]!);
  const more = await scan(
    {
      nodes: read.nodes.filter((_, i) => pick(i)),
      texts: read.texts.filter((_, i) => pick(i)),
      slots: read.slots.filter((_, i) => pick(i)),
    },
    wider,
  );
  const order = new Map(read.nodes.map((node, i) => [node, i]));
  marks = [...marks.filter((mark) => !again.has(mark.node)), ...more].sort((a, b) => order.get(a.node)! - order.get(b.node)!);
  return { marks, subject, support: wider, publisher, title, read };
}

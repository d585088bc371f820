/**
 * Blocks that are mostly links: menus, "related stories" and headline lists, tag clouds, link footers. A reader
 * takes them for a way elsewhere, not for what the page says, and they name whatever other pages are about.
 */

/** A block needs at least this many links to be a list of them (a paragraph with two links is prose). */
export const LINK_LIST_MIN_LINKS = 4;
/** Share of a block's text inside links at which it is a link list (Readability drops blocks with density > 0.5). */
export const LINK_LIST_DENSITY = 0.6;
/** Text this long outside links is content however many links surround it (an article body with many inline links). */
const PROSE_OUTSIDE_LINKS = 600;

/** Text length without whitespace: indentation of the saved HTML must not count as prose. */
const visibleLength = (text: string | null) => (text ? text.replace(/\s+/g, '').length : 0);

/**
 * The smallest blocks under `root` that are mostly links. Every link's text length is added to each of its
 * ancestors; an ancestor with enough links is a link list when its own text is mostly that. The outermost such block
 * is returned (its parts are inside it anyway); body and html never are.
 */
export function linkListsUnder(root: Element): Set<Element> {
  const linkText = new Map<Element, { links: number; length: number }>();
  for (const link of root.querySelectorAll('a[href]')) {
    const length = visibleLength(link.textContent);
    for (let at = link.parentElement; at && at !== root.parentElement; at = at.parentElement) {
      const entry = linkText.get(at);
      if (entry) {
        entry.links++;
        entry.length += length;
      } else linkText.set(at, { links: 1, length });
    }
  }
  const lists = new Set<Element>();
  for (const [element, { links, length }] of linkText) {
    if (links < LINK_LIST_MIN_LINKS || element.tagName === 'BODY' || element.tagName === 'HTML') continue;
    const total = visibleLength(element.textContent);
    if (total > 0 && length / total >= LINK_LIST_DENSITY && total - length < PROSE_OUTSIDE_LINKS) lists.add(element);
  }
  // Keep the outermost: a list inside a list adds nothing.
  for (const element of lists) {
    for (let at = element.parentElement; at; at = at.parentElement)
      if (lists.has(at)) {
        lists.delete(element);
        break;
      }
  }
  return lists;
}

/** A link this long (in words, or CJK characters) is a headline, not a name: `贵州茅台` or `Apple Inc.` are names. */
const HEADLINE_MIN_WORDS = 6;
const HEADLINE_MIN_CJK = 10;
/** A headline list has at least this many items, each a block of the same tag holding a headline link... */
const HEADLINE_LIST_MIN_ITEMS = 3;
/** ...and most of its items of that tag hold one (a repeated teaser structure, not an article with a few links)... */
const HEADLINE_LIST_COVERAGE = 0.8;
/** ...and its text beyond the headlines is at most this many times theirs (teasers: headline and a short excerpt). */
const HEADLINE_LIST_EXCERPT_RATIO = 4;
/** How far above a link its item may be (`li > div > h3 > a`). */
const ITEM_DEPTH = 4;

const CJK = /[\u3400-\u9fff]/g;
/** Whether a link's text reads as a headline: a sentence, not a security's name. */
export function isHeadlineText(text: string): boolean {
  if ((text.match(CJK)?.length ?? 0) >= HEADLINE_MIN_CJK) return true;
  return text.trim().split(/\s+/).length >= HEADLINE_MIN_WORDS;
}

/**
 * Teaser lists: "related", "most read", "recommended" boxes, where each item is a headline link, perhaps with an
 * excerpt (`<dl><dd><a>headline</a></dd><dd>excerpt</dd></dl>` repeated). Their excerpts are not mostly links, so
 * {@link linkListsUnder} misses them; they name what other pages are about.
 */
export function headlineListsUnder(root: Element): Set<Element> {
  const items = new Map<Element, Map<string, Set<Element>>>();
  const headlineLength = new Map<Element, number>();
  for (const link of root.querySelectorAll('a[href]')) {
    const text = link.textContent ?? '';
    if (!isHeadlineText(text)) continue;
    let item: Element = link;
    for (let depth = 0; depth <= ITEM_DEPTH && item.parentElement && item !== root; depth++, item = item.parentElement) {
      const parent = item.parentElement;
      const byTag = items.get(parent) ?? new Map<string, Set<Element>>();
      items.set(parent, byTag);
      const set = byTag.get(item.tagName) ?? new Set<Element>();
      byTag.set(item.tagName, set);
      if (!set.has(item)) {
        set.add(item);
        headlineLength.set(parent, (headlineLength.get(parent) ?? 0) + visibleLength(text));
      }
    }
  }
  const lists = new Set<Element>();
  for (const [parent, byTag] of items) {
    if (parent.tagName === 'BODY' || parent.tagName === 'HTML') continue;
    for (const [tag, withHeadline] of byTag) {
      if (withHeadline.size < HEADLINE_LIST_MIN_ITEMS) continue;
      const siblings = [...parent.children].filter((child) => child.tagName === tag).length;
      if (withHeadline.size < HEADLINE_LIST_COVERAGE * siblings) continue;
      const headlines = headlineLength.get(parent) ?? 0;
      if (visibleLength(parent.textContent) - headlines > HEADLINE_LIST_EXCERPT_RATIO * headlines) continue;
      lists.add(parent);
      break;
    }
  }
  return lists;
}

/**
 * The text nodes a reader sees first: those in the viewport and a screen either side of it, found by the layout the
 * page already has (element boxes) rather than by walking the whole page, so marks can be drawn there before the rest
 * of a long page is read.
 */

/** Screens above and below the viewport read first too: what a scroll brings next. */
export const NEAR_SCREENS = 1;
/** Most text nodes taken: a viewport of tiny print is still a first look, not the page. */
export const MAX_NEAR_NODES = 1_000;
/** Most element boxes measured: a page whose boxes do not follow its order is left to the whole reading. */
const MAX_BOXES = 2_000;
/** `NodeFilter.SHOW_TEXT`, spelled out so the module also runs where `NodeFilter` is no global. */
const SHOW_TEXT = 4;

/** A vertical band in viewport coordinates. */
interface Band {
  top: number;
  bottom: number;
}

/**
 * The text nodes under `doc.body` whose elements lie in the viewport or within {@link NEAR_SCREENS} screens of it, in
 * document order, at most `limit` (`height`: the viewport's). An element inside the band and no taller than it is read whole; a taller one is
 * looked into: its children are assumed in vertical order (flow layout) and the first one reaching the band is found
 * by bisection. Best effort: what this misses (children out of order, text of a tall element outside its children)
 * the whole page's reading finds.
 */
export function textNodesNearViewport(
  doc: Document,
  { limit = MAX_NEAR_NODES, height = doc.defaultView?.innerHeight || doc.documentElement.clientHeight } = {},
): Text[] {
  const body = doc.body;
  if (!body || !height) return [];
  const band: Band = { top: -NEAR_SCREENS * height, bottom: (1 + NEAR_SCREENS) * height };
  const found: Text[] = [];
  let boxes = 0;
  const box = (element: Element) => {
    boxes++;
    return element.getBoundingClientRect();
  };
  const readWhole = (element: Element) => {
    const walker = doc.createTreeWalker(element, SHOW_TEXT);
    for (let node = walker.nextNode(); node && found.length < limit; node = walker.nextNode()) found.push(node as Text);
  };
  const visit = (element: Element, rect: DOMRect): void => {
    if (found.length >= limit || boxes > MAX_BOXES) return;
    if (rect.bottom < band.top || rect.top > band.bottom) return;
    if (rect.height <= band.bottom - band.top || !element.firstElementChild) return readWhole(element);
    const children = element.children;
    // The first child whose bottom reaches the band (children in vertical order).
    let low = 0;
    let high = children.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (box(children[middle]!).bottom < band.top) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < children.length && found.length < limit && boxes <= MAX_BOXES; i++) {
      const child = children[i]!;
      const childRect = box(child);
      if (childRect.top > band.bottom && childRect.height > 0) break;
      visit(child, childRect);
    }
  };
  visit(body, box(body));
  return found;
}

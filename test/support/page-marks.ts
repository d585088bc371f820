import type { Page } from 'playwright-core';

/**
 * Runs in the page: texts of the ranges in our highlight, in document order (the registry is the page's, so the main
 * world sees it); undefined when there is no highlight. Plain, so Playwright and Puppeteer can both send it.
 */
export function marksInPage(): string[] | undefined {
  const highlight = CSS.highlights.get('reportlens-mark');
  if (!highlight) return undefined;
  // Marks are StaticRanges (cheaper to make); a live Range of each gives its text and order.
  return [...highlight]
    .map((mark) => {
      const { startContainer, startOffset, endContainer, endOffset } = mark;
      const range = document.createRange();
      range.setStart(startContainer, startOffset);
      range.setEnd(endContainer, endOffset);
      return range;
    })
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map((range) => range.toString());
}

/** Runs in the page: the centre of the nth occurrence of `needle` in its text nodes. */
export function centreInPage([needle, n]: readonly [string, number]): { x: number; y: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(needle) ?? -1;
    if (at < 0 || seen++ < n) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`"${needle}" not on the page`);
}

/** Texts of our marks in `page`, in document order. */
export const markedTexts = (page: Page) => page.evaluate(marksInPage);

/** Centre of the nth occurrence of `text` in the page's text nodes. */
export const centreOfText = (page: Page, text: string, nth = 0) => page.evaluate(centreInPage, [text, nth] as const);

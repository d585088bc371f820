/** Elements whose text is never page prose: code, forms, editors, and our own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'HEAD',
  'TITLE',
]);

/** Most text nodes one page scan reads; beyond this a page is a data dump and the rest is left alone. */
export const MAX_TEXT_NODES_PER_SCAN = 20_000;
/** Text nodes shorter than this cannot hold a ticker or name worth a mark (`茅台` is 2 units). */
const MIN_TEXT_LENGTH = 2;

/**
 * Text nodes under `root` that a reader can see, in document order, skipping code, form fields, editable regions
 * and any element `isOwnUi` recognises. Visibility is checked per parent element, not per node, to stay cheap.
 */
export function collectTextNodes(root: Node, isOwnUi: (element: Element) => boolean, limit = MAX_TEXT_NODES_PER_SCAN): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        return (node.nodeValue?.trim().length ?? 0) >= MIN_TEXT_LENGTH ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
      const element = node as Element;
      if (SKIPPED_TAGS.has(element.tagName.toUpperCase()) || isOwnUi(element)) return NodeFilter.FILTER_REJECT;
      if ((element as HTMLElement).isContentEditable) return NodeFilter.FILTER_REJECT;
      if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node && nodes.length < limit; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Elements whose text is never page prose: code, forms, editors, and site chrome (navigation and footers carry the
 * publisher's own brand, `关于腾讯`, not what the page says).
 */
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
  'NAV',
  'FOOTER',
]);
/** ARIA roles of site chrome, for pages that mark it with roles instead of elements. */
const SKIPPED_ROLES = new Set(['navigation', 'contentinfo', 'banner']);

/** Most text nodes one page scan reads; beyond this a page is a data dump and the rest is left alone. */
export const MAX_TEXT_NODES_PER_SCAN = 20_000;
/** Text nodes shorter than this cannot hold a ticker or name worth a mark (`茅台` is 2 units). */
const MIN_TEXT_LENGTH = 2;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Whether an element and everything in it is out of the reader's sight or not prose. */
function skipsSubtree(element: Element, isOwnUi: (element: Element) => boolean): boolean {
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase()) || isOwnUi(element)) return true;
  if (SKIPPED_ROLES.has(element.getAttribute('role') ?? '')) return true;
  if (element.getAttribute('contenteditable') === 'true' || element.getAttribute('contenteditable') === '') return true;
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true;
  return /display\s*:\s*none/i.test(element.getAttribute('style') ?? '');
}

/** Whether a text node (one a mutation added or changed) sits where page prose does: no skipped ancestor. */
export function isReadableText(node: Text, isOwnUi: (element: Element) => boolean): boolean {
  if ((node.nodeValue?.trim().length ?? 0) < MIN_TEXT_LENGTH) return false;
  for (let element = node.parentElement; element; element = element.parentElement) if (skipsSubtree(element, isOwnUi)) return false;
  return true;
}

/** Whether an element added by a mutation may hold page prose (itself and its ancestors not skipped). */
export function isReadableElement(element: Element, isOwnUi: (element: Element) => boolean): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (skipsSubtree(at, isOwnUi)) return false;
  return true;
}

/**
 * Text nodes under `root` that a reader can see, in document order, skipping code, form fields, editable regions,
 * hidden elements and any element `isOwnUi` recognises. A plain depth-first walk (firstChild/nextSibling), so it
 * runs the same on a live page and on a saved page parsed in Node.
 */
export function collectTextNodes(root: Node, isOwnUi: (element: Element) => boolean, limit = MAX_TEXT_NODES_PER_SCAN): Text[] {
  const nodes: Text[] = [];
  let node: Node | null = root.firstChild;
  while (node && nodes.length < limit) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      if ((node.nodeValue?.trim().length ?? 0) >= MIN_TEXT_LENGTH) nodes.push(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      descend = !skipsSubtree(node as Element, isOwnUi) && node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return nodes;
}

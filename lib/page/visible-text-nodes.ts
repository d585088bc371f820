/**
 * Elements whose text is never page prose: code, forms, editors, hidden parts, and site chrome (navigation and
 * footers carry the publisher's own brand, `关于腾讯`, not what the page says). One selector, so a single native
 * `closest()` call answers for a text node however deep it sits.
 */
const SKIPPED =
  'script,style,noscript,template,textarea,input,select,option,code,pre,svg,canvas,iframe,head,title,nav,footer,' +
  '[role="navigation"],[role="contentinfo"],[role="banner"],[aria-hidden="true"],[hidden],[contenteditable=""],[contenteditable="true"],' +
  '[style*="display:none" i],[style*="display: none" i]';

/** Most text nodes one page scan reads; beyond this a page is a data dump and the rest is left alone. */
export const MAX_TEXT_NODES_PER_SCAN = 20_000;
/** Text nodes shorter than this cannot hold a ticker or name worth a mark (`茅台` is 2 units). */
const MIN_TEXT_LENGTH = 2;
/** `NodeFilter.SHOW_TEXT`, spelled out so the module also runs where `NodeFilter` is no global (Node with linkedom). */
const SHOW_TEXT = 4;

/** The selector of everything skipped, with the caller's own UI (e.g. our card's host element) added. */
const skippedSelector = (ownUi: string | undefined) => (ownUi ? `${SKIPPED},${ownUi}` : SKIPPED);

/** Whether a text node (one a mutation added or changed) sits where page prose does: no skipped ancestor. */
export function isReadableText(node: Text, ownUi?: string): boolean {
  if ((node.nodeValue?.trim().length ?? 0) < MIN_TEXT_LENGTH) return false;
  return node.parentElement !== null && node.parentElement.closest(skippedSelector(ownUi)) === null;
}

/** Whether an element added by a mutation may hold page prose (neither it nor an ancestor is skipped). */
export function isReadableElement(element: Element, ownUi?: string): boolean {
  return element.closest(skippedSelector(ownUi)) === null;
}

/**
 * Text nodes under `root` that a reader can see, in document order, skipping code, form fields, editable regions,
 * hidden elements, site chrome and anything matching `ownUi`. DOM calls from a content script cross into the
 * browser, so this makes few: one `querySelectorAll` finds every skipped element, a native TreeWalker yields the text
 * nodes, and each element's verdict is worked out once, from its parent's.
 */
export function collectTextNodes(root: Node, ownUi?: string, limit = MAX_TEXT_NODES_PER_SCAN): Text[] {
  return collectTexts(root, ownUi, limit).nodes;
}

/** The visible text nodes and their texts, read once (each read of a node's text is a call into the browser). */
export interface CollectedTexts {
  nodes: Text[];
  texts: string[];
}

/** {@link collectTextNodes} with each node's text alongside. */
export function collectTexts(root: Node, ownUi?: string, limit = MAX_TEXT_NODES_PER_SCAN): CollectedTexts {
  const skipped = new Set<Element>((root as Element | Document).querySelectorAll?.(skippedSelector(ownUi)) ?? []);
  const verdicts = new Map<Node, boolean>([[root, true]]);
  const chain: Element[] = [];
  const readable = (parent: Element | null): boolean => {
    let at: Node | null = parent;
    let verdict: boolean | undefined;
    while (at) {
      verdict = verdicts.get(at);
      if (verdict !== undefined) break;
      if (skipped.has(at as Element)) {
        verdict = false;
        break;
      }
      chain.push(at as Element);
      at = at.parentNode;
    }
    const result = verdict ?? false;
    for (const element of chain) verdicts.set(element, result);
    chain.length = 0;
    return result;
  };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const texts: string[] = [];
  for (let node = walker.nextNode(); node && nodes.length < limit; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < MIN_TEXT_LENGTH || !readable(node.parentElement)) continue;
    nodes.push(node as Text);
    texts.push(text);
  }
  return { nodes, texts };
}

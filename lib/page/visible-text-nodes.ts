import { chromeElementsUnder, isChromeElement } from '../page-analysis/site-chrome';
import { headlineListsUnder, linkListsUnder } from '../page-analysis/link-lists';
import { securityOfQuoteUrl } from '../detect/quote-url';
import { textIsHidden, type StyleLike } from '../page-analysis/hidden-style';
import { isInCodeColumn } from './code-column';

/**
 * Elements whose text is never page prose: code, forms, editors, and parts the page itself marks hidden. One
 * selector, so a single `querySelectorAll` finds them all.
 */
const NOT_PROSE =
  'script,style,noscript,template,textarea,input,select,option,button,code,pre,svg,canvas,iframe,object,head,title,' +
  '[aria-hidden="true"],[hidden],[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]';

/** Most text nodes one page scan reads; beyond this a page is a data dump and the rest is left alone. */
export const MAX_TEXT_NODES_PER_SCAN = 20_000;
/** Text nodes shorter than this cannot hold a ticker or name worth a mark (`茅台` is 2 units). */
const MIN_TEXT_LENGTH = 2;
/** How many text nodes {@link TextReader.collect} walks between two looks at its clock (a look costs a call). */
const UNTIL_EVERY = 64;
/** `NodeFilter.SHOW_TEXT`, spelled out so the module also runs where `NodeFilter` is no global. */
const SHOW_TEXT = 4;

/** How a page is read: our own UI to leave alone, and where an element's computed style comes from. */
export interface ReadingRules {
  /** Selector of our own elements (the card's host): never page text. */
  ownUi?: string;
  /** The element's computed style (the browser's `getComputedStyle`; the CLI's declared styles). None: all shown. */
  styleOf?: (element: Element) => StyleLike | undefined;
  /**
   * Whether the browser renders the element visibly (`checkVisibility`: display, visibility, opacity, content
   * visibility, ancestors included), one native call where reading those properties one by one costs ten. With it,
   * `styleOf` need only give what places text off the page ({@link offPageStyle}).
   */
  isRendered?: (element: Element) => boolean;
}

/**
 * The browser's reading rules: `checkVisibility` for what hides an element, and only the few computed properties
 * that push text off the page, read lazily (most elements are not positioned: two property reads).
 */
export function browserReadingRules(view: Window, ownUi: string): ReadingRules {
  return {
    ownUi,
    isRendered: (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    styleOf: (element) => offPageStyle(view.getComputedStyle(element)),
  };
}

/** The properties of a computed style that place text off the page; the rest only when the element is positioned. */
export function offPageStyle(style: CSSStyleDeclaration): StyleLike {
  const position = style.position;
  const textIndent = style.textIndent;
  if (position !== 'absolute' && position !== 'fixed') return { position, textIndent };
  const { left, top, clipPath, width, height, overflow } = style;
  // `clip` is deprecated but still what the visually-hidden pattern sets: read by name.
  return { position, textIndent, left, top, clip: style.getPropertyValue('clip'), clipPath, width, height, overflow };
}

/** Table cells: a code column's cells hold a code each. */
const CELLS = new Set(['TD', 'TH']);
/** Inline wrappers inside a cell or link (`<td><b>600519</b></td>`). */
const INLINE = new Set(['SPAN', 'B', 'STRONG', 'FONT', 'EM', 'I']);
/** A link's text longer than this is no code, whatever its address (saves parsing the address). */
const MAX_CODE_LINK_TEXT = 16;

/** Whether a link goes to a quote page (`quote.eastmoney.com/sh600519.html`): its text is that security's code. */
function isQuoteLink(link: Element, text: string): boolean {
  const href = link.getAttribute('href') ?? '';
  if (text.trim().length > MAX_CODE_LINK_TEXT || !/^(?:https?:)?\/\//i.test(href)) return false;
  return securityOfQuoteUrl(href.startsWith('//') ? `https:${href}` : href) !== undefined;
}

/**
 * Whether a text node stands where a code is expected: the text of a cell in a code column (`代码`, `Symbol` …:
 * {@link isInCodeColumn}), or of a link to a quote page (or of an inline wrapper inside either). The matcher counts a
 * bare code or ticker alone there (`600519` in a code column), never in prose or other cells: a link in an article
 * whose text is `AA` (a credit rating) or a six-digit click count in a ranking table is no code slot.
 */
export function isCodeSlot(node: Text): boolean {
  let at = node.parentElement;
  if (at && INLINE.has(at.tagName)) at = at.parentElement;
  if (!at) return false;
  if (CELLS.has(at.tagName)) return isInCodeColumn(node);
  if (at.tagName !== 'A') return false;
  // A code column's cells often link each code to the site's quote or search page (`<td><a href=…?q=sh600053>600053</a>`).
  return (
    isQuoteLink(at, node.nodeValue ?? '') || (at.parentElement !== null && CELLS.has(at.parentElement.tagName) && isInCodeColumn(node))
  );
}

/** The visible text nodes and their texts, read once (each read of a node's text is a call into the browser). */
export interface CollectedTexts {
  nodes: Text[];
  texts: string[];
  /** Per node, whether it is a code slot ({@link isCodeSlot}). */
  slots: boolean[];
  /** Where to go on when the limit was reached (the last node read); undefined when the root was read to its end. */
  resumeAfter?: Text;
}

/**
 * Reads a page as a reader sees it: text that is rendered, visible and on the page, outside code and form fields,
 * outside the site's chrome (menus, headers, footers, share buttons, link lists: `site-chrome.ts`, `link-lists.ts`)
 * and outside our own UI. Each element's verdict is worked out once, from its parent's, and kept (weakly) for the
 * nodes a live page adds later.
 */
export class TextReader {
  readonly #rules: ReadingRules;
  readonly #verdicts = new WeakMap<Node, boolean>();
  /** Elements found unreadable by a subtree query (chrome, link lists, not prose). */
  readonly #skipped = new WeakSet<Element>();
  readonly #notProse: string;

  constructor(rules: ReadingRules = {}) {
    this.#rules = rules;
    this.#notProse = rules.ownUi ? `${NOT_PROSE},${rules.ownUi}` : NOT_PROSE;
  }

  /** Whether a text node (one a mutation added or changed) is readable page prose. */
  isReadableText(node: Text): boolean {
    if ((node.nodeValue?.trim().length ?? 0) < MIN_TEXT_LENGTH) return false;
    return node.parentElement !== null && this.isReadableElement(node.parentElement);
  }

  /**
   * Whether an element and all its ancestors are readable. Elements inside `queried` (a subtree whose unreadable
   * elements were just found by query) need only their style read.
   */
  isReadableElement(element: Element, queried?: Node): boolean {
    const chain: Element[] = [];
    let verdict: boolean | undefined;
    let inQueried = queried !== undefined;
    for (let at: Element | null = element; at; at = at.parentElement) {
      verdict = this.#verdicts.get(at);
      if (verdict !== undefined) break;
      if (this.#skipped.has(at) || this.#judgeAlone(at, inQueried && at !== queried)) {
        verdict = false;
        break;
      }
      chain.push(at);
      if (at === queried) inQueried = false;
    }
    const result = verdict ?? true;
    for (const at of chain) this.#verdicts.set(at, result);
    return result;
  }

  /**
   * Text nodes under `root` that a reader can see, in document order, at most `limit`; `after` resumes a read of the
   * same root that stopped at its limit. Chrome and link lists under `root` are found first with a few subtree queries
   * (unless `learned`: the caller ran {@link TextReader.learnSteps} on it). `until` ends the read early (its time is
   * up): asked every {@link UNTIL_EVERY} nodes, after at least one, and the read resumes from there like a limit.
   */
  collect(
    root: Node,
    limit = MAX_TEXT_NODES_PER_SCAN,
    after?: Text,
    { learned = false, until }: { learned?: boolean; until?: () => boolean } = {},
  ): CollectedTexts {
    if (!after && !learned) for (const step of this.learnSteps(root)) step();
    this.#pageLoading = this.#isPageLoading(root);
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    if (after) walker.currentNode = after;
    const nodes: Text[] = [];
    const texts: string[] = [];
    const slots: boolean[] = [];
    let last: Text | undefined;
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode(), seen++) {
      if (nodes.length >= limit || (until && seen > 0 && seen % UNTIL_EVERY === 0 && until()))
        return { nodes, texts, slots, resumeAfter: last };
      last = node as Text;
      const text = node.nodeValue ?? '';
      if (text.length < MIN_TEXT_LENGTH || !node.parentElement || !this.isReadableElement(node.parentElement, root)) continue;
      nodes.push(node as Text);
      texts.push(text);
      slots.push(isCodeSlot(node as Text));
    }
    return { nodes, texts, slots };
  }

  /**
   * The readable ones of `nodes` (a first look at part of the page: {@link textNodesNearViewport}), each judged by its
   * own ancestors, with no subtree query: text inside links is left for the whole page's reading, since link lists
   * and headline lists are found only by the queries. A reader that judged so must not read the whole page after
   * (its verdicts lack the queries'): give the first look a reader of its own.
   */
  readSome(nodes: Iterable<Text>): CollectedTexts {
    const read: CollectedTexts = { nodes: [], texts: [], slots: [] };
    let first = true;
    for (const node of nodes) {
      if (first) this.#pageLoading = this.#isPageLoading(node.ownerDocument);
      first = false;
      if (!this.isReadableText(node) || node.parentElement!.closest('a')) continue;
      read.nodes.push(node);
      read.texts.push(node.data);
      read.slots.push(isCodeSlot(node));
    }
    return read;
  }

  /**
   * The subtree queries that find the unreadable elements under `root` (not prose, chrome, link lists), one step
   * each, so a caller reading a whole page can let the page run between them (each walks every element).
   */
  learnSteps(root: Node): (() => void)[] {
    const element = root.nodeType === 1 ? (root as Element) : (root as Document).documentElement;
    if (!element) return [];
    const skip = (found: Iterable<Element>) => {
      for (const each of found) this.#skipped.add(each);
    };
    return [
      () => skip(element.querySelectorAll(this.#notProse)),
      () => skip(chromeElementsUnder(element)),
      () => skip(linkListsUnder(element)),
      () => skip(headlineListsUnder(element)),
    ];
  }

  /** Whether the whole page is hidden while it loads (then `isRendered` says no for everything: not used). */
  #pageLoading = false;

  #isPageLoading(root: Node): boolean {
    const body = (root.ownerDocument ?? (root as Document)).body;
    if (!body || !this.#rules.isRendered) return false;
    return !this.#rules.isRendered(body);
  }

  /** An element's own structural verdict, its ancestors aside: not prose, or chrome. */
  #judgeAlone(element: Element, queried: boolean): boolean {
    return !queried && (element.matches(this.#notProse) || isChromeElement(element));
  }

  readonly #shown = new WeakMap<Element, boolean>();

  /**
   * Whether a readable text node is shown: rendered, visible, on the page (the style rules). Asked only of nodes that
   * hold a mention, since reading styles is what costs: a page of 10,000 paragraphs with a handful of names reads a
   * handful of styles. The style of `html` and `body` is not read: a page hidden whole is loading (anti-flicker
   * snippets hide the body until their script runs), never a page whose text nobody sees.
   */
  isShown(node: Text): boolean {
    const parent = node.parentElement;
    if (!parent) return false;
    if (this.#rules.isRendered && !this.#pageLoading && !this.#rules.isRendered(parent)) return false;
    if (!this.#rules.styleOf) return true;
    const chain: Element[] = [];
    let verdict: boolean | undefined;
    for (let at: Element | null = parent; at && at.tagName !== 'BODY' && at.tagName !== 'HTML'; at = at.parentElement) {
      verdict = this.#shown.get(at);
      if (verdict !== undefined) break;
      if (this.#styleHides(at)) {
        verdict = false;
        break;
      }
      chain.push(at);
    }
    const result = verdict ?? true;
    for (const at of chain) this.#shown.set(at, result);
    return result;
  }

  /** Whether an element's own style hides its text (visibility only where it starts: see `textIsHidden`). */
  #styleHides(element: Element): boolean {
    const style = this.#rules.styleOf!(element);
    if (!style || !textIsHidden(style)) return false;
    const parent = element.parentElement;
    return !parent || textIsHidden(style, this.#rules.styleOf!(parent));
  }
}

/** The readable text nodes under `root` (see {@link TextReader}). */
export function collectTexts(root: Node, rules: ReadingRules = {}, limit = MAX_TEXT_NODES_PER_SCAN): CollectedTexts {
  return new TextReader(rules).collect(root, limit);
}

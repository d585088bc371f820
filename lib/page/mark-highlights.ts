import type { MarkStyle } from '../settings/display-settings';
import type { PageMark } from './page-marks';

/** Name of our highlight in the page's highlight registry. */
export const HIGHLIGHT_NAME = 'reportlens-mark';

/** The look of each mark style; none changes layout (highlights cannot). The default dotted underline is the quietest. */
const STYLE_RULES: Record<MarkStyle, string> = {
  dotted: 'text-decoration: underline dotted 2px; text-decoration-color: #d97706; text-underline-offset: 3px;',
  underline: 'text-decoration: underline solid 2px; text-decoration-color: #d97706; text-underline-offset: 3px;',
  background: 'background-color: rgba(245, 158, 11, 0.28);',
};
const highlightCss = (style: MarkStyle) => `::highlight(${HIGHLIGHT_NAME}) { ${STYLE_RULES[style]} }`;

/**
 * Draws marks with the CSS Custom Highlight API: no element is added to or changed in the page's DOM, so
 * React/Vue pages, editors and hydration are never disturbed. The style goes in through `adoptedStyleSheets`, which
 * is not part of the DOM either. https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API
 */
export class MarkHighlights {
  readonly #doc: Document;
  readonly #highlight: Highlight | undefined;
  readonly #sheet: CSSStyleSheet | undefined;

  constructor(doc: Document, style: MarkStyle = 'dotted') {
    this.#doc = doc;
    const view = doc.defaultView;
    if (!view || !('highlights' in view.CSS) || typeof view.Highlight !== 'function') return;
    this.#highlight = new view.Highlight();
    view.CSS.highlights.set(HIGHLIGHT_NAME, this.#highlight);
    this.#sheet = new view.CSSStyleSheet();
    this.#sheet.replaceSync(highlightCss(style));
  }

  #adopted = false;

  /**
   * Adopts our style sheet with the first marks, not before: a new sheet makes the browser restyle the whole page,
   * and done before the page is read, the first visibility check pays for that restyle in our task.
   */
  #adopt(): void {
    if (this.#adopted || !this.#sheet) return;
    this.#adopted = true;
    this.#doc.adoptedStyleSheets = [...this.#doc.adoptedStyleSheets, this.#sheet];
  }

  /** Whether this browser can draw marks (Chromium 105+, Safari 17.2+, Firefox 140+). */
  get supported(): boolean {
    return this.#highlight !== undefined;
  }

  /** Redraws every mark in another style. */
  setStyle(style: MarkStyle): void {
    this.#sheet?.replaceSync(highlightCss(style));
  }

  readonly #byNode = new Map<Text, AbstractRange[]>();

  add(marks: readonly PageMark[]): void {
    if (!this.#highlight || !marks.length) return;
    this.#adopt();
    for (const mark of marks) {
      // A StaticRange is one constructor call (a live Range is three DOM calls); a node whose text changes is
      // rescanned and its marks replaced, so nothing needs the range to follow edits.
      const range = new StaticRange({
        startContainer: mark.node,
        startOffset: mark.mention.start,
        endContainer: mark.node,
        endOffset: mark.mention.end,
      });
      this.#highlight.add(range);
      const ranges = this.#byNode.get(mark.node) ?? [];
      ranges.push(range);
      this.#byNode.set(mark.node, ranges);
    }
  }

  /** Removes the marks of text nodes whose text changed or that left the page. */
  removeNodes(nodes: Iterable<Text>): void {
    for (const node of nodes) {
      for (const range of this.#byNode.get(node) ?? []) this.#highlight?.delete(range);
      this.#byNode.delete(node);
    }
  }

  /** Removes every mark and our style sheet. */
  dispose(): void {
    this.#doc.defaultView?.CSS.highlights?.delete(HIGHLIGHT_NAME);
    this.#doc.adoptedStyleSheets = this.#doc.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
  }
}

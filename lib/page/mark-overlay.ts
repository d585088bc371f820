import type { MarkStyle } from '../settings/display-settings';
import { rangeOfMark, type PageMark } from './page-marks';

/** The look of each mark style as a box under or behind the text (the highlight styles, drawn by hand). */
const BOX_STYLES: Record<MarkStyle, string> = {
  dotted: 'border-bottom: 2px dotted #d97706;',
  underline: 'border-bottom: 2px solid #d97706;',
  background: 'background: rgba(245, 158, 11, 0.28);',
};
/** At most this many boxes are drawn: a fallback must stay cheap on a huge page. */
export const MAX_OVERLAY_BOXES = 2_000;

/**
 * Marks where the CSS Custom Highlight API is missing (or the user asked for private marks): boxes in a layer of our
 * own (inside the card's closed shadow root), placed over the marked text and redrawn after each scan, on window
 * resize, when the page's size changes (images, fonts, content above) and when web fonts finish loading. The page's
 * DOM is still never touched, and the boxes let the pointer through, so hit-testing and the page work as before.
 */
export class MarkOverlay {
  readonly #layer: HTMLElement;
  readonly #view: Window;
  readonly #schedule: (draw: () => void) => void;
  #marks: PageMark[] = [];
  #style: MarkStyle;
  #pending = false;
  readonly #onResize = () => this.#redraw();
  /** Layout that moves text without changing it (images and fonts arriving, content above growing) resizes the page. */
  readonly #layoutWatch: ResizeObserver | undefined;

  constructor(
    layer: HTMLElement,
    view: Window,
    style: MarkStyle = 'dotted',
    schedule = (draw: () => void) => view.requestAnimationFrame(draw),
  ) {
    this.#layer = layer;
    this.#view = view;
    this.#style = style;
    this.#schedule = schedule;
    layer.style.cssText = 'position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none;';
    view.addEventListener('resize', this.#onResize);
    const Observer = (view as Window & typeof globalThis).ResizeObserver;
    const doc = layer.ownerDocument;
    if (Observer) {
      this.#layoutWatch = new Observer(this.#onResize);
      this.#layoutWatch.observe(doc.documentElement);
      if (doc.body) this.#layoutWatch.observe(doc.body);
    }
    doc.fonts?.addEventListener('loadingdone', this.#onResize);
  }

  add(marks: readonly PageMark[]): void {
    this.#marks.push(...marks);
    this.#redraw();
  }

  removeNodes(nodes: Iterable<Text>): void {
    const gone = new Set(nodes);
    this.#marks = this.#marks.filter((mark) => !gone.has(mark.node));
    this.#redraw();
  }

  setStyle(style: MarkStyle): void {
    this.#style = style;
    this.#redraw();
  }

  dispose(): void {
    this.#view.removeEventListener('resize', this.#onResize);
    this.#layoutWatch?.disconnect();
    this.#layer.ownerDocument.fonts?.removeEventListener('loadingdone', this.#onResize);
    this.#marks = [];
    this.#layer.replaceChildren();
  }

  /** One redraw per frame however many changes came in it. */
  #redraw(): void {
    if (this.#pending) return;
    this.#pending = true;
    this.#schedule(() => {
      this.#pending = false;
      this.#draw();
    });
  }

  #draw(): void {
    const doc = this.#layer.ownerDocument;
    const boxes: HTMLElement[] = [];
    const { scrollX, scrollY } = this.#view;
    for (const mark of this.#marks) {
      if (!mark.node.isConnected) continue;
      for (const rect of rangeOfMark(mark).getClientRects()) {
        if (boxes.length >= MAX_OVERLAY_BOXES) break;
        const box = doc.createElement('div');
        box.style.cssText = `position: absolute; left: ${rect.left + scrollX}px; top: ${rect.top + scrollY}px; width: ${rect.width}px; height: ${rect.height}px; box-sizing: border-box; ${BOX_STYLES[this.#style]}`;
        boxes.push(box);
      }
    }
    this.#layer.replaceChildren(...boxes);
  }
}

import { markAtPoint } from './mark-under-pointer';
import type { MarkIndex, PageMark } from './page-marks';

/** Pointer rest before a card opens: long enough that sweeping across a page opens nothing. */
export const HOVER_OPEN_DELAY_MS = 150;
/** Grace after leaving a mark, so the pointer can travel onto the card without it closing. */
export const HOVER_CLOSE_DELAY_MS = 300;

/** What hovering tells its owner. */
export interface HoverEvents {
  /** The pointer came onto a mark; the card opens if it rests there (a chance to get the card ready meanwhile). */
  approach?(mark: PageMark): void;
  enter(mark: PageMark): void;
  leave(): void;
  /** True while the pointer is over our own card, which keeps it open. */
  isOverCard(target: EventTarget | null): boolean;
}

/**
 * Watches the pointer over the document and reports which mark it rests on, hit-testing once per animation frame at
 * most. Listeners are passive and removed when `signal` aborts.
 */
export function watchHover(doc: Document, index: MarkIndex, events: HoverEvents, signal: AbortSignal): void {
  const view = doc.defaultView!;
  let current: PageMark | undefined;
  let pending: { x: number; y: number; target: EventTarget | null } | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  const settle = () => {
    frame = 0;
    if (!pending) return;
    const { x, y, target } = pending;
    pending = undefined;
    if (events.isOverCard(target)) {
      clearTimeout(closeTimer);
      return;
    }
    const mark = markAtPoint(doc, index, x, y);
    if (mark === current) return;
    clearTimeout(openTimer);
    if (mark) {
      events.approach?.(mark);
      clearTimeout(closeTimer);
      openTimer = setTimeout(() => {
        current = mark;
        events.enter(mark);
      }, HOVER_OPEN_DELAY_MS);
    } else if (current) {
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => {
        current = undefined;
        events.leave();
      }, HOVER_CLOSE_DELAY_MS);
    }
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      pending = { x: event.clientX, y: event.clientY, target: event.target };
      if (!frame) frame = view.requestAnimationFrame(settle);
    },
    { passive: true, capture: true, signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !current) return;
      current = undefined;
      events.leave();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (frame) view.cancelAnimationFrame(frame);
  });
}

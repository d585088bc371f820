import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import type { Mention } from '../detect/mention';
import { MarkOverlay, MAX_OVERLAY_BOXES } from './mark-overlay';
import type { PageMark } from './page-marks';

/** A page whose ranges report one client rect per mark, at x = 10 × start offset (linkedom has no layout). */
function page() {
  const { document } = parseHTML('<html><body><p>阿里巴巴 and Amazon</p><div id="layer"></div></body></html>');
  const text = document.querySelector('p')!.firstChild as Text;
  Object.assign(document, {
    createRange: () => {
      let start = 0;
      return {
        setStart: (_node: Node, offset: number) => void (start = offset),
        setEnd: () => undefined,
        getClientRects: () => [{ left: start * 10, top: 20, width: 40, height: 16 }],
      };
    },
  });
  const resized: (() => void)[] = [];
  const observed: unknown[] = [];
  let disconnected = false;
  class ResizeObserver {
    constructor(callback: () => void) {
      resized.push(callback);
    }
    observe(target: unknown) {
      observed.push(target);
    }
    disconnect() {
      disconnected = true;
    }
  }
  const view = { scrollX: 0, scrollY: 100, addEventListener: () => undefined, removeEventListener: () => undefined, ResizeObserver };
  const layer = document.getElementById('layer') as unknown as HTMLElement;
  const frames: (() => void)[] = [];
  const overlay = new MarkOverlay(layer, view as unknown as Window, 'dotted', (draw) => frames.push(draw));
  const mark = (start: number, end: number): PageMark => ({ node: text, mention: { start, end } as Mention });
  const flush = () => frames.splice(0).forEach((draw) => draw());
  return { text, layer, overlay, mark, flush, frames, resized, observed, document, disconnected: () => disconnected };
}

test('marks become boxes over their text (page coordinates), redrawn once per frame, in the chosen style', () => {
  const { layer, overlay, mark, flush, frames } = page();
  overlay.add([mark(0, 4)]);
  overlay.add([mark(9, 15)]);
  expect(frames).toHaveLength(1);
  flush();
  const boxes = [...layer.children] as HTMLElement[];
  expect(boxes.map((box) => [box.style.left, box.style.top])).toEqual([
    ['0px', '120px'],
    ['90px', '120px'],
  ]);
  expect(boxes[0]!.style.cssText).toContain('dotted');
  overlay.setStyle('background');
  flush();
  expect((layer.children[0] as HTMLElement).style.cssText).toContain('background');
});

test('marks of rescanned nodes go, and dispose clears the layer', () => {
  const { text, layer, overlay, mark, flush } = page();
  overlay.add([mark(0, 4)]);
  flush();
  overlay.removeNodes([text]);
  flush();
  expect(layer.children).toHaveLength(0);
  overlay.add([mark(0, 4)]);
  flush();
  overlay.dispose();
  expect(layer.children).toHaveLength(0);
});

test('a huge page draws at most the cap', () => {
  const { layer, overlay, mark, flush } = page();
  overlay.add(Array.from({ length: MAX_OVERLAY_BOXES + 50 }, () => mark(0, 4)));
  flush();
  expect(layer.children).toHaveLength(MAX_OVERLAY_BOXES);
});

test('a change of the page size (an image or font arriving) redraws the boxes; dispose stops watching', () => {
  const { overlay, mark, flush, frames, resized, observed, document, disconnected } = page();
  expect(observed).toEqual([document.documentElement, document.body]);
  overlay.add([mark(0, 4)]);
  flush();
  resized[0]!();
  expect(frames).toHaveLength(1);
  overlay.dispose();
  expect(disconnected()).toBe(true);
});

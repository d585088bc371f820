import { rangeOfMark, type MarkIndex, type PageMark } from './page-marks';

/**
 * The mark under a viewport point, by caret hit-testing: no listener or wrapper on the marked text itself. The caret
 * snaps to the nearest character, so the point must also fall inside one of the mark's rectangles.
 */
export function markAtPoint(doc: Document, index: MarkIndex, x: number, y: number): PageMark | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) return undefined;
  const mark = index.at(caret.node, caret.offset) ?? (caret.offset > 0 ? index.at(caret.node, caret.offset - 1) : undefined);
  if (!mark) return undefined;
  const inside = [...rangeOfMark(mark).getClientRects()].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  return inside ? mark : undefined;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- Chromium before 128 has only caretRangeFromPoint
  const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

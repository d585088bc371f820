import type { SecurityMatcher } from '../detect/find-securities';
import type { Mention } from '../detect/mention';
import type { SecurityId } from '../securities/security-id';

/** A mention on the live page: the text node it sits in, and the mention within that node's text. */
export interface PageMark {
  node: Text;
  mention: Mention;
}

/** Time one slice of scanning may take before yielding to the page, so scrolling and input never wait on us. */
export const SCAN_SLICE_MS = 8;

/**
 * Scans text nodes in time-bounded slices and returns the marks whose security `shouldMark` accepts. Yields between
 * slices (`yieldToPage`), and stops when `signal` aborts.
 */
export async function scanForMarks(
  { nodes, texts }: { nodes: readonly Text[]; texts?: readonly string[] },
  matcher: SecurityMatcher,
  shouldMark: (id: SecurityId) => boolean,
  options: { signal: AbortSignal; yieldToPage: () => Promise<void>; now?: () => number },
): Promise<PageMark[]> {
  const now = options.now ?? (() => performance.now());
  const marks: PageMark[] = [];
  let sliceStart = now();
  for (let i = 0; i < nodes.length; i++) {
    if (options.signal.aborted) return marks;
    const node = nodes[i]!;
    for (const mention of matcher.find(texts?.[i] ?? node.nodeValue ?? '')) if (shouldMark(mention.id)) marks.push({ node, mention });
    if (now() - sliceStart > SCAN_SLICE_MS) {
      await options.yieldToPage();
      sliceStart = now();
    }
  }
  return marks;
}

/** Range of a mark in the live document. */
export function rangeOfMark(mark: PageMark): Range {
  const range = mark.node.ownerDocument.createRange();
  range.setStart(mark.node, mark.mention.start);
  range.setEnd(mark.node, mark.mention.end);
  return range;
}

/** Per-node index of marks, for hit-testing a caret position. */
export class MarkIndex {
  readonly #byNode = new Map<Text, PageMark[]>();

  add(marks: readonly PageMark[]): void {
    for (const mark of marks) {
      const list = this.#byNode.get(mark.node) ?? [];
      list.push(mark);
      this.#byNode.set(mark.node, list);
    }
  }

  /** Forgets the marks of nodes that are rescanned or gone. */
  removeNodes(nodes: Iterable<Text>): void {
    for (const node of nodes) this.#byNode.delete(node);
  }

  /** The mark covering `offset` in `node`, if any. */
  at(node: Node, offset: number): PageMark | undefined {
    return this.#byNode.get(node as Text)?.find((mark) => offset >= mark.mention.start && offset < mark.mention.end);
  }

  /** All marks, grouped by node in insertion order. */
  all(): PageMark[] {
    return [...this.#byNode.values()].flat();
  }
}

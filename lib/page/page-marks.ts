import type { SecurityMatcher } from '../detect/find-securities';
import type { Mention } from '../detect/mention';
import { isCodeSlot } from './visible-text-nodes';
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
 * slices (`yieldToPage`), and stops when `signal` aborts. `support` is the page's subject (its weak names and bare
 * codes count); a node alone in a table cell or link is a code slot (`slots`, else asked of the node).
 */
export async function scanForMarks(
  { nodes, texts, slots }: { nodes: readonly Text[]; texts?: readonly string[]; slots?: readonly boolean[] },
  matcher: SecurityMatcher,
  shouldMark: (id: SecurityId) => boolean,
  options: {
    signal: AbortSignal;
    yieldToPage: () => Promise<void>;
    now?: () => number;
    support?: ReadonlySet<SecurityId>;
    /** Whether a node's text is shown (style rules, asked only of nodes with a mention): `TextReader.isShown`. */
    isShown?: (node: Text) => boolean;
  },
): Promise<PageMark[]> {
  const now = options.now ?? (() => performance.now());
  const marks: PageMark[] = [];
  let sliceStart = now();
  for (let i = 0; i < nodes.length; i++) {
    if (options.signal.aborted) return marks;
    const node = nodes[i]!;
    const context = { support: options.support, codeSlot: slots?.[i] ?? isCodeSlot(node) };
    const mentions = matcher.find(texts?.[i] ?? node.nodeValue ?? '', context);
    if (mentions.length && (!options.isShown || options.isShown(node)))
      for (const mention of mentions) if (shouldMark(mention.id)) marks.push({ node, mention });
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

/**
 * Per-node index of marks, for hit-testing a caret position, with a count per security so the page's set of
 * securities is known without walking every mark. Holds only nodes on the page: {@link MarkIndex.sweep} lets go of
 * those that left it.
 */
export class MarkIndex {
  readonly #byNode = new Map<Text, PageMark[]>();
  readonly #perSecurity = new Map<SecurityId, number>();

  add(marks: readonly PageMark[]): void {
    for (const mark of marks) {
      const list = this.#byNode.get(mark.node) ?? [];
      list.push(mark);
      this.#byNode.set(mark.node, list);
      this.#perSecurity.set(mark.mention.id, (this.#perSecurity.get(mark.mention.id) ?? 0) + 1);
    }
  }

  /** Forgets the marks of nodes that are rescanned or gone. */
  removeNodes(nodes: Iterable<Text>): void {
    for (const node of nodes) {
      for (const mark of this.#byNode.get(node) ?? []) {
        const left = (this.#perSecurity.get(mark.mention.id) ?? 1) - 1;
        if (left) this.#perSecurity.set(mark.mention.id, left);
        else this.#perSecurity.delete(mark.mention.id);
      }
      this.#byNode.delete(node);
    }
  }

  /** Forgets the marks of nodes no longer on the page and returns those nodes (their drawings must go too). */
  sweep(): Text[] {
    const gone = [...this.#byNode.keys()].filter((node) => !node.isConnected);
    this.removeNodes(gone);
    return gone;
  }

  /** Whether `node` holds exactly `marks` (the same mentions, in order). */
  sameMarks(node: Text, marks: readonly PageMark[]): boolean {
    const held = this.#byNode.get(node) ?? [];
    return (
      held.length === marks.length &&
      held.every(({ mention }, i) => {
        const other = marks[i]!.mention;
        return mention.start === other.start && mention.end === other.end && mention.id === other.id && mention.rule === other.rule;
      })
    );
  }

  /** The mark covering `offset` in `node`, if any. */
  at(node: Node, offset: number): PageMark | undefined {
    return this.#byNode.get(node as Text)?.find((mark) => offset >= mark.mention.start && offset < mark.mention.end);
  }

  /** All marks, grouped by node in insertion order. */
  all(): PageMark[] {
    return [...this.#byNode.values()].flat();
  }

  /** The securities marked now, in no particular order. */
  securities(): SecurityId[] {
    return [...this.#perSecurity.keys()];
  }

  /** How many nodes hold marks (for the soak test: it must not grow with removed nodes). */
  get nodeCount(): number {
    return this.#byNode.size;
  }
}

import type { TaskClock } from './task-clock';
import type { TextReader } from './visible-text-nodes';

/** Most text nodes one flush hands on; the rest wait for the next flush, never dropped. */
export const MUTATION_FLUSH_TEXT_NODES = 2_000;
/**
 * Text nodes handed on per second at most, averaged (a token bucket): a page that changes faster is followed a little
 * later, never dropped, and never costs more than this however long it runs.
 */
export const MUTATION_TEXT_NODES_PER_SECOND = 4_000;
/**
 * Flushes are at least this far apart: a price cell that ticks 10 times a second is read at most 4 times, and the
 * changes in between collapse into one read of the node's latest text.
 */
export const MUTATION_MIN_INTERVAL_MS = 250;
/** How long a flush may wait for an idle period before it runs anyway. */
const IDLE_TIMEOUT_MS = 500;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** What a watcher is told and asked. */
export interface MutationWatch {
  /** Judges what is readable (the page analysis's reader, so live text is read as the page was). */
  reader: TextReader;
  /** Text nodes added or changed since the last call, readable and still on the page. */
  onText: (nodes: Text[]) => Promise<void>;
  /** Nodes left the page since the last call: marks in them must go. */
  onRemoved: () => void;
  signal: AbortSignal;
  /** Clock, for tests. */
  now?: () => number;
  /** Times each read as a task of ours (see `TaskClock`). */
  clock?: TaskClock;
}

/** The state of the watcher, for tests and the soak run. */
export interface MutationQueueState {
  /** Nodes waiting to be read. */
  pending: number;
  /** Added elements read in part, waiting for the rest. */
  partial: number;
  /** Text nodes handed on so far. */
  handed: number;
}

/**
 * Follows a page that changes after load (single-page apps, live quotes, news feeds). The MutationObserver callback
 * only remembers which nodes changed (a set: a node that changes ten times is read once); reading happens later,
 * when the page is idle, in slices of at most {@link MUTATION_FLUSH_TEXT_NODES} and at most
 * {@link MUTATION_TEXT_NODES_PER_SECOND} on average. What does not fit waits: an added element too big for one
 * slice is read on from where the slice stopped. Nothing is dropped and nothing stops following the page but
 * `signal`.
 */
export function watchPageMutations(root: Element, watch: MutationWatch): () => MutationQueueState {
  const view = root.ownerDocument.defaultView!;
  const now = watch.now ?? (() => view.performance.now());
  const pending = new Set<Node>();
  const partial: { root: Element; after: Text }[] = [];
  let removed = false;
  let scheduled = false;
  let lastFlush = -Infinity;
  let tokens = MUTATION_FLUSH_TEXT_NODES;
  let handed = 0;

  const schedule = () => {
    if (scheduled || watch.signal.aborted) return;
    scheduled = true;
    const wait = Math.max(0, lastFlush + MUTATION_MIN_INTERVAL_MS - now());
    view.setTimeout(() => {
      if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(() => void flush(), { timeout: IDLE_TIMEOUT_MS });
      else void flush();
    }, wait);
  };

  const refill = () => {
    const at = now();
    if (lastFlush > -Infinity)
      tokens = Math.min(MUTATION_FLUSH_TEXT_NODES, tokens + ((at - lastFlush) / 1000) * MUTATION_TEXT_NODES_PER_SECOND);
    lastFlush = at;
  };

  const flush = async () => {
    scheduled = false;
    if (watch.signal.aborted) return;
    watch.clock?.begin();
    refill();
    if (removed) {
      removed = false;
      watch.onRemoved();
    }
    const budget = Math.floor(Math.min(tokens, MUTATION_FLUSH_TEXT_NODES));
    const texts: Text[] = [];
    while (partial.length && texts.length < budget) {
      const next = partial.shift()!;
      if (!next.root.isConnected) continue;
      take(next.root, budget - texts.length, texts, next.after);
    }
    for (const node of pending) {
      if (texts.length >= budget) break;
      pending.delete(node);
      if (!node.isConnected) continue;
      if (node.nodeType === TEXT_NODE) {
        if (watch.reader.isReadableText(node as Text)) texts.push(node as Text);
      } else if (watch.reader.isReadableElement(node as Element)) take(node as Element, budget - texts.length, texts);
    }
    tokens -= texts.length;
    handed += texts.length;
    if (texts.length) await watch.onText(texts);
    watch.clock?.end();
    if (pending.size || partial.length || removed) schedule();
  };

  /** Reads up to `limit` text nodes of an added element; what is left waits in `partial`. */
  const take = (element: Element, limit: number, into: Text[], after?: Text) => {
    const read = watch.reader.collect(element, limit, after);
    into.push(...read.nodes);
    if (read.resumeAfter) partial.push({ root: element, after: read.resumeAfter });
  };

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      else {
        if (record.removedNodes.length) removed = true;
        for (const node of record.addedNodes) if (node.nodeType === TEXT_NODE || node.nodeType === ELEMENT_NODE) pending.add(node);
      }
    }
    if (pending.size || removed) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  watch.signal.addEventListener('abort', () => {
    observer.disconnect();
    pending.clear();
    partial.length = 0;
  });
  return () => ({ pending: pending.size, partial: partial.length, handed });
}

import { collectTextNodes, isReadableElement, isReadableText } from './visible-text-nodes';

/** Most text nodes one flush hands on; the rest wait for the next idle period. */
export const MUTATION_FLUSH_TEXT_NODES = 2_000;
/** Text nodes a page may add over its life before we stop following it (feeds that never end). */
export const MAX_MUTATION_TEXT_NODES = 200_000;
/** How long a flush may wait for an idle period before it runs anyway. */
const IDLE_TIMEOUT_MS = 500;

/** What a watcher is told and asked. */
export interface MutationWatch {
  /** Selector of our own elements, whose changes are ignored. */
  ownUi: string;
  /** Text nodes added or changed since the last call, readable and still on the page. */
  onText: (nodes: Text[]) => Promise<void>;
  signal: AbortSignal;
}

/**
 * Follows a page that changes after load (single-page apps, live quotes, infinite feeds). The MutationObserver
 * callback only remembers which nodes changed; reading them happens later, when the page is idle, in bounded
 * batches. Stops when `signal` aborts or the page has added more text than {@link MAX_MUTATION_TEXT_NODES}.
 */
export function watchPageMutations(root: Element, watch: MutationWatch): void {
  const view = root.ownerDocument.defaultView!;
  const pending = new Set<Node>();
  let scheduled = false;
  let handed = 0;

  const schedule = () => {
    if (scheduled || watch.signal.aborted) return;
    scheduled = true;
    if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(() => void flush(), { timeout: IDLE_TIMEOUT_MS });
    else view.setTimeout(() => void flush(), 50);
  };

  const flush = async () => {
    scheduled = false;
    if (watch.signal.aborted) return;
    const texts: Text[] = [];
    for (const node of pending) {
      if (texts.length >= MUTATION_FLUSH_TEXT_NODES) break;
      pending.delete(node);
      if (!node.isConnected) continue;
      if (node.nodeType === Node.TEXT_NODE) {
        if (isReadableText(node as Text, watch.ownUi)) texts.push(node as Text);
      } else if (isReadableElement(node as Element, watch.ownUi)) {
        texts.push(...collectTextNodes(node, watch.ownUi, MUTATION_FLUSH_TEXT_NODES - texts.length));
      }
    }
    handed += texts.length;
    if (texts.length) await watch.onText(texts);
    if (handed >= MAX_MUTATION_TEXT_NODES) observer.disconnect();
    else if (pending.size) schedule();
  };

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      else
        for (const node of record.addedNodes)
          if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) pending.add(node);
    }
    if (pending.size) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  watch.signal.addEventListener('abort', () => observer.disconnect());
}

/**
 * The `k` best of a stream of items under `better` (a strict order), best first, in O(n log k) time and O(k) memory:
 * a bounded heap whose root is the worst item kept, so a query matching 100,000 reports ranks them without sorting
 * all of them. No library: the usual heap packages (tinyqueue, heap-js) are unbounded priority queues.
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  /** @param better true when `a` ranks before `b` */
  constructor(
    private readonly k: number,
    private readonly better: (a: T, b: T) => boolean,
  ) {}

  /** Offers one item; kept if it is among the best `k` so far. */
  push(item: T): void {
    const { heap, k, better } = this;
    if (k <= 0) return;
    if (heap.length < k) {
      heap.push(item);
      this.up(heap.length - 1);
    } else if (better(item, heap[0]!)) {
      heap[0] = item;
      this.down(0);
    }
  }

  /** The items kept, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  /** Moves item `i` towards the root while it is worse than its parent (the root is the worst kept). */
  private up(i: number): void {
    const { heap, better } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent]!, heap[i]!)) return;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const { heap, better } = this;
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) if (child < heap.length && better(heap[worst]!, heap[child]!)) worst = child;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  }
}

import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { MUTATION_FLUSH_TEXT_NODES, watchPageMutations } from './page-mutations';
import { TextReader } from './visible-text-nodes';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * A page in jsdom (linkedom's MutationObserver reports no text changes and its TreeWalker cannot resume), with the
 * test's fake timers and clock (no idle callbacks: the watcher falls back to a timeout).
 */
function livePage() {
  const { window } = new JSDOM('<html><body><main id="live"></main></body></html>');
  const { document } = window;
  Object.defineProperty(window, 'setTimeout', { value: globalThis.setTimeout });
  Object.defineProperty(window, 'performance', { value: { now: () => Date.now() } });
  const handed: Text[] = [];
  let removals = 0;
  const stop = new AbortController();
  const state = watchPageMutations(document.body, {
    reader: new TextReader(),
    onText: (nodes) => {
      handed.push(...nodes);
      return Promise.resolve();
    },
    onRemoved: () => {
      removals++;
    },
    signal: stop.signal,
  });
  return { document: document, handed, removals: () => removals, state, stop };
}

/** Lets the observer deliver its records, then runs the watcher's timers for `ms`. */
async function run(ms: number) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

test.each([
  // [text nodes in one added element, flushes it takes at most]
  [10, 1],
  [MUTATION_FLUSH_TEXT_NODES * 2 + 7, 3],
])(
  'an added element of %i text nodes is read in full, in slices, nothing dropped',
  async (count) => {
    const { document, handed } = livePage();
    const block = document.createElement('section');
    for (let i = 0; i < count; i++) block.appendChild(document.createElement('p')).textContent = `第 ${i} 条`;
    document.getElementById('live')!.appendChild(block);
    await run(5_000);
    expect(handed).toHaveLength(count);
    expect(new Set(handed.map((node) => node.nodeValue)).size).toBe(count);
  },
  30_000,
);

test('changes past the old lifetime cap (200,000 nodes) are still followed; ticks of one node between reads coalesce', async () => {
  const { document, handed, state } = livePage();
  const cells = Array.from({ length: 50 }, (_, i) => {
    const cell = document.getElementById('live')!.appendChild(document.createElement('p'));
    cell.textContent = `${100 + i}.00`;
    return cell.firstChild as Text;
  });
  await run(1_000);
  handed.length = 0;
  // 5,000 simulated reads of 50 cells each, ten ticks per cell between reads: 2.5 million changes.
  for (let read = 0; read < 5_000; read++) {
    for (let tick = 0; tick < 10; tick++) for (const cell of cells) cell.data = `${read}.${tick}`;
    await run(300);
  }
  expect(handed.length).toBe(50 * 5_000);
  expect(state().pending).toBe(0);
}, 60_000);

test('removed nodes are reported, so their marks can be released', async () => {
  const { document, removals } = livePage();
  const item = document.getElementById('live')!.appendChild(document.createElement('p'));
  item.textContent = '贵州茅台公告';
  await run(1_000);
  item.remove();
  await run(1_000);
  expect(removals()).toBeGreaterThan(0);
});

import type { StoredAlias } from '../db/database';
import type { FromImportWorker, MessageEndpoint, ToImportWorker } from './import-worker-protocol';
import type { ReadOutcome, ReportReader, ResolveOutcome } from './report-reader';

/**
 * A {@link ReportReader} over import workers (`import-worker.ts`): each report file goes to the worker with the
 * fewest files in hand, its bytes moved there, not copied; resolving asks each worker for the reports it keeps and
 * sends it the aliases learned since it last heard. `close` ends the workers.
 */
export function workerReportReader(workers: readonly (MessageEndpoint & { terminate(): void })[], database: string): ReportReader {
  const reads = new Map<number, (outcome: ReadOutcome) => void>();
  const resolves = new Map<number, { index: number; keys: number[]; answer: (outcomes: ResolveOutcome[]) => void }>();
  /** Which worker keeps each report, and how many files each has in hand. */
  const keptBy = new Map<number, number>();
  const busy = workers.map(() => 0);
  const aliasesSent = workers.map(() => 0);
  let failure: string | undefined;
  let nextKey = 0;
  let nextResolve = 0;

  workers.forEach((worker, index) => {
    worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'read') {
        busy[index]!--;
        reads.get(message.outcome.key)?.(message.outcome);
        reads.delete(message.outcome.key);
      } else if (message.type === 'resolved') {
        resolves.get(message.id)?.answer(message.outcomes);
        resolves.delete(message.id);
      } else failure = message.reason;
    });
    // A worker that dies (out of memory, a script error) answers nothing more: what it had in hand fails, with why.
    worker.addEventListener('error', (event) => {
      failure = `the import worker stopped (${(event as ErrorEvent).message ?? 'error'})`;
      for (const [key, answer] of reads) if (keptBy.get(key) === index) answer({ key, error: failure });
      for (const [id, { index: of, keys, answer }] of resolves)
        if (of === index) {
          resolves.delete(id);
          answer(keys.map((key) => ({ key, error: failure! })));
        }
    });
    worker.postMessage({ type: 'start', database } satisfies ToImportWorker);
  });

  const send = (index: number, message: ToImportWorker, transfer: Transferable[] = []) => workers[index]!.postMessage(message, transfer);

  return {
    read(input) {
      const key = nextKey++;
      const index = busy.indexOf(Math.min(...busy));
      busy[index]!++;
      keptBy.set(key, index);
      // Moved, not copied: the page has no further use for the bytes (a view of a larger buffer is copied first).
      let { bytes } = input;
      if (bytes && (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength)) bytes = bytes.slice();
      const outcome = new Promise<ReadOutcome>((resolve) => reads.set(key, resolve));
      send(index, { type: 'read', key, input: { ...input, ...(bytes ? { bytes } : {}) } }, bytes ? [bytes.buffer as ArrayBuffer] : []);
      return outcome;
    },
    async resolve(keys, { aliases, repeats }) {
      if (failure) return keys.map((key) => ({ key, error: `not resolved: ${failure}` }));
      const byWorker = workers.map((): number[] => []);
      for (const key of keys) byWorker[keptBy.get(key)!]!.push(key);
      const answers = await Promise.all(
        byWorker.map((mine, index) => {
          if (!mine.length) return Promise.resolve<ResolveOutcome[]>([]);
          const id = nextResolve++;
          const news: StoredAlias[] = aliases.slice(aliasesSent[index]);
          aliasesSent[index] = aliases.length;
          const answer = new Promise<ResolveOutcome[]>((resolve) => resolves.set(id, { index, keys: mine, answer: resolve }));
          send(index, { type: 'resolve', id, keys: mine, aliases: news, repeats });
          return answer;
        }),
      );
      const byKey = new Map(answers.flat().map((outcome) => [outcome.key, outcome]));
      for (const key of keys) keptBy.delete(key);
      return keys.map((key) => byKey.get(key) ?? { key, error: 'not resolved: the import worker gave no answer' });
    },
    close() {
      for (const worker of workers) worker.terminate();
    },
  };
}

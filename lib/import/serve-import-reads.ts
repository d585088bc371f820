import type { ParseContext } from '../reports/parse-report';
import { addAliasToContext } from './alias-learner';
import { decodeText } from './decode-text';
import type { FromImportWorker, MessageEndpoint, ToImportWorker } from './import-worker-protocol';
import { readOne, resolveKept, type Kept, type ReadInput } from './report-reader';

/** Thrown by the worker's HTML parser: a worker has no DOM, so HTML is read in the page. */
class NeedsPage extends Error {}
const noDom = (): never => {
  throw new NeedsPage('HTML is read in the page');
};

/**
 * An import worker's side of {@link ToImportWorker}: reads report files as they come (keeping what was read),
 * resolves them when asked, with a dictionary loaded once (`loadContext`, from the library the page names) plus the
 * aliases the page sends, in the page's order. A text that holds HTML comes back to be read in the page.
 */
export function serveImportReads(port: MessageEndpoint, loadContext: (database: string) => Promise<ParseContext>): void {
  const kept = new Map<number, Kept>();
  let context: Promise<ParseContext> | undefined;
  const post = (message: FromImportWorker) => port.postMessage(message);

  const read = async (key: number, input: ReadInput): Promise<FromImportWorker> => {
    let text: string;
    try {
      text = input.text ?? decodeText(input.bytes!).text;
    } catch (error) {
      return { type: 'read', outcome: { key, error: (error as Error).message } };
    }
    try {
      const { bytes: _bytes, ...rest } = input;
      const entry = await readOne({ ...rest, text }, noDom);
      const { passages, sourceKey, lines, description, ...keep } = entry;
      kept.set(key, keep);
      return { type: 'read', outcome: { key, passages, sourceKey, lines, ...(description !== undefined ? { description } : {}) } };
    } catch (error) {
      if (error instanceof NeedsPage) return { type: 'read', outcome: { key, readHere: text } };
      return { type: 'read', outcome: { key, error: error instanceof Error ? error.message : String(error) } };
    }
  };

  port.addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
    const message = event.data;
    if (message.type === 'start') {
      context = loadContext(message.database);
      context.catch((error: unknown) => post({ type: 'failed', reason: (error as Error).message }));
    } else if (message.type === 'read') {
      void read(message.key, message.input).then(post);
    } else if (message.type === 'resolve') {
      void (async () => {
        const loaded = await context!;
        // As the page's AliasLearner added them (they passed its gate and blocks there).
        for (const alias of message.aliases) addAliasToContext(loaded, alias);
        const entries = message.keys.map((key): [number, Kept] => [key, kept.get(key)!]);
        for (const key of message.keys) kept.delete(key);
        post({ type: 'resolved', id: message.id, outcomes: resolveKept(entries, loaded, message.repeats) });
      })().catch((error: unknown) =>
        post({ type: 'resolved', id: message.id, outcomes: message.keys.map((key) => ({ key, error: (error as Error).message })) }),
      );
    }
  });
}

import type { StoredAlias } from '../db/database';
import type { RepeatSnapshot } from '../reports/source-repeats';
import type { ReadInput, ReadOutcome, ResolveOutcome } from './report-reader';

/**
 * Messages between the library page and an import worker (`import-worker.ts`): the page hands it report files to
 * read, in any order, then asks it to resolve the ones it kept once the batch knows its names and repeated lines.
 */
export type ToImportWorker =
  /** The library the worker's dictionary is loaded from (aliases, blocks), by database name. */
  | { type: 'start'; database: string }
  | { type: 'read'; input: ReadInput; key: number }
  /** `aliases`: those learned since the last resolve (the worker adds them in order, as the page did). */
  | { type: 'resolve'; id: number; keys: number[]; aliases: StoredAlias[]; repeats: RepeatSnapshot };

export type FromImportWorker =
  | { type: 'read'; outcome: ReadOutcome }
  | { type: 'resolved'; id: number; outcomes: ResolveOutcome[] }
  /** The worker could not load its dictionary: resolving is impossible there. */
  | { type: 'failed'; reason: string };

/** What the pool and the worker need of a `Worker` or a `MessagePort` (tests use a `MessageChannel`). */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

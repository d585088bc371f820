import type { ImportResult } from './import-result';

/**
 * The import's one transaction could not be written, so nothing of it was stored and the library is as it was.
 * Carries what the batch would have written, so the library page can name every file with the reason.
 */
export class ImportWriteError extends Error {
  override readonly name = 'ImportWriteError';
  /** The browser refused the write because its storage for the extension is full (`QuotaExceededError`). */
  readonly storageFull: boolean;

  constructor(
    cause: unknown,
    /** Files refused while reading, before the write was tried. */
    readonly failed: ImportResult['failed'],
    /** Reports parsed and about to be written (new ones and duplicates alike). */
    readonly unwritten: readonly string[],
  ) {
    const storageFull = isQuotaExceeded(cause);
    const detail = describe(cause);
    super(
      storageFull
        ? `Browser storage is full: nothing from this import was written and the library is unchanged (${detail}). Free disk space or delete reports you no longer need, then import again.`
        : `The library could not be written: nothing from this import was written and the library is unchanged (${detail}).`,
      { cause },
    );
    this.storageFull = storageFull;
  }
}

/** How deep wrapped errors are followed: Dexie wraps at most twice; a cycle of `cause`s must not loop. */
const MAX_DEPTH = 4;

/**
 * Whether an error is the browser's "storage full": IndexedDB raises a `DOMException` named `QuotaExceededError`,
 * which Dexie passes on as its own `QuotaExceededError`, as an `AbortError` with the quota error as `inner` when
 * the transaction aborted because of it (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError), or among the
 * `failures` of a `BulkError` when one write of a `bulkAdd`/`bulkPut` failed with it.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false;
  const { name, message, inner, cause, failures } = error as Record<string, unknown>;
  if (name === 'QuotaExceededError' || (typeof message === 'string' && message.includes('QuotaExceededError'))) return true;
  const nested = [inner, cause, ...(Array.isArray(failures) ? (failures as unknown[]) : [])];
  return nested.some((next) => isQuotaExceeded(next, depth + 1));
}

function describe(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    const { name, message } = error as { name?: string; message?: string };
    const text = message && name && !message.startsWith(name) ? `${name}: ${message}` : String(message || name);
    // Dexie appends a wrapped error's message on a new line; the result table shows one line.
    return text.replace(/\s+/g, ' ').trim();
  }
  return String(error);
}

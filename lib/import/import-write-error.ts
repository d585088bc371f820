import type { ImportResult } from './import-report-files';

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

/**
 * Whether an error is the browser's "storage full": IndexedDB raises a `DOMException` named `QuotaExceededError`,
 * which Dexie passes on as its own `QuotaExceededError`, or as an `AbortError` with the quota error as `inner`
 * when the transaction aborted because of it (https://dexie.org/docs/DexieErrors/Dexie.QuotaExceededError).
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, message, inner, cause } = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError' || (typeof message === 'string' && message.includes('QuotaExceededError'))) return true;
  return isQuotaExceeded(inner, depth + 1) || isQuotaExceeded(cause, depth + 1);
}

function describe(error: unknown): string {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    const { name, message } = error as { name?: string; message?: string };
    return message && name && !message.startsWith(name) ? `${name}: ${message}` : String(message || name);
  }
  return String(error);
}

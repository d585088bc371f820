import { DEFAULT_PDF_LIMITS } from '../pdf/pdf-limits';
import { formatBytes, type ImportLimits } from './import-limits';
import type { SliceableSource } from './zip-directory';

/** What the import reads: a browser `File`, or anything with a name, a size and bytes (Node's `Blob` in the CLI). */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  /** Folder-relative path when the browser gives one (folder picker). */
  readonly webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream?(): ReadableStream<Uint8Array>;
  /** Random access (a `File` or `Blob` has it): a zip's directory is read from its end before its entries stream. */
  slice?: SliceableSource['slice'];
}

/** One thing read from the selection: a file's bytes, a per-file failure, or a failure of a whole archive. */
export type ImportEntry =
  | { kind: 'file'; path: string; bytes: Uint8Array; archive?: string }
  | { kind: 'failed'; path: string; reason: string; archive?: string }
  | { kind: 'archive-failed'; archive: string; reason: string }
  | { kind: 'backup'; path: string; text: string }
  /** One entry of a streamed backup zip (its manifest or an NDJSON part), by its name inside the zip. */
  | { kind: 'backup-part'; path: string; name: string; archive: string; bytes: Uint8Array };

/** Extensions read as reports; other files in a selection or archive are reported as skipped. */
export const REPORT_FILE = /\.(?:md|markdown|mdx|html?|xhtml|txt|text|pdf)$/i;
/** PDFs: read by pdf.js, with their own size limit (a note with charts is megabytes, not kilobytes). */
export const PDF_FILE = /\.pdf$/i;
export const ZIP_FILE = /\.zip$/i;
export const JSON_FILE = /\.json$/i;
/** Files that are noise in exported folders and archives (macOS metadata, dotfiles): skipped without a word. */
export const IGNORED = /(?:^|\/)(?:__MACOSX\/|\.DS_Store$|Thumbs\.db$|\.[^/]*$)/;

/** Why a file (or a zip entry, by its name and claimed size) is not read as a report, or undefined. */
export function fileProblem(path: string, size: number, limits: ImportLimits): string | undefined {
  if (!REPORT_FILE.test(path)) return 'not a report file (expected .md, .html, .txt, .pdf, a .zip of them, or a ReportLens backup .json)';
  const maxBytes = PDF_FILE.test(path) ? DEFAULT_PDF_LIMITS.maxBytes : limits.maxFileBytes;
  if (size > maxBytes) return `the file is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}`;
  if (size === 0) return 'the file is empty';
  return undefined;
}

/** Entry names that would escape a folder or hide what they are: refused, never interpreted. */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\0')) return 'its name contains a NUL character';
  if (/^(?:[a-zA-Z]:)?[\\/]/.test(name)) return 'its name is an absolute path';
  if (name.split(/[\\/]/).includes('..')) return 'its name climbs out of the archive (`..`)';
  return undefined;
}

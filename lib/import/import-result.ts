import type { LibraryReport } from '../db/database';

/** Progress as the library page shows it: files read, reports parsed, reports written. */
export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done';
  /** Files read so far (zip entries count one each). */
  read: number;
  parsed: number;
  written: number;
  /** Bytes of the selection read so far, and in all: what the progress bar shows (zips are read as they stream). */
  bytesRead: number;
  bytesTotal: number;
}

/** One report's outcome. */
export interface ImportedFile {
  file: string;
  id: string;
  title: string;
}

/** What became of every file of one import. */
export interface ImportResult {
  batchId: number;
  imported: ImportedFile[];
  duplicates: ImportedFile[];
  failed: { file: string; reason: string }[];
  learnedAliases: number;
}

/** Reports parsed but not yet written, and where they came from. */
export type PendingReport = Omit<LibraryReport, 'importId'> & { archive?: string; pdf?: Uint8Array };

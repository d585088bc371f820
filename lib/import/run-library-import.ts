import type { LibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles, type ImportSource } from './import-report-files';
import type { ImportProgress, ImportResult } from './import-result';
import { ImportWriteError } from './import-write-error';
import { importWorkersFor } from './import-workers';
import type { ImportLimits } from './import-limits';
import type { ParseContext } from '../reports/parse-report';

/**
 * One import as an extension page runs it: the dictionary as the library knows it now, the pipeline, then a note to
 * the worker that the library changed (so tabs get the new dictionary). A write that fails (the browser's storage is
 * full, say) comes back as a result, not an exception: nothing was imported, and every file is listed as failed with
 * the reason (`Browser storage is full: …`), which the library page shows in its result table; `batchId` is then 0,
 * no batch was recorded. `readPdf` reads PDFs (the library page passes pdf.js's; without it PDFs are refused). A large
 * selection's report files are read by import workers beside the page ({@link importWorkersFor}).
 */
export async function runLibraryImport(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  notifyLibraryChanged: () => Promise<void>,
  onProgress?: (progress: ImportProgress) => void,
  readPdf?: ParseContext['readPdf'],
  limits?: ImportLimits,
): Promise<ImportResult> {
  let result: ImportResult;
  try {
    const context = { ...(await loadParseContext(db)), readPdf };
    result = await importReportFiles(db, sources, context, onProgress, limits, importWorkersFor(sources, db.name));
  } catch (error) {
    if (!(error instanceof ImportWriteError)) throw error;
    return writeFailure(error);
  }
  if (result.imported.length) await notifyLibraryChanged();
  return result;
}

/** The result the library page shows for an import whose write failed. */
function writeFailure(error: ImportWriteError): ImportResult {
  const unwritten = error.unwritten.map((file) => ({ file, reason: error.message }));
  return {
    batchId: 0,
    imported: [],
    duplicates: [],
    failed: [...error.failed, ...(unwritten.length ? unwritten : [{ file: '(import)', reason: error.message }])],
    learnedAliases: 0,
  };
}

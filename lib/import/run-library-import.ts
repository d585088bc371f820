import type { LibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { importReportFiles, type ImportProgress, type ImportResult, type ImportSource } from './import-report-files';

/**
 * One import as an extension page runs it: the dictionary as the library knows it now, the pipeline, then a note to
 * the worker that the library changed (so tabs get the new dictionary).
 */
export async function runLibraryImport(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  notifyLibraryChanged: () => Promise<void>,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const result = await importReportFiles(db, sources, await loadParseContext(db), onProgress);
  if (result.imported.length) await notifyLibraryChanged();
  return result;
}

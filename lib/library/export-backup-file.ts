import type { LibraryDatabase } from '../db/database';
import { exportLibrary } from '../import/library-backup';

/** Saves the library's backup as a download from an extension page; returns what the page says when done. */
export async function exportBackupFile(db: LibraryDatabase, _signal?: AbortSignal): Promise<string> {
  const backup = await exportLibrary(db);
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: `reportlens-backup-${backup.exportedAt.slice(0, 10)}.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Exported ${backup.reports.length} reports and ${backup.aliases.length} aliases.`;
}

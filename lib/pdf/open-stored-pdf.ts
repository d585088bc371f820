import type { LibraryDatabase } from '../db/database';

/** How long the original's object URL lives: long enough for the new tab to load it. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Opens a PDF report's stored original in a new tab (the browser's own PDF viewer), from an object URL. */
export async function openStoredPdf(db: LibraryDatabase, id: string): Promise<void> {
  const stored = await db.pdfFiles.get(id);
  if (!stored) return;
  const url = URL.createObjectURL(new Blob([stored.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
  open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

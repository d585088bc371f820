import type { LibraryDatabase, StoredReport } from '../db/database';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { contentHash } from './content-hash';
import { decodeText } from './decode-text';

/** What the import reads: a browser `File`, or anything with a name and bytes (Node's `File` in tests and the CLI). */
export interface ImportSource {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Progress as the library page shows it. */
export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done';
  total: number;
  read: number;
  parsed: number;
  written: number;
}

/** One file's outcome. */
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
}

/** Largest single report file read; research notes are kilobytes, anything this big is not one. */
export const MAX_REPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Extensions read as reports; other files in a selection are reported as skipped. */
const REPORT_FILE = /\.(?:md|markdown|mdx|html?|xhtml|txt|text)$/i;

/** The path shown to the user: folder-relative when the browser gives one. */
const displayName = (source: ImportSource) => (source as { webkitRelativePath?: string }).webkitRelativePath || source.name;

/**
 * Imports report files into the library: read → decode → parse → extract → resolve securities, then writes every
 * new report and the batch record in one transaction, so a failure leaves the library exactly as it was.
 * A file that fails is reported with its reason and never stops the others.
 */
export async function importReportFiles(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  context: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const progress: ImportProgress = { phase: 'reading', total: sources.length, read: 0, parsed: 0, written: 0 };
  const failed: ImportResult['failed'] = [];
  const parsed: Omit<StoredReport, 'importId'>[] = [];
  for (const source of sources) {
    const file = displayName(source);
    try {
      if (!REPORT_FILE.test(source.name)) throw new Error('not a report file (expected .md, .html or .txt)');
      if (source.size > MAX_REPORT_FILE_BYTES)
        throw new Error(`the file is ${(source.size / 1048576).toFixed(1)} MB; the limit is ${MAX_REPORT_FILE_BYTES / 1048576} MB`);
      if (source.size === 0) throw new Error('the file is empty');
      const { text } = decodeText(new Uint8Array(await source.arrayBuffer()));
      const report = parseReport(file, text, context);
      parsed.push({
        ...report,
        id: await contentHash(text),
        securityIds: report.securities.map((s) => s.id),
        fileName: file,
        originalText: text,
        importedAt: startedAt,
      });
      progress.parsed++;
    } catch (error) {
      failed.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
    progress.read++;
    onProgress({ ...progress });
  }

  progress.phase = 'writing';
  onProgress({ ...progress });
  const imported: ImportedFile[] = [];
  const duplicates: ImportedFile[] = [];
  const batchId = await db.transaction('rw', db.reports, db.imports, async () => {
    const existing = await db.reports.bulkGet(parsed.map((report) => report.id));
    const batchId = (await db.imports.add({ startedAt, imported: 0, duplicates: 0, failed })) as number;
    const seen = new Set<string>();
    const fresh: StoredReport[] = [];
    parsed.forEach((report, i) => {
      const outcome = { file: report.fileName, id: report.id, title: report.title };
      if (existing[i] || seen.has(report.id)) return duplicates.push(outcome);
      seen.add(report.id);
      fresh.push({ ...report, importId: batchId });
      imported.push(outcome);
    });
    await db.reports.bulkAdd(fresh);
    await db.imports.update(batchId, { finishedAt: new Date().toISOString(), imported: fresh.length, duplicates: duplicates.length });
    return batchId;
  });
  progress.written = imported.length;
  progress.phase = 'done';
  onProgress({ ...progress });
  return { batchId, imported, duplicates, failed };
}

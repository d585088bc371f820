import type { LibraryDatabase, StoredAlias, StoredReport } from '../db/database';
import { learnAliases } from '../reports/learn-aliases';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { contentHash } from './content-hash';
import { decodeText } from './decode-text';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { parseBackup } from './library-backup';
import { readImportEntries, type ImportSource } from './read-import-entries';

export type { ImportSource } from './read-import-entries';

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
type PendingReport = Omit<StoredReport, 'importId'> & { archive?: string };

/** Progress is reported at most this often (every N files), so a 5,000-post zip does not re-render 5,000 times. */
const PROGRESS_EVERY = 25;

/**
 * Imports a selection into the library: read (files, folders, zips, a backup) → decode → parse → extract → resolve
 * securities (learning `名称（代码）` aliases on the way), then writes every new report, every learned alias and
 * the batch record in one transaction, so a failure leaves the library exactly as it was. A file that fails is
 * reported with its reason and never stops the others; an archive that breaks a limit is refused whole.
 */
export async function importReportFiles(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  context: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const bytesTotal = sources.reduce((sum, source) => sum + source.size, 0);
  const progress: ImportProgress = { phase: 'reading', bytesRead: 0, bytesTotal, read: 0, parsed: 0, written: 0 };
  const failed: ImportResult['failed'] = [];
  const pending: PendingReport[] = [];
  const aliases = new Map<string, StoredAlias>();
  const refusedArchives = new Set<string>();

  const learn = (text: string, file: string) => {
    for (const { alias, securityId } of learnAliases(text, context.dictionary)) {
      context.dictionary.add({ id: securityId, names: [alias] });
      context.matcher.addName(alias, securityId, 'learned-alias');
      aliases.set(`${alias}\u0000${securityId}`, { alias, securityId, origin: 'learned', from: file });
    }
  };
  const addReport = async (file: string, text: string, importedAt: string, archive?: string) => {
    const report = parseReport(file, text, { ...context, learn });
    pending.push({ ...report, id: await contentHash(text), securityIds: report.securities.map((s) => s.id), fileName: file, originalText: text, importedAt, archive });
    progress.parsed++;
  };

  const onBytesRead = (bytes: number) => void (progress.bytesRead += bytes);
  for await (const entry of readImportEntries(sources, limits, onBytesRead)) {
    if (entry.kind === 'archive-failed') {
      refusedArchives.add(entry.archive);
      failed.push({ file: entry.archive, reason: entry.reason });
      continue;
    }
    progress.read++;
    try {
      if (entry.kind === 'failed') throw new Error(entry.reason);
      if (entry.kind === 'backup') {
        const backup = parseBackup(entry.text);
        for (const alias of backup.aliases) {
          aliases.set(`${alias.alias}\u0000${alias.securityId}`, alias);
          context.dictionary.add({ id: alias.securityId, names: [alias.alias] });
          context.matcher.addName(alias.alias, alias.securityId, alias.origin === 'learned' ? 'learned-alias' : 'name');
        }
        for (const report of backup.reports) {
          try {
            await addReport(report.fileName, report.originalText, report.importedAt);
          } catch (error) {
            failed.push({ file: `${entry.path}: ${report.fileName}`, reason: (error as Error).message });
          }
        }
      } else {
        await addReport(entry.path, decodeText(entry.bytes).text, startedAt, entry.archive);
      }
    } catch (error) {
      failed.push({ file: entry.path, reason: error instanceof Error ? error.message : String(error) });
    }
    if (progress.read % PROGRESS_EVERY === 0) onProgress({ ...progress });
  }

  const accepted = pending.filter((report) => !report.archive || !refusedArchives.has(report.archive));
  progress.phase = 'writing';
  onProgress({ ...progress });
  const imported: ImportedFile[] = [];
  const duplicates: ImportedFile[] = [];
  const batchId = await db.transaction('rw', db.reports, db.imports, db.aliases, async () => {
    const existing = await db.reports.bulkGet(accepted.map((report) => report.id));
    const batchId = (await db.imports.add({ startedAt, imported: 0, duplicates: 0, failed })) as number;
    const seen = new Set<string>();
    const fresh: StoredReport[] = [];
    accepted.forEach(({ archive: _archive, ...report }, i) => {
      const outcome = { file: report.fileName, id: report.id, title: report.title };
      if (existing[i] || seen.has(report.id)) return duplicates.push(outcome);
      seen.add(report.id);
      fresh.push({ ...report, importId: batchId });
      imported.push(outcome);
    });
    await db.reports.bulkAdd(fresh);
    await db.aliases.bulkPut([...aliases.values()]);
    await db.imports.update(batchId, { finishedAt: new Date().toISOString(), imported: fresh.length, duplicates: duplicates.length });
    return batchId;
  });
  progress.written = imported.length;
  progress.phase = 'done';
  onProgress({ ...progress });
  return { batchId, imported, duplicates, failed, learnedAliases: [...aliases.values()].filter((a) => a.origin === 'learned').length };
}

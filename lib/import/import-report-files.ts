import type { LibraryDatabase, LibraryReport, StoredAlias, StoredBlock, StoredPdf } from '../db/database';
import { addReports, reportWriteTablesOf } from '../db/report-writes';
import type { SecurityId } from '../securities/security-id';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { AliasLearner } from './alias-learner';
import { bytesHash, contentHash } from './content-hash';
import { PDF_FILE } from './import-file-rules';
import { decodeText } from './decode-text';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { ImportWriteError } from './import-write-error';
import { parseBackupPart } from './backup-zip';
import { resolveLateAliases, resolveLibraryAliases, resolveReportsNaming } from './late-aliases';
import { MAX_BACKUP_REPORTS, parseBackup } from './library-backup';
import { readAgainForRepeats, withSourceRepeats } from './read-again-for-repeats';
import { readImportEntries, type ImportSource } from './read-import-entries';

import type { ImportedFile, ImportProgress, ImportResult, PendingReport } from './import-result';

// Kept for importers written before the vocabulary moved to ./import-result.
export type { ImportSource } from './read-import-entries';
export type { ImportProgress, ImportedFile, ImportResult, PendingReport } from './import-result';

/** Progress is reported at most this often (every N files), so a 5,000-post zip does not re-render 5,000 times. */
const PROGRESS_EVERY = 25;

/** A selection read and parsed, not yet written: what the import writes, and what the CLI prints. */
export interface ParsedSelection {
  reports: PendingReport[];
  failed: ImportResult['failed'];
  aliases: StoredAlias[];
  /** The user's blocks a backup brought back. */
  blocks: StoredBlock[];
}

/**
 * Reads and parses a selection (files, folders, zips, a backup): read → decode → parse → extract → resolve
 * securities, learning `名称（代码）` aliases on the way so they help the reports after them (and, read again at the
 * end, the reports before them that mention one). Touches no storage.
 * A file that fails is reported with its reason and never stops the others; an archive that breaks a limit is
 * refused whole.
 */
export async function parseSelection(
  sources: readonly ImportSource[],
  libraryContext: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ParsedSelection & { progress: ImportProgress }> {
  const startedAt = new Date().toISOString();
  // Lines each source repeats (sign-offs, footers) are found over the whole selection, then its reports read again.
  const context = withSourceRepeats(libraryContext);
  const bytesTotal = sources.reduce((sum, source) => sum + source.size, 0);
  const progress: ImportProgress = { phase: 'reading', bytesRead: 0, bytesTotal, read: 0, parsed: 0, written: 0 };
  const failed: ImportResult['failed'] = [];
  const pending: PendingReport[] = [];
  const learner = new AliasLearner(context);
  const refusedArchives = new Set<string>();
  const blocks: StoredBlock[] = [];
  let backupReports = 0;

  // Hashes run concurrently (in the browser `crypto.subtle` works off the main thread) and are awaited at the end.
  const hashes: Promise<void>[] = [];
  /** How many aliases were known when each report's securities were resolved (see {@link resolveLateAliases}). */
  const aliasesKnown = new Map<PendingReport, number>();
  const addReport = (file: string, text: string, importedAt: string, archive?: string, pdf?: Uint8Array) => {
    const report = parseReport(file, text, { ...context, learn: learner.learn });
    const entry: PendingReport = {
      ...report,
      id: '',
      securityIds: report.securities.map((s) => s.id),
      fileName: file,
      originalText: text,
      importedAt,
      archive,
      ...(pdf ? { pdf } : {}),
    };
    pending.push(entry);
    aliasesKnown.set(entry, learner.size);
    // A PDF's identity is its bytes (the text is ours, and a better layout reader may read it differently).
    hashes.push((pdf ? bytesHash(pdf) : contentHash(text)).then((id) => void (entry.id = id)));
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
        // Blocks first: a blocked name in the same backup's aliases is not brought back.
        for (const block of backup.blocks ?? []) {
          blocks.push(block);
          learner.block(block);
        }
        for (const alias of backup.aliases) learner.add(alias);
        for (const report of backup.reports) {
          try {
            addReport(report.fileName, report.originalText, report.importedAt);
          } catch (error) {
            failed.push({ file: `${entry.path}: ${report.fileName}`, reason: (error as Error).message });
          }
        }
      } else if (entry.kind === 'backup-part') {
        const part = parseBackupPart(entry.name, new TextDecoder('utf-8', { fatal: true }).decode(entry.bytes));
        if (part.kind === 'aliases') for (const alias of part.aliases) learner.add(alias);
        // A zip's blocks come before its aliases (see backup-zip.ts).
        if (part.kind === 'blocks')
          for (const block of part.blocks) {
            blocks.push(block);
            learner.block(block);
          }
        for (const report of part.kind === 'reports' ? part.reports : []) {
          if (++backupReports > MAX_BACKUP_REPORTS)
            throw new Error(`the backup holds more than ${MAX_BACKUP_REPORTS.toLocaleString('en')} reports`);
          try {
            addReport(report.fileName, report.originalText, report.importedAt, entry.archive);
          } catch (error) {
            failed.push({ file: `${entry.archive}: ${report.fileName}`, reason: (error as Error).message });
          }
        }
      } else if (PDF_FILE.test(entry.path)) {
        if (!context.readPdf) throw new Error('PDFs cannot be read here');
        addReport(entry.path, await context.readPdf(entry.bytes), startedAt, entry.archive, entry.bytes);
        // A PDF takes a while: the page hears about each one.
        onProgress({ ...progress });
      } else {
        addReport(entry.path, decodeText(entry.bytes).text, startedAt, entry.archive);
      }
    } catch (error) {
      failed.push({ file: entry.path, reason: error instanceof Error ? error.message : String(error) });
    }
    if (progress.read % PROGRESS_EVERY === 0) onProgress({ ...progress });
  }
  await Promise.all(hashes);
  const refused = (report: PendingReport) => report.archive !== undefined && refusedArchives.has(report.archive);
  const reports = pending.filter((report) => !refused(report));
  const learned = learner.aliases();
  // Only the reports kept are read again; the aliases are those known while they were read.
  resolveLateAliases(reports, aliasesKnown, learned, context, failed);
  await readAgainForRepeats(reports, context, (touched) => touched.map((report) => report.originalText));
  // An archive refused whole teaches nothing either: aliases learned from its entries are not kept.
  const dropped = new Set(pending.filter(refused).map((report) => report.fileName));
  const aliases = learned.filter((alias) => alias.origin !== 'learned' || !dropped.has(alias.from));
  return { reports, failed, aliases, blocks, progress };
}

/**
 * Imports a selection into the library: {@link parseSelection}, then every new report (row, body and index rows),
 * every new alias and the batch record in one transaction, so a failure leaves the library exactly as it was; then
 * the reports already stored that mention a new alias are read again ({@link resolveLibraryAliases}). An import that adds nothing (all refused or already there) writes nothing at all
 * and returns `batchId` 0. A failed write (storage full, say) throws an {@link ImportWriteError} that says so; the
 * progress ends in `done` either way.
 */
export async function importReportFiles(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  context: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  const startedAt = new Date().toISOString();
  const { reports, failed, aliases, blocks, progress } = await parseSelection(sources, context, onProgress, limits);
  progress.phase = 'writing';
  onProgress({ ...progress });
  const imported: ImportedFile[] = [];
  const duplicates: ImportedFile[] = [];
  let native: IDBTransaction | undefined;
  let newAliases: StoredAlias[] = [];
  let newBlocks: StoredBlock[] = [];
  const write = db.transaction('rw', [...reportWriteTablesOf(db), db.imports, db.aliases, db.aliasBlocks, db.pdfFiles], async (tx) => {
    native = tx.idbtrans;
    // Keys only: whether each report is already there, without reading a row.
    const existing = new Set(
      await db.reports
        .where(':id')
        .anyOf(reports.map((report) => report.id))
        .primaryKeys(),
    );
    // An alias the library has keeps the provenance it was first stored with.
    const known = await db.aliases.bulkGet(aliases.map((alias) => [alias.alias, alias.securityId] as [string, SecurityId]));
    newAliases = aliases.filter((_, i) => !known[i]);
    const blocked = await db.aliasBlocks.bulkGet(blocks.map((block) => [block.alias, block.securityId] as [string, SecurityId]));
    newBlocks = blocks.filter((_, i) => !blocked[i]);
    const fresh: Omit<LibraryReport, 'importId'>[] = [];
    const pdfs: StoredPdf[] = [];
    reports.forEach(({ archive: _archive, pdf, ...report }) => {
      const outcome = { file: report.fileName, id: report.id, title: report.title };
      if (existing.has(report.id)) return duplicates.push(outcome);
      existing.add(report.id);
      fresh.push(report);
      if (pdf) pdfs.push({ id: report.id, bytes: pdf });
      imported.push(outcome);
    });
    // An import that adds nothing leaves no trace, not even a batch record: every table stays exactly as it was.
    if (!fresh.length && !newAliases.length && !newBlocks.length) return 0;
    const batchId = (await db.imports.add({
      startedAt,
      finishedAt: new Date().toISOString(),
      imported: fresh.length,
      duplicates: duplicates.length,
      failed,
    })) as number;
    await addReports(
      db,
      fresh.map((report): LibraryReport => ({ ...report, importId: batchId })),
    );
    if (pdfs.length) await db.pdfFiles.bulkAdd(pdfs);
    await db.aliases.bulkAdd(newAliases);
    await db.aliasBlocks.bulkPut(newBlocks);
    return batchId;
  });
  let batchId: number;
  try {
    batchId = await write;
  } catch (error) {
    progress.phase = 'done';
    onProgress({ ...progress });
    // When the browser aborts the transaction itself (Chromium does when it runs out of quota), the pending writes
    // only fail with `AbortError`; the reason is the transaction's own `error`, so that is the cause to report.
    throw new ImportWriteError(
      native?.error ?? error,
      failed,
      reports.map((report) => report.fileName),
    );
  }
  // Reports already stored that mention a name this import taught are read again, after the import's transaction
  // (a walk of the whole library has no place inside it); a failure here leaves the import done and is reported.
  if (batchId && newAliases.length) {
    const written = new Set(imported.map((file) => file.id));
    try {
      await resolveLibraryAliases(db, newAliases, written, context);
    } catch (error) {
      failed.push({ file: '(reports already in the library)', reason: `not read again for new names: ${(error as Error).message}` });
    }
  }
  // A backup's blocks: the reports were read before they were known, so those naming a blocked name (just written
  // ones included) are read again with the dictionary as it is now, blocks applied.
  if (batchId && newBlocks.length) {
    try {
      await resolveReportsNaming(db, newBlocks);
    } catch (error) {
      failed.push({ file: '(reports naming a blocked name)', reason: `not read again for blocks: ${(error as Error).message}` });
    }
  }
  progress.written = imported.length;
  progress.phase = 'done';
  onProgress({ ...progress });
  return { batchId, imported, duplicates, failed, learnedAliases: aliases.filter((a) => a.origin === 'learned').length };
}

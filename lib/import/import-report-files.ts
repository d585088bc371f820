import type { LibraryDatabase, StoredAlias, StoredBlock } from '../db/database';
import { readReport, resolveReport, type ParseContext, type ReadReport } from '../reports/parse-report';
import { AliasLearner } from './alias-learner';
import { bytesHash, contentHash } from './content-hash';
import { PDF_FILE } from './import-file-rules';
import { decodeText } from './decode-text';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { ImportWriteError } from './import-write-error';
import { parseBackupPart } from './backup-zip';
import { readAgainAndRewrite, resolveLateAliases, resolveLibraryAliases, resolveReportsNaming } from './late-aliases';
import { reportsByIds } from '../db/report-pages';
import type { SourceRepeats } from '../reports/source-repeats';
import { SelectionWriter } from './selection-writer';
import { MAX_BACKUP_REPORTS, parseBackup } from './library-backup';
import { readAgainForRepeats, withSourceRepeats } from './read-again-for-repeats';
import { readImportEntries, type ImportSource } from './read-import-entries';

import type { ImportProgress, ImportResult, PendingReport } from './import-result';

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
 * Writes the reports of one backup part as soon as it is read, with the aliases and blocks known so far (see
 * {@link SelectionWriter}); what it was given is dropped from memory. Reports read before the whole selection was
 * known (a name learned later, a line its source turns out to repeat) are listed in `written` to be read again.
 */
export type WritePart = (
  reports: PendingReport[],
  aliases: StoredAlias[],
  blocks: StoredBlock[],
  failed: ImportResult['failed'],
) => Promise<void>;

/** A report a {@link WritePart} wrote, and whether it must be read again now that the selection is known. */
export interface WrittenReport {
  id: string;
  fileName: string;
  archive?: string;
  /** A name was learned after it was read. */
  lateAliases: boolean;
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
  writePart?: WritePart,
): Promise<ParsedSelection & { progress: ImportProgress; written: WrittenReport[]; context: ParseContext & { repeats: SourceRepeats } }> {
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
  /**
   * What was read of each pending report: resolving it again (a name learned later, lines found repeated) needs no
   * second read of its text. About the size of the texts; a written part's are dropped with it.
   */
  const readOf = new Map<PendingReport, ReadReport>();
  /** Reports a part wrote, and how many aliases were known when each was read. */
  const written: WrittenReport[] = [];
  const writtenKnew: number[] = [];
  const addReport = (file: string, text: string, importedAt: string, archive?: string, pdf?: Uint8Array) => {
    const read = readReport(file, text, { ...context, learn: learner.learn });
    const report = resolveReport(read, context);
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
    readOf.set(entry, read);
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
        if (writePart && part.kind === 'reports') {
          await Promise.all(hashes.splice(0));
          const part = pending.splice(0);
          await writePart(part, learner.aliases(), [...blocks], failed);
          for (const report of part) {
            written.push({ id: report.id, fileName: report.fileName, archive: report.archive, lateAliases: false });
            writtenKnew.push(aliasesKnown.get(report)!);
            aliasesKnown.delete(report);
            readOf.delete(report);
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
      // A part that could not be written stops the import (it is taken back whole); a bad file stops only itself.
      if (error instanceof ImportWriteError) throw error;
      failed.push({ file: entry.path, reason: error instanceof Error ? error.message : String(error) });
    }
    if (progress.read % PROGRESS_EVERY === 0) onProgress({ ...progress });
  }
  await Promise.all(hashes);
  const refused = (report: PendingReport) => report.archive !== undefined && refusedArchives.has(report.archive);
  const reports = pending.filter((report) => !refused(report));
  const learned = learner.aliases();
  // Only the reports kept are read again; the aliases are those known while they were read.
  resolveLateAliases(reports, aliasesKnown, learned, context, failed, readOf);
  await readAgainForRepeats(reports, context, (touched) => touched.map((report) => readOf.get(report) ?? report.originalText));
  // An archive refused whole teaches nothing either: aliases learned from its entries are not kept.
  const dropped = new Set(pending.filter(refused).map((report) => report.fileName));
  const aliases = learned.filter((alias) => alias.origin !== 'learned' || !dropped.has(alias.from));
  written.forEach((report, i) => (report.lateAliases = writtenKnew[i]! < learned.length));
  return { reports, failed, aliases, blocks, progress, written, context };
}

/**
 * Imports a selection into the library: {@link parseSelection}, then every new report (row, body and indexes),
 * every new alias and the batch record in one transaction, so a failure leaves the library exactly as it was; then
 * the reports already stored that mention a new alias are read again ({@link resolveLibraryAliases}). A backup zip
 * is restored part by part instead (each part of up to 2,000 reports in its own transaction, so memory holds one
 * part): should a write fail or the archive turn out broken, the parts already written are taken back
 * ({@link SelectionWriter.undo}), and the library is as it was; while it runs, other pages may see it half
 * restored. An import that adds nothing (all refused or already there) writes nothing at all and returns `batchId`
 * 0. A failed write (storage full, say) throws an {@link ImportWriteError} that says so; the progress ends in `done`
 * either way.
 */
export async function importReportFiles(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  context: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportResult> {
  const writer = new SelectionWriter(db, new Date().toISOString());
  let parsed: Awaited<ReturnType<typeof parseSelection>>;
  const writePart: WritePart = (...part) => writer.write(...part);
  const progressOf = { phase: 'done' } as ImportProgress;
  try {
    parsed = await parseSelection(sources, context, (progress) => onProgress(Object.assign(progressOf, progress)), limits, writePart);
    const { reports, failed, aliases, blocks, progress, written } = parsed;
    progress.phase = 'writing';
    onProgress({ ...progress });
    // An archive refused whole once some of its parts were written: everything of this import is taken back.
    const refused = new Set(failed.map((failure) => failure.file));
    if (written.some((report) => report.archive !== undefined && refused.has(report.archive))) {
      await writer.undo();
      const notWritten = reports.map((report) => ({
        file: report.fileName,
        reason: 'not imported: an archive of the same import was refused',
      }));
      return finish(writer, { aliases, failed: [...failed, ...notWritten] }, progress, onProgress, true);
    }
    await writer.write(reports, aliases, blocks, failed);
  } catch (error) {
    progressOf.phase = 'done';
    onProgress({ ...progressOf });
    // Parts written before the failure are taken back; should that fail too, the library keeps them, and says so.
    const undoFailure = await writer.undo().then(
      () => undefined,
      (undoError: unknown) => undoError as Error,
    );
    if (undoFailure && error instanceof ImportWriteError)
      error.failed.push({ file: '(import)', reason: `the parts already written could not be taken back: ${undoFailure.message}` });
    throw error;
  }
  const { failed, written } = parsed;
  // Reports already stored that mention a name this import taught are read again, after the import's transaction
  // (a walk of the whole library has no place inside it); a failure here leaves the import done and is reported.
  if (writer.batchId && writer.newAliases.length) {
    const late = new Set(written.filter((report) => report.lateAliases).map((report) => report.id));
    const settled = new Set(writer.imported.map((file) => file.id).filter((id) => !late.has(id)));
    try {
      await resolveLibraryAliases(db, writer.newAliases, settled, parsed.context);
    } catch (error) {
      failed.push({ file: '(reports already in the library)', reason: `not read again for new names: ${(error as Error).message}` });
    }
  }
  // Reports a backup part wrote before its sources' repeated lines were known are read again with them.
  const touched = written.filter((report) => parsed.context.repeats.touches(report.fileName)).map((report) => report.id);
  if (touched.length)
    try {
      await readAgainAndRewrite(db, reportsByIds(db, touched), parsed.context, () => true);
    } catch (error) {
      failed.push({ file: '(restored reports)', reason: `not read again for repeated lines: ${(error as Error).message}` });
    }
  // A backup's blocks: the reports were read before they were known, so those naming a blocked name (just written
  // ones included) are read again with the dictionary as it is now, blocks applied.
  if (writer.batchId && writer.newBlocks.length) {
    try {
      await resolveReportsNaming(db, writer.newBlocks);
    } catch (error) {
      failed.push({ file: '(reports naming a blocked name)', reason: `not read again for blocks: ${(error as Error).message}` });
    }
  }
  return finish(writer, parsed, parsed.progress, onProgress, false);
}

/** The result of an import, its progress ended. */
function finish(
  writer: SelectionWriter,
  { aliases, failed }: Pick<ParsedSelection, 'aliases' | 'failed'>,
  progress: ImportProgress,
  onProgress: (progress: ImportProgress) => void,
  undone: boolean,
): ImportResult {
  progress.written = writer.imported.length;
  progress.phase = 'done';
  onProgress({ ...progress });
  return {
    batchId: writer.batchId,
    imported: [...writer.imported],
    duplicates: [...writer.duplicates],
    failed,
    learnedAliases: undone ? 0 : aliases.filter((a) => a.origin === 'learned').length,
  };
}

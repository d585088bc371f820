import type { LibraryDatabase, StoredAlias, StoredBlock } from '../db/database';
import type { ParseContext } from '../reports/parse-report';
import { AliasLearner } from './alias-learner';
import { PDF_FILE } from './import-file-rules';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { ImportWriteError } from './import-write-error';
import { parseBackupPart } from './backup-zip';
import { readAgainAndRewrite, resolveLibraryAliases, resolveReportsNaming } from './late-aliases';
import { reportsByIds } from '../db/report-pages';
import type { SourceRepeats } from '../reports/source-repeats';
import { SelectionWriter } from './selection-writer';
import { MAX_BACKUP_REPORTS, parseBackup } from './library-backup';
import { withSourceRepeats } from './read-again-for-repeats';
import {
  inThreadReader,
  type BatchKnowledge,
  type ReadInput,
  type ReadOutcome,
  type ReportReader,
  type ResolveOutcome,
} from './report-reader';
import { readImportEntries, type ImportSource } from './read-import-entries';

import type { ImportProgress, ImportResult, PendingReport } from './import-result';

// Kept for importers written before the vocabulary moved to ./import-result.
export type { ImportSource } from './read-import-entries';
export type { ImportProgress, ImportedFile, ImportResult, PendingReport } from './import-result';

/** Progress is reported at most this often (every N files), so a 5,000-post zip does not re-render 5,000 times. */
const PROGRESS_EVERY = 25;
/**
 * Reports read ahead of the batch's learning, which takes them in order: enough to keep import workers busy while one
 * report is slow, few enough that a stalled one does not hold thousands of texts.
 */
const READ_AHEAD = 64;

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
 * securities, learning `名称（代码）` aliases on the way. Reading depends on each text alone, so `fileReader` may
 * read report files away from the page (an import worker); what the batch learns from them (names, lines its
 * sources repeat) is taken in the selection's order, here. Each report is then resolved once, knowing every alias
 * and repeated line of the selection (a backup's parts, written as they come, with what is known by then). Touches
 * no storage. A file that fails is reported with its reason and never stops the others; an archive that breaks a
 * limit is refused whole. `fileReader` is closed when the selection is parsed.
 */
export async function parseSelection(
  sources: readonly ImportSource[],
  libraryContext: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  writePart?: WritePart,
  fileReader?: ReportReader,
): Promise<ParsedSelection & { progress: ImportProgress; written: WrittenReport[]; context: ParseContext & { repeats: SourceRepeats } }> {
  const startedAt = new Date().toISOString();
  // Lines each source repeats (sign-offs, footers) are found over the whole selection, before its reports resolve.
  const context = withSourceRepeats(libraryContext);
  const { repeats } = context;
  const bytesTotal = sources.reduce((sum, source) => sum + source.size, 0);
  const progress: ImportProgress = { phase: 'reading', bytesRead: 0, bytesTotal, read: 0, parsed: 0, written: 0 };
  const failed: ImportResult['failed'] = [];
  const learner = new AliasLearner(context);
  const refusedArchives = new Set<string>();
  const blocks: StoredBlock[] = [];
  let backupReports = 0;
  // Backups and PDFs are read here (a backup's parts are written as they come; a PDF was read by the page's pdf.js).
  const own = inThreadReader(context);
  const files = fileReader ?? own;

  /** Reports read and learned from, to be resolved, in the selection's order. */
  const accepted: Accepted[] = [];
  /** Each entry's outcome, taken in the selection's order once those before it are taken: learning is in order. */
  const queue: Promise<() => void>[] = [];
  const takeOne = async () => (await queue.shift()!)();
  const takeAll = async () => {
    while (queue.length) await takeOne();
  };
  const inOrder = async (step: Promise<() => void>) => {
    queue.push(step);
    while (queue.length > READ_AHEAD) await takeOne();
  };
  const fail = (file: string, reason: string) => inOrder(Promise.resolve(() => void failed.push({ file, reason })));
  /** Reads with `reader`, or here when it hands the text back (HTML: a worker has no DOM). */
  const readWith = async (reader: ReportReader, input: ReadInput): Promise<[ReportReader, ReadOutcome]> => {
    const outcome = await reader.read(input);
    if (!('readHere' in outcome)) return [reader, outcome];
    const { bytes: _bytes, ...rest } = input;
    return [own, await own.read({ ...rest, text: outcome.readHere })];
  };
  const addReport = (label: string, with_: ReportReader, input: ReadInput) =>
    inOrder(
      readWith(with_, input).then(([reader, outcome]) => () => {
        // The page's own reader reads everything it is given; this is only for the type.
        if ('readHere' in outcome) return void failed.push({ file: label, reason: 'could not be read' });
        if ('error' in outcome) return void failed.push({ file: label, reason: outcome.error });
        if (outcome.passages) learner.learn(outcome.passages, input.fileName);
        repeats.recordHashes(outcome.sourceKey, input.fileName, outcome.lines, outcome.description);
        accepted.push({ reader, key: outcome.key, label, fileName: input.fileName, archive: input.archive });
        progress.parsed++;
      }),
    );
  /** Resolves accepted reports, in their order; those that fail are listed. */
  const resolve = async (slots: readonly Accepted[], knowing: BatchKnowledge): Promise<PendingReport[]> => {
    const byReader = new Map<ReportReader, number[]>();
    for (const slot of slots) byReader.set(slot.reader, [...(byReader.get(slot.reader) ?? []), slot.key]);
    const outcomes = new Map<ReportReader, Map<number, ResolveOutcome>>();
    for (const [reader, resolved] of await Promise.all(
      [...byReader].map(async ([reader, keys]) => [reader, await reader.resolve(keys, knowing)] as const),
    ))
      outcomes.set(reader, new Map(resolved.map((outcome) => [outcome.key, outcome])));
    const reports: PendingReport[] = [];
    for (const slot of slots) {
      const outcome = outcomes.get(slot.reader)!.get(slot.key)!;
      if ('error' in outcome) failed.push({ file: slot.label, reason: outcome.error });
      else {
        repeats.markSensitiveHashes(slot.fileName, outcome.sensitive);
        reports.push(outcome.report);
      }
    }
    return reports;
  };

  /** Reports a part wrote, and how many aliases were known when each was resolved. */
  const written: WrittenReport[] = [];
  const writtenKnew: number[] = [];
  const onBytesRead = (bytes: number) => void (progress.bytesRead += bytes);
  try {
    for await (const entry of readImportEntries(sources, limits, onBytesRead)) {
      if (entry.kind === 'archive-failed') {
        refusedArchives.add(entry.archive);
        await fail(entry.archive, entry.reason);
        continue;
      }
      progress.read++;
      try {
        if (entry.kind === 'failed') throw new Error(entry.reason);
        if (entry.kind === 'backup' || entry.kind === 'backup-part') await takeAll(); // its names come after those before it
        if (entry.kind === 'backup') {
          const backup = parseBackup(entry.text);
          // Blocks first: a blocked name in the same backup's aliases is not brought back.
          for (const block of backup.blocks ?? []) {
            blocks.push(block);
            learner.block(block);
          }
          for (const alias of backup.aliases) learner.add(alias);
          for (const report of backup.reports)
            await addReport(`${entry.path}: ${report.fileName}`, own, {
              fileName: report.fileName,
              text: report.originalText,
              importedAt: report.importedAt,
            });
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
            await addReport(`${entry.archive}: ${report.fileName}`, own, {
              fileName: report.fileName,
              text: report.originalText,
              importedAt: report.importedAt,
              archive: entry.archive,
            });
          }
          if (writePart && part.kind === 'reports') {
            await takeAll();
            // Resolved with what is known now (the repeated lines are not: nothing counts as repeated yet).
            const reports = await resolve(accepted.splice(0), { aliases: learner.aliases(), repeats: [] });
            await writePart(reports, learner.aliases(), [...blocks], failed);
            for (const report of reports) {
              written.push({ id: report.id, fileName: report.fileName, archive: report.archive, lateAliases: false });
              writtenKnew.push(learner.size);
            }
          }
        } else if (PDF_FILE.test(entry.path)) {
          if (!context.readPdf) throw new Error('PDFs cannot be read here');
          const text = await context.readPdf(entry.bytes);
          await addReport(entry.path, own, { fileName: entry.path, text, importedAt: startedAt, archive: entry.archive, pdf: entry.bytes });
          // A PDF takes a while: the page hears about each one.
          onProgress({ ...progress });
        } else {
          await addReport(entry.path, files, { fileName: entry.path, bytes: entry.bytes, importedAt: startedAt, archive: entry.archive });
        }
      } catch (error) {
        // A part that could not be written stops the import (it is taken back whole); a bad file stops only itself.
        if (error instanceof ImportWriteError) throw error;
        await fail(entry.path, error instanceof Error ? error.message : String(error));
      }
      if (progress.read % PROGRESS_EVERY === 0) onProgress({ ...progress });
    }
    await takeAll();
    repeats.settle();
    const refused = (slot: Accepted) => slot.archive !== undefined && refusedArchives.has(slot.archive);
    const learned = learner.aliases();
    // Only the reports kept are resolved, each once, knowing every alias and repeated line of the selection.
    const reports = await resolve(
      accepted.filter((slot) => !refused(slot)),
      { aliases: learned, repeats: repeats.snapshot() },
    );
    // An archive refused whole teaches nothing either: aliases learned from its entries are not kept.
    const dropped = new Set(accepted.filter(refused).map((slot) => slot.fileName));
    const aliases = learned.filter((alias) => alias.origin !== 'learned' || !dropped.has(alias.from));
    written.forEach((report, i) => (report.lateAliases = writtenKnew[i]! < learned.length));
    return { reports, failed, aliases, blocks, progress, written, context };
  } finally {
    own.close();
    files.close();
  }
}

/** A report read and learned from, waiting to be resolved by the reader that keeps it. */
interface Accepted {
  reader: ReportReader;
  key: number;
  /** How a failure names it. */
  label: string;
  fileName: string;
  archive?: string;
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
 * either way. `fileReader` reads report files (import workers, see {@link parseSelection}); by default the page does.
 */
export async function importReportFiles(
  db: LibraryDatabase,
  sources: readonly ImportSource[],
  context: ParseContext,
  onProgress: (progress: ImportProgress) => void = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  fileReader?: ReportReader,
): Promise<ImportResult> {
  const writer = new SelectionWriter(db, new Date().toISOString());
  let parsed: Awaited<ReturnType<typeof parseSelection>>;
  const writePart: WritePart = (...part) => writer.write(...part);
  const progressOf = { phase: 'done' } as ImportProgress;
  try {
    parsed = await parseSelection(
      sources,
      context,
      (progress) => onProgress(Object.assign(progressOf, progress)),
      limits,
      writePart,
      fileReader,
    );
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

import type { LibraryDatabase, LibraryReport, StoredAlias, StoredBlock, StoredPdf } from '../db/database';
import { reportTablesOf } from '../db/delete-report';
import { addReports, reportWriteTablesOf } from '../db/report-writes';
import { nameIndexMark, nameIndexOf, truncateNameIndex, type NameIndexMark } from '../db/reports-naming-index';
import type { SecurityId } from '../securities/security-id';
import type { ImportedFile, ImportResult, PendingReport } from './import-result';
import { ImportWriteError } from './import-write-error';

/** Keys of aliases and blocks, as their tables key them. */
const keyOf = (row: { alias: string; securityId: SecurityId }) => [row.alias, row.securityId] as [string, SecurityId];

/**
 * Writes what an import parsed, as one batch (one `imports` row), in one transaction or several. An import writes
 * once; a backup restore writes each part of the backup as it is read, so memory holds one part, not the library.
 * Every write adds only what the library lacks (a report already there is a duplicate; an alias or block already
 * there keeps its first provenance) and brings the batch record up to date. {@link undo} takes every write back.
 */
export class SelectionWriter {
  /** The batch's `imports` row; 0 until a write adds something. */
  batchId = 0;
  readonly imported: ImportedFile[] = [];
  readonly duplicates: ImportedFile[] = [];
  /** Aliases and blocks the writes added (not those the library had). */
  readonly newAliases: StoredAlias[] = [];
  readonly newBlocks: StoredBlock[] = [];
  /** Where the names index ended before the first write: {@link undo} takes it back there. */
  #indexMark: NameIndexMark | undefined;

  constructor(
    private readonly db: LibraryDatabase,
    private readonly startedAt: string,
  ) {}

  /**
   * Writes reports, aliases and blocks in one transaction, with the batch record (created by the first write that
   * adds anything). A write that adds nothing writes nothing. A failed write (storage full, say) throws an
   * {@link ImportWriteError} naming the browser's reason; this write left nothing, earlier ones stay until {@link undo}.
   */
  async write(
    reports: readonly PendingReport[],
    aliases: readonly StoredAlias[],
    blocks: readonly StoredBlock[],
    failed: ImportResult['failed'],
  ): Promise<void> {
    const { db } = this;
    const imported: ImportedFile[] = [];
    const duplicates: ImportedFile[] = [];
    let newAliases: StoredAlias[] = [];
    let newBlocks: StoredBlock[] = [];
    let native: IDBTransaction | undefined;
    let batchId = this.batchId;
    let indexMark = this.#indexMark;
    try {
      await db.transaction('rw', [...reportWriteTablesOf(db), db.imports, db.aliases, db.aliasBlocks, db.pdfFiles], async (tx) => {
        native = tx.idbtrans;
        // Keys only: whether each report is already there, without reading a row.
        const existing = new Set(
          await db.reports
            .where(':id')
            .anyOf(reports.map((report) => report.id))
            .primaryKeys(),
        );
        const known = await db.aliases.bulkGet(aliases.map(keyOf));
        newAliases = aliases.filter((_, i) => !known[i]);
        const blocked = await db.aliasBlocks.bulkGet(blocks.map(keyOf));
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
        // A write that adds nothing leaves no trace, not even a batch record.
        if (!fresh.length && !newAliases.length && !newBlocks.length && !batchId) return;
        const record = {
          startedAt: this.startedAt,
          finishedAt: new Date().toISOString(),
          imported: this.imported.length + fresh.length,
          duplicates: this.duplicates.length + duplicates.length,
          failed,
        };
        indexMark ??= await nameIndexMark(nameIndexOf(db));
        if (batchId) await db.imports.put({ ...record, id: batchId });
        else batchId = (await db.imports.add(record)) as number;
        await addReports(
          db,
          fresh.map((report): LibraryReport => ({ ...report, importId: batchId })),
        );
        if (pdfs.length) await db.pdfFiles.bulkAdd(pdfs);
        await db.aliases.bulkAdd(newAliases);
        await db.aliasBlocks.bulkPut(newBlocks);
      });
    } catch (error) {
      // When the browser aborts the transaction itself (Chromium does when it runs out of quota), the pending writes
      // only fail with `AbortError`; the reason is the transaction's own `error`, so that is the cause to report.
      throw new ImportWriteError(native?.error ?? error, failed, [
        ...this.imported.map((file) => file.file),
        ...reports.map((report) => report.fileName),
      ]);
    }
    // Committed: only now does it count.
    this.batchId = batchId;
    this.#indexMark = indexMark;
    this.imported.push(...imported);
    this.duplicates.push(...duplicates);
    this.newAliases.push(...newAliases);
    this.newBlocks.push(...newBlocks);
  }

  /**
   * Takes back every write of this batch, in one transaction: the reports it added (by their batch, so duplicates
   * that were already there stay), their bodies, PDFs and index rows, their names index bits, the aliases and blocks
   * it added, and the batch record: every table is as it was before the import (the batch counter aside). Another
   * import committed meanwhile (from another tab) would lose its names index bits: a name it holds is then not
   * found late in its reports until a re-index.
   */
  async undo(): Promise<void> {
    const { db, batchId } = this;
    if (!batchId) return;
    await db.transaction('rw', [...reportTablesOf(db), db.nameSlices, db.nameBits, db.imports, db.aliases, db.aliasBlocks], async () => {
      const ids = await db.reports.where('importId').equals(batchId).primaryKeys();
      await db.reports.bulkDelete(ids);
      await db.reportBodies.bulkDelete(ids);
      await db.pdfFiles.bulkDelete(ids);
      await db.reportSecurities.where('reportId').anyOf(ids).delete();
      await db.aliases.bulkDelete(this.newAliases.map(keyOf));
      await db.aliasBlocks.bulkDelete(this.newBlocks.map(keyOf));
      await db.imports.delete(batchId);
      if (this.#indexMark) await truncateNameIndex(nameIndexOf(db), this.#indexMark);
    });
    this.#indexMark = undefined;
    this.batchId = 0;
    this.imported.length = this.duplicates.length = this.newAliases.length = this.newBlocks.length = 0;
  }
}

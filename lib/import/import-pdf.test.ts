import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { nodePdfEngine } from '../pdf/node-pdf-engine';
import { readPdfText, type PdfEngine } from '../pdf/read-pdf';
import { freshContext } from '../../test/support/report-fixtures';
import { openTestLibrary } from '../../test/support/hostile-library';
import { bytesHash } from './content-hash';
import { importReportFiles } from './import-report-files';

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/pdf/${name}`, import.meta.url))));
const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);

/** pdf.js's first document loads its CMaps and fonts: seconds on this shared machine, not a measure of anything. */
const PDF_TEST_TIMEOUT_MS = 60_000;

let engine: PdfEngine;
beforeAll(async () => void (engine = await nodePdfEngine()));

describe('PDFs in the import', () => {
  test(
    'a PDF inside a zip beside a Markdown note: both imported, the PDF kept under the hash of its bytes',
    async () => {
      const db = await openTestLibrary();
      const pdf = fixture('zh-one-column.pdf');
      const zip = zipSync({
        'notes/2025/moutai.pdf': pdf,
        'notes/2025/brief.md': new TextEncoder().encode('# 简报\n\n贵州茅台（600519）评级：买入（维持）\n'),
      });
      const context = { ...freshContext(), readPdf: (bytes: Uint8Array) => readPdfText(engine, bytes) };
      const result = await importReportFiles(db, [file('notes.zip', zip)], context);
      expect(result.failed).toEqual([]);
      expect(result.imported.map((report) => report.file).sort()).toEqual([
        'notes.zip/notes/2025/brief.md',
        'notes.zip/notes/2025/moutai.pdf',
      ]);
      const id = await bytesHash(pdf);
      expect((await db.reports.get(id))?.brokerNote?.rating).toMatchObject({ value: '增持', change: '维持' });
      expect((await db.pdfFiles.get(id))?.bytes).toEqual(pdf);
      // The Markdown note gets broker fields from its text too.
      const brief = await db.reports.filter((report) => report.fileName === 'notes.zip/notes/2025/brief.md').first();
      expect(brief?.brokerNote?.rating).toMatchObject({ value: '买入', change: '维持' });
      // The same PDF again (another name) is already there.
      const again = await importReportFiles(db, [file('copy.pdf', pdf)], context);
      expect(again.duplicates.map((report) => report.id)).toEqual([id]);
      await db.delete();
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test('without a PDF reader (a context that cannot run pdf.js) a PDF is refused with the reason', async () => {
    const db = await openTestLibrary();
    const result = await importReportFiles(db, [file('a.pdf', fixture('en-overweight.pdf'))], freshContext());
    expect(result.failed).toEqual([{ file: 'a.pdf', reason: 'PDFs cannot be read here' }]);
    await db.delete();
  });
});

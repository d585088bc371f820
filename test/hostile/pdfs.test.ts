import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect } from 'vitest';
import { nodePdfEngine } from '../../lib/pdf/node-pdf-engine';
import { DEFAULT_PDF_LIMITS } from '../../lib/pdf/pdf-limits';
import { readPdfText, type PdfEngine } from '../../lib/pdf/read-pdf';
import type { ParseContext } from '../../lib/reports/parse-report';
import { importCaseSuite, type ImportCase } from '../support/hostile-import-case';
import { buildPdf, onePagePdf, streamObject, textContent } from '../support/pdf-builder';
import { freshContext } from '../support/report-fixtures';

/**
 * Bad PDFs through the whole import, each beside a good PDF in one batch: every bad one is refused with a clear
 * reason within its bound and leaves nothing behind (no report, no stored PDF), and the good one is imported.
 * The PDFs are built here (encryption, nesting, cycles, bombs), apart from the image-only "scan" Chromium printed.
 */

const suite = importCaseSuite('pdfs');
const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url))));
const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);
/** Limits of the suite: the library's, with a short time bound so a slow case is seen as one. */
const LIMITS = { ...DEFAULT_PDF_LIMITS, timeoutMs: 8_000 };
/** Each case's hang bound: the PDF's own time limit plus the good PDF beside it. */
const BOUND_MS = 15_000;

let engine: PdfEngine;
beforeAll(async () => void (engine = await nodePdfEngine()));
const pdfContext = (): ParseContext => ({ ...freshContext(), readPdf: (bytes) => readPdfText(engine, bytes, LIMITS) });

const GOOD = 'good-note.pdf';
const good = () =>
  file(GOOD, onePagePdf(textContent(['Moutai (600519.SH) note', 'Rating: Buy (maintained)', 'Target price: CNY 1,880.00'])));

const refused = (name: string, make: () => Uint8Array | Promise<Uint8Array>, reason: RegExp, expected: string): ImportCase => ({
  category: 'pdf',
  name,
  expected,
  sources: async () => [good(), file(`${name}.pdf`, await make())],
  refused: [{ file: `${name}.pdf`, reason }],
  imported: [GOOD],
  boundMs: BOUND_MS,
  context: pdfContext,
});

/** `n` arrays nested in one another: `[[[…]]]`. */
const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
/** A page tree whose only kid is itself. */
const cyclicPages = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
/** Two pages trees that are each other's kid. */
const mutualPages = () =>
  buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>',
  ]);
/** A content stream whose length is itself. */
const selfLength = () =>
  buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 4 0 R >>\nstream\nBT ET\nendstream',
  ]);
/** Standard security handler with a user password nobody knows (made-up O and U): pdf.js asks for a password. */
const encrypted = () => {
  const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      streamObject(textContent(['secret'])),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(16)}> <${hex(16)}>] `,
  );
};
/** `pages` empty pages in one flat page tree. */
const manyPages = (pages: number) =>
  buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, () => '3 0 R').join(' ')}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ]);

/** Pages filled edge to edge with 1 pt text: 842 lines of 890 characters each, three times over the text limit. */
const textFlood = () => {
  const line = `(${'A'.repeat(890)}) Tj T* `;
  const page = streamObject(`BT /F1 1 Tf 1 TL 0 841 Td ${line.repeat(842)} ET`, { flate: true });
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R 3 0 R] /Count 4 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    page,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
};

const CASES: ImportCase[] = [
  refused('encrypted', encrypted, /encrypted \(password-protected\)/, 'refused: encrypted, said so'),
  refused('image-only scan', () => fixture('scan-image-only.pdf'), /no text layer.*OCR/, 'refused: no text layer (we do not OCR)'),
  refused('not a pdf', () => new TextEncoder().encode('just some text named .pdf\n'), /not a PDF/, 'refused: no %PDF- header'),
  refused(
    'malformed',
    () => new TextEncoder().encode(`%PDF-1.7\n${'garbage \x00\x01\x02 '.repeat(200)}\n%%EOF\n`),
    /not a readable PDF|no text layer|could not be read/,
    'refused: malformed',
  ),
  refused('truncated', () => fixture('zh-one-column.pdf').subarray(0, 200_000), /truncated/, 'refused: cut short (no %%EOF)'),
  refused('too many pages', () => manyPages(DEFAULT_PDF_LIMITS.maxPages + 100), /600 pages; the limit is 500/, 'refused at the page limit'),
  refused(
    'too large',
    () => new Uint8Array(DEFAULT_PDF_LIMITS.maxBytes + 1).fill(0x20),
    /the limit is 60 MB/,
    'refused at the byte limit, unread',
  ),
  refused(
    'deep nesting',
    () => onePagePdf(`${nested(200_000)} pop BT ET`),
    /no text layer|too deeply nested|could not be read/,
    'refused, no stack overflow',
  ),
  refused(
    'recursive page tree',
    cyclicPages,
    /no text layer|could not be read|not a readable PDF/,
    'refused: the page tree is its own kid',
  ),
  refused(
    'mutually recursive pages',
    mutualPages,
    /no text layer|could not be read|not a readable PDF/,
    'refused: two page trees are each other’s kid',
  ),
  refused(
    'self-referencing length',
    selfLength,
    /no text layer|could not be read|not a readable PDF/,
    'refused: a stream whose length is itself',
  ),
  refused(
    'flate bomb content stream',
    () => onePagePdf(new Uint8Array(120 * 1024 * 1024).fill(0x20), { flate: true }),
    /no text layer|took longer than|could not be read/,
    'refused within the time bound: 120 MB of inflated content, no text',
  ),
  refused('text flood', textFlood, /more than 2,000,000 characters/, 'refused at the text limit'),
];

describe('bad PDFs', () => {
  suite.cases(CASES, async (_spec, db) => {
    // Nothing of a refused PDF is stored: the only stored original is the good note's.
    expect((await db.pdfFiles.toArray()).length).toBe(1);
  });
});

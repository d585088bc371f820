import { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf-limits';
import { layoutPdfText } from './pdf-page-text';
import { runsOfItems, type PdfPageRuns, type PdfTextItemLike } from './pdf-page-runs';
import { formatBytes } from '../import/import-limits';

/** The part of pdf.js's `getDocument` we use; the browser and Node builds both fit it. */
export type GetDocument = (params: {
  data: Uint8Array;
  cMapUrl?: string;
  cMapPacked?: boolean;
  standardFontDataUrl?: string;
  isEvalSupported?: boolean;
  stopAtErrors?: boolean;
  enableXfa?: boolean;
  useWasm?: boolean;
  worker?: unknown;
}) => {
  promise: Promise<{
    numPages: number;
    getPage(n: number): Promise<{
      getViewport(options: { scale: number }): { width: number; height: number };
      getTextContent(): Promise<{ items: PdfTextItemLike[] }>;
      cleanup(): void;
    }>;
  }>;
  destroy(): Promise<void>;
};

/** pdf.js set up for one environment: `getDocument` and where its CMaps and standard fonts are. */
export interface PdfEngine {
  getDocument: GetDocument;
  cMapUrl: string;
  standardFontDataUrl: string;
  /** The worker documents share (starting one per document costs more than reading a note), if the engine keeps one. */
  worker?: () => unknown;
  /** Ends the shared worker (one that hit the time bound may be stuck in a loop); the next document starts a new one. */
  endWorker?: () => void;
}

/** A PDF that cannot be imported, with the reason the reader sees. */
export class PdfReadError extends Error {}

/** The reason for a pdf.js failure, by its exception class (pdf.js names them; the messages are not for readers). */
function reasonOf(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException')
    return 'the PDF is encrypted (password-protected): open it, print it to a PDF without a password, and import that';
  if (name === 'InvalidPDFException') return 'the file is not a readable PDF (malformed or not a PDF at all)';
  if (name === 'MissingPDFException' || name === 'UnexpectedResponseException') return 'the PDF could not be read';
  if (error instanceof RangeError) return 'the PDF is built too deeply nested to read (a malformed or hostile file)';
  return `the PDF could not be read (${(error as Error)?.message ?? String(error)})`;
}

/** Bytes near the end where `%%EOF` must be: a PDF cut short (an interrupted download) has none. */
const EOF_WINDOW = 2048;

/** Checks made before pdf.js sees the bytes: size, the `%PDF-` header, the `%%EOF` trailer. */
export function pdfByteProblem(bytes: Uint8Array, limits: PdfLimits): string | undefined {
  if (bytes.length > limits.maxBytes) return `the PDF is ${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxBytes)}`;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return 'the file is not a PDF (no %PDF- header)';
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)));
  if (!tail.includes('%%EOF')) return 'the PDF is truncated (it has no end-of-file marker): download it again';
  return undefined;
}

/**
 * Reads a PDF's text layer, page by page, as positioned runs; throws a {@link PdfReadError} with the reason for an
 * encrypted, malformed, image-only, too large or too slow PDF. pdf.js parses in its own worker (a Web Worker in the
 * browser), so a hostile file cannot freeze the page; at the time bound the loading task is destroyed, which ends
 * that worker, and the file is refused.
 */
export async function readPdfRuns(engine: PdfEngine, bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfPageRuns[]> {
  const problem = pdfByteProblem(bytes, limits);
  if (problem) throw new PdfReadError(problem);
  // pdf.js transfers (detaches) the buffer it is given: it gets a copy, the caller keeps the original for storage.
  const task = engine.getDocument({
    data: bytes.slice(),
    cMapUrl: engine.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: engine.standardFontDataUrl,
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    ...(engine.worker ? { worker: engine.worker() } : {}),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Destroying the task does not end a shared worker, which may be stuck in this PDF: end it too.
      engine.endWorker?.();
      reject(new PdfReadError(`reading the PDF took longer than ${limits.timeoutMs / 1000} s; it was stopped`));
    }, limits.timeoutMs);
  });
  try {
    return await Promise.race([readPages(task, limits), timeout]);
  } catch (error) {
    throw error instanceof PdfReadError ? error : new PdfReadError(reasonOf(error));
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => {});
  }
}

async function readPages(task: ReturnType<GetDocument>, limits: PdfLimits): Promise<PdfPageRuns[]> {
  const doc = await task.promise;
  if (doc.numPages > limits.maxPages) throw new PdfReadError(`the PDF has ${doc.numPages} pages; the limit is ${limits.maxPages}`);
  const pages: PdfPageRuns[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const runs = runsOfItems((await page.getTextContent()).items);
    page.cleanup();
    chars += runs.reduce((sum, run) => sum + run.text.length, 0);
    if (chars > limits.maxChars)
      throw new PdfReadError(`the PDF holds more than ${limits.maxChars.toLocaleString('en')} characters of text`);
    pages.push({ width, height, runs });
  }
  if (!pages.some((page) => page.runs.length)) {
    throw new PdfReadError('the PDF has no text layer (a scanned image?): ReportLens reads text, it does not do OCR');
  }
  return pages;
}

/** Reads a PDF into the text a PDF report is stored as (see `pdf-text-format`). */
export async function readPdfText(engine: PdfEngine, bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<string> {
  return layoutPdfText(await readPdfRuns(engine, bytes, limits));
}

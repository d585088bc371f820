import { browser } from 'wxt/browser';
import { readPdfText, type GetDocument, type PdfEngine } from './read-pdf';

/** `runtime.getURL` for files added by the build hook, which WXT's generated `PublicPath` type does not list. */
const extensionUrl = (path: string) => (browser.runtime.getURL as (path: string) => string)(path);

/**
 * pdf.js in an extension page: loaded on first use (its own chunk, so pages that never read a PDF never load it),
 * its worker, CMaps and standard fonts from the extension's own files. Documents share one Web Worker (parsing runs
 * there, never on the page); when a document hits its time bound that worker is terminated and the next document
 * starts a fresh one.
 */
export async function browserPdfEngine(): Promise<PdfEngine> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = extensionUrl('/pdfjs/pdf.worker.min.mjs');
  let worker: InstanceType<typeof pdfjs.PDFWorker> | undefined;
  return {
    worker: () => (worker && !worker.destroyed ? worker : (worker = new pdfjs.PDFWorker())),
    endWorker: () => {
      worker?.destroy();
      worker = undefined;
    },
    getDocument: pdfjs.getDocument as unknown as GetDocument,
    cMapUrl: extensionUrl('/pdfjs/cmaps/'),
    standardFontDataUrl: extensionUrl('/pdfjs/standard_fonts/'),
  };
}

let engine: Promise<PdfEngine> | undefined;

/** Reads one PDF in an extension page into the text a PDF report is stored as; pdf.js is loaded on the first call. */
export async function readPdfInPage(bytes: Uint8Array): Promise<string> {
  engine ??= browserPdfEngine();
  return readPdfText(await engine, bytes);
}

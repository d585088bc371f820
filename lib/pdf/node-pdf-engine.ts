import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GetDocument, PdfEngine } from './read-pdf';

/**
 * pdf.js for Node (the CLI and the tests): the legacy build, which runs on Node 20, with CMaps and standard fonts read
 * from the installed package. Node has no Web Worker: pdf.js parses on a "fake worker" in the same thread, which
 * still yields between its time slots, so the time bound holds there too.
 */
export async function nodePdfEngine(): Promise<PdfEngine> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as { getDocument: GetDocument };
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    getDocument: pdfjs.getDocument,
    // pdf.js in Node reads these with fs when given plain paths ending in a separator.
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  };
}

export const nodePdfRoot = () => pathToFileURL(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')));

import { importSecondsInPage } from './browser-bench';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodePdfEngine } from '../../lib/pdf/node-pdf-engine';
import { readPdfRuns, readPdfText } from '../../lib/pdf/read-pdf';
import { parseReport } from '../../lib/reports/parse-report';
import { launchWithExtension } from '../support/launch-extension';
import { freshContext } from '../support/report-fixtures';
import { servePages } from '../support/serve-pages';

export interface PdfFigures {
  input: string;
  pages: number;
  importSeconds: number;
  importPagesPerSec: number;
  importPeakHeapMb: number;
  baseline: string;
  baselinePagesPerSec: number;
  baselinePeakHeapMb: number;
  node: { input: string; pipelinePagesPerSec: number; baseline: string; baselinePagesPerSec: number };
}

const FIXTURES = ['zh-one-column.pdf', 'zh-sidebar.pdf', 'zh-sidebar-earlier.pdf', 'en-overweight.pdf'];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
/** Pages of each fixture (Chromium printed them): what "pages per second" counts. */
const PAGES: Record<string, number> = { 'zh-one-column.pdf': 2, 'zh-sidebar.pdf': 3, 'zh-sidebar-earlier.pdf': 3, 'en-overweight.pdf': 2 };

/**
 * `count` distinct PDFs: the fixture notes in turn, each made unique by a comment after its end marker (a PDF's
 * identity is its bytes), so every one is imported.
 */
function pdfBatch(count: number): { name: string; buffer: Buffer; pages: number }[] {
  const sources = FIXTURES.map((name) => ({ name, bytes: fixture(name) }));
  return Array.from({ length: count }, (_, i) => {
    const source = sources[i % sources.length]!;
    return {
      name: `note-${String(i).padStart(3, '0')}-${source.name}`,
      buffer: Buffer.concat([source.bytes, Buffer.from(`\n% copy ${i}\n`)]),
      pages: PAGES[source.name]!,
    };
  });
}

/** Samples a page's JS heap (DevTools Performance metrics) every 100 ms; `stop` returns the peak in MB. */
async function heapSampler(cdp: { send(method: string): Promise<unknown> }) {
  await cdp.send('Performance.enable');
  let peak = 0;
  const timer = setInterval(() => {
    void (cdp.send('Performance.getMetrics') as Promise<{ metrics: { name: string; value: number }[] }>).then(
      ({ metrics }) => void (peak = Math.max(peak, metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0)),
      () => undefined,
    );
  }, 100);
  return () => {
    clearInterval(timer);
    return peak / 1048576;
  };
}

/**
 * 200 PDF notes imported through the library page in real Chromium (pdf.js in its worker, layout, fields, one
 * IndexedDB transaction): pages per second and the page's peak JS heap. Baseline in the same browser and run: pdf.js
 * alone (`getDocument` and `getTextContent` of every page, the same build and worker, the same PDFs already in
 * memory), in an ordinary page. And in Node: our reading (pdf.js plus layout plus parse) beside pdf.js alone.
 */
export async function benchPdf(smoke: boolean): Promise<PdfFigures> {
  const count = smoke ? 20 : 200;
  const batch = pdfBatch(count);
  const pages = batch.reduce((sum, pdf) => sum + pdf.pages, 0);
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const served = mkdtempSync(join(tmpdir(), 'reportlens-pdf-bench-'));
  for (const pdf of batch) writeFileSync(join(served, pdf.name), pdf.buffer);
  writeFileSync(join(served, 'blank.html'), '<!doctype html><title>baseline</title>');
  // pdf.js from the same origin as the page (a module from another port would need CORS).
  symlinkSync(root, join(served, 'pdfjs'));
  const [browser, files] = await Promise.all([launchWithExtension(), servePages(served)]);
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('options.html'));
    const stopImport = await heapSampler(await browser.context.newCDPSession(page));
    const timed = importSecondsInPage(page);
    // Paths, not buffers: 60 MB of buffers is too much for one DevTools message.
    await page.getByTestId('import-files').setInputFiles(batch.map(({ name }) => join(served, name)));
    const importSeconds = await timed;
    const importPeakHeapMb = stopImport();
    const summary = await page.getByTestId('import-summary').textContent();
    if (!summary?.startsWith(`${count} imported`)) throw new Error(`pdf bench: "${summary}"`);

    const baselinePage = await browser.context.newPage();
    await baselinePage.goto(`${files.origin}/blank.html`);
    const stopBaseline = await heapSampler(await browser.context.newCDPSession(baselinePage));
    const baselineSeconds = await baselinePage.evaluate(
      async ({ names, lib }) => {
        const pdfjsLib = (await import(/* @vite-ignore */ `${lib}/build/pdf.min.mjs`)) as typeof import('pdfjs-dist');
        pdfjsLib.GlobalWorkerOptions.workerSrc = `${lib}/build/pdf.worker.min.mjs`;
        const datas = await Promise.all(names.map(async (name) => new Uint8Array(await (await fetch(`/${name}`)).arrayBuffer())));
        const worker = new pdfjsLib.PDFWorker();
        const start = performance.now();
        for (const data of datas) {
          const task = pdfjsLib.getDocument({
            data,
            worker,
            cMapUrl: `${lib}/cmaps/`,
            cMapPacked: true,
            standardFontDataUrl: `${lib}/standard_fonts/`,
            isEvalSupported: false,
          });
          const doc = await task.promise;
          for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
          await task.destroy();
        }
        return (performance.now() - start) / 1000;
      },
      { names: batch.map((pdf) => pdf.name), lib: `${files.origin}/pdfjs` },
    );
    const baselinePeakHeapMb = stopBaseline();

    // Node: the CLI's path, the same PDFs, alternately timed so load on the machine falls on both alike.
    const engine = await nodePdfEngine();
    const sample = batch.slice(0, Math.min(count, 40));
    const samplePages = sample.reduce((sum, pdf) => sum + pdf.pages, 0);
    let pipelineMs = 0;
    let aloneMs = 0;
    const context = freshContext();
    const timeAlone = async (bytes: Uint8Array) => {
      const start = performance.now();
      await readPdfRuns(engine, bytes);
      aloneMs += performance.now() - start;
    };
    const timePipeline = async (name: string, bytes: Uint8Array) => {
      const start = performance.now();
      parseReport(name, await readPdfText(engine, bytes), context);
      pipelineMs += performance.now() - start;
    };
    // One warm-up of each, then alternated (which goes first swaps every PDF).
    await timeAlone(new Uint8Array(sample[0]!.buffer));
    await timePipeline(sample[0]!.name, new Uint8Array(sample[0]!.buffer));
    [aloneMs, pipelineMs] = [0, 0];
    for (const [i, pdf] of sample.entries()) {
      const bytes = new Uint8Array(pdf.buffer);
      if (i % 2) {
        await timeAlone(bytes);
        await timePipeline(pdf.name, bytes);
      } else {
        await timePipeline(pdf.name, bytes);
        await timeAlone(bytes);
      }
    }
    return {
      input: `${count} distinct PDF broker notes (${pages} pages, ${(batch.reduce((sum, pdf) => sum + pdf.buffer.length, 0) / 1048576).toFixed(1)} MB) through the library page`,
      pages,
      importSeconds,
      importPagesPerSec: pages / importSeconds,
      importPeakHeapMb,
      baseline:
        'pdf.js alone (getDocument + getTextContent of every page, same build, one shared worker as the import) over the same PDFs in the same browser',
      baselinePagesPerSec: pages / baselineSeconds,
      baselinePeakHeapMb,
      node: {
        input: `${sample.length} of the PDFs (${samplePages} pages) in Node: read (pdf.js + layout) and parse (sections, securities, broker fields)`,
        pipelinePagesPerSec: samplePages / (pipelineMs / 1000),
        baseline: 'pdf.js text runs alone (readPdfRuns: getDocument + getTextContent) over the same PDFs, alternated',
        baselinePagesPerSec: samplePages / (aloneMs / 1000),
      },
    };
  } finally {
    await browser.close();
    await files.close();
    rmSync(served, { recursive: true, force: true });
  }
}

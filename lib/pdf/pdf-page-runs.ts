/** A run of text as pdf.js places it: its string, baseline origin (PDF units, y up from the page bottom), size. */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in PDF units (the text matrix's vertical scale). */
  size: number;
}

/** One page's runs and size, as read from pdf.js (`getTextContent`) or built by a test. */
export interface PdfPageRuns {
  width: number;
  height: number;
  runs: PdfRun[];
}

/** The part of a pdf.js `TextItem` we read (`str`, `transform`, `width`); marked-content items have no `str`. */
export interface PdfTextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
}

/**
 * pdf.js text items to runs: empty strings (pdf.js's end-of-line markers) are dropped and whitespace-only runs too
 * (the gap they leave says the same); the size is the text matrix's scale, whatever the rotation.
 */
export function runsOfItems(items: readonly PdfTextItemLike[]): PdfRun[] {
  const runs: PdfRun[] = [];
  for (const item of items) {
    if (!item.str || !item.transform || !item.str.trim()) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!(size > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    runs.push({ text: item.str, x, y, width: item.width ?? 0, size });
  }
  return runs;
}

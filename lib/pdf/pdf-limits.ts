/** Bounds on reading one PDF; each breach is a per-file reason, never a partial report. */
export interface PdfLimits {
  /** Largest PDF read: broker notes are 0.3–5 MB, long industry reports with charts up to ~30 MB. */
  maxBytes: number;
  /** Most pages: the longest research reports run to ~300 pages; more is a book or an attack. */
  maxPages: number;
  /** Longest a PDF may take to read (pdf.js parses 100 pages in well under a second here); then it is cancelled. */
  timeoutMs: number;
  /** Most text characters kept: a 300-page report has ~600,000; more is generated filler. */
  maxChars: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxBytes: 60 * 1024 * 1024,
  maxPages: 500,
  timeoutMs: 30_000,
  maxChars: 2_000_000,
};

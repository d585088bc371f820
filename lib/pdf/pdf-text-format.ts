/**
 * The text a PDF report is stored as (its `originalText`; the PDF itself is kept beside it): pages separated by a
 * form feed on a line of its own, each page's lines in reading order, one paragraph per line, headings marked `# `
 * or `## `, table cells joined by ` | `. A re-index reads this text again without reading the PDF.
 */
export const PDF_PAGE_BREAK = '\n\f\n';

/** One line of a PDF's text with where it is: page (1-based) and line on that page (1-based). */
export interface LocatedLine {
  text: string;
  page: number;
  line: number;
}

/** The stored text split into pages of lines. */
export const pdfTextPages = (text: string): string[][] => text.split('\f').map((page) => page.replace(/^\n|\n$/g, '').split('\n'));

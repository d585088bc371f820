import { pdfTextPages, type LocatedLine } from './pdf-text-format';

/** A PDF's stored text read back: the body lines kept, and what was set aside. */
export interface PdfBody {
  /** Lines of the body in reading order, each with its page and line. */
  lines: LocatedLine[];
  /** Every line, body or not (the broker's name is often only in the running header or the disclaimer). */
  all: LocatedLine[];
  /** Running headers, footers and page numbers set aside. */
  furniture: number;
  /** The page where the disclaimer and disclosures begin (set aside from there), if any. */
  disclaimerPage?: number;
}

/** Lines at the top and bottom of each page examined as possible running headers and footers. */
const EDGE_LINES = 3;
/** Running headers and footers are short; a longer line at a page's edge is a paragraph, however often it recurs. */
const MAX_FURNITURE_CHARS = 80;
/** A top or bottom line repeated (digits aside) on at least this share of pages is a running header or footer. */
const REPEATED_SHARE = 0.4;
/** Page-number lines: `3`, `- 3 -`, `第 3 页 / 共 9 页`, `Page 3 of 9`, `3/9`. */
const PAGE_NUMBER =
  /^(?:[-–—\s]*\d{1,4}[-–—\s]*|第\s*\d+\s*页(?:\s*[/|，,]?\s*共\s*\d+\s*页)?|page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|\d+\s*\/\s*\d+)$/i;
/** Headings that open the disclosure pages at the end of a broker note; everything from there is set aside. */
const DISCLAIMER_HEADING =
  /^(?:#+\s*)?(?:[一二三四五六七八九十\d]{1,2}[、.．]\s*)?(?:免责声明|免责条款|重要声明|特别声明|法律声明|分析师声明|分析师承诺|信息披露|(?:投资)?评级说明|(?:公司|行业)?(?:投资)?评级(?:体系|标准|定义)|disclaimers?|disclosures?|important disclosures|analyst certifications?|ratings? definitions?|legal disclaimer)\s*[:：]?$/i;
/** The disclosure pages are at the end: a disclaimer heading counts only past this share of the body's lines. */
const DISCLAIMER_FROM = 0.5;

const keyOf = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Sets aside what is not the report: running headers and footers (a line at a page's top or bottom repeated on many
 * pages, digits aside), page numbers, and the disclaimer and disclosure pages at the end (which list every rating a
 * broker uses, and must not be read as this note's rating).
 */
export function pdfBody(text: string): PdfBody {
  const pages = pdfTextPages(text);
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map(keyOf));
    for (const key of edge) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (line: string) =>
    pages.length >= 2 &&
    !line.startsWith('#') &&
    line.length <= MAX_FURNITURE_CHARS &&
    (counts.get(keyOf(line)) ?? 0) >= Math.max(2, REPEATED_SHARE * pages.length);
  const all: LocatedLine[] = [];
  const kept: LocatedLine[] = [];
  let furniture = 0;
  pages.forEach((lines, p) => {
    lines.forEach((line, i) => {
      const located = { text: line, page: p + 1, line: i + 1 };
      if (!line.trim()) return;
      all.push(located);
      const atEdge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      if (atEdge && (repeated(line) || PAGE_NUMBER.test(line.trim()) || isPageNumberPair(line))) furniture++;
      else kept.push(located);
    });
  });
  const cut = kept.findIndex((line, i) => i >= kept.length * DISCLAIMER_FROM && DISCLAIMER_HEADING.test(line.text.trim()));
  return {
    lines: cut >= 0 ? kept.slice(0, cut) : kept,
    all,
    furniture,
    disclaimerPage: cut >= 0 ? kept[cut]!.page : undefined,
  };
}

/** A footer of a note and a page number on one line (`请务必阅读… | 第 1 页 / 共 3 页`) on a one-page PDF. */
const isPageNumberPair = (line: string) => {
  const parts = line.split('|').map((part) => part.trim());
  return parts.length === 2 && PAGE_NUMBER.test(parts.at(-1)!);
};

import { joinText, squashCjkSpaces } from './cjk-text';
import type { PdfPageRuns } from './pdf-page-runs';
import { pageBands, readingOrder, rowsOf, segmentsOf, type Row } from './pdf-rows';
import { PDF_PAGE_BREAK } from './pdf-text-format';

/** A line this much larger than the body text is a heading; this much larger again, the title. */
const HEADING_RATIO = 1.12;
const TITLE_RATIO = 1.5;
/** Headings are short: a larger-type line longer than this is a lead paragraph set large. */
const MAX_HEADING_CHARS = 80;
/** Lines of one paragraph follow each other at most this many sizes apart (1.2–1.6 line spacing; a line set in a fallback font can be 2). */
const MAX_LINE_STEP = 2.1;
/** A line that ends this many sizes short of its column's right edge ends its paragraph. */
const SHORT_LINE = 1.5;
/** The first line of a sidebar, this short, is its box's title (`投资评级`, `Rating`): a heading, so the section before it ends. */
const MAX_BOX_TITLE_CHARS = 20;
/** Section names broker notes set in body-size bold: a line of just this is a heading whatever its size. */
const SECTION_LINE =
  /^(?:[一二三四五六七八九十\d]{1,2}[、.．]\s*)?(?:投资要点|核心观点|投资建议|盈利预测(?:与投资建议|与估值)?|估值与评级|风险提示|风险因素|主要风险|事件|点评|摘要|报告摘要|key takeaways|summary|investment summary|valuation|risks?|key risks|risk factors)[:：]?$/i;

/** Segments shorter than this are table cells, box items and labels: they do not vote on the body size. */
const BODY_SEGMENT_CHARS = 16;

/**
 * The body text size: the size most characters of running text are set in, over the whole document (a short note's
 * sidebar and tables, set smaller, can hold more characters than its text).
 */
export function bodySizeOf(pages: readonly PdfPageRuns[]): number {
  const chars = new Map<number, number>();
  for (const page of pages)
    for (const segment of segmentsOf(page.runs))
      if (segment.text.length >= BODY_SEGMENT_CHARS)
        chars.set(Math.round(segment.size * 2) / 2, (chars.get(Math.round(segment.size * 2) / 2) ?? 0) + segment.text.length);
  let best = 10;
  let most = 0;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

const rowText = (row: Row) => squashCjkSpaces(row.segments.map((segment) => segment.text).join(' | '));

/**
 * Whether `next` goes on the paragraph (or heading) `previous` ends: same size and column, close below, and
 * `previous` full width unless it is a heading.
 */
function continues(previous: Row, next: Row, heading: boolean): boolean {
  if (previous.segments.length > 1 || next.segments.length > 1) return false;
  // A sidebar's lines are items (a label and its value, a name, a licence), each on its own line.
  if (previous.aside || next.aside) return false;
  if (Math.abs(previous.size - next.size) > 0.5) return false;
  // A paragraph that fills its column's last line goes on at the top of the next column.
  if (previous.region !== next.region)
    return (
      !heading &&
      !previous.aside &&
      !next.aside &&
      next.y > previous.y &&
      fullWidth(previous) &&
      !/[。！？.!?:：]$/.test(previous.segments[0]!.text)
    );
  if (previous.colLeft !== next.colLeft) return false;
  const step = previous.y - next.y;
  if (step <= 0 || step > MAX_LINE_STEP * next.size) return false;
  if (next.x0 > next.colLeft + next.size * 0.9) return false;
  // A heading wraps where its words do, often well short of the column's edge.
  return heading || fullWidth(previous);
}

const fullWidth = (row: Row) => row.x1 >= row.colRight - SHORT_LINE * row.size;

/**
 * One page as text lines in reading order: each paragraph on one line (wrapped lines joined, CJK without spaces),
 * headings marked `# ` (title size) or `## `, table rows with cells joined by ` | `; the header band's lines first and
 * the footer band's last, so the text stage can tell running headers and page numbers by where they are.
 */
export function pageLines(page: PdfPageRuns, bodySize: number): string[] {
  const { header, body, footer } = pageBands(page);
  const lines: string[] = [];
  const whole = { left: 0, right: page.width, region: -1, aside: false };
  let region = -1;
  for (const row of rowsOf(header, whole)) lines.push(rowText(row));
  let paragraph: { text: string; last: Row; heading: number } | undefined;
  const flush = () => {
    if (paragraph?.text) lines.push(`${paragraph.heading ? `${'#'.repeat(paragraph.heading)} ` : ''}${paragraph.text}`);
    paragraph = undefined;
  };
  for (const row of readingOrder(body, page.width, bodySize)) {
    const text = rowText(row).replace(/^#+\s*/, '');
    if (!text) continue;
    const large = row.size >= HEADING_RATIO * bodySize && row.segments.length === 1;
    const opensAside = row.aside && row.region !== region;
    region = row.region;
    if (opensAside) {
      flush();
      if (text.length <= MAX_BOX_TITLE_CHARS) {
        lines.push(`## ${text}`);
        continue;
      }
    }
    if (paragraph && paragraph.heading > 0 === large && continues(paragraph.last, row, large)) {
      paragraph.text = squashCjkSpaces(joinText(paragraph.text, text));
      paragraph.last = row;
      // Lines set large that run on past a heading's length are a lead paragraph, not a heading.
      if (paragraph.text.length > MAX_HEADING_CHARS) paragraph.heading = 0;
      continue;
    }
    flush();
    const heading =
      large && text.length <= MAX_HEADING_CHARS ? (row.size >= TITLE_RATIO * bodySize ? 1 : 2) : SECTION_LINE.test(text) ? 2 : 0;
    paragraph = { text, last: row, heading };
  }
  flush();
  for (const row of rowsOf(footer, whole)) lines.push(rowText(row));
  return lines;
}

/** A document's pages as the text a PDF report is stored as (see `pdf-text-format`). */
export function layoutPdfText(pages: readonly PdfPageRuns[]): string {
  const bodySize = bodySizeOf(pages);
  return pages.map((page) => pageLines(page, bodySize).join('\n')).join(PDF_PAGE_BREAK);
}

import { joinText, normaliseRadicals } from './cjk-text';
import type { PdfPageRuns, PdfRun } from './pdf-page-runs';

/** Runs on one baseline joined while the gaps between them are small: a phrase, a table cell, a column's line. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, PDF units up from the page bottom. */
  y: number;
  size: number;
}

/** One line as read: its segments left to right, and the column it sits in (for paragraph joining). */
export interface Row {
  segments: Segment[];
  y: number;
  size: number;
  x0: number;
  x1: number;
  colLeft: number;
  colRight: number;
  /** The region (column) the row was read in, numbered in reading order. */
  region: number;
  /** Whether that region is a narrow column beside a wider one: a sidebar of boxes (analyst, rating, market data). */
  aside: boolean;
}

/** Runs whose baselines differ by less than this share of their size are on one line. */
const SAME_BASELINE = 0.35;
/** A horizontal gap wider than this share of the size ends a segment: table cells, columns, a footer's two ends. */
const SEGMENT_GAP = 1.2;
/** A gap wider than this share of the size between two runs is a space (Latin text; CJK never gets one). */
const SPACE_GAP = 0.2;
/** A gutter narrower than this share of the body size is a gap between words, not between columns. */
const MIN_GUTTER = 0.8;
/** Each side of a column cut is at least this share of the page width: narrower sides are table cells. */
const MIN_COLUMN_SHARE = 0.18;
/** A column narrower than this share of the column beside it is a sidebar, not a column of the text. */
const ASIDE_SHARE = 0.75;
/** A side whose letters are mostly digits is a table's figures, not a column of text. */
const MAX_NUMERIC_SHARE = 0.5;
/**
 * Above this many segments a page is read line by line without column detection, whose cuts cost O(n²): a page of
 * tens of thousands of scattered glyphs is no report layout, and must not hold the import up.
 */
export const MAX_SEGMENTS_FOR_COLUMNS = 4000;

/** Groups items (sorted top to bottom) into baseline lines. */
function baselineGroups<T extends { y: number; size: number }>(items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y);
  const groups: T[][] = [];
  let current: T[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    if (current.length && Math.abs(item.y - baseline) <= SAME_BASELINE * item.size) current.push(item);
    else {
      if (current.length) groups.push(current);
      current = [item];
      baseline = item.y;
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** A page's runs as segments: lines split where the horizontal gap is wide. */
export function segmentsOf(runs: readonly PdfRun[]): Segment[] {
  const segments: Segment[] = [];
  for (const line of baselineGroups([...runs])) {
    line.sort((a, b) => a.x - b.x);
    let current: Segment | undefined;
    for (const run of line) {
      const text = normaliseRadicals(run.text);
      const x1 = run.x + Math.max(run.width, 0);
      if (current && run.x - current.x1 <= SEGMENT_GAP * Math.max(run.size, current.size)) {
        const gap = run.x - current.x1 > SPACE_GAP * run.size ? ' ' : '';
        current.text = gap ? joinText(current.text, text) : current.text + text;
        current.x1 = Math.max(current.x1, x1);
        current.size = Math.max(current.size, run.size);
      } else {
        current = { text, x0: run.x, x1, y: line[0]!.y, size: run.size };
        segments.push(current);
      }
    }
  }
  return segments;
}

const numericShare = (segments: readonly Segment[]) => {
  let digits = 0;
  let letters = 0;
  for (const { text } of segments) {
    for (const char of text) {
      if (char >= '0' && char <= '9') digits++;
      else if (/\p{L}/u.test(char)) letters++;
    }
  }
  return digits / Math.max(1, digits + letters);
};

const widthOf = (segments: readonly Segment[]) => Math.max(...segments.map((s) => s.x1)) - Math.min(...segments.map((s) => s.x0));

/** The widest clean vertical gutter that splits the segments into two columns of text, if any. */
function columnCut(segments: readonly Segment[], pageWidth: number, bodySize: number): [Segment[], Segment[]] | undefined {
  const spans = segments.map((s) => [s.x0, s.x1] as const).sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let reach = spans[0]![1];
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach >= MIN_GUTTER * bodySize) gaps.push([reach, x0]);
    reach = Math.max(reach, x1);
  }
  gaps.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
  for (const [from] of gaps) {
    const left = segments.filter((s) => s.x1 <= from);
    const right = segments.filter((s) => s.x1 > from);
    const isColumn = (side: Segment[]) =>
      side.length >= 2 && widthOf(side) >= MIN_COLUMN_SHARE * pageWidth && numericShare(side) < MAX_NUMERIC_SHARE;
    if (isColumn(left) && isColumn(right)) return [left, right];
  }
  return undefined;
}

/** Splits at the widest horizontal gap between segment boxes, or undefined when they all overlap vertically. */
function bandCut(segments: readonly Segment[]): [Segment[], Segment[]] | undefined {
  const boxes = [...segments].sort((a, b) => b.y + b.size - (a.y + a.size));
  let best: { at: number; gap: number } | undefined;
  let low = boxes[0]!.y - 0.25 * boxes[0]!.size;
  for (let i = 1; i < boxes.length; i++) {
    const box = boxes[i]!;
    const top = box.y + 0.8 * box.size;
    if (top < low && (!best || low - top > best.gap)) best = { at: i, gap: low - top };
    low = Math.min(low, box.y - 0.25 * box.size);
  }
  if (!best) return undefined;
  return [boxes.slice(0, best.at), boxes.slice(best.at)];
}

/** A column region: its extent, its number in reading order, and whether it is a sidebar. */
export interface Column {
  left: number;
  right: number;
  region: number;
  aside: boolean;
}

/** Rows of one region that has no further cut, top to bottom. */
export function rowsOf(segments: readonly Segment[], column: Column): Row[] {
  return baselineGroups([...segments]).map((line) => {
    line.sort((a, b) => a.x0 - b.x0);
    return {
      segments: line,
      y: line[0]!.y,
      size: Math.max(...line.map((s) => s.size)),
      x0: line[0]!.x0,
      x1: Math.max(...line.map((s) => s.x1)),
      colLeft: column.left,
      colRight: column.right,
      region: column.region,
      aside: column.aside,
    };
  });
}

/**
 * Reading order by recursive XY-cut: a region is split into columns at a clean vertical gutter when both sides are
 * columns of text (wide enough, not a table's figures), else into bands at its widest horizontal gap; the regions are
 * read left column before right, top band before bottom. A broker's sidebar (analyst, rating, market data boxes) is
 * a column of its own and so is read as its own block.
 */
export function readingOrder(segments: readonly Segment[], pageWidth: number, bodySize: number): Row[] {
  if (!segments.length) return [];
  const whole: Column = {
    left: Math.min(...segments.map((s) => s.x0)),
    right: Math.max(...segments.map((s) => s.x1)),
    region: 0,
    aside: false,
  };
  if (segments.length > MAX_SEGMENTS_FOR_COLUMNS) return rowsOf(segments, whole);
  const rows: Row[] = [];
  let regions = 0;
  const visit = (region: Segment[], column: Column) => {
    const columns = region.length > 1 ? columnCut(region, pageWidth, bodySize) : undefined;
    if (columns) {
      const widths = columns.map(widthOf);
      columns.forEach((side, i) => {
        const aside = widths[i]! < ASIDE_SHARE * widths[1 - i]!;
        visit(side, { left: Math.min(...side.map((s) => s.x0)), right: Math.max(...side.map((s) => s.x1)), region: ++regions, aside });
      });
      return;
    }
    const bands = region.length > 1 ? bandCut(region) : undefined;
    if (!bands) return void rows.push(...rowsOf(region, column));
    for (const band of bands) visit(band, column);
  };
  visit([...segments], whole);
  // Sidebars after the text, wherever they sit: a left-hand box of rating and market data is read after the note.
  return [...rows.filter((row) => !row.aside), ...rows.filter((row) => row.aside)];
}

/** The top and bottom share of a page where running headers, footers and page numbers sit. */
const HEADER_BAND = 0.05;
const FOOTER_BAND = 0.04;

/** A page's segments split into its header band, body and footer band (by position alone). */
export function pageBands(page: PdfPageRuns): { header: Segment[]; body: Segment[]; footer: Segment[] } {
  const bands = { header: [] as Segment[], body: [] as Segment[], footer: [] as Segment[] };
  for (const segment of segmentsOf(page.runs)) {
    if (segment.y > page.height * (1 - HEADER_BAND)) bands.header.push(segment);
    else if (segment.y < page.height * FOOTER_BAND) bands.footer.push(segment);
    else bands.body.push(segment);
  }
  return bands;
}

import { describe, expect, test } from 'vitest';
import type { PdfRun } from './pdf-page-runs';
import { readingOrder, segmentsOf } from './pdf-rows';

const PAGE_WIDTH = 595;
/** A line of text as runs: one run per character of width `size`, so gaps are exact. */
const line = (text: string, x: number, y: number, size = 10): PdfRun[] => [{ text, x, y, width: text.length * size, size }];

describe('reading order', () => {
  test('two columns are read left column first, with the title above them first', () => {
    const runs = [
      ...line('标题在上方横跨两栏的一行文字标题在上方横跨两栏的一行文字', 40, 800, 12),
      ...[
        '左一左一左一左一左一左一左一左一左一左一左一',
        '左二左二左二左二左二左二左二左二左二左二左二',
        '左三左三左三左三左三左三左三左三左三左三左三',
      ].flatMap((text, i) => line(text, 40, 760 - i * 15)),
      ...['右一右一右一右一右一右一右一右一右一右一右一', '右二右二右二右二右二右二右二右二右二右二右二'].flatMap((text, i) =>
        line(text, 310, 760 - i * 15),
      ),
    ];
    const rows = readingOrder(segmentsOf(runs), PAGE_WIDTH, 10);
    expect(rows.map((row) => row.segments[0]!.text.slice(0, 2))).toEqual(['标题', '左一', '左二', '左三', '右一', '右二']);
    expect(rows.filter((row) => row.aside)).toHaveLength(0);
  });

  test('a narrow sidebar is read after the main column, as an aside', () => {
    const runs = [
      ...[
        '正文一正文一正文一正文一正文一正文一正文一正文一正文一正文一正文一正文一',
        '正文二正文二正文二正文二正文二正文二正文二正文二正文二正文二正文二正文二',
      ].flatMap((text, i) => line(text, 40, 760 - i * 15)),
      ...['投资评级', '评级：买入（上调）目标价：390.50元'].flatMap((text, i) => line(text, 420, 760 - i * 15, 9)),
    ];
    const rows = readingOrder(segmentsOf(runs), PAGE_WIDTH, 10);
    expect(rows.map((row) => [row.segments[0]!.text.slice(0, 3), row.aside])).toEqual([
      ['正文一', false],
      ['正文二', false],
      ['投资评', true],
      ['评级：', true],
    ]);
  });

  test('a table is read row by row, its cells kept apart, not as columns', () => {
    const runs = [
      ...line('EPS', 40, 700),
      ...line('11.58', 300, 700),
      ...line('15.04', 400, 700),
      ...line('P/E', 40, 685),
      ...line('26.3', 300, 685),
      ...line('20.3', 400, 685),
    ];
    const rows = readingOrder(segmentsOf(runs), PAGE_WIDTH, 10);
    expect(rows.map((row) => row.segments.map((segment) => segment.text).join(' | '))).toEqual([
      'EPS | 11.58 | 15.04',
      'P/E | 26.3 | 20.3',
    ]);
  });

  test('runs of one line close together are one segment, without a space between CJK runs', () => {
    const segments = segmentsOf([
      { text: '营业收', x: 40, y: 700, width: 30, size: 10 },
      { text: '⼊', x: 70, y: 700.2, width: 10, size: 10 },
      { text: '增长', x: 81, y: 700, width: 20, size: 10 },
    ]);
    expect(segments.map((segment) => segment.text)).toEqual(['营业收入增长']);
  });
});

import { describe, expect, test } from 'vitest';
import { dateFromFileName, dateInText, reportDate } from './report-date';

describe('report dates from where daily briefs carry them', () => {
  test.each([
    ['_posts/2024-8-1-daily-brief.md', '2024-08-01'],
    ['2021-12-08-202112082206672930.md', '2021-12-08'],
    ['2025.05.15-10.md', '2025-05-15'],
    ['2025-12-06_industry.md', '2025-12-06'],
    ['2024-2-30-not-a-day.md', undefined],
    ['20241201-note.md', undefined],
    ['notes/300308.md', undefined],
  ])('file name %s', (name, expected) => {
    expect(dateFromFileName(name)).toBe(expected);
  });

  test.each([
    ['每日复盘 2024年8月1日 星期四', '2024-08-01'],
    ['2025.12.23 医药行业周报', '2025-12-23'],
    ['2025.6.4化工行业观察', '2025-06-04'],
    ['晨报（2024-08-01）', '2024-08-01'],
    ['发布于 2024/8/1', '2024-08-01'],
    ['营收 1234.56.78 亿', undefined],
    ['代码 600519.SH', undefined],
  ])('text %s', (text, expected) => {
    expect(dateInText(text)).toBe(expected);
  });

  test('front matter first, then the name, the title, the first line', () => {
    expect(reportDate('2025-01-02', '2024-8-1-x.md', '2023年1月1日', '2022-01-01')).toBe('2025-01-02');
    expect(reportDate(undefined, '2024-8-1-x.md', '2023年1月1日', '2022-01-01')).toBe('2024-08-01');
    expect(reportDate(undefined, 'x.md', '2023年1月1日 复盘', '2022-01-01')).toBe('2023-01-01');
    expect(reportDate(undefined, 'x.md', '复盘', '2022-01-01 星期六')).toBe('2022-01-01');
    expect(reportDate(undefined, 'x.md', '复盘', '正文')).toBeUndefined();
  });
});

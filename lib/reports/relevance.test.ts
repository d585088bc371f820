import { describe, expect, test } from 'vitest';
import { passageAround, relevanceOf, MAX_PASSAGE_CHARS, type SecurityEvidence } from './relevance';
import { reportKind } from './report-kind';

const evidence = (over: Partial<SecurityEvidence>): SecurityEvidence => ({
  mentions: 0,
  inTitle: false,
  inLead: false,
  withCode: false,
  share: 0,
  top: false,
  ...over,
});

describe('relevance of one security in one report', () => {
  test.each([
    [
      'named in the title of a company note',
      evidence({ mentions: 6, inTitle: true, inLead: true, withCode: true, share: 0.8, top: true }),
      'company',
      true,
      85,
    ],
    ['the main subject of a sector note', evidence({ mentions: 8, inLead: true, share: 0.4, top: true }), 'industry', true, 30],
    ['one passing mention in a brief', evidence({ mentions: 1, share: 0.05 }), 'brief', false, 0],
    ['only in a line the source repeats (sign-off)', evidence({ mentions: 0 }), 'industry', false, 0],
  ] as const)('%s', (_name, e, kind, about, atLeast) => {
    const r = relevanceOf(e, kind);
    expect(r.about).toBe(about);
    expect(r.score).toBeGreaterThanOrEqual(atLeast);
    expect(r.score).toBeLessThanOrEqual(100);
  });

  test('a passing mention scores below a report about the company', () => {
    const passing = relevanceOf(evidence({ mentions: 1, share: 0.05 }), 'industry');
    const about = relevanceOf(evidence({ mentions: 5, inLead: true, share: 0.5, top: true }), 'industry');
    expect(passing.score).toBeLessThan(about.score);
    expect(passing.about).toBe(false);
  });
});

describe('report kind', () => {
  test.each([
    ['贵州茅台：批价企稳，直销放量', 1, 0.9, 'company'],
    ['2025.6.13白酒行业观察', 0, 0.4, 'industry'],
    ['A股：止跌信号，逐渐出现（2024.4.9）', 0, 0.3, 'industry'],
    ['每日复盘 2024年8月1日', 1, 0.9, 'brief'],
    ['2026年度A股投资策略', 0, 0.2, 'strategy'],
    ['阿里巴巴与腾讯的云竞争', 2, 0.5, 'industry'],
    ['一篇没有标签的笔记', 0, 0.7, 'company'],
  ] as const)('%s', (title, titleIssuers, share, kind) => {
    expect(reportKind(title, titleIssuers, share)).toBe(kind);
  });
});

describe('passage: the sentence around a mention, mention marked', () => {
  test.each([
    ['第一句。高端酒：贵州茅台收入增长 11.7%。第三句。', '贵州茅台', '高端酒：贵州茅台收入增长 11.7%。'],
    ['Amazon grew. AWS and Amazon retail improved margins. Next.', 'Amazon retail', 'AWS and Amazon retail improved margins.'],
    ['没有句号的一行提到腾讯控股', '腾讯控股', '没有句号的一行提到腾讯控股'],
  ])('%s', (line, name, expected) => {
    const start = line.indexOf(name);
    const passage = passageAround(line, start, start + name.length);
    expect(passage.text).toBe(expected);
    expect(passage.text.slice(passage.start, passage.end)).toBe(name);
  });

  test('a long sentence is cut around the mention, with … where it was cut', () => {
    const line = `${'前'.repeat(300)}宁德时代${'后'.repeat(300)}。`;
    const start = line.indexOf('宁德时代');
    const passage = passageAround(line, start, start + 4);
    expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS + 2);
    expect(passage.text.startsWith('…')).toBe(true);
    expect(passage.text.endsWith('…')).toBe(true);
    expect(passage.text.slice(passage.start, passage.end)).toBe('宁德时代');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { createSecurityMatcher } from '../detect/find-securities';
import { bundledDictionary } from '../securities/dictionary';
import { parseReport } from './parse-report';

const dictionary = bundledDictionary();
const context = { dictionary, matcher: createSecurityMatcher(dictionary.entries()) };
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/reports/${name}`, import.meta.url), 'utf8');
const ids = (report: ReturnType<typeof parseReport>) => report.securities.map((s) => s.id);

describe('parseReport on our fixtures', () => {
  test('Markdown with front matter: title, date, summary, key points, risks, securities', () => {
    const report = parseReport('alibaba-q3-note.md', fixture('alibaba-q3-note.md'), context);
    expect(report.date).toBe('2025-11-20T08:00:00+08:00');
    expect(report.risks).toEqual(['云业务增速放缓', '监管政策变化', '海外市场竞争加剧']);
    expect(report.keyPoints).toHaveLength(3);
    expect(report.summary.length).toBeGreaterThan(10);
    expect(ids(report)).toContain('HK:09988');
    expect(report.format).toBe('markdown');
  });

  test('HTML body: inline risks, quote link, cashtag', () => {
    const report = parseReport('amazon-retail.html', fixture('amazon-retail.html'), context);
    expect(report.title).toBe('Amazon retail margins: a fixture note');
    expect(report.date).toBe('2025-10-02');
    expect(report.risks).toEqual(['consumer slowdown', 'logistics costs', 'regulatory scrutiny']);
    const amazon = report.securities.find((s) => s.id === 'US:AMZN');
    expect(amazon?.via).toEqual(expect.arrayContaining(['cashtag', 'quote-link']));
  });

  test('plain text without front matter: first line is the title', () => {
    const report = parseReport('google-brief.txt', fixture('google-brief.txt'), context);
    expect(report.title.length).toBeGreaterThan(3);
    expect(report.risks).toEqual(['广告需求波动', '反垄断诉讼', 'AI 竞争加剧']);
    expect(report.securities.find((s) => s.id === 'US:GOOGL')?.count).toBeGreaterThanOrEqual(2);
  });

  test('broken YAML is an error that says so', () => {
    expect(() => parseReport('broken-front-matter.md', fixture('broken-front-matter.md'), context)).toThrow(
      /front matter is not valid YAML/,
    );
  });
});

describe.skipIf(!SHARED_AVAILABLE)(`parseReport on the design samples (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  const sample = (name: string) => parseReport(name, readFileSync(sharedPath('samples', 'reports', name), 'utf8'), context);

  test('000: 安信证券, 2021-12-20, Alibaba and Amazon, five risks', () => {
    const report = sample('000_d789849ebc96f254.txt');
    expect(report.source).toBe('安信证券');
    expect(report.date?.slice(0, 10)).toBe('2021-12-20');
    expect(ids(report)).toEqual(expect.arrayContaining(['HK:09988', 'US:BABA', 'US:AMZN']));
    expect(report.risks).toEqual([
      '海外疫情控制不及预期',
      '中美贸易摩擦',
      '反垄断监管趋严风险',
      '流动性环境收紧超预期',
      '海外市场竞争加剧',
    ]);
    expect(report.url).toMatch(/^http:\/\/choicewzp1\.eastmoney\.com\//);
  });

  test('003: heading title, ten key points, five risks, summary from the overview', () => {
    const report = sample('003_fc3b71698d01a929.txt');
    expect(report.title).toBe('AI产品加速落地与算力基建深化——市场研究摘要');
    expect(report.date?.slice(0, 10)).toBe('2025-12-06');
    expect(report.keyPoints).toHaveLength(10);
    expect(report.risks).toHaveLength(5);
    expect(report.risks[0]).toMatch(/^宏观环境风险/);
    expect(report.risks[4]).toMatch(/^资本开支回报周期/);
    expect(report.summary).toMatch(/^本报告聚焦两大核心动向/);
    expect(ids(report)).toEqual(expect.arrayContaining(['HK:09988', 'US:GOOGL', 'US:KWEB', 'HK:03067', 'HK:03088']));
  });
});

describe.skipIf(!SHARED_AVAILABLE)(
  `parseReport on the shared corpus shapes (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
  () => {
    const corpus = (folder: string, name: string) =>
      parseReport(`${folder}/${name}`, readFileSync(sharedPath('corpus', 'reports', folder, name), 'utf8'), context);

    test.each([
      ['10.md', 3, '宏观经济下行风险'],
      ['103.md', 3, '技术成熟度风险'],
      ['115.md', 3, '宏观经济不及预期'],
      ['141.md', 3, '即时零售发展不及预期'],
      ['231.md', 3, '监管立法风险'],
      ['233.md', 3, '产业化进度'],
    ])('gator report %s: risks under its heading style', (name, atLeast, first) => {
      const report = corpus('gator-reports', name);
      expect(report.risks.length).toBeGreaterThanOrEqual(atLeast);
      expect(report.risks[0]).toMatch(new RegExp(`^${first}`));
    });

    test('gator report: the front-matter summary list is the key points, the description the summary', () => {
      const report = corpus('gator-reports', '1.md');
      expect(report.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(report.keyPoints[0]).toMatch(/^AI Agent是软件革命的关键/);
      expect(report.summary).toMatch(/^AI Agent是软件革命的关键/);
    });

    test('finews Jekyll post: dated from front matter or its name', () => {
      expect(corpus('finews', '2021-12-08-202112082206672930.md').date?.slice(0, 10)).toBe('2021-12-08');
    });

    test('gator article (WeChat HTML body): dated, titled, a summary', () => {
      const report = corpus('gator-articles', '2023-07-22-wx-dc354e7c-2247483828-1.md');
      expect(report.date?.slice(0, 10)).toBe('2023-07-22');
      expect(report.title).toBe('功夫在盘外，不在电脑前');
      expect(report.summary.length).toBeGreaterThan(0);
    });
  },
);

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { parseReport } from '../reports/parse-report';
import { freshContext } from '../../test/support/report-fixtures';
import { nodePdfEngine } from './node-pdf-engine';
import { pdfByteProblem, readPdfText, type PdfEngine } from './read-pdf';
import { DEFAULT_PDF_LIMITS } from './pdf-limits';

/** The Chromium-printed fixture notes (test/fixtures/pdf/make-pdf-fixtures.ts) read as the import reads them. */
const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/pdf/${name}`, import.meta.url))));

// pdf.js's first document loads CMaps and fonts, and the 100-page note takes seconds on a loaded machine: not a measure.
vi.setConfig({ testTimeout: 60_000 });

let engine: PdfEngine;
beforeAll(async () => void (engine = await nodePdfEngine()));

const parsed = async (name: string) => parseReport(name, await readPdfText(engine, fixture(name)), freshContext());

describe('fixture broker notes, read from their PDFs', () => {
  test.each([
    {
      file: 'zh-one-column.pdf',
      title: '贵州茅台（600519.SH）：直销占比继续提升，分红承诺增强确定性',
      date: '2025-11-03',
      security: 'SH:600519',
      rating: { value: '增持', change: '维持' },
      target: { value: 1880, currency: 'CNY' },
      current: { value: 1452.6, currency: 'CNY' },
      broker: '华创证券',
      analysts: ['李明远:S1230520080003', '刘静怡:S1230522110004'],
      risk: '高端白酒需求下滑',
    },
    {
      file: 'zh-sidebar.pdf',
      title: '宁德时代（300750）：海外储能订单放量，盈利韧性超预期',
      date: '2025-10-22',
      security: 'SZ:300750',
      rating: { value: '买入', change: '上调' },
      target: { value: 390.5, currency: 'CNY' },
      current: { value: 306.8, currency: 'CNY' },
      broker: '东方证券',
      analysts: ['王立平:S0860521070002', '陈晓璐:S0860523040001'],
      risk: '原材料价格大幅波动',
    },
    {
      file: 'en-overweight.pdf',
      title: 'Tencent Holdings (0700.HK): Games and ads carry a solid third quarter',
      date: '2025-11-14',
      security: 'HK:00700',
      rating: { value: 'Overweight', change: null },
      target: { value: 720, currency: 'HKD' },
      current: { value: 628.5, currency: 'HKD' },
      broker: 'Harbour Lane Securities',
      analysts: ['Alex Chen:null', 'Grace Liu:null'],
      risk: 'slower advertising recovery',
    },
    // Held out (written after the rules; see the README for what the first reading got wrong).
    {
      file: 'zh-left-sidebar.pdf',
      title: '石头科技（688169）深度：扫地机器人出海正当时',
      date: '2025-10-09',
      security: 'SH:688169',
      rating: { value: '谨慎推荐', change: '首次' },
      target: { value: 25.8, currency: 'CNY' },
      current: { value: 21.35, currency: 'CNY' },
      broker: '招商证券',
      analysts: ['赵一鸣:S1090518110002'],
      risk: '汇率大幅波动',
    },
    {
      file: 'en-box-line.pdf',
      title: 'Apple Inc. (NASDAQ: AAPL): Services strength offsets a soft iPhone cycle',
      date: '2025-11-21',
      security: 'US:AAPL',
      rating: { value: 'Outperform', change: 'maintained' },
      target: { value: 215, currency: 'USD' },
      current: { value: 182.4, currency: 'USD' },
      broker: 'Northgate Capital Markets',
      analysts: ['Maria Gomez:null'],
      risk: 'weaker China demand, and supply-chain disruption',
    },
  ])('$file', async ({ file, title, date, security, rating, target, current, broker, analysts, risk }) => {
    const report = await parsed(file);
    expect(report.title).toBe(title);
    expect(report.date).toBe(date);
    expect(report.securities[0]?.id).toBe(security);
    expect(report.brokerNote?.rating).toMatchObject(rating);
    expect(report.brokerNote?.targetPrice).toMatchObject(target);
    expect(report.brokerNote?.currentPrice).toMatchObject(current);
    expect(report.brokerNote?.broker?.name).toBe(broker);
    expect(report.brokerNote?.analysts.map(({ name, license }) => `${name}:${license}`)).toEqual(analysts);
    expect(report.risks).toContain(risk);
    // The disclaimer's rating definitions are not read as the note's text.
    expect(report.summary).not.toMatch(/免责|Disclosures/);
  });

  test('the sidebar is its own block: the risks end where it begins', async () => {
    const report = await parsed('zh-sidebar.pdf');
    expect(report.risks).toEqual(['新能源汽车销量不及预期', '原材料价格大幅波动', '海外贸易政策变化', '行业产能过剩导致价格竞争加剧']);
  });

  test('the forecast table keeps EPS and P/E by year', async () => {
    const report = await parsed('zh-sidebar.pdf');
    expect(report.brokerNote?.forecast?.years).toEqual(['2024A', '2025E', '2026E', '2027E']);
    expect(report.brokerNote?.forecast?.rows.find((row) => row.label.startsWith('EPS'))?.values).toEqual([11.58, 15.04, 17.75, 20.57]);
  });

  test('two-column pages are read column by column, paragraphs whole', async () => {
    const text = await readPdfText(engine, fixture('zh-sidebar.pdf'));
    const page2 = text.split('\f')[1]!;
    expect(page2).toContain(
      '我们预计全球储能电池需求在2026年将达到500GWh以上，公司凭借天恒储能系统与长寿命电芯，在中东、欧洲与澳洲的大型储能项目中持续中标。',
    );
    expect(page2.indexOf('## 一、三季度业绩点评')).toBeLessThan(page2.indexOf('## 三、估值分析'));
  });

  test('100 pages: headers, footers and the disclaimer set aside, every chapter kept', async () => {
    const report = await parsed('zh-100-pages.pdf');
    const text = await readPdfText(engine, fixture('zh-100-pages.pdf'));
    expect(text.split('\f')).toHaveLength(100);
    expect(report.brokerNote?.rating).toMatchObject({ value: '看好', change: '维持' });
    expect(report.risks).toEqual(['出口管制收紧', '下游需求不及预期', '技术验证进度慢于预期']);
    expect(report.title).toBe('半导体设备行业深度：国产替代进入深水区');
  });

  test('checks before pdf.js: not a PDF, truncated, too large', () => {
    const limits = DEFAULT_PDF_LIMITS;
    expect(pdfByteProblem(new TextEncoder().encode('hello'), limits)).toMatch(/not a PDF/);
    expect(pdfByteProblem(fixture('en-overweight.pdf').subarray(0, 30_000), limits)).toMatch(/truncated/);
    expect(pdfByteProblem(fixture('en-overweight.pdf'), { ...limits, maxBytes: 1000 })).toMatch(/the limit is 1000 bytes/);
    expect(pdfByteProblem(fixture('en-overweight.pdf'), limits)).toBeUndefined();
  });
});

describe('the time bound', () => {
  test('a PDF that never finishes is refused at the bound, its task destroyed and the shared worker ended', async () => {
    let destroyed = 0;
    let ended = 0;
    const stuck: PdfEngine = {
      getDocument: () => ({
        promise: new Promise(() => {}),
        destroy: () => {
          destroyed++;
          return Promise.resolve();
        },
      }),
      cMapUrl: '',
      standardFontDataUrl: '',
      worker: () => ({}),
      endWorker: () => {
        ended++;
      },
    };
    const started = performance.now();
    await expect(readPdfText(stuck, fixture('en-overweight.pdf'), { ...DEFAULT_PDF_LIMITS, timeoutMs: 200 })).rejects.toThrow(
      /took longer than 0.2 s; it was stopped/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect({ destroyed, ended }).toEqual({ destroyed: 1, ended: 1 });
  });
});

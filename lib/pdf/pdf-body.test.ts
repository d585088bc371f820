import { describe, expect, test } from 'vitest';
import { pdfBody } from './pdf-body';
import { PDF_PAGE_BREAK } from './pdf-text-format';

const pdfText = (...pages: string[][]) => pages.map((lines) => lines.join('\n')).join(PDF_PAGE_BREAK);

describe('pdfBody', () => {
  test('running headers, footers and page numbers are set aside; the body keeps its page and line', () => {
    const body = pdfBody(
      pdfText(
        ['东方证券|公司研究', '# 宁德时代', '评级：买入（上调）', '请务必阅读免责声明|第1页/共3页'],
        ['东方证券|公司研究', '## 一、业绩点评', '正文一段。', '请务必阅读免责声明|第2页/共3页'],
        ['东方证券|公司研究', '## 估值', '正文又一段。', '请务必阅读免责声明|第3页/共3页'],
      ),
    );
    expect(body.lines.map((line) => line.text)).toEqual([
      '# 宁德时代',
      '评级：买入（上调）',
      '## 一、业绩点评',
      '正文一段。',
      '## 估值',
      '正文又一段。',
    ]);
    expect(body.lines[1]).toEqual({ text: '评级：买入（上调）', page: 1, line: 3 });
    expect(body.furniture).toBe(6);
  });

  test.each([['3'], ['- 3 -'], ['第 3 页'], ['Page 3 of 9'], ['3/9']])('a page-number line %s at a page edge is set aside', (number) => {
    expect(pdfBody(pdfText(['正文。', number])).lines.map((line) => line.text)).toEqual(['正文。']);
  });

  test('a repeated chapter heading or a long repeated paragraph is not a running header', () => {
    const page = [
      '## 第1章 展望',
      '风险方面，需要关注海外出口管制的进一步收紧、下游需求复苏节奏以及行业竞争加剧对毛利率的影响，我们持续跟踪产业链的验证进度、订单转化效率与库存变化，并在季度报告中更新我们的判断与盈利预测。',
    ];
    expect(pdfBody(pdfText(page, page, page)).lines).toHaveLength(6);
  });

  test('the disclaimer pages at the end are set aside, with the page they start on', () => {
    const body = pdfBody(
      pdfText(
        ['# 标题', '评级：增持', '正文。', '正文。'],
        ['## 投资评级说明', '买入：相对强于市场20%以上'],
        ['## 免责声明', '本报告仅供…'],
      ),
    );
    expect(body.lines.map((line) => line.text)).toEqual(['# 标题', '评级：增持', '正文。', '正文。']);
    expect(body.disclaimerPage).toBe(2);
  });

  test('a disclaimer heading early in the note does not cut its body', () => {
    const body = pdfBody(pdfText(['## 免责声明', '短。', '## 投资要点', '正文。', '正文。', '正文。']));
    expect(body.lines).toHaveLength(6);
  });
});

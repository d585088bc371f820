import { describe, expect, test } from 'vitest';
import { extractRisks, splitRiskText } from './report-risks';
import { reportBlocks } from './report-blocks';
import { withoutSetAside } from './set-aside-sections';

const risksOf = (markdown: string) => extractRisks(withoutSetAside(reportBlocks('markdown', markdown)));

describe('risk sections under any heading style (shapes of the gator reports and broker notes)', () => {
  test.each([
    ['Markdown heading with 五、', '## 五、风险提示\n\n1. 需求不及预期\n2. 竞争加剧\n', ['需求不及预期', '竞争加剧']],
    [
      '（二） numbering, bold labels',
      '### （二）风险提示\n\n- **宏观下行风险**：收入下降。\n- **政策风险**：落地不及预期。\n',
      ['宏观下行风险：收入下降', '政策风险：落地不及预期'],
    ],
    ['4. numbering', '#### 4. 风险提示\n\n- 原材料涨价\n- 汇率波动\n', ['原材料涨价', '汇率波动']],
    [
      '5.2 numbering',
      '##### 5.2 风险提示\n\n宏观经济不及预期；行业竞争加剧；技术迭代风险。\n',
      ['宏观经济不及预期', '行业竞争加剧', '技术迭代风险'],
    ],
    ['bold line as heading', '正文。\n\n**风险提示**\n\n1. 需求疲软\n2. 价格战\n', ['需求疲软', '价格战']],
    [
      'inline label split at 、',
      '- **风险提示**：宏观经济不及预期、进口煤大增、供给超预期释放。\n',
      ['宏观经济不及预期', '进口煤大增', '供给超预期释放'],
    ],
    ['inline label in a paragraph', '风险提示：海外疫情控制不及预期；中美贸易摩擦。\n', ['海外疫情控制不及预期', '中美贸易摩擦']],
    [
      'exact name wins over a combined section',
      '#### 六、投资分析与风险提示\n\n#### 逻辑\n\n1. 龙头受益\n\n#### 风险因素\n\n1. 竞争加剧\n',
      ['竞争加剧'],
    ],
    [
      'label with a subtitle, risks as same-level headings',
      '#### 六、风险因素：三重不确定性\n\n#### 监管立法风险\n\n1. 延迟\n\n#### 市场波动风险\n\n1. 波动\n\n#### 七、结论\n',
      ['监管立法风险', '市场波动风险'],
    ],
    [
      'bold item label, list restarts at its level',
      '1. 相关公司\n2. **风险因素**\n\n1. 产业化延迟\n2. 技术替代\n\n## 六、预测\n',
      ['产业化延迟', '技术替代'],
    ],
    [
      'bold item label, then a paragraph',
      '1. 逻辑\n2. **风险提示**\n\n地缘政治风险、需求复苏不及预期、技术迭代滞后。\n',
      ['地缘政治风险', '需求复苏不及预期', '技术迭代滞后'],
    ],
    [
      'nested detail bullets stay with their item',
      '### 五、风险与挑战\n\n1. **技术风险**：\n   - 效率低\n2. **成本风险**：\n   - 延期\n',
      ['技术风险', '成本风险'],
    ],
    ['Risk factors in English', '## Risk factors\n\n- Slower cloud growth\n- Regulation\n', ['Slower cloud growth', 'Regulation']],
  ])('%s', (_name, markdown, expected) => {
    expect(risksOf(markdown)).toEqual(expected);
  });

  test.each([
    ['a sentence ending in 风险 is no section', '## 一、美国“对等关税”最后通牒引爆市场风险\n\n- 美股下跌\n'],
    ['a disclaimer section is never risks', '## 免责声明\n\n- 市场有风险，投资需谨慎\n- 本报告不构成投资建议\n'],
    ['house lines under a risk heading are dropped', '## 风险提示\n\n市场有风险，投资需谨慎。\n'],
    [
      'analyst statement and rating definitions',
      '## 分析师声明\n\n风险提示：本人具有执业资格。\n\n## 投资评级说明\n\n- 买入：涨幅 15% 以上\n',
    ],
  ])('%s', (_name, markdown) => {
    expect(risksOf(markdown)).toEqual([]);
  });
});

describe('splitRiskText', () => {
  test.each([
    ['a；b；c。', ['a', 'b', 'c']],
    ['1）需求下滑 2）价格战', ['需求下滑', '价格战']],
    ['需求下滑、价格战等', ['需求下滑', '价格战']],
    [
      '若政策、资金与需求三者同时恶化，行业盈利会在未来两个季度明显下降并拖累估值修复节奏与幅度',
      ['若政策、资金与需求三者同时恶化，行业盈利会在未来两个季度明显下降并拖累估值修复节奏与幅度'],
    ],
  ])('%s', (text, expected) => {
    expect(splitRiskText(text)).toEqual(expected);
  });
});

import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from './front-matter';
import { reportBlocks } from './report-blocks';
import { extractKeyPoints, extractSummary, extractTitle } from './report-sections';
import { withoutSetAside } from './set-aside-sections';

const read = (text: string) => {
  const { frontMatter, body } = splitFrontMatter(text);
  return { frontMatter, blocks: withoutSetAside(reportBlocks('markdown', body)) };
};

describe('key points', () => {
  test.each([
    ['front-matter summary list', '---\nsummary:\n  - "甲"\n  - "乙"\n---\n正文', ['甲', '乙']],
    ['front-matter highlights', '---\nhighlights: [a, b]\n---\nbody', ['a', 'b']],
    ['投资要点 list', '## 投资要点\n\n- 收入增长\n- 利润改善\n\n## 正文\n', ['收入增长', '利润改善']],
    ['核心观点 paragraphs', '### 一、核心观点\n\n云业务提速。\n\n估值修复。\n\n## 二、\n', ['云业务提速。', '估值修复。']],
    ['Key takeaways', '## Key takeaways\n\n1. Margin up\n2. Capex down\n', ['Margin up', 'Capex down']],
    ['bold 要点 line', '**要点**\n\n- 一\n- 二\n', ['一', '二']],
    ['labelled 核心观点： then a list', '核心观点：\n\n1. 甲\n2. 乙\n', ['甲', '乙']],
  ])('%s', (_name, text, expected) => {
    const { frontMatter, blocks } = read(text);
    expect(extractKeyPoints(blocks, frontMatter)).toEqual(expected);
  });

  test('a summary list is key points, not one merged summary paragraph', () => {
    const { frontMatter, blocks } = read(
      '---\ndescription: "描述"\nsummary:\n  - "甲"\n  - "乙"\n---\n正文第一段足够长，足够长，足够长，足够长。',
    );
    expect(frontMatter.summary).toBeUndefined();
    expect(extractSummary(blocks, { frontMatter, title: 't', repeated: () => false })).toBe('描述');
  });
});

describe('summary', () => {
  const lead = '今日两市缩量震荡，创业板指领涨，半导体板块午后走强，北向资金净流入。';
  test.each([
    ['the source repeats its description: the lead', `---\ndescription: "每日复盘，陪你看市场"\n---\n${lead}`, true, lead],
    ['own description', `---\ndescription: "本期看点"\n---\n${lead}`, false, '本期看点'],
    ['a repeated sign-off line is never the lead', `B站直播每晚八点，欢迎关注我们的频道。\n\n${lead}`, true, lead],
    ['disclaimer is never the summary', `## 免责声明\n\n本报告仅供参考，不构成投资建议，市场有风险。\n\n## 正文\n\n${lead}`, false, lead],
    ['a date line is not the lead', `2024年8月1日 星期四\n\n${lead}`, false, lead],
  ])('%s', (_name, text, repeatedBySource, expected) => {
    const { frontMatter, blocks } = read(text);
    const repeated = (line: string) => repeatedBySource && (line.startsWith('每日复盘') || line.startsWith('B站'));
    expect(extractSummary(blocks, { frontMatter, title: 'title', repeated, descriptionRepeated: repeatedBySource })).toBe(expected);
  });
});

describe('title', () => {
  test.each([
    ['H1 when front matter has none', '### 小节\n\n# 主标题\n\n正文', '主标题'],
    ['first heading without H1', '## 标题二\n\n正文', '标题二'],
    ['a bold line is no title', '**风险提示**\n\n第一行正文', '第一行正文'],
  ])('%s', (_name, text, expected) => {
    const { frontMatter } = read(text);
    expect(extractTitle(reportBlocks('markdown', text), frontMatter, 'x.md')).toBe(expected);
  });
});

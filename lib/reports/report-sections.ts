import type { Block } from './report-blocks';
import type { FrontMatter } from './front-matter';

/** Headings (or `label：` paragraph openings) that introduce a summary. */
const SUMMARY_LABEL =
  /^(?:简要部分|摘要|内容摘要|核心观点|投资要点|报告摘要|主要话题与市场趋势概述|summary|key takeaways|executive summary|overview)\b/i;
/** Headings that introduce key points: numbered lists under them are the report's key points. */
const KEY_POINTS_LABEL = /^(?:投资要点|核心观点|要点|关键要点|对交易影响|key points|key takeaways|highlights)/i;
/** Headings or labels that introduce risks. */
const RISK_LABEL = /^(?:\d+[.、]\s*)?(?:风险提示|风险因素|主要风险与不确定性|主要风险|风险|risks?|risk factors|key risks)(?=$|[\s:：])/i;
/** Most items a list section keeps; beyond this it is a body list, not key points. */
const MAX_SECTION_ITEMS = 20;
/** A summary longer than this is cut at a sentence end for display. */
const MAX_SUMMARY_CHARS = 400;

const stripNumbering = (text: string) => text.replace(/^(?:\d{1,2}\s*[.、)]|[（(]\d{1,2}[）)]|第[一二三四五六七八九十]+[、.])\s*/, '');
const labelOf = (block: Block) =>
  stripNumbering(block.text)
    .replace(/^\*+|\*+$/g, '')
    .trim();

/** Splits `标签：a；b；c。` into the items after the label. */
function splitInlineList(text: string): string[] {
  return text
    .split(/[；;]/)
    .map((part) =>
      part
        .trim()
        .replace(/[。.]$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** The index range of the section under the heading at `at`: until the next heading of the same or higher level. */
function sectionAfter(blocks: readonly Block[], at: number): Block[] {
  const heading = blocks[at]!;
  const depth = heading.kind === 'heading' ? heading.depth : 7;
  const section: Block[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && block.depth <= depth) break;
    section.push(block);
  }
  return section;
}

/** Index of the first heading whose label matches. */
const findHeading = (blocks: readonly Block[], label: RegExp) =>
  blocks.findIndex((block) => block.kind === 'heading' && label.test(labelOf(block)));

/** Index of the first paragraph that opens with `label：`, with the rest of it. */
function findLabelledParagraph(blocks: readonly Block[], label: RegExp): [number, string] | undefined {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph') continue;
    const m = /^([^:：]{1,24})[:：]\s*(.*)$/.exec(labelOf(block));
    if (m && label.test(m[1]!.trim())) return [i, m[2]!.trim()];
  }
  return undefined;
}

/** Risks: items under a risk heading, or a `风险提示：a；b；c` paragraph split at semicolons. */
export function extractRisks(blocks: readonly Block[]): string[] {
  const at = findHeading(blocks, RISK_LABEL);
  if (at >= 0) {
    const section = sectionAfter(blocks, at);
    const items = section.filter((block) => block.kind === 'item').map((block) => block.text);
    if (items.length) return items.slice(0, MAX_SECTION_ITEMS);
    const paragraphs = section.filter((block) => block.kind === 'paragraph').map((block) => block.text);
    if (paragraphs.length === 1) return splitInlineList(paragraphs[0]!);
    return paragraphs.slice(0, MAX_SECTION_ITEMS);
  }
  const labelled = findLabelledParagraph(blocks, RISK_LABEL);
  if (!labelled) return [];
  const [index, rest] = labelled;
  if (rest) return splitInlineList(rest);
  const items: string[] = [];
  for (let i = index + 1; i < blocks.length && blocks[i]!.kind === 'item'; i++) items.push(blocks[i]!.text);
  return items;
}

/** Key points: the first numbered list under a summary or key-points heading. */
export function extractKeyPoints(blocks: readonly Block[]): string[] {
  for (const label of [KEY_POINTS_LABEL, SUMMARY_LABEL]) {
    for (let at = 0; at < blocks.length; at++) {
      const block = blocks[at]!;
      if (block.kind !== 'heading' || !label.test(labelOf(block))) continue;
      const section = sectionAfter(blocks, at);
      const first = section.findIndex((b) => b.kind === 'item' && b.ordered);
      if (first < 0) continue;
      const items: string[] = [];
      for (let i = first; i < section.length && section[i]!.kind === 'item'; i++) items.push(section[i]!.text);
      return items.slice(0, MAX_SECTION_ITEMS);
    }
  }
  return [];
}

const shorten = (text: string) => {
  if (text.length <= MAX_SUMMARY_CHARS) return text;
  const cut = text.slice(0, MAX_SUMMARY_CHARS);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return end > MAX_SUMMARY_CHARS / 2 ? cut.slice(0, end + 1) : `${cut}…`;
};

/** Summary: the first paragraph under a summary heading, a `摘要：` paragraph, front matter, else the first paragraph. */
export function extractSummary(blocks: readonly Block[], frontMatter: FrontMatter): string {
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.kind !== 'heading' || !SUMMARY_LABEL.test(labelOf(block))) continue;
    const paragraph = sectionAfter(blocks, at).find((b) => b.kind === 'paragraph');
    if (paragraph) return shorten(paragraph.text);
  }
  const labelled = findLabelledParagraph(blocks, SUMMARY_LABEL);
  if (labelled?.[1]) return shorten(labelled[1]);
  const fromFrontMatter = frontMatter.summary ?? frontMatter.description;
  if (fromFrontMatter) return shorten(fromFrontMatter);
  const first = blocks.find((b) => b.kind === 'paragraph' && b.text.length > 20) ?? blocks.find((b) => b.kind === 'paragraph');
  return first ? shorten(first.text) : '';
}

/** A title that is a machine slug (`industry_research_2025-12-06`) rather than words for a reader. */
const isMachineSlug = (title: string) => /^[\w.-]+$/.test(title) && (/_/.test(title) || /\d{4}-\d{2}-\d{2}/.test(title));

/** Display title: front matter unless it is a slug, else the first heading, else the first line, else the file name. */
export function extractTitle(blocks: readonly Block[], frontMatter: FrontMatter, fileName: string): string {
  const heading = blocks.find((b) => b.kind === 'heading')?.text;
  if (frontMatter.title && !(isMachineSlug(frontMatter.title) && heading)) return frontMatter.title;
  if (heading) return heading;
  const firstLine = blocks[0]?.text;
  if (firstLine && firstLine.length <= 120) return firstLine;
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** Source (broker/publisher): front matter, a `文章来源：` line, then tags/categories such as `安信证券新闻`. */
export function extractSource(blocks: readonly Block[], frontMatter: FrontMatter): string | undefined {
  if (frontMatter.source) return frontMatter.source;
  for (const block of blocks) {
    const m = /^[（(]?\s*(?:文章来源|来源|资料来源|source)\s*[:：]\s*([^（()）\n]{2,40}?)\s*[)）]?$/i.exec(block.text);
    if (m) return m[1]!.trim();
  }
  for (const label of [...frontMatter.tags, ...frontMatter.categories]) {
    const m = /^(.{2,20}?(?:证券|研究所|研究院|资管|基金|期货))(?:新闻|研报|研究)?$/.exec(label);
    if (m) return m[1];
  }
  return undefined;
}

/** Original link: front matter, else a line that is only a URL. */
export function extractUrl(blocks: readonly Block[], frontMatter: FrontMatter): string | undefined {
  if (frontMatter.sourceUrl && /^https?:\/\//.test(frontMatter.sourceUrl)) return frontMatter.sourceUrl;
  return blocks.find((b) => b.kind === 'paragraph' && /^https?:\/\/\S+$/.test(b.text))?.text;
}

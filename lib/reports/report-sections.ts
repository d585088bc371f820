import { BOLD_LINE_DEPTH, type Block } from './report-blocks';
import type { FrontMatter } from './front-matter';
import { labelOf, sectionAfter, splitLabel, topItems } from './report-outline';

/** Headings (or `label：` paragraph openings) that introduce a summary. */
const SUMMARY_LABEL =
  /^(?:简要部分|摘要|内容摘要|核心观点|投资要点|报告摘要|主要话题与市场趋势概述|summary|key takeaways|executive summary|overview)(?![a-z])/i;
/** Headings that introduce key points: the list (or the paragraphs) under them are the report's key points. */
const KEY_POINTS_LABEL =
  /^(?:投资要点|核心观点|核心要点|主要观点|核心结论|要点|关键要点|要点总结|本文要点|对交易影响|key points|key takeaways|highlights|takeaways)$/i;
/** Most points a section gives: beyond this it is a body list, not key points. */
const MAX_KEY_POINTS = 12;
/** A summary longer than this is cut at a sentence end for display. */
const MAX_SUMMARY_CHARS = 400;
/** A lead paragraph shorter than this is a label or a byline, not a summary, when a longer one exists. */
const MIN_LEAD_CHARS = 20;

/** Index of the first paragraph that opens with `label：`, with the rest of it. */
function findLabelledParagraph(blocks: readonly Block[], label: RegExp): [number, string] | undefined {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph') continue;
    const split = splitLabel(block.text);
    if (split && label.test(split.label)) return [i, split.rest];
  }
  return undefined;
}

/** Points in a key-points section: its top list items, else its paragraphs when there are several. */
function pointsInSection(section: readonly Block[]): string[] {
  const items = topItems(section);
  if (items.length) return items;
  const paragraphs = section.filter((block) => block.kind === 'paragraph').map((block) => block.text);
  if (paragraphs.length > 1) return paragraphs;
  return section.filter((block) => block.kind === 'heading').map((block) => labelOf(block));
}

/**
 * Key points (call it with the set-aside sections removed): a front-matter list (`summary`, `keyPoints`,
 * `highlights`), else the list or paragraphs under a key-points heading (投资要点, 核心观点, Key takeaways …) or
 * after a `核心观点：` line, else a numbered list under a summary heading.
 */
export function extractKeyPoints(blocks: readonly Block[], frontMatter: FrontMatter): string[] {
  if (frontMatter.keyPoints.length) return frontMatter.keyPoints.slice(0, MAX_KEY_POINTS);
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.kind !== 'heading' || !KEY_POINTS_LABEL.test(labelOf(block))) continue;
    const points = pointsInSection(sectionAfter(blocks, at));
    if (points.length) return points.slice(0, MAX_KEY_POINTS);
  }
  const labelled = findLabelledParagraph(blocks, KEY_POINTS_LABEL);
  if (labelled && !labelled[1]) {
    const items: string[] = [];
    for (let i = labelled[0] + 1; i < blocks.length && blocks[i]!.kind === 'item'; i++) items.push(blocks[i]!.text);
    if (items.length) return items.slice(0, MAX_KEY_POINTS);
  }
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.kind !== 'heading' || !SUMMARY_LABEL.test(labelOf(block))) continue;
    const section = sectionAfter(blocks, at);
    const first = section.findIndex((b) => b.kind === 'item' && b.ordered);
    if (first < 0) continue;
    const items: string[] = [];
    for (let i = first; i < section.length && section[i]!.kind === 'item'; i++) items.push(section[i]!.text);
    return items.slice(0, MAX_KEY_POINTS);
  }
  return [];
}

const shorten = (text: string) => {
  if (text.length <= MAX_SUMMARY_CHARS) return text;
  const cut = text.slice(0, MAX_SUMMARY_CHARS);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '));
  return end > MAX_SUMMARY_CHARS / 2 ? cut.slice(0, end + 1) : `${cut}…`;
};

/** What a summary may be drawn from besides the blocks: front matter, the title, and the lines its source repeats. */
export interface SummaryContext {
  frontMatter: FrontMatter;
  title: string;
  /** Whether the report's source repeats this line across many of its reports (sign-offs, footers). */
  repeated: (text: string) => boolean;
  /** Whether the source gives this report's description to other reports too (a tagline, not its summary). */
  descriptionRepeated?: boolean;
}

/** A paragraph that can lead a summary: not the title again, not a bare link or date, not a line the source repeats. */
const leadCandidate = (text: string, { title, repeated }: SummaryContext) =>
  text !== title && !/^https?:\/\/\S+$/.test(text) && !/^[\d\s年月日号:：.\-/星期周一二三四五六日天]+$/.test(text) && !repeated(text);

/**
 * Summary (call it with the set-aside sections removed): the first paragraph under a summary heading, a `摘要：`
 * paragraph, a front-matter summary, the description unless the source repeats it on many posts, else the report's
 * own lead (its first real paragraph that the source does not repeat).
 */
export function extractSummary(blocks: readonly Block[], context: SummaryContext): string {
  for (let at = 0; at < blocks.length; at++) {
    const block = blocks[at]!;
    if (block.kind !== 'heading' || !SUMMARY_LABEL.test(labelOf(block))) continue;
    const paragraph = sectionAfter(blocks, at).find((b) => b.kind === 'paragraph' && !context.repeated(b.text));
    if (paragraph) return shorten(paragraph.text);
  }
  const labelled = findLabelledParagraph(blocks, SUMMARY_LABEL);
  if (labelled?.[1]) return shorten(labelled[1]);
  const { summary, description } = context.frontMatter;
  if (summary && !context.repeated(summary)) return shorten(summary);
  if (description && !context.descriptionRepeated && !context.repeated(description)) return shorten(description);
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && leadCandidate(b.text, context));
  const first = paragraphs.find((b) => b.text.length > MIN_LEAD_CHARS) ?? paragraphs[0];
  return first ? shorten(first.text) : '';
}

/** A title that is a machine slug (`industry_research_2025-12-06`) rather than words for a reader. */
const isMachineSlug = (title: string) => /^[\w.-]+$/.test(title) && (/_/.test(title) || /\d{4}-\d{2}-\d{2}/.test(title));

/**
 * Display title: front matter unless it is a slug, else the H1, else the first heading, else the first line, else
 * the file name. Bold lines used as headings are never the title.
 */
export function extractTitle(blocks: readonly Block[], frontMatter: FrontMatter, fileName: string): string {
  const headings = blocks.filter((b) => b.kind === 'heading' && b.depth < BOLD_LINE_DEPTH);
  const heading = (headings.find((b) => b.kind === 'heading' && b.depth === 1) ?? headings[0])?.text;
  if (frontMatter.title && !(isMachineSlug(frontMatter.title) && heading)) return frontMatter.title;
  if (heading) return heading;
  const firstLine = blocks.find((b) => b.kind !== 'heading')?.text;
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

import type { Block } from './report-blocks';
import { labelOf, sectionAfter, splitLabel, topItems } from './report-outline';
import { HOUSE_LINE } from './set-aside-sections';

/** A label that is itself a risk section's name (`风险提示`, `主要风险与不确定性`, `Risk factors`). */
const RISK_NAME =
  /^(?:风险提示|风险因素|风险分析|风险点|主要风险(?:与不确定性|因素|提示)?|核心风险|关键风险|潜在风险|相关风险|风险与(?:挑战|不确定性|应对)|风险|risks?|risk factors|key risks|risks? (?:and|&) (?:uncertainties|challenges))$/i;
/** A longer label that ends with a risk section's name: `投资分析与风险提示`, `相关细分及风险提示`, `行业风险与未来展望`. */
const RISK_IN_LABEL =
  /(?:风险提示|风险因素|风险与挑战|主要风险|风险分析)$|^(?:风险提示|风险因素|主要风险|风险分析)|^.{0,8}风险与.{0,6}$|(?:^|\s)risks?$/i;
/**
 * Words a risk is written with. A combined section (`投资分析与风险提示`) also holds the investment case: only its
 * entries with such a word are risks (`相关公司`, `逻辑` are not).
 */
const RISK_WORD =
  /风险|不及预期|低于预期|超预期|不确定|波动|下滑|下行|加剧|放缓|收紧|承压|冲击|延迟|推迟|失败|恶化|疲软|摩擦|risk|uncertain|slowdown|decline/i;
/** A heading that names one risk (`监管立法风险`, `Regulatory risk`): a run of them is a risk section without a list. */
const ONE_RISK = /^.{1,12}风险$|^[\w -]{1,30} risks?$/i;
/** Most words a label may have and still name a section rather than state a risk (`引爆市场风险` is a sentence). */
const MAX_LABEL_CHARS = 14;
/** Most items kept from one section: beyond this it is a body list, not a report's risks. */
const MAX_RISKS = 20;
/** An item split at `、` only when every part is this short: longer parts mean the `、` sat inside a sentence. */
const MAX_ENUMERATED_PART = 30;

/** A heading's label, without a subtitle after a colon (`风险因素：监管、市场与流动性三重不确定性`). */
const headingLabel = (text: string) => labelOf(text).split(/[:：]/)[0]!.trim();
const isRiskLabel = (label: string) => RISK_NAME.test(label) || (label.length <= MAX_LABEL_CHARS && RISK_IN_LABEL.test(label));

/** One risk as shown: no trailing stop or `等`, no numbering left inside. */
const tidy = (text: string) => {
  let end = labelOf(text);
  // A loop, not `/[。.;；,，]+$/`: a run of stops retried from each of its characters is quadratic.
  while (end && '。.;；,，'.includes(end.at(-1)!)) end = end.slice(0, -1);
  return end.replace(/等$/, '').trim();
};

/**
 * Splits an inline risk list: `a；b；c`, `1）a 2）b`, or `a、b、c` when every part is short (a `、` inside a sentence
 * is no list).
 */
export function splitRiskText(text: string): string[] {
  let parts = text
    .split(/[；;]|(?:^|\s)[（(]?\d{1,2}[)）]/)
    .map(tidy)
    .filter(Boolean);
  if (parts.length === 1) {
    const enumerated = parts[0]!.split('、').map(tidy);
    if (enumerated.length > 1 && enumerated.every((part) => part && part.length <= MAX_ENUMERATED_PART)) parts = enumerated;
  }
  return parts;
}

/** Risks from the blocks under a risk heading: its list items, its sub-headings, or its paragraphs split into items. */
function risksInSection(section: readonly Block[]): string[] {
  const items = topItems(section);
  if (items.length) return items.length === 1 ? splitRiskText(items[0]!) : items.map(tidy);
  const subheadings = section.filter((block) => block.kind === 'heading').map((block) => tidy(block.text));
  if (subheadings.length > 1) return subheadings;
  const paragraphs = section.filter((block) => block.kind === 'paragraph').map((block) => block.text);
  if (paragraphs.length === 1) return splitRiskText(paragraphs[0]!);
  return paragraphs.map(tidy);
}

/** Headings right after the heading at `at`, at its depth, that each name one risk: a section written as headings. */
function riskHeadingsAfter(blocks: readonly Block[], at: number): string[] {
  const depth = (blocks[at] as Extract<Block, { kind: 'heading' }>).depth;
  const risks: string[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'heading') continue;
    if (block.depth < depth || !ONE_RISK.test(labelOf(block))) break;
    if (block.depth === depth) risks.push(labelOf(block));
  }
  return risks;
}

/** Risks after a risk label that opened a paragraph or list item: its own text, else the items that follow. */
function risksAfterLabel(blocks: readonly Block[], at: number, rest: string): string[] {
  if (rest) return splitRiskText(rest);
  const opener = blocks[at]!;
  const level = opener.kind === 'item' ? (opener.level ?? 0) : -1;
  const items: string[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== 'item' || (block.level ?? 0) <= level) break;
    if ((block.level ?? 0) === level + 1 || level < 0) items.push(tidy(block.text));
  }
  if (items.length || level < 0) return items;
  // `2. **风险因素**` then `1. …` `2. …`: Markdown reads the risks as a new list at the label's own level.
  for (let i = at + 1; i < blocks.length && blocks[i]!.kind === 'item'; i++) {
    const block = blocks[i] as Extract<Block, { kind: 'item' }>;
    if ((block.level ?? 0) === level) items.push(tidy(block.text));
  }
  // `2. **风险提示**` then a paragraph `地缘政治风险、需求复苏不及预期…`: the paragraph is the list.
  const next = blocks[at + 1];
  return items.length || next?.kind !== 'paragraph' ? items : splitRiskText(next.text);
}

/**
 * The report's risks (call it with the set-aside sections removed). Risk sections are found under any heading style
 * (Markdown levels, `五、` / `（二）` / `4.` / `5.2` numbering, bold lines) and as `风险提示：…` openings of a
 * paragraph or list item; the most specific section that yields items wins. House lines are never risks.
 */
export function extractRisks(blocks: readonly Block[]): string[] {
  const headings: number[] = [];
  const labelled: { at: number; rest: string }[] = [];
  blocks.forEach((block, at) => {
    if (block.kind === 'heading') {
      if (isRiskLabel(headingLabel(block.text))) headings.push(at);
      return;
    }
    const split = splitLabel(block.text) ?? (isRiskLabel(labelOf(block)) ? { label: labelOf(block), rest: '' } : undefined);
    if (split && isRiskLabel(split.label)) labelled.push({ at, rest: split.rest });
  });
  // Exact names (`风险提示`) before longer labels that end with one (`投资分析与风险提示` may hold a `风险因素` below it).
  const exact = (at: number) => Number(!RISK_NAME.test(headingLabel(blocks[at]!.text)));
  headings.sort((a, b) => exact(a) - exact(b) || a - b);
  const candidates = [
    ...headings.map((at) => () => {
      const section = sectionAfter(blocks, at);
      const risks = section.length ? risksInSection(section) : riskHeadingsAfter(blocks, at);
      return exact(at) ? risks.filter((risk) => RISK_WORD.test(risk)) : risks;
    }),
    ...labelled.map(
      ({ at, rest }) =>
        () =>
          risksAfterLabel(blocks, at, rest),
    ),
  ];
  for (const candidate of candidates) {
    // A section name is never a risk itself (`风险提示` as a sub-heading of `投资分析与风险提示`).
    const risks = candidate().filter((risk) => risk && !HOUSE_LINE.test(risk) && !RISK_NAME.test(risk));
    if (risks.length) return [...new Set(risks)].slice(0, MAX_RISKS);
  }
  return [];
}

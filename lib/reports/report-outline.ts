import type { Block } from './report-blocks';

/** Section numbering writers put before a heading's words: `五、`, `（二）`, `4.`, `5.2`, `第三章`, `(1)`, `Part 2:`. */
const NUMBERING =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}(?:\.\d{1,2}){0,2}\s*[.、)）．]?(?=\s|[^\d.])|第[一二三四五六七八九十\d]{1,3}[章节部分条][、.：:]?)\s*/;

/** A block's words without numbering, emphasis marks or a trailing colon: what a label pattern is tested on. */
export const labelOf = (block: Block | string) =>
  (typeof block === 'string' ? block : block.text)
    .trim()
    .replace(NUMBERING, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .trim();

/** The blocks under the heading at `at`: until the next heading of the same or a higher level. */
export function sectionAfter(blocks: readonly Block[], at: number): Block[] {
  const heading = blocks[at]!;
  const depth = heading.kind === 'heading' ? heading.depth : Infinity;
  const section: Block[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && block.depth <= depth) break;
    section.push(block);
  }
  return section;
}

/** The top-level list items of a section (nested detail bullets left out), in order. */
export function topItems(section: readonly Block[]): string[] {
  const items = section.filter((block): block is Extract<Block, { kind: 'item' }> => block.kind === 'item');
  const top = Math.min(...items.map((item) => item.level ?? 0));
  return items.filter((item) => (item.level ?? 0) === top).map((item) => item.text);
}

/** `label：rest` split, when the label is short enough to be one (a paragraph or list item that opens with it). */
export function splitLabel(text: string): { label: string; rest: string } | undefined {
  const m = /^([^:：]{1,24})[:：]\s*([\s\S]*)$/.exec(text);
  return m ? { label: labelOf(m[1]!), rest: m[2]!.trim() } : undefined;
}

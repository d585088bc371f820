import type { Block } from '../reports/report-blocks';
import type { LocatedLine } from './pdf-text-format';

/** Numbered lines (`1.`, `1、`, `（1）`) are ordered items, as in plain-text reports. */
const NUMBERED = /^(?:\d{1,2}[.、)．]|[（(]\d{1,2}[）)])\s*(.+)$/;

/** The body lines of a PDF as the blocks extraction reads: `# `/`## ` lines are headings, numbered lines items. */
export function pdfBlocks(lines: readonly LocatedLine[]): Block[] {
  return lines.map(({ text }): Block => {
    const heading = /^(#{1,2}) (.+)$/.exec(text);
    if (heading) return { kind: 'heading', depth: heading[1]!.length, text: heading[2]! };
    const numbered = NUMBERED.exec(text);
    return numbered ? { kind: 'item', ordered: true, text: numbered[1]! } : { kind: 'paragraph', text };
  });
}

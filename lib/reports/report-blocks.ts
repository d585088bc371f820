import { Lexer, type Token, type Tokens } from 'marked';
import { pdfBlocks } from '../pdf/pdf-blocks';
import { pdfBody } from '../pdf/pdf-body';

/** The structure extraction works on, whatever the report's format: headings, paragraphs and list items, in order. */
export type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; ordered: boolean; text: string; level?: number };

/**
 * Depth given to a line that is bold and nothing else (`**风险提示**`, `<p><strong>投资要点</strong></p>`): writers use
 * such lines as headings, below every Markdown level.
 */
export const BOLD_LINE_DEPTH = 7;
/** A bold-only line longer than this is emphasis in the text, not a heading. */
const MAX_BOLD_HEADING = 40;
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_\n]{1,40}?)(?:\*\*|__)\s*[:：]?\s*$/;

/** The formats a report body can be in; `pdf` is the text read from a PDF (see `lib/pdf/pdf-text-format`). */
export type ReportFormat = 'markdown' | 'html' | 'text' | 'pdf';

/** Elements whose text is never part of a report. */
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'SVG', 'IFRAME', 'OBJECT']);
const BLOCK_ELEMENTS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'TD', 'TH', 'PRE', 'DD', 'DT', 'FIGCAPTION', 'CAPTION']);

/**
 * Collapses spaces, and every whitespace run holding a line break to one line break. The second step reads each run
 * once; the pattern it replaces (any whitespace, a line break, any whitespace) rescanned a run of whitespace with no
 * line break from each of its characters: quadratic, a report with a megabyte of U+2000 took minutes.
 */
const squash = (text: string) =>
  text
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(/\s+/g, (run) => (run.includes('\n') ? '\n' : run))
    .trim();

/** Guesses the body format: the file extension first, then whether the body is mostly HTML tags. */
export function detectFormat(fileName: string, body: string): ReportFormat {
  if (/\.pdf$/i.test(fileName)) return 'pdf';
  if (/\.x?html?$/i.test(fileName)) return 'html';
  const sample = body.slice(0, 4000);
  if (/^\s*</.test(sample) && /<\/(?:p|div|span|a|h\d|li|table)>/i.test(sample)) return 'html';
  if (/\.(?:md|markdown|mdx)$/i.test(fileName) || /^#{1,6} |^[ \t]*(?:[-*]|\d+\.) /m.test(sample)) return 'markdown';
  return 'text';
}

/** Markdown through marked's lexer (no HTML is produced); raw HTML blocks inside Markdown are read as HTML. */
function markdownBlocks(markdown: string, parseHtml: HtmlParser): Block[] {
  const blocks: Block[] = [];
  let level = 0;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading':
          blocks.push({ kind: 'heading', depth: (token as Tokens.Heading).depth, text: plain((token as Tokens.Heading).text) });
          break;
        case 'paragraph':
        case 'text':
          for (const raw of (token as Tokens.Paragraph | Tokens.Text).text.split('\n')) {
            const bold = BOLD_LINE.exec(raw);
            const line = plain(raw).trim();
            if (bold) blocks.push({ kind: 'heading', depth: BOLD_LINE_DEPTH, text: line.replace(/[:：]$/, '') });
            else if (line) blocks.push({ kind: 'paragraph', text: line });
          }
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) {
            const [first, ...rest] = item.tokens;
            blocks.push({
              kind: 'item',
              ordered: (token as Tokens.List).ordered,
              text: plain(first && 'text' in first ? (first.text as string) : item.text),
              level,
            });
            level++;
            visit(rest);
            level--;
          }
          break;
        case 'blockquote':
          visit((token as Tokens.Blockquote).tokens);
          break;
        case 'html':
          blocks.push(...htmlBlocks(token.raw, parseHtml));
          break;
        case 'table':
          for (const row of (token as Tokens.Table).rows)
            blocks.push({ kind: 'paragraph', text: row.map((cell) => plain(cell.text)).join(' | ') });
          break;
        default:
          break;
      }
    }
  };
  try {
    // Block tokens only: inline tokens (links, emphasis) are reduced to words by `plain`, so marked need not build them.
    visit(new Lexer({ gfm: true }).blockTokens(markdown));
  } catch (error) {
    // marked's lexer recurses once per level of nesting: 16,000 `>` or `1. ` in a row overflow the stack. Such a
    // body is no Markdown anyone wrote; it is read as plain text rather than refused.
    if (!(error instanceof RangeError)) throw error;
    return textBlocks(markdown);
  }
  return blocks;
}

/** Inline Markdown to plain text: emphasis, code, links and images reduced to their words. */
function plain(inline: string): string {
  return squash(
    inline
      // No brackets inside the text or the link: an unclosed `[a](` would otherwise scan the rest of the text from
      // every `[` (quadratic on `[a](` repeated).
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g, ''),
  );
}

/** Parses HTML into an inert document (never attached, so nothing in it loads or runs). */
export type HtmlParser = (html: string) => Document;

/** The browser's DOMParser; Node callers install one (linkedom) on `globalThis` first. */
export const domParser: HtmlParser = (html) => new DOMParser().parseFromString(html, 'text/html');

/** How many list items enclose a list item: 0 for a top-level item. */
function listLevel(element: Element): number {
  let level = 0;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (parent.tagName.toUpperCase() === 'LI') level++;
  return level;
}

/** The text of a block whose words are all bold (`<p><strong>风险提示</strong></p>`), when short enough to be a heading. */
function boldLineText(element: Element): string | undefined {
  const text = squash(element.textContent ?? '').replace(/[:：]$/, '');
  if (!text || text.length > MAX_BOLD_HEADING || text.includes('\n')) return undefined;
  const bold = [...element.querySelectorAll('strong, b')].map((b) => b.textContent ?? '').join('');
  return squash(bold).replace(/[:：]$/, '') === text ? text : undefined;
}

/** HTML through an inert DOM: headings, list items and block elements become blocks; `<br>` splits lines. */
export function htmlBlocks(html: string, parseHtml: HtmlParser): Block[] {
  // Jekyll posts mix Markdown autolinks (`<http://…>`) into HTML bodies; an HTML parser would take them for tags.
  const withAutolinks = html.replace(/<(https?:\/\/[^<>\s]+)>/g, '$1');
  const doc = parseHtml(`<!doctype html><html><body>${withAutolinks}</body></html>`);
  const blocks: Block[] = [];
  let line = '';
  const flush = () => {
    for (const part of squash(line).split('\n')) if (part) blocks.push({ kind: 'paragraph', text: part });
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_ELEMENTS.has(tag)) continue;
      if (tag === 'BR') {
        line += '\n';
      } else if (/^H[1-6]$/.test(tag)) {
        flush();
        const text = squash(element.textContent ?? '');
        if (text) blocks.push({ kind: 'heading', depth: Number(tag[1]), text });
      } else if (tag === 'LI') {
        flush();
        const text = squash(element.textContent ?? '');
        const ordered = element.parentElement?.tagName.toUpperCase() === 'OL';
        if (text) blocks.push({ kind: 'item', ordered, text, level: listLevel(element) });
      } else if (BLOCK_ELEMENTS.has(tag) || tag === 'UL' || tag === 'OL' || tag === 'TABLE' || tag === 'TR') {
        flush();
        const bold = tag === 'P' || tag === 'DIV' || tag === 'SECTION' ? boldLineText(element) : undefined;
        if (bold) blocks.push({ kind: 'heading', depth: BOLD_LINE_DEPTH, text: bold });
        else walk(element);
        flush();
      } else {
        walk(element);
      }
    }
  };
  walk(doc.body);
  flush();
  return blocks;
}

/** Plain text: each non-empty line is a paragraph; numbered lines (`1.`, `1、`, `（1）`) are ordered items. */
function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): Block => {
      const numbered = /^(?:\d{1,2}[.、)]|[（(]\d{1,2}[）)])\s*(.+)$/.exec(line);
      return numbered ? { kind: 'item', ordered: true, text: numbered[1]! } : { kind: 'paragraph', text: line };
    });
}

/** The body as blocks, by format. */
export function reportBlocks(format: ReportFormat, body: string, parseHtml: HtmlParser = domParser): Block[] {
  if (format === 'html') return htmlBlocks(body, parseHtml);
  if (format === 'markdown') return markdownBlocks(body, parseHtml);
  if (format === 'pdf') return pdfBlocks(pdfBody(body).lines);
  return textBlocks(body);
}

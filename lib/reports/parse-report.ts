import type { SecurityMatcher } from '../detect/find-securities';
import type { SecurityDictionary } from '../securities/dictionary';
import { pdfBody } from '../pdf/pdf-body';
import { extractBrokerFields, type BrokerFields } from './broker-fields';
import { splitFrontMatter } from './front-matter';
import { detectFormat, domParser, reportBlocks, type HtmlParser, type ReportFormat } from './report-blocks';
import { findReportSecurities, type ReportSecurity } from './report-securities';
import { reportDate } from './report-date';
import { extractRisks } from './report-risks';
import { extractKeyPoints, extractSource, extractSummary, extractTitle, extractUrl } from './report-sections';
import { withoutSetAside } from './set-aside-sections';

/** Everything extracted from one report; recomputable from its original text at any time (re-index). */
export interface ParsedReport {
  title: string;
  /** ISO 8601: a date, or a date and time with its offset when the source gave one. */
  date?: string;
  source?: string;
  url?: string;
  summary: string;
  keyPoints: string[];
  risks: string[];
  securities: ReportSecurity[];
  format: ReportFormat;
  tags: string[];
  /** A broker note's rating, target price, analysts… each with its page and line; absent when the text states none. */
  brokerNote?: BrokerFields;
}

/** The dictionary and matcher a parse resolves securities with, and the HTML parser for HTML bodies. */
export interface ParseContext {
  dictionary: SecurityDictionary;
  matcher: SecurityMatcher;
  parseHtml?: HtmlParser;
  /** Called with the report's plain text before its securities are resolved: the import learns aliases here. */
  learn?: (plainText: string, fileName: string) => void;
  /**
   * Reads a PDF's bytes into the text a PDF report is stored as (`lib/pdf/read-pdf`), or throws with the reason;
   * where it is absent (a context that cannot run pdf.js) PDFs are refused with a reason.
   */
  readPdf?: (bytes: Uint8Array) => Promise<string>;
}

/**
 * Parses one decoded report file. Throws with a reader-facing reason (broken front matter, no text) so the import
 * can report it per file.
 */
export function parseReport(fileName: string, text: string, context: ParseContext): ParsedReport {
  const { frontMatter, body } = /\.pdf$/i.test(fileName)
    ? { frontMatter: splitFrontMatter('').frontMatter, body: text }
    : splitFrontMatter(text);
  const format = detectFormat(fileName, body);
  const blocks = reportBlocks(format, body, context.parseHtml ?? domParser);
  const brokerNote = brokerFieldsOf(format, body, blocks);
  if (!blocks.length && !frontMatter.title) throw new Error('the file has no text');
  const title = extractTitle(blocks, frontMatter, fileName);
  const plainText = [title, ...blocks.map((block) => block.text)].join('\n');
  context.learn?.(plainText, fileName);
  // Disclaimers, copyright, analyst statements and rating definitions are never summary, key points or risks.
  const argument = withoutSetAside(blocks);
  return {
    title,
    // A PDF has no front matter: its date is the one the note prints near its start.
    date: (format === 'pdf' ? brokerNote?.date?.date : undefined) ?? reportDate(frontMatter.date, fileName, title, blocks[0]?.text),
    source: extractSource(blocks, frontMatter) ?? brokerNote?.broker?.name,
    url: extractUrl(blocks, frontMatter),
    summary: extractSummary(argument, { frontMatter, title, repeated: () => false }),
    keyPoints: extractKeyPoints(argument, frontMatter),
    risks: extractRisks(argument),
    securities: findReportSecurities(plainText, body, context.matcher, context.dictionary),
    format,
    tags: [...new Set([...frontMatter.tags, ...frontMatter.categories])],
    ...(brokerNote ? { brokerNote } : {}),
  };
}

/** Broker-note fields: a PDF's body lines with their pages (the broker from every line), else the blocks in order. */
function brokerFieldsOf(format: ReportFormat, body: string, blocks: readonly { text: string }[]): BrokerFields | undefined {
  if (format !== 'pdf') return extractBrokerFields(blocks.map((block, i) => ({ text: block.text, line: i + 1 })));
  const { lines, all } = pdfBody(body);
  return extractBrokerFields(lines, all);
}

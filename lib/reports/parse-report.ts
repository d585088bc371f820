import type { SecurityMatcher } from '../detect/find-securities';
import type { SecurityDictionary } from '../securities/dictionary';
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
}

/** The dictionary and matcher a parse resolves securities with, and the HTML parser for HTML bodies. */
export interface ParseContext {
  dictionary: SecurityDictionary;
  matcher: SecurityMatcher;
  parseHtml?: HtmlParser;
  /** Called with the report's plain text before its securities are resolved: the import learns aliases here. */
  learn?: (plainText: string, fileName: string) => void;
}

/**
 * Parses one decoded report file. Throws with a reader-facing reason (broken front matter, no text) so the import
 * can report it per file.
 */
export function parseReport(fileName: string, text: string, context: ParseContext): ParsedReport {
  const { frontMatter, body } = splitFrontMatter(text);
  const format = detectFormat(fileName, body);
  const blocks = reportBlocks(format, body, context.parseHtml ?? domParser);
  if (!blocks.length && !frontMatter.title) throw new Error('the file has no text');
  const title = extractTitle(blocks, frontMatter, fileName);
  const plainText = [title, ...blocks.map((block) => block.text)].join('\n');
  context.learn?.(plainText, fileName);
  // Disclaimers, copyright, analyst statements and rating definitions are never summary, key points or risks.
  const argument = withoutSetAside(blocks);
  return {
    title,
    date: reportDate(frontMatter.date, fileName, title, blocks[0]?.text),
    source: extractSource(blocks, frontMatter),
    url: extractUrl(blocks, frontMatter),
    summary: extractSummary(argument, { frontMatter, title, repeated: () => false }),
    keyPoints: extractKeyPoints(argument, frontMatter),
    risks: extractRisks(argument),
    securities: findReportSecurities(plainText, body, context.matcher, context.dictionary),
    format,
    tags: [...new Set([...frontMatter.tags, ...frontMatter.categories])],
  };
}

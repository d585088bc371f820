import type { SecurityMatcher } from '../detect/find-securities';
import type { SecurityDictionary } from '../securities/dictionary';
import { pdfBody } from '../pdf/pdf-body';
import { extractBrokerFields, type BrokerFields } from './broker-fields';
import { splitFrontMatter } from './front-matter';
import type { LearningPolicy } from './learn-aliases';
import { detectFormat, domParser, reportBlocks, type HtmlParser, type ReportFormat } from './report-blocks';
import type { ReportKind } from './report-kind';
import { findReportSecurities, type ReportSecurity } from './report-securities';
import { sourceKeyOf, type RepeatedLines } from './source-repeats';
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
  /** Company note, sector note, brief or strategy piece (see `report-kind.ts`). */
  kind?: ReportKind;
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
  /**
   * The lines each source repeats across its reports, for a batch (import, re-index): parse records this report's
   * lines in it, and once it is settled, gives repeated lines no weight and never takes them as a summary.
   */
  repeats?: RepeatedLines;
  /** Which of the dictionary's names were learned, and which the user blocked: what learning may not trust or redo. */
  learning?: LearningPolicy;
}

/**
 * What {@link readReport} takes from a report's text: everything that depends on the text alone. Resolving it
 * ({@link resolveReport}) adds what depends on the batch around it (the dictionary, the lines its source repeats), so
 * a batch that learns more after a report was read resolves it again without reading its text again.
 */
export interface ReadReport {
  fileName: string;
  frontMatter: ReturnType<typeof splitFrontMatter>['frontMatter'];
  body: string;
  format: ReportFormat;
  blocks: ReturnType<typeof reportBlocks>;
  brokerNote: BrokerFields | undefined;
  title: string;
  source: string | undefined;
  sourceKey: string;
}

/**
 * Reads one decoded report file: front matter, blocks, broker fields, title and source; learns aliases from its
 * plain text (`context.learn`) and records its lines in `context.repeats`. Throws with a reader-facing reason
 * (broken front matter, no text).
 */
export function readReport(fileName: string, text: string, context: Pick<ParseContext, 'parseHtml' | 'learn' | 'repeats'>): ReadReport {
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
  const source = extractSource(blocks, frontMatter);
  const sourceKey = sourceKeyOf(source, fileName);
  context.repeats?.record(
    sourceKey,
    fileName,
    blocks.map((block) => block.text),
    frontMatter.description,
  );
  return { fileName, frontMatter, body, format, blocks, brokerNote, title, source, sourceKey };
}

/** The securities, summary and the rest of a read report, with the dictionary and repeated lines known now. */
export function resolveReport(read: ReadReport, context: ParseContext): ParsedReport {
  const { fileName, frontMatter, body, format, blocks, brokerNote, title, source, sourceKey } = read;
  const lines = blocks.map((block) => block.text);
  // Asked once per mention and per candidate line (hashing the line each time was a tenth of an import's CPU).
  const answers = new Map<string, boolean>();
  const repeated = (line: string) => {
    let answer = answers.get(line);
    if (answer === undefined) answers.set(line, (answer = context.repeats?.isRepeated(sourceKey, line) ?? false));
    return answer;
  };
  const descriptionRepeated = frontMatter.description
    ? (context.repeats?.isRepeatedDescription(sourceKey, frontMatter.description) ?? false)
    : false;
  // Disclaimers, copyright, analyst statements and rating definitions are never summary, key points or risks.
  const argument = withoutSetAside(blocks);
  const summary = extractSummary(argument, { frontMatter, title, repeated, descriptionRepeated });
  const allLines = [title, ...lines];
  const { securities, kind, mentionLines } = findReportSecurities(
    { lines: allLines, prose: [false, ...blocks.map((block) => block.kind !== 'heading')], repeated, summary },
    body,
    context.matcher,
    context.dictionary,
  );
  // The summary is shortened from a line (or the front matter's summary): that line is what its source may repeat.
  const stem = summary.endsWith('…') ? summary.slice(0, -1) : summary;
  const summaryLines = stem ? [frontMatter.summary ?? '', ...lines].filter((line) => line.startsWith(stem)) : [];
  context.repeats?.markSensitive(fileName, [summary, ...summaryLines, ...[...mentionLines].map((line) => allLines[line]!)]);
  return {
    title,
    // A PDF has no front matter: its date is the one the note prints near its start.
    date: (format === 'pdf' ? brokerNote?.date?.date : undefined) ?? reportDate(frontMatter.date, fileName, title, blocks[0]?.text),
    source: source ?? brokerNote?.broker?.name,
    url: extractUrl(blocks, frontMatter),
    summary,
    keyPoints: extractKeyPoints(argument, frontMatter),
    risks: extractRisks(argument),
    securities,
    kind,
    format,
    tags: [...new Set([...frontMatter.tags, ...frontMatter.categories])],
    ...(brokerNote ? { brokerNote } : {}),
  };
}

/**
 * Parses one decoded report file ({@link readReport}, then {@link resolveReport}). Throws with a reader-facing
 * reason (broken front matter, no text) so the import can report it per file.
 */
export function parseReport(fileName: string, text: string, context: ParseContext): ParsedReport {
  return resolveReport(readReport(fileName, text, context), context);
}

/** Broker-note fields: a PDF's body lines with their pages (the broker from every line), else the blocks in order. */
function brokerFieldsOf(format: ReportFormat, body: string, blocks: readonly { text: string }[]): BrokerFields | undefined {
  if (format !== 'pdf') return extractBrokerFields(blocks.map((block, i) => ({ text: block.text, line: i + 1 })));
  const { lines, all } = pdfBody(body);
  return extractBrokerFields(lines, all);
}

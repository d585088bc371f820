import { readFile } from 'node:fs/promises';
import { createSecurityMatcher } from '../detect/find-securities';
import { parseSelection, type PendingReport } from '../import/import-report-files';
import type { ParseContext } from '../reports/parse-report';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import { weighUserNames } from '../securities/master/user-names';
import { parseSecurityList } from '../securities/security-lists';
import { nodePdfEngine } from '../pdf/node-pdf-engine';
import { readPdfText } from '../pdf/read-pdf';
import { sourcesAt } from './node-sources';

/**
 * The dictionary and matcher the CLI reads with, the extension's: the securities master plus, when given, a user
 * list (its names weighed as the library weighs them), with the master's phrases that are not names and renamed
 * tickers.
 */
export async function cliParseContext(securitiesList: string | undefined): Promise<ParseContext> {
  const master = await securitiesMaster();
  const listed = securitiesList ? parseSecurityList(await readFile(securitiesList, 'utf8')).entries : [];
  const extra = weighUserNames(listed, new SecurityDictionary(master.entries));
  const dictionary = new SecurityDictionary([...master.entries, ...extra]);
  const matcher = createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable(), ...masterMatcherOptions(master) });
  return { dictionary, matcher };
}

/** One report as `inspect` (and `pull`) print it: a JSON object on one line. */
export function inspectLine(report: PendingReport): string {
  return JSON.stringify({
    file: report.fileName,
    id: report.id,
    title: report.title,
    date: report.date ?? null,
    source: report.source ?? null,
    url: report.url ?? null,
    summary: report.summary,
    keyPoints: report.keyPoints,
    risks: report.risks,
    securities: report.securities,
    ...brokerJson(report),
  });
}

/**
 * A broker note's fields as `inspect` prints them (null when the note does not state one): `broker`,
 * `analysts: [{name, license}]`, `rating: {value, change}` as written, `targetPrice` and `currentPrice` as
 * `{value, currency}` (a number and an ISO code), and `forecast` (years and rows) with where each was read.
 */
export function brokerJson(report: Pick<PendingReport, 'brokerNote'>) {
  const note = report.brokerNote;
  const where = (field: { page?: number; line: number } | undefined) => (field ? { page: field.page ?? null, line: field.line } : null);
  return {
    broker: note?.broker?.name ?? null,
    analysts: note?.analysts.map(({ name, license }) => ({ name, license })) ?? [],
    rating: note?.rating ? { value: note.rating.value, change: note.rating.change } : null,
    targetPrice: note?.targetPrice ? { value: note.targetPrice.value, currency: note.targetPrice.currency } : null,
    currentPrice: note?.currentPrice ? { value: note.currentPrice.value, currency: note.currentPrice.currency } : null,
    forecast: note?.forecast ? { years: note.forecast.years, rows: note.forecast.rows } : null,
    fieldSources: note
      ? {
          broker: where(note.broker),
          rating: where(note.rating),
          targetPrice: where(note.targetPrice),
          currentPrice: where(note.currentPrice),
        }
      : null,
  };
}

/**
 * `inspect PATH [--securities LIST]`: parses a file, folder or zip as the import would (PDFs through pdf.js's Node
 * build) and prints one JSON object per report (`file, id, title, date, source, url, summary, keyPoints, risks,
 * securities`, and the broker fields of {@link brokerJson}) or per failure (`file, error`). Writes nothing.
 */
export async function inspectCommand(path: string, securitiesList: string | undefined, print: (line: string) => void): Promise<void> {
  const sources = await sourcesAt(path);
  const engine = await nodePdfEngine();
  const { reports, failed } = await parseSelection(sources, {
    ...(await cliParseContext(securitiesList)),
    readPdf: (bytes) => readPdfText(engine, bytes),
  });
  for (const report of reports) print(inspectLine(report));
  for (const failure of failed) print(JSON.stringify({ file: failure.file, error: failure.reason }));
}

/** The dictionary alone of {@link cliParseContext}. */
export async function cliDictionary(securitiesList: string | undefined): Promise<SecurityDictionary> {
  return (await cliParseContext(securitiesList)).dictionary;
}

import { readFile } from 'node:fs/promises';
import { createSecurityMatcher } from '../detect/find-securities';
import { parseSelection, type PendingReport } from '../import/import-report-files';
import type { ParseContext } from '../reports/parse-report';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import { weighUserNames } from '../securities/master/user-names';
import { parseSecurityList } from '../securities/security-lists';
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
  });
}

/**
 * `inspect PATH [--securities LIST]`: parses a file, folder or zip as the import would and prints one JSON object
 * per report (`file, id, title, date, source, url, summary, keyPoints, risks, securities`) or per failure
 * (`file, error`). Writes nothing.
 */
export async function inspectCommand(path: string, securitiesList: string | undefined, print: (line: string) => void): Promise<void> {
  const sources = await sourcesAt(path);
  const { reports, failed } = await parseSelection(sources, await cliParseContext(securitiesList));
  for (const report of reports) print(inspectLine(report));
  for (const failure of failed) print(JSON.stringify({ file: failure.file, error: failure.reason }));
}

/** The dictionary alone of {@link cliParseContext}. */
export async function cliDictionary(securitiesList: string | undefined): Promise<SecurityDictionary> {
  return (await cliParseContext(securitiesList)).dictionary;
}

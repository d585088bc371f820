import { readFile } from 'node:fs/promises';
import { createSecurityMatcher } from '../detect/find-securities';
import { parseSelection, type PendingReport } from '../import/import-report-files';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import { parseSecurityList } from '../securities/security-lists';
import { sourcesAt } from './node-sources';

/** The dictionary the CLI resolves names with: the bundled list plus, when given, a user list. */
export async function cliDictionary(securitiesList: string | undefined): Promise<SecurityDictionary> {
  const extra = securitiesList ? parseSecurityList(await readFile(securitiesList, 'utf8')).entries : [];
  return new SecurityDictionary([...BUNDLED_SECURITIES, ...extra]);
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
  const dictionary = await cliDictionary(securitiesList);
  const { reports, failed } = await parseSelection(sources, {
    dictionary,
    matcher: createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable() }),
  });
  for (const report of reports) print(inspectLine(report));
  for (const failure of failed) print(JSON.stringify({ file: failure.file, error: failure.reason }));
}

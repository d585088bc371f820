import { basename, resolve } from 'node:path';
import { parseSelection } from '../import/import-report-files';
import { publishToFolder } from '../feeds/publish-to-folder';
import { cliParseContext } from './inspect-command';
import { sourcesAt } from './node-sources';

/**
 * `publish DIR OUT [--title T] [--securities LIST]`: parses an archive (folder, zip or files) exactly as the library
 * page imports it and writes (or updates) a static ReportLens library in OUT; prints one `{"file","error"}` line per
 * file refused and a summary `{"version","reports","securities","added","removed","changed","manifestBytes"}`.
 */
export async function publishCommand(
  dir: string,
  out: string,
  options: { title?: string; securities?: string },
  print: (line: string) => void,
): Promise<void> {
  const { reports, failed } = await parseSelection(await sourcesAt(dir), await cliParseContext(options.securities));
  for (const failure of failed) print(JSON.stringify({ file: failure.file, error: failure.reason }));
  const publication = await publishToFolder(reports, resolve(out), options.title ?? basename(resolve(dir)));
  print(
    JSON.stringify({
      version: publication.manifest.version,
      reports: publication.manifest.counts.reports,
      securities: publication.manifest.counts.securities,
      added: publication.added,
      removed: publication.removed,
      changed: publication.changed,
      manifestBytes: new TextEncoder().encode(publication.files.get('manifest.json')).byteLength,
    }),
  );
}

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseSelection } from '../import/import-report-files';
import { entrySource } from '../feeds/entry-source';
import { newFeedState, pollFeed, type FeedState } from '../feeds/poll-feed';
import { cliParseContext, inspectLine } from './inspect-command';

/** Reads a saved state; a missing file is a first pull. A state for another URL is refused (it would hide entries). */
async function loadState(url: string, stateFile: string | undefined): Promise<FeedState> {
  const fresh = newFeedState(url);
  if (!stateFile || !existsSync(stateFile)) return fresh;
  const saved = JSON.parse(await readFile(stateFile, 'utf8')) as FeedState;
  if (saved.url !== fresh.url) throw new Error(`${stateFile} is the state of ${saved.url}, not ${fresh.url}`);
  return saved;
}

/**
 * `pull URL [--state FILE] [--securities LIST]`: polls a feed or library exactly as a subscription in the extension
 * does (same fetch, parse and import parsing) and prints one `inspect` line per new report, one `{"file","error"}`
 * line per entry refused, then `{"status","kind","new","removed","failed","warnings","requests","bytes"}`. With `--state`, the
 * validators and the entries taken are kept there, so the next pull asks conditionally (304 when unchanged) and
 * prints only what is new. A feed that fails as a whole throws (exit 1) and leaves the state file as it was.
 */
export async function pullCommand(
  url: string,
  options: { state?: string; securities?: string },
  print: (line: string) => void,
): Promise<void> {
  const state = await loadState(url, options.state);
  const outcome = await pollFeed(state, (input, init) => fetch(input, init), {
    known: (hashes) => Promise.resolve(new Set(hashes.filter((hash) => state.seen.includes(hash)))),
  });
  const host = new URL(url).host;
  const { reports, failed } = await parseSelection(
    outcome.entries.map((entry) => entrySource(entry, host)),
    await cliParseContext(options.securities),
  );
  for (const report of reports) print(inspectLine(report));
  const refused = [
    ...outcome.failed.map((f) => ({ file: f.entry, error: f.reason })),
    ...failed.map((f) => ({ file: f.file, error: f.reason })),
  ];
  for (const failure of refused) print(JSON.stringify(failure));
  for (const warning of outcome.warnings) print(JSON.stringify({ file: warning.entry, warning: warning.reason }));
  print(
    JSON.stringify({
      status: outcome.status,
      kind: outcome.kind ?? null,
      new: reports.length,
      removed: outcome.removed.length,
      failed: refused.length,
      warnings: outcome.warnings.length,
      requests: outcome.requests,
      bytes: outcome.bytes,
    }),
  );
  if (options.state) await writeFile(options.state, `${JSON.stringify(outcome.state)}\n`);
}

import {
  KEPT_DIFFS,
  LIBRARY_FORMAT,
  type LibraryDiff,
  type LibraryIndex,
  type LibraryManifest,
  type SecurityIndex,
} from './library-manifest';

/** A report as the publisher needs it (what the import pipeline parsed from the archive). */
export interface PublishedReport {
  id: string;
  fileName: string;
  originalText: string;
  title: string;
  date?: string;
  securityIds: string[];
}

/** The library as it was last published, read back from the output folder. */
export interface PreviousPublication {
  manifest: LibraryManifest;
  index: LibraryIndex;
}

/** Every file of a publication, by path relative to the output folder, and what changed. */
export interface Publication {
  manifest: LibraryManifest;
  files: Map<string, string>;
  added: number;
  removed: number;
  changed: boolean;
}

const extensionOf = (fileName: string) => (/\.html?$/i.test(fileName) ? 'html' : /\.(txt|text)$/i.test(fileName) ? 'txt' : 'md');

/** Where a report is published: named by its content hash, so the file never changes and caches may keep it forever. */
export const reportPath = (report: Pick<PublishedReport, 'id' | 'fileName'>) => `reports/${report.id}.${extensionOf(report.fileName)}`;

/**
 * Stands for a file of the previous publication that stays as it is (a kept diff): the writer leaves it alone, and
 * deletes every other file of the library's folders that the publication does not name.
 */
export const PREVIOUS_FILE = '\u0000previous';

/** A security's list file: `securities/SH_600519.json` (colons are awkward in object-store keys). */
export const securityPath = (id: string) => `securities/${id.replace(/[^A-Z0-9.]/gi, '_')}.json`;

/**
 * Builds a static library from reports: `manifest.json` (version, counts, as-of, the diffs it keeps),
 * `index/<version>.json` (every report path), one file per report named by its content hash, a list per security
 * (newest first), and `diffs/<from>-<to>.json` between consecutive versions, so a subscriber that has version n
 * fetches only the diffs after it. A publication whose set of reports is unchanged keeps the previous version
 * (and so its manifest bytes and ETag: subscribers get 304).
 */
export function buildPublication(
  reports: readonly PublishedReport[],
  previous: PreviousPublication | undefined,
  { title, asOf }: { title: string; asOf: string },
): Publication {
  const unique = [...new Map(reports.map((report) => [report.id, report])).values()];
  const paths = unique.map(reportPath).sort();
  const before = new Set(previous?.index.reports ?? []);
  const now = new Set(paths);
  const added = paths.filter((path) => !before.has(path));
  const removed = [...before].filter((path) => !now.has(path)).sort();
  const changed = !previous || added.length > 0 || removed.length > 0;
  const version = previous ? previous.manifest.version + (changed ? 1 : 0) : 1;
  const files = new Map<string, string>();
  for (const report of unique) files.set(reportPath(report), report.originalText);

  const bySecurity = new Map<string, SecurityIndex['reports']>();
  const newestFirst = [...unique].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  for (const report of newestFirst)
    for (const id of new Set(report.securityIds)) {
      const list = bySecurity.get(id) ?? [];
      list.push({ path: reportPath(report), date: report.date ?? null, title: report.title });
      bySecurity.set(id, list);
    }
  for (const [id, list] of bySecurity) files.set(securityPath(id), JSON.stringify({ id, reports: list } satisfies SecurityIndex));

  const index: LibraryIndex = { version, reports: paths };
  const indexPath = `index/${version}.json`;
  files.set(indexPath, JSON.stringify(index));
  let diffs = previous?.manifest.diffs ?? [];
  if (previous && changed) {
    const diff: LibraryDiff = { from: previous.manifest.version, to: version, added, removed };
    const path = `diffs/${diff.from}-${diff.to}.json`;
    const text = JSON.stringify(diff);
    files.set(path, text);
    diffs = [...diffs, { from: diff.from, to: diff.to, path, bytes: new TextEncoder().encode(text).byteLength }];
  }
  const kept = diffs.slice(-KEPT_DIFFS);
  const manifest: LibraryManifest =
    previous && !changed
      ? previous.manifest
      : {
          format: LIBRARY_FORMAT,
          title,
          version,
          asOf,
          counts: { reports: paths.length, securities: bySecurity.size },
          index: indexPath,
          securities: 'securities/',
          diffs: kept,
        };
  files.set('manifest.json', `${JSON.stringify(manifest, null, 1)}\n`);
  for (const diff of kept) if (!files.has(diff.path) && previous) files.set(diff.path, PREVIOUS_FILE);
  return { manifest, files, added: previous ? added.length : paths.length, removed: removed.length, changed };
}

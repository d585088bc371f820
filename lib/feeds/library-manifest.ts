import * as v from 'valibot';

/** Tells a ReportLens library manifest from any other JSON. */
export const LIBRARY_FORMAT = 'reportlens-library';

/** Diffs kept beside the manifest: a subscriber more versions behind than this reads the full index once. */
export const KEPT_DIFFS = 50;

/** A published report's file: its content hash and extension, `reports/<sha256>.<ext>`. */
const REPORT_PATH = /^reports\/[0-9a-f]{64}\.(md|html|txt)$/;
const reportPath = v.pipe(v.string(), v.regex(REPORT_PATH, 'is not a report path (reports/<sha256>.md|html|txt)'));
const relativePath = v.pipe(
  v.string(),
  v.maxLength(200),
  v.regex(/^[a-z0-9][a-z0-9._/-]*$/, 'is not a relative path'),
  v.check((path) => !path.split('/').includes('..'), 'climbs out of the library (`..`)'),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One diff between two versions, as the manifest lists it. */
const diffRefSchema = v.object({ from: count, to: count, path: relativePath, bytes: count });

/** `manifest.json`: what a subscriber fetches (conditionally) on every poll. */
export const manifestSchema = v.object({
  format: v.literal(LIBRARY_FORMAT),
  title: v.string(),
  /** Goes up by one with every publish that changes the set of reports. */
  version: v.pipe(count, v.minValue(1)),
  asOf: v.string(),
  counts: v.object({ reports: count, securities: count }),
  /** The full list of report paths at this version. */
  index: relativePath,
  /** Per-security lists: `securities/<SH_600519>.json`. */
  securities: relativePath,
  diffs: v.array(diffRefSchema),
});

/** The full list at one version. */
export const indexSchema = v.object({ version: count, reports: v.array(reportPath) });

/** What changed between two consecutive versions. */
export const diffSchema = v.object({ from: count, to: count, added: v.array(reportPath), removed: v.array(reportPath) });

/** A per-security list: the reports on one security, newest first. */
export interface SecurityIndex {
  id: string;
  reports: { path: string; date: string | null; title: string }[];
}

export type LibraryManifest = v.InferOutput<typeof manifestSchema>;
export type LibraryIndex = v.InferOutput<typeof indexSchema>;
export type LibraryDiff = v.InferOutput<typeof diffSchema>;

/** The content hash a report path names. */
export const hashOfPath = (path: string) => path.slice('reports/'.length, 'reports/'.length + 64);

/** Whether parsed JSON claims to be a library manifest (then it must be a valid one). */
export const looksLikeManifest = (json: unknown) =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === LIBRARY_FORMAT;

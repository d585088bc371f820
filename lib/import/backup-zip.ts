import { Zip, ZipDeflate } from 'fflate';
import * as v from 'valibot';
import type { LibraryDatabase, StoredAlias, StoredBlock } from '../db/database';
import { reportPages } from '../db/report-pages';
import {
  backupAliasSchema,
  backupBlockSchema,
  backupReportSchema,
  BACKUP_FORMAT,
  MAX_BACKUP_ALIASES,
  MAX_BACKUP_REPORTS,
} from './library-backup';

/**
 * The streamed backup (version 2): a zip of NDJSON parts, so neither export nor import ever holds the backup in one
 * string (V8 strings stop near 512 MB; the stated limits are 1 GB and 200,000 reports). Entries, in this order:
 * `reportlens-backup.json` (the manifest), `blocks.ndjson` (the user's blocks, first: a blocked name in the aliases
 * that follow is not brought back), `aliases.ndjson`, then `reports-0001.ndjson`… each line one row.
 */
export const BACKUP_MANIFEST = 'reportlens-backup.json';
export const BACKUP_ZIP_VERSION = 2;
/** Names of a backup zip's parts; anything else in it is refused. */
export const BACKUP_PART = /^(?:blocks|aliases|reports-\d{4,})\.ndjson$/;
/** Text per reports part, at most: under the import's 20 MB per-entry limit, whatever the reports' sizes. */
const PART_TEXT_BYTES = 16 * 1024 * 1024;
/** Reports per part, at most: many small parts keep each inflated entry small. */
const PART_REPORTS = 2_000;
/** Deflate level: 1 is several times faster than the default and still halves Chinese text. */
const DEFLATE_LEVEL = 1;

const manifestSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_ZIP_VERSION),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  reports: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BACKUP_REPORTS)),
  aliases: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BACKUP_ALIASES)),
  /** The user's blocks; absent from zips written before blocks existed. */
  blocks: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BACKUP_ALIASES))),
});
export type BackupManifest = v.InferOutput<typeof manifestSchema>;

const encoder = new TextEncoder();

/**
 * Writes the whole library as a backup zip, handing out compressed chunks as they are made (collect them in a
 * Blob, or write them to a file): reports are read a page at a time, so memory holds one page and one part.
 */
export async function writeBackupZip(
  db: LibraryDatabase,
  onChunk: (chunk: Uint8Array) => void,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupManifest> {
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else onChunk(chunk);
  });
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    zip.add(file);
    return file;
  };
  const [total, aliases, blocks] = await Promise.all([db.reports.count(), db.aliases.toArray(), db.aliasBlocks.toArray()]);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_ZIP_VERSION,
    exportedAt: new Date().toISOString(),
    reports: total,
    aliases: aliases.length,
    blocks: blocks.length,
  };
  entry(BACKUP_MANIFEST).push(encoder.encode(JSON.stringify(manifest)), true);
  const blockPart = entry('blocks.ndjson');
  for (const { alias, securityId, blockedAt } of blocks)
    blockPart.push(encoder.encode(`${JSON.stringify({ alias, securityId, blockedAt })}\n`));
  blockPart.push(new Uint8Array(0), true);
  const aliasPart = entry('aliases.ndjson');
  for (const { alias, securityId, origin, from } of aliases)
    aliasPart.push(encoder.encode(`${JSON.stringify({ alias, securityId, origin, from })}\n`));
  aliasPart.push(new Uint8Array(0), true);

  let part: ZipDeflate | undefined;
  let parts = 0;
  let partBytes = 0;
  let partReports = 0;
  let done = 0;
  for await (const page of reportPages(db, { signal })) {
    for (const { fileName, originalText, importedAt } of page) {
      const line = encoder.encode(`${JSON.stringify({ fileName, originalText, importedAt })}\n`);
      if (part && (partBytes + line.length > PART_TEXT_BYTES || partReports >= PART_REPORTS)) {
        part.push(new Uint8Array(0), true);
        part = undefined;
      }
      if (!part) {
        part = entry(`reports-${String(++parts).padStart(4, '0')}.ndjson`);
        partBytes = partReports = 0;
      }
      part.push(line);
      partBytes += line.length;
      partReports++;
      done++;
    }
    if (failure) throw failure;
    onProgress?.(done, total);
  }
  part?.push(new Uint8Array(0), true);
  zip.end();
  if (failure) throw failure;
  return { ...manifest, reports: done };
}

/**
 * Compressed bytes gathered before they are folded into the backup's Blob. The browser keeps a Blob's bytes out of the
 * page (Chromium's blob registry, on disk past its memory budget), so the page holds at most this much of the zip
 * plus one part being deflated: collecting every chunk first held the whole compressed library (about 400 MB at
 * 100,000 reports) in the page.
 */
const BLOB_FOLD_BYTES = 8 * 1024 * 1024;

/**
 * {@link writeBackupZip} into a Blob (what the library page saves), folding the chunks in every `foldBytes` (default
 * {@link BLOB_FOLD_BYTES}) so the page's memory does not grow with the library.
 */
export async function writeBackupBlob(
  db: LibraryDatabase,
  options: Parameters<typeof writeBackupZip>[2] = {},
  foldBytes = BLOB_FOLD_BYTES,
): Promise<{ blob: Blob; manifest: BackupManifest }> {
  const type = 'application/zip';
  let blob = new Blob([], { type });
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const fold = () => {
    blob = new Blob([blob, ...(pending as BlobPart[])], { type });
    pending = [];
    pendingBytes = 0;
  };
  const manifest = await writeBackupZip(
    db,
    (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= foldBytes) fold();
    },
    options,
  );
  fold();
  return { blob, manifest };
}

/** What one part of a backup zip holds, validated: the manifest, aliases, or reports. */
export type BackupPart =
  | { kind: 'manifest'; manifest: BackupManifest }
  | { kind: 'aliases'; aliases: StoredAlias[] }
  | { kind: 'blocks'; blocks: StoredBlock[] }
  | { kind: 'reports'; reports: v.InferOutput<typeof backupReportSchema>[] };

/** Reads one entry of a backup zip; throws with the entry and line when it is malformed. */
export function parseBackupPart(name: string, text: string): BackupPart {
  if (name === BACKUP_MANIFEST) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new Error(`the manifest is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    const version = (data as { version?: unknown })?.version;
    if (version !== BACKUP_ZIP_VERSION)
      throw new Error(`backup version ${String(version)} is not supported (this version reads ${BACKUP_ZIP_VERSION})`);
    const parsed = v.safeParse(manifestSchema, data, { abortEarly: true });
    if (!parsed.success) throw new Error(`the manifest is malformed: ${v.summarize(parsed.issues).split('\n')[0]}`);
    return { kind: 'manifest', manifest: parsed.output };
  }
  if (!BACKUP_PART.test(name)) throw new Error('not a part of a ReportLens backup');
  const schema = name === 'aliases.ndjson' ? backupAliasSchema : name === 'blocks.ndjson' ? backupBlockSchema : backupReportSchema;
  const rows: unknown[] = [];
  let line = 0;
  for (const row of text.split('\n')) {
    line++;
    if (!row) continue;
    let data: unknown;
    try {
      data = JSON.parse(row);
    } catch (error) {
      throw new Error(`line ${line} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    const parsed = v.safeParse(schema, data, { abortEarly: true });
    if (!parsed.success) throw new Error(`line ${line} is malformed: ${v.summarize(parsed.issues).split('\n')[0]}`);
    rows.push(parsed.output);
  }
  if (name === 'blocks.ndjson') return { kind: 'blocks', blocks: rows as StoredBlock[] };
  return name === 'aliases.ndjson'
    ? { kind: 'aliases', aliases: rows as StoredAlias[] }
    : { kind: 'reports', reports: rows as v.InferOutput<typeof backupReportSchema>[] };
}

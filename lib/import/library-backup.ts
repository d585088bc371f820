import * as v from 'valibot';
import type { LibraryDatabase, StoredAlias, StoredBlock } from '../db/database';
import { SECURITY_ID_PATTERN } from '../securities/security-id';

/** Marks a JSON file as our backup; anything else is refused as a backup. */
export const BACKUP_FORMAT = 'reportlens-backup';
/** Version of the backup shape; a newer file is refused with a clear message rather than half-read. */
export const BACKUP_VERSION = 1;

/** Longest original text a backup may carry for one report (the import's per-file limit). */
const MAX_TEXT = 20 * 1024 * 1024;
/** Most reports and aliases one backup may hold: ten times the largest libraries we design for (10,000 reports). */
export const MAX_BACKUP_REPORTS = 200_000;
export const MAX_BACKUP_ALIASES = 500_000;

const securityId = v.pipe(v.string(), v.regex(SECURITY_ID_PATTERN));
/** One report as a backup carries it: its file name, original text and when it was first imported. */
export const backupReportSchema = v.strictObject({
  fileName: v.pipe(v.string(), v.maxLength(1000)),
  originalText: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  importedAt: v.pipe(v.string(), v.maxLength(40)),
});
/** One alias as a backup carries it. */
export const backupAliasSchema = v.strictObject({
  alias: v.pipe(v.string(), v.minLength(2), v.maxLength(100)),
  securityId,
  origin: v.picklist(['user-list', 'learned']),
  from: v.pipe(v.string(), v.maxLength(1000)),
});
/** One of the user's blocks ("not this security") as a backup carries it. */
export const backupBlockSchema = v.strictObject({
  alias: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  securityId,
  blockedAt: v.pipe(v.string(), v.maxLength(40)),
});
const backupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: v.string(),
  reports: v.array(backupReportSchema),
  aliases: v.array(backupAliasSchema),
  /** The user's blocks; absent from backups written before blocks existed. */
  blocks: v.optional(v.pipe(v.array(backupBlockSchema), v.maxLength(MAX_BACKUP_ALIASES))),
});

/** The extension's own backup: every report's original text (extraction is redone on import) and every alias. */
export type LibraryBackup = Omit<v.InferOutput<typeof backupSchema>, 'aliases' | 'blocks'> & {
  aliases: StoredAlias[];
  blocks?: StoredBlock[];
};

/** The whole library as a backup object; `JSON.stringify` it to save. */
export async function exportLibrary(db: LibraryDatabase): Promise<LibraryBackup> {
  const [reports, bodies, aliases, blocks] = await db.transaction('r', db.reports, db.reportBodies, db.aliases, db.aliasBlocks, () =>
    Promise.all([db.reports.toArray(), db.reportBodies.toArray(), db.aliases.toArray(), db.aliasBlocks.toArray()]),
  );
  const textOf = new Map(bodies.map((body) => [body.id, body.originalText]));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    reports: reports.map(({ id, fileName, importedAt }) => ({ fileName, originalText: textOf.get(id) ?? '', importedAt })),
    aliases: aliases.map(({ alias, securityId, origin, from }) => ({ alias, securityId, origin, from })),
    blocks: blocks.map(({ alias, securityId, blockedAt }) => ({ alias, securityId, blockedAt })),
  };
}

/** Reads a backup file's text; throws with the reason when it is not a valid backup of a version we know. */
export function parseBackup(text: string): LibraryBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const format = (data as { format?: unknown })?.format;
  if (format !== BACKUP_FORMAT) throw new Error('not a ReportLens backup (no "format": "reportlens-backup")');
  const version = (data as { version?: unknown }).version;
  if (version !== BACKUP_VERSION)
    throw new Error(`backup version ${String(version)} is not supported (this version reads ${BACKUP_VERSION})`);
  // Sizes first, and the first issue only: validating a million bad rows to list every issue took 30 s.
  const { reports, aliases, blocks } = data as { reports?: unknown; aliases?: unknown; blocks?: unknown };
  if (Array.isArray(reports) && reports.length > MAX_BACKUP_REPORTS)
    throw new Error(
      `the backup lists ${reports.length.toLocaleString('en')} reports; the limit is ${MAX_BACKUP_REPORTS.toLocaleString('en')}`,
    );
  if (Array.isArray(aliases) && aliases.length > MAX_BACKUP_ALIASES)
    throw new Error(
      `the backup lists ${aliases.length.toLocaleString('en')} aliases; the limit is ${MAX_BACKUP_ALIASES.toLocaleString('en')}`,
    );
  if (Array.isArray(blocks) && blocks.length > MAX_BACKUP_ALIASES)
    throw new Error(
      `the backup lists ${blocks.length.toLocaleString('en')} blocks; the limit is ${MAX_BACKUP_ALIASES.toLocaleString('en')}`,
    );
  const parsed = v.safeParse(backupSchema, data, { abortEarly: true });
  if (!parsed.success) throw new Error(`the backup is malformed: ${v.summarize(parsed.issues).split('\n')[0]}`);
  return parsed.output as LibraryBackup;
}

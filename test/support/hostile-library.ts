import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { openLibraryDatabase, securityRowsOf, type LibraryDatabase, type StoredReport } from '../../lib/db/database';

/** Shared by the hostile suites: a test library, table hashes, zip builders and a timed run. */

/** A new, empty library database with a unique name; delete it when done. */
export async function openTestLibrary(prefix = 'hostile'): Promise<LibraryDatabase> {
  const db = openLibraryDatabase(`${prefix}-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

/** Object keys sorted at every depth, so two equal rows always serialise to the same text. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Every row of every table, each table in primary-key order, as stable JSON per table. */
export async function tableDump(db: LibraryDatabase, except: readonly string[] = []): Promise<Record<string, string>> {
  const tables = db.tables.filter((table) => !except.includes(table.name)).sort((a, b) => a.name.localeCompare(b.name));
  return db.transaction('r', tables, async () => {
    const dump: Record<string, string> = {};
    // toArray() on a table reads in primary-key order (IndexedDB's order for an object store).
    for (const table of tables) dump[table.name] = JSON.stringify(stable(await table.toArray()));
    return dump;
  });
}

/**
 * SHA-256 of each table, rows in primary-key order as stable JSON (`{@link tableDump}` hashed), computed row by row so
 * a library of 100,000 reports (more text than one string may hold) can be compared; `row` may rewrite a row first.
 */
export async function tableHashes(
  db: LibraryDatabase,
  except: readonly string[] = [],
  row: (table: string, value: object) => object = (_, value) => value,
): Promise<Record<string, string>> {
  const tables = db.tables.filter((table) => !except.includes(table.name)).sort((a, b) => a.name.localeCompare(b.name));
  return db.transaction('r', tables, async () => {
    const hashes: Record<string, string> = {};
    for (const table of tables) {
      const hash = createHash('sha256');
      let first = true;
      hash.update('[');
      await table.each((value: object) => {
        hash.update(`${first ? '' : ','}${JSON.stringify(stable(row(table.name, value)))}`);
        first = false;
      });
      hashes[table.name] = hash.update(']').digest('hex');
    }
    return hashes;
  });
}

/** SHA-256 of a text, in hex. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 of {@link tableDump}: equal hashes mean every row of every table is equal. */
export async function libraryHash(db: LibraryDatabase, except: readonly string[] = []): Promise<string> {
  return sha256(JSON.stringify(await tableDump(db, except)));
}

/** Reports whose `reportSecurities` rows are missing or extra: a report written without its index is half-imported. */
export async function unindexedReports(db: LibraryDatabase): Promise<string[]> {
  const [reports, rows] = await Promise.all([db.reports.toArray(), db.reportSecurities.toArray()]);
  const key = (row: { securityId: string; date: string; reportId: string }) => `${row.securityId}|${row.date}|${row.reportId}`;
  const expected = new Set(reports.flatMap((report: StoredReport) => securityRowsOf(report).map(key)));
  const actual = new Set(rows.map(key));
  const bad = new Set<string>();
  for (const row of expected) if (!actual.has(row)) bad.add(row.split('|')[2]!);
  for (const row of actual) if (!expected.has(row)) bad.add(row.split('|')[2]!);
  return [...bad];
}

/** A zip of `files` (path → text or bytes), built in memory; `level` 0 stores entries uncompressed. */
export function zipBytes(files: Record<string, string | Uint8Array>, level: 0 | 1 | 6 = 6): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [typeof data === 'string' ? strToU8(data) : data, { level }]])),
  );
}

/** Offsets of every local file header (`PK\x03\x04`) and central directory header (`PK\x01\x02`) in a zip. */
export function zipHeaders(zip: Uint8Array): { local: number[]; central: number[] } {
  const local: number[] = [];
  const central: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b) continue;
    if (zip[i + 2] === 3 && zip[i + 3] === 4) local.push(i);
    if (zip[i + 2] === 1 && zip[i + 3] === 2) central.push(i);
  }
  return { local, central };
}

/**
 * Rewrites fields of the `entry`-th file in both its local and central headers: `flags` (general purpose bits),
 * `crc`, `size` (uncompressed). Only for zips whose data cannot contain `PK\x03\x04` by chance (our small test zips).
 */
export function patchZipEntry(zip: Uint8Array, entry: number, fields: { flags?: number; crc?: number; size?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { local, central } = zipHeaders(out);
  const at = [local[entry]!, central[entry]!];
  // Local header: flags at 6, crc at 14, uncompressed size at 22; central header: flags at 8, crc at 16, size at 24.
  const offsets = [
    { flags: 6, crc: 14, size: 22 },
    { flags: 8, crc: 16, size: 24 },
  ];
  offsets.forEach((field, i) => {
    if (fields.flags !== undefined) view.setUint16(at[i]! + field.flags, fields.flags, true);
    if (fields.crc !== undefined) view.setUint32(at[i]! + field.crc, fields.crc, true);
    if (fields.size !== undefined) view.setUint32(at[i]! + field.size, fields.size, true);
  });
  return out;
}

/** An ImportSource of bytes, without copying them into a File (for the 50 MB and 100k-entry cases). */
export const bytesFile = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);

/** How a timed case ended. */
export interface Timed<T> {
  value?: T;
  error?: unknown;
  hung: boolean;
  ms: number;
}

/**
 * Runs `task` against a hang bound: `hung` when it had not settled `boundMs` after it started. Synchronous work
 * blocks the timer too, so the bound is also checked against the measured time once it settles.
 */
export async function timed<T>(boundMs: number, task: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), boundMs)));
  const run = task().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const first = await Promise.race([run, hang]);
  clearTimeout(timer);
  const ms = performance.now() - start;
  if (first === 'hung') return { hung: true, ms };
  return { ...first, hung: ms > boundMs, ms };
}

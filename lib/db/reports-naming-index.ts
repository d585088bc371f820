import type { Table } from 'dexie';
import { GRAM_BUCKETS, nameBuckets, textBuckets } from '../reports/name-grams';
import type { LibraryDatabase } from './database';

/**
 * Which reports may contain a name, without reading their bodies (since version 9): for every pair of adjacent
 * characters of a report's text, a bit in the bucket the pair hashes to (`lib/reports/name-grams.ts`). The bits are
 * stored sliced: a slice is up to {@link SLICE_REPORTS} reports, and each (bucket, slice) row holds one bit per
 * report of the slice, so the reports that may contain a name are the AND of its pairs' rows, read by key: a few
 * rows per slice, whatever the reports' sizes. Rows of buckets no report of a slice has are not written.
 *
 * A report deleted later keeps its bits (a candidate whose report is gone is skipped), so the index only ever
 * suspects too many reports, never too few.
 */
export interface NameSlice {
  slice: number;
  /** The reports of the slice, by bit position. */
  reportIds: string[];
}

/** One bucket's bits over one slice: bit `i` is set when report `i` of the slice has a pair in the bucket. */
export interface NameBitsRow {
  bucket: number;
  slice: number;
  bits: Uint8Array;
}

/** Reports per slice: rows of 512 bytes, and an import of thousands of reports fills whole slices. */
export const SLICE_REPORTS = 4096;
const SLICE_BYTES = SLICE_REPORTS / 8;

/** The two tables of the index, as a transaction or an upgrade sees them. */
export interface NameIndexTables {
  slices: Table<NameSlice, number>;
  bits: Table<NameBitsRow, [number, number]>;
}

/** The library's index tables. */
export const nameIndexOf = (db: LibraryDatabase): NameIndexTables => ({ slices: db.nameSlices, bits: db.nameBits });

/**
 * Adds reports to the index (their text is only read here). Call it in the transaction that writes the reports, over
 * both tables. New reports go into the last slice while it has room, then into new ones; each slice's rows are
 * written as it fills, so memory holds one slice's rows (8 MB at most) however many reports come.
 */
export async function indexReportNames(
  { slices, bits }: NameIndexTables,
  reports: readonly { id: string; originalText: string }[],
): Promise<void> {
  if (!reports.length) return;
  const last = await slices.orderBy(':id').last();
  let open: NameSlice = last && last.reportIds.length < SLICE_REPORTS ? last : { slice: (last?.slice ?? 0) + 1, reportIds: [] };
  /** The stored slice being added to, whose rows must be merged with the new bits. */
  let stored = last === open ? open.slice : undefined;
  let rows = new Map<number, Uint8Array>();
  const flush = async () => {
    if (!rows.size) return;
    const buckets = [...rows.keys()];
    if (stored === open.slice) {
      const before = await bits.bulkGet(buckets.map((bucket) => [bucket, open.slice] as [number, number]));
      before.forEach((row, i) => {
        if (!row) return;
        const into = rows.get(buckets[i]!)!;
        for (let k = 0; k < SLICE_BYTES; k++) into[k]! |= row.bits[k]!;
      });
    }
    await bits.bulkPut(buckets.map((bucket) => ({ bucket, slice: open.slice, bits: rows.get(bucket)! })));
    await slices.put(open);
    rows = new Map();
  };
  for (const report of reports) {
    if (open.reportIds.length >= SLICE_REPORTS) {
      await flush();
      open = { slice: open.slice + 1, reportIds: [] };
      stored = undefined;
    }
    const position = open.reportIds.push(report.id) - 1;
    const byte = position >> 3;
    const bit = 1 << (position & 7);
    for (const bucket of textBuckets(report.originalText)) {
      let row = rows.get(bucket);
      if (!row) rows.set(bucket, (row = new Uint8Array(SLICE_BYTES)));
      row[byte]! |= bit;
    }
  }
  await flush();
}

/**
 * The ids of the reports whose text may contain one of `names` (every report that does is among them; a few that do
 * not may be), read from the index alone; or `undefined` when a name has no pair to look for (a one-character name),
 * and only reading every report can tell.
 */
export async function reportsPossiblyNaming(db: LibraryDatabase, names: Iterable<string>): Promise<Set<string> | undefined> {
  const wanted: Uint16Array[] = [];
  for (const name of new Set(names)) {
    const buckets = nameBuckets(name);
    if (!buckets) return undefined;
    wanted.push(buckets);
  }
  const found = new Set<string>();
  if (!wanted.length) return found;
  return db.transaction('r', db.nameSlices, db.nameBits, async () => {
    /** Per slice, the positions of candidates. */
    const hits = new Map<number, Uint8Array>();
    for (const buckets of wanted) {
      const perBucket = await Promise.all(
        [...buckets].map((bucket) => db.nameBits.where('[bucket+slice]').between([bucket, -Infinity], [bucket, Infinity]).toArray()),
      );
      // AND over the name's buckets, slice by slice: a slice missing from one bucket has no candidate.
      const and = new Map(perBucket[0]!.map((row) => [row.slice, Uint8Array.from(row.bits)]));
      for (const rows of perBucket.slice(1)) {
        const present = new Map(rows.map((row) => [row.slice, row.bits]));
        for (const [slice, into] of and) {
          const other = present.get(slice);
          if (!other) and.delete(slice);
          else for (let k = 0; k < SLICE_BYTES; k++) into[k]! &= other[k]!;
        }
      }
      for (const [slice, bitsOfName] of and) {
        const into = hits.get(slice);
        if (!into) hits.set(slice, bitsOfName);
        else for (let k = 0; k < SLICE_BYTES; k++) into[k]! |= bitsOfName[k]!;
      }
    }
    const slices = [...hits.keys()];
    const stored = await db.nameSlices.bulkGet(slices);
    stored.forEach((slice, i) => {
      const bitsOfSlice = hits.get(slices[i]!)!;
      slice?.reportIds.forEach((id, position) => {
        if (bitsOfSlice[position >> 3]! & (1 << (position & 7))) found.add(id);
      });
    });
    return found;
  });
}

/**
 * What the index says of each stored report: its buckets, ascending, by report id in id order, whatever slices and
 * bit positions the reports fell into. Two libraries with the same reports answer alike exactly when these are
 * equal (a backup round trip compares them). Reads the whole index: for tests and checks, not for the import.
 */
export async function bucketsByReport(db: LibraryDatabase): Promise<[string, number[]][]> {
  return db.transaction('r', db.reports, db.nameSlices, db.nameBits, async () => {
    const stored = new Set(await db.reports.toCollection().primaryKeys());
    const slices = new Map((await db.nameSlices.toArray()).map((slice) => [slice.slice, slice.reportIds]));
    const buckets = new Map<string, Set<number>>();
    await db.nameBits.each((row) => {
      const ids = slices.get(row.slice) ?? [];
      ids.forEach((id, position) => {
        if (!stored.has(id) || !(row.bits[position >> 3]! & (1 << (position & 7)))) return;
        const set = buckets.get(id) ?? new Set<number>();
        buckets.set(id, set.add(row.bucket));
      });
    });
    return [...stored].sort().map((id) => [id, [...(buckets.get(id) ?? [])].sort((a, b) => a - b)]);
  });
}

/** Where the index ends: its last slice and how many reports that slice holds (0 and 0 for an empty index). */
export interface NameIndexMark {
  slice: number;
  reports: number;
}

/** The index's end now, to take it back to with {@link truncateNameIndex}. Call it inside the writing transaction. */
export async function nameIndexMark({ slices }: NameIndexTables): Promise<NameIndexMark> {
  const last = await slices.orderBy(':id').last();
  return { slice: last?.slice ?? 0, reports: last?.reportIds.length ?? 0 };
}

/**
 * Takes the index back to `mark`: slices after it go, and the slice it ends in loses the reports added after it
 * (their bits are cleared, a row left empty goes), so the tables are as they were when the mark was taken. For an
 * import that takes back what it wrote; call it in a transaction over both tables.
 */
export async function truncateNameIndex({ slices, bits }: NameIndexTables, mark: NameIndexMark): Promise<void> {
  // Rows are keyed bucket first: a slice's rows are found by key, every bucket's, never by a scan of the table.
  const keysOf = (slice: number) => Array.from({ length: GRAM_BUCKETS }, (_, bucket): [number, number] => [bucket, slice]);
  const later = await slices.where(':id').above(mark.slice).primaryKeys();
  for (const slice of later) await bits.bulkDelete(keysOf(slice));
  await slices.bulkDelete(later);
  const open = await slices.get(mark.slice);
  if (!open || open.reportIds.length <= mark.reports) return;
  const rows = (await bits.bulkGet(keysOf(mark.slice))).filter((row): row is NameBitsRow => row !== undefined);
  const kept: NameBitsRow[] = [];
  const emptied: [number, number][] = [];
  for (const row of rows) {
    const cleared = Uint8Array.from(row.bits);
    for (let position = mark.reports; position < SLICE_REPORTS; position++) cleared[position >> 3]! &= ~(1 << (position & 7));
    if (cleared.some((byte) => byte !== 0)) kept.push({ ...row, bits: cleared });
    else emptied.push([row.bucket, row.slice]);
  }
  await bits.bulkPut(kept);
  await bits.bulkDelete(emptied);
  if (mark.reports) await slices.put({ slice: mark.slice, reportIds: open.reportIds.slice(0, mark.reports) });
  else await slices.delete(mark.slice);
}

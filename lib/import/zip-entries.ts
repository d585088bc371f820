import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { fileProblem, IGNORED, unsafeEntryName, ZIP_FILE, type ImportEntry, type ImportSource } from './import-file-rules';
import { formatBytes, type ImportLimits } from './import-limits';
import { nativeInflate, nativeInflateAvailable } from './native-inflate';
import { BACKUP_MANIFEST, BACKUP_PART } from './backup-zip';
import { zipEntryName } from './zip-entry-name';
import { Crc32, ENCRYPTED_FLAG, readZipDirectory, UTF8_NAME_FLAG, type SliceableSource, type ZipDirectoryEntry } from './zip-directory';

/** A source whose bytes can be read by range: itself when it can, else its bytes as a `Blob`. */
async function sliceable(source: ImportSource): Promise<SliceableSource & { stream(): ReadableStream<Uint8Array> }> {
  if (source.slice && source.stream) return { size: source.size, slice: source.slice.bind(source), stream: source.stream.bind(source) };
  return new Blob([await source.arrayBuffer()]);
}

/**
 * The entries of one zip, streamed through fflate: its directory is read first (entry count, flags, checksums), then
 * each entry is inflated on its own and counted against the limits while it inflates, so a zip bomb is stopped by its
 * real size, not the size its headers claim. A hostile entry is a `failed` entry; a broken archive ends in
 * `archive-failed`, and the caller drops everything it read from it.
 */
export async function* zipEntries(
  source: ImportSource,
  archive: string,
  limits: ImportLimits,
  onBytesRead: (bytes: number) => void,
): AsyncGenerator<ImportEntry> {
  const bytes = await sliceable(source);
  const header = new Uint8Array(await bytes.slice(0, 4).arrayBuffer());
  const refusal =
    bytes.size === 0
      ? 'the archive is empty'
      : header[0] !== 0x50 || header[1] !== 0x4b
        ? 'not a zip archive (it does not start with a zip header)'
        : undefined;
  const directory = refusal ? { problem: refusal } : await readZipDirectory(bytes, limits.maxArchiveEntries);
  if ('problem' in directory) {
    // Refused before a byte is inflated: nothing of it was read as reports.
    onBytesRead(source.size);
    yield { kind: 'archive-failed', archive, reason: directory.problem };
    return;
  }
  // A streamed backup (version 2) is a zip with our manifest: its entries are NDJSON parts, not reports.
  const backup = directory.byName.has(BACKUP_MANIFEST);
  const inflatedLimit = backup ? limits.maxBackupInflatedBytes : limits.maxArchiveInflatedBytes;
  /** Directory entries by name, taken in order as the stream meets them (a name may appear twice). */
  const listed = (name: string): ZipDirectoryEntry | undefined => directory.byName.get(name)?.shift();

  // Entries come out in the archive's order, though a natively inflated one may end after the ones behind it.
  const order: { entry?: ImportEntry }[] = [];
  let taken = 0;
  const ready = {
    /** Fills an entry's place (taken when it started inflating), or adds one at the end. */
    push(entry: ImportEntry, slot?: { entry?: ImportEntry }) {
      if (slot) slot.entry = entry;
      else order.push({ entry });
    },
    /**
     * The entries ready at the front, up to `stop` (where the archive broke its inflated limit): entries inflate side
     * by side, so those before it are still the archive's as long as they fit in the limit themselves.
     */
    *take(stop?: { entry?: ImportEntry }): Generator<ImportEntry> {
      while (order[0]?.entry && order[0] !== stop) {
        const entry = order[0].entry;
        const bytes = 'bytes' in entry ? entry.bytes.length : 0;
        if (stop && taken + bytes > inflatedLimit) return;
        taken += bytes;
        order.shift();
        yield entry;
      }
    },
  };
  const inflate = nativeInflateAvailable() ? nativeInflate() : undefined;
  const open = new Set<string>();
  let entryCount = 0;
  let inflated = 0;
  let fatal: string | undefined;
  /** Where the archive broke its inflated limit: the entries before it are still its own. */
  let fatalSlot: { entry?: ImportEntry } | undefined;

  const unzip = new Unzip((file: UnzipFile) => {
    if (fatal) return;
    // The directory's count can lie; the stream's own count is the one that stops the archive.
    if (++entryCount > limits.maxArchiveEntries) {
      fatal = `the archive has more than ${limits.maxArchiveEntries.toLocaleString('en')} entries`;
      return;
    }
    const entry = listed(file.name);
    if (file.name.endsWith('/')) return;
    // Looked up by the name as stored; shown and checked as its writer meant it (GBK names, say, not mojibake).
    const name = zipEntryName(file.name, ((entry?.flags ?? 0) & UTF8_NAME_FLAG) !== 0);
    const path = `${archive}/${name}`;
    const unsafe = unsafeEntryName(name);
    if (IGNORED.test(name)) return;
    if (unsafe) return ready.push({ kind: 'failed', path, archive, reason: `skipped: ${unsafe}` });
    if (ZIP_FILE.test(name))
      return ready.push({ kind: 'failed', path, archive, reason: 'skipped: archives inside archives are not read; unzip it first' });
    const problem = backup
      ? name === BACKUP_MANIFEST || BACKUP_PART.test(name)
        ? undefined
        : 'not a part of a ReportLens backup'
      : fileProblem(name, file.originalSize ?? 1, limits);
    if (problem) return ready.push({ kind: 'failed', path, archive, reason: problem });
    if (!entry) return ready.push({ kind: 'failed', path, archive, reason: "skipped: the archive's directory does not list it (corrupt)" });
    if (entry.flags & ENCRYPTED_FLAG)
      return ready.push({
        kind: 'failed',
        path,
        archive,
        reason: 'skipped: the entry is encrypted (password-protected zips are not read)',
      });
    if (file.compression !== 0 && file.compression !== 8) {
      return ready.push({ kind: 'failed', path, archive, reason: `unsupported compression method ${file.compression}` });
    }
    const chunks: Uint8Array[] = [];
    const crc = new Crc32();
    let size = 0;
    open.add(path);
    const slot: { entry?: ImportEntry } = {};
    order.push(slot);
    file.ondata = (error, chunk, final) => {
      if (!open.has(path)) return;
      if (error) {
        open.delete(path);
        ready.push({ kind: 'failed', path, archive, reason: `cannot be inflated (${error.message}); encrypted or corrupt` }, slot);
        return;
      }
      size += chunk.length;
      inflated += chunk.length;
      if (inflated > inflatedLimit && !fatalSlot) {
        fatal ??= `the archive inflates to more than ${formatBytes(inflatedLimit)}`;
        // Blamed on the latest entry begun (with several inflating at once, the one whose bytes came last in the
        // archive); those before it finish, each within the limit for one file.
        fatalSlot = order.at(-1);
      }
      if (slot === fatalSlot) {
        // Dropped with the archive.
      } else if (size > limits.maxFileBytes) {
        ready.push(
          {
            kind: 'failed',
            path,
            archive,
            reason: `inflates to more than ${formatBytes(limits.maxFileBytes)}, the limit for one file`,
          },
          slot,
        );
      } else {
        chunks.push(chunk);
        crc.update(chunk);
        if (!final) return;
        ready.push(
          !size && !backup
            ? { kind: 'failed', path, archive, reason: 'the file is empty' }
            : crc.value !== entry.crc
              ? { kind: 'failed', path, archive, reason: 'its checksum (CRC-32) does not match: the entry is corrupt' }
              : backup
                ? { kind: 'backup-part', path, name, archive, bytes: concat(chunks, size) }
                : { kind: 'file', path, archive, bytes: concat(chunks, size) },
          slot,
        );
      }
      open.delete(path);
      file.terminate();
    };
    file.start();
  });
  unzip.register(inflate ?? UnzipInflate);

  const reader = bytes.stream().getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (value) onBytesRead(value.length);
      if (!fatal) pushInSlices(unzip, value ?? new Uint8Array(0), done);
      // Entries inflating natively finish later: a few dozen at a time, so memory holds no more.
      while (inflate && !fatal && inflate.inflating() > MAX_INFLATING) await inflate.settled();
      yield* ready.take(fatalSlot);
      if (fatal || done) break;
    }
    // Every entry whose input was all read is let finish (those before one that broke a limit are the archive's
    // still, as when inflating in order); one still open after that ended in the middle.
    while (inflate && inflate.inflating() > 0) await inflate.settled();
    yield* ready.take(fatalSlot);
  } catch (error) {
    fatal = `the archive is corrupt or truncated (${(error as Error).message})`;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (!fatal && open.size) fatal = 'the archive is truncated: it ends in the middle of an entry';
  if (fatal) yield { kind: 'archive-failed', archive, reason: fatal };
}

/**
 * Slice of the compressed stream handed to fflate at a time. fflate's `Unzip.push` recurses once per entry found in
 * the chunk it is given, so a chunk holding thousands of small compressed posts overflows the stack ("Maximum call
 * stack size exceeded", seen with a 5,000-post archive); small slices bound the depth.
 */
const PUSH_SLICE_BYTES = 16 * 1024;
/** Entries inflating natively at once before reading waits (each holds its input and output: tens of KB). */
const MAX_INFLATING = 32;

function pushInSlices(unzip: Unzip, chunk: Uint8Array, final: boolean): void {
  if (chunk.length <= PUSH_SLICE_BYTES) return unzip.push(chunk, final);
  for (let at = 0; at < chunk.length; at += PUSH_SLICE_BYTES) {
    const end = Math.min(at + PUSH_SLICE_BYTES, chunk.length);
    unzip.push(chunk.subarray(at, end), final && end === chunk.length);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * A zip's central directory, read from the end of the file without inflating anything: each entry's name, flags and
 * checksum, by name. fflate's streaming `Unzip` reads local headers only and
 * checks neither the encryption flag nor the CRC, so the import looks each entry up here: encrypted entries are
 * skipped with their reason, an entry whose inflated bytes do not match its CRC is refused as corrupt, and an archive
 * listing more entries than the limit is refused before a byte of it is inflated.
 * Layout: PKWARE APPNOTE.TXT §4.3.12 (central directory header), §4.3.16 (end record), §4.3.14–15 (Zip64).
 */

/** What the directory says of one entry. */
export interface ZipDirectoryEntry {
  name: string;
  /** General purpose bits; bit 0 is "encrypted". */
  flags: number;
  crc: number;
}

/** The directory, or why it cannot be read. */
export type ZipDirectory = { byName: Map<string, ZipDirectoryEntry[]> } | { problem: string };

/** Anything the directory can be read from: a `File` or `Blob` (random access by slices). */
export interface SliceableSource {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end record is 22 bytes plus a comment of up to 64 KB. */
const END_RECORD_SPAN = 22 + 0xffff;
/** Bytes per listed entry beyond which a directory is refused unread: a header is 46 bytes plus name, extra, comment. */
const MAX_DIRECTORY_BYTES_PER_ENTRY = 46 + 3 * 0xffff;
export const ENCRYPTED_FLAG = 1;
/** General-purpose bit 11: the entry's name (and comment) are UTF-8. */
export const UTF8_NAME_FLAG = 0x800;

/** Reads the central directory of a zip; `maxEntries` refuses an archive listing more before its directory is read. */
export async function readZipDirectory(source: SliceableSource, maxEntries: number): Promise<ZipDirectory> {
  const tailStart = Math.max(0, source.size - END_RECORD_SPAN);
  const tail = new DataView(await source.slice(tailStart).arrayBuffer());
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--)
    if (tail.getUint32(i, true) === END_RECORD) {
      end = i;
      break;
    }
  if (end < 0) return { problem: 'the archive is corrupt or truncated: its end record is missing' };
  let entries = tail.getUint16(end + 10, true);
  let directorySize = tail.getUint32(end + 12, true);
  let directoryOffset = tail.getUint32(end + 16, true);
  if ((entries === 0xffff || directoryOffset === 0xffffffff) && end >= 20 && tail.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const recordOffset = Number(tail.getBigUint64(end - 12, true));
    const record = new DataView(await source.slice(recordOffset, recordOffset + 56).arrayBuffer());
    if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_END_RECORD)
      return { problem: 'the archive is corrupt: its Zip64 end record is missing' };
    entries = Number(record.getBigUint64(32, true));
    directorySize = Number(record.getBigUint64(40, true));
    directoryOffset = Number(record.getBigUint64(48, true));
  }
  if (entries > maxEntries) return { problem: `the archive has more than ${maxEntries.toLocaleString('en')} entries` };
  if (directoryOffset + directorySize > source.size || directorySize > (entries + 1) * MAX_DIRECTORY_BYTES_PER_ENTRY)
    return { problem: 'the archive is corrupt or truncated: its directory lies outside the file' };
  const directory = new DataView(await source.slice(directoryOffset, directoryOffset + directorySize).arrayBuffer());
  const byName = new Map<string, ZipDirectoryEntry[]>();
  let at = 0;
  // The headers are counted as they are walked, to the directory's end: the 16-bit count of a zip without Zip64
  // records wraps past 65,535 entries (fflate writes 100,000 entries as 34,464), so it is no bound.
  let listed = 0;
  for (; at < directory.byteLength; listed++) {
    if (listed >= maxEntries) return { problem: `the archive has more than ${maxEntries.toLocaleString('en')} entries` };
    if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== CENTRAL_HEADER)
      return { problem: 'the archive is corrupt: its directory holds something other than entries' };
    const flags = directory.getUint16(at + 8, true);
    const nameLength = directory.getUint16(at + 28, true);
    const skip = 46 + nameLength + directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
    if (at + skip > directory.byteLength) return { problem: 'the archive is corrupt: a directory entry runs past its end' };
    const nameBytes = new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength);
    const entry: ZipDirectoryEntry = {
      name: entryName(nameBytes, (flags & UTF8_NAME_FLAG) !== 0),
      flags,
      crc: directory.getUint32(at + 16, true),
    };
    const same = byName.get(entry.name);
    if (same) same.push(entry);
    else byName.set(entry.name, [entry]);
    at += skip;
  }
  if (listed < entries) return { problem: 'the archive is corrupt: its directory lists fewer entries than it says' };
  return { byName };
}

/** The name as fflate decodes it (UTF-8 when bit 11 says so, else one character per byte), so the two agree. */
function entryName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(bytes);
  let name = '';
  for (const byte of bytes) name += String.fromCharCode(byte);
  return name;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** A running CRC-32 (the zip checksum): `update` each chunk, `value` at the end. */
export class Crc32 {
  #crc = -1;
  update(bytes: Uint8Array): void {
    let crc = this.#crc;
    for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
    this.#crc = crc;
  }
  get value(): number {
    return ~this.#crc >>> 0;
  }
}

/** The encodings a report file can be in; detected, never asked. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A decoded file: its text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Bytes that decode cleanly but hold NUL characters: a binary file, which no other encoding would read either. */
class BinaryTextError extends Error {}

/**
 * Decodes file bytes: a byte-order mark decides UTF-8/UTF-16 (so does the zero-byte pattern of Latin UTF-16 without
 * one); otherwise strict UTF-8, and when that fails GB18030 (a superset of GBK and GB2312, what Chinese Windows
 * saves), unless the file is mostly UTF-8 with a part in another encoding. Throws with the reason when nothing reads
 * cleanly.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return decodeAs(bytes, utf16);
  try {
    const utf8 = decodeAs(bytes, 'utf-8');
    return looksLikeMisreadGb(utf8.text) ? (tryDecode(bytes, 'gb18030') ?? utf8) : utf8;
  } catch (error) {
    if (error instanceof BinaryTextError) throw error;
    if (utf8Share(bytes) >= MIXED_UTF8_SHARE)
      throw new Error('the file mixes encodings: most of it is UTF-8 but some of it is not (save it again as UTF-8)', {
        cause: error,
      });
    try {
      return decodeAs(bytes, 'gb18030');
    } catch {
      throw new Error('the text is neither UTF-8, UTF-16 nor GB18030');
    }
  }
}

/**
 * Share of the non-ASCII bytes that form well-formed multi-byte UTF-8 sequences, above which a file that is not
 * valid UTF-8 is UTF-8 with a part in another encoding (a GBK paragraph pasted in): read as GB18030 it would be
 * mojibake from end to end. GBK text alone forms such sequences only by chance: 0.32 of its bytes on average, 0.39
 * at most, over 200 corpus reports saved as GB18030.
 */
const MIXED_UTF8_SHARE = 0.6;

function utf8Share(bytes: Uint8Array): number {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid) {
      high += length;
      inSequences += length;
      i += length;
    } else {
      high++;
      i++;
    }
  }
  return high ? inSequences / high : 1;
}

/** Bytes sampled to tell UTF-16 without a byte-order mark: Latin text in it has a zero in every other byte. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * UTF-16 saved without a byte-order mark (mostly Latin text: zeros at odd offsets for little-endian, even for
 * big-endian, and almost none at the others), else undefined. Chinese-only UTF-16 has no such pattern; it is
 * refused as not UTF-8 or GB18030 rather than guessed.
 */
function utf16WithoutMark(bytes: Uint8Array): TextEncodingName | undefined {
  const sample = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (sample < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Short GBK texts can also be valid UTF-8 (`茅台` in GBK reads as `ę́`): UTF-8 text with accented Latin or
 * combining marks and not one CJK character is tried as GB18030 too.
 */
function looksLikeMisreadGb(text: string): boolean {
  return /[\u0080-\u07ff]/.test(text) && !/[\u3000-\u9fff\uff00-\uffef]/.test(text);
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText | undefined {
  try {
    const decoded = decodeAs(bytes, encoding);
    return /[\u3000-\u9fff]/.test(decoded.text) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // TextDecoder reports bad bytes as a TypeError; a file with a byte-order mark and broken text after it lands here.
    throw new Error(`the file is not valid ${encoding.toUpperCase()} text`);
  }
  if (text.includes('\u0000')) throw new BinaryTextError(`the file is binary, not ${encoding} text`);
  return { text, encoding };
}

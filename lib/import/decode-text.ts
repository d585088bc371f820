/** The encodings a report file can be in; detected, never asked. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A decoded file: its text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes file bytes: a byte-order mark decides UTF-8/UTF-16; otherwise strict UTF-8, and when that fails GB18030
 * (a superset of GBK and GB2312, what Chinese Windows saves). Throws when neither reads cleanly.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  try {
    const utf8 = decodeAs(bytes, 'utf-8');
    return looksLikeMisreadGb(utf8.text) ? (tryDecode(bytes, 'gb18030') ?? utf8) : utf8;
  } catch {
    try {
      return decodeAs(bytes, 'gb18030');
    } catch {
      throw new Error('the text is neither UTF-8, UTF-16 nor GB18030');
    }
  }
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
  if (text.includes('\u0000')) throw new Error(`the file is binary, not ${encoding} text`);
  return { text, encoding };
}

/** Code page 437's upper half (0x80–0xFF): what zip tools without the UTF-8 flag wrote on Western systems. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** CJK ideographs and the punctuation Chinese file names use: what a GBK reading must mostly give to be believed. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;
/** Share of non-ASCII characters that must be Chinese for a name to be read as GBK rather than CP437. */
const GBK_CHINESE_SHARE = 0.8;

const strict = (label: string) => {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined; // A runtime without the encoding (a small-ICU build) reads names as CP437.
  }
};
const UTF8 = strict('utf-8');
const GBK = strict('gbk');

/**
 * A zip entry's name as its writer meant it. Zip names carry no encoding but one flag: bit 11 says UTF-8; without
 * it the APPNOTE says CP437, but Chinese Windows tools (the system zip, WinRAR, 7-Zip by default) write GBK, and many
 * others write UTF-8 without setting the flag. `raw` is the name with one character per byte (how fflate and our
 * directory reader give an unflagged name). Read as: UTF-8 when flagged or valid UTF-8; else GBK when that reads
 * without error and mostly as Chinese; else CP437.
 */
export function zipEntryName(raw: string, utf8Flag: boolean): string {
  if (utf8Flag || !/[\x80-\uffff]/.test(raw)) return raw;
  const bytes = Uint8Array.from(raw, (char) => char.charCodeAt(0) & 0xff);
  const utf8 = decode(UTF8, bytes);
  if (utf8 !== undefined) return utf8;
  const gbk = decode(GBK, bytes);
  if (gbk !== undefined) {
    const nonAscii = Array.from(gbk).filter((char) => char > '\x7f');
    if (nonAscii.filter((char) => CHINESE.test(char)).length >= nonAscii.length * GBK_CHINESE_SHARE) return gbk;
  }
  return Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!)).join('');
}

function decode(decoder: TextDecoder | undefined, bytes: Uint8Array): string | undefined {
  try {
    return decoder?.decode(bytes);
  } catch {
    return undefined;
  }
}

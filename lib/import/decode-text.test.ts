import { expect, test } from 'vitest';
import { decodeText } from './decode-text';

const text = '贵州茅台（600519.SH）风险提示：需求波动。';
const utf16 = (littleEndian: boolean) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};
/** GB18030 bytes of `text` (Python: `text.encode('gb18030')`). */
const GB_TEXT = new Uint8Array([
  185, 243, 214, 221, 195, 169, 204, 168, 163, 168, 54, 48, 48, 53, 49, 57, 46, 83, 72, 163, 169, 183, 231, 207, 213, 204, 225, 202, 190,
  163, 186, 208, 232, 199, 243, 178, 168, 182, 175, 161, 163,
]);
/** `茅台` in GB18030 is also valid UTF-8 (`ę́`): the decoder must still see it as Chinese. */
const GB_MAOTAI = new Uint8Array([0xc3, 0xa9, 0xcc, 0xa8]);

test.each([
  ['UTF-8', new TextEncoder().encode(text), 'utf-8', text],
  ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8', text],
  ['UTF-16LE with BOM', utf16(true), 'utf-16le', text],
  ['UTF-16BE with BOM', utf16(false), 'utf-16be', text],
  ['GB18030', GB_TEXT, 'gb18030', text],
  ['GB18030 that is also valid UTF-8', GB_MAOTAI, 'gb18030', '茅台'],
])('%s', (_name, bytes, encoding, expected) => {
  expect(decodeText(bytes)).toEqual({ text: expected, encoding });
});

test('binary data is refused with a reason', () => {
  expect(() => decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe]))).toThrow(/binary|neither/);
});

test('a byte-order mark followed by broken text is refused with a reason, not a TypeError', () => {
  expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0xfd]))).toThrow(/^the file is not valid UTF-8 text$/);
  expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toThrow(/^the file is not valid UTF-16LE text$/);
});

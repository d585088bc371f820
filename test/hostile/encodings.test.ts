import { describe, expect } from 'vitest';
import { importCaseSuite, type ImportCase } from '../support/hostile-import-case';

/**
 * Report files in wrong, mixed and broken encodings through the whole import: what can be read is read right (the
 * title proves it), what cannot is refused with the file and the reason, never stored as mojibake.
 */

const suite = importCaseSuite('encodings');

const TEXT = '---\ntitle: 贵州茅台点评\n---\n贵州茅台（600519.SH）风险提示：需求波动。\n';
/** `TEXT` in GB18030 (Python: `TEXT.encode('gb18030')`), as Chinese Windows saves it. */
const GB_TEXT = new Uint8Array([
  45, 45, 45, 10, 116, 105, 116, 108, 101, 58, 32, 185, 243, 214, 221, 195, 169, 204, 168, 181, 227, 198, 192, 10, 45, 45, 45, 10, 185, 243,
  214, 221, 195, 169, 204, 168, 163, 168, 54, 48, 48, 53, 49, 57, 46, 83, 72, 163, 169, 183, 231, 207, 213, 204, 225, 202, 190, 163, 186,
  208, 232, 199, 243, 178, 168, 182, 175, 161, 163, 10,
]);
const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
};
const utf16 = (text: string, littleEndian: boolean, bom: boolean) => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};
const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);
const LATIN = '---\ntitle: Amazon note\n---\nAmazon (NASDAQ: AMZN) retail margins improved. '.repeat(3);

const readable = (name: string, make: () => Uint8Array, expected: string): ImportCase => ({
  category: 'encoding',
  name,
  expected,
  sources: () => [file(`${name}.md`, make())],
  refused: [],
  imported: [`${name}.md`],
});
const unreadable = (name: string, make: () => Uint8Array, reason: RegExp): ImportCase => ({
  category: 'encoding',
  name,
  expected: 'refused with the reason; nothing stored',
  sources: () => [file(`${name}.md`, make())],
  refused: [{ file: `${name}.md`, reason }],
});

const CASES: ImportCase[] = [
  readable('gb18030', () => GB_TEXT, 'read as GB18030: the title is right'),
  readable('utf-16le with mark', () => utf16(TEXT, true, true), 'read as UTF-16LE'),
  readable('utf-16be with mark', () => utf16(TEXT, false, true), 'read as UTF-16BE'),
  readable('utf-16le without mark', () => utf16(LATIN, true, false), 'read as UTF-16LE by its zero bytes'),
  unreadable('utf-8 with a gbk paragraph', () => join(utf8(TEXT.repeat(5)), GB_TEXT, utf8(TEXT.repeat(5))), /mixes encodings/),
  unreadable('utf-8 mark, gbk bytes', () => join(new Uint8Array([0xef, 0xbb, 0xbf]), GB_TEXT), /not valid UTF-8/),
  unreadable(
    'utf-16 mark, lone surrogate',
    () => join(utf16(TEXT, true, true), new Uint8Array([0x00, 0xd8, 0x41, 0x00])),
    /not valid UTF-16LE/,
  ),
  unreadable(
    'a png named .md',
    () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    /binary|neither/,
  ),
  unreadable('text with nul bytes', () => utf8(`${TEXT}\u0000\u0000${TEXT}`), /binary/),
];

const EXPECTED_TITLES: Record<string, string> = {
  gb18030: '贵州茅台点评',
  'utf-16le with mark': '贵州茅台点评',
  'utf-16be with mark': '贵州茅台点评',
  'utf-16le without mark': 'Amazon note',
};

describe('wrong and mixed encodings', () => {
  suite.cases(CASES, async ({ name }, db) => {
    if (!EXPECTED_TITLES[name]) return;
    const report = await db.reports.filter((stored) => stored.fileName === `${name}.md`).first();
    expect(report?.title).toBe(EXPECTED_TITLES[name]);
  });
});

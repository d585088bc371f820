import { expect, test } from 'vitest';
import { zipEntryName } from './zip-entry-name';

/** A name as its bytes were written, one character per byte (how an unflagged name reaches us). */
const asRaw = (bytes: Iterable<number>) => String.fromCharCode(...bytes);
const utf8 = (text: string) => asRaw(new TextEncoder().encode(text));
/** GBK bytes of a few names (written by hand: Node's TextEncoder only encodes UTF-8). */
const GBK_研报 = [0xd1, 0xd0, 0xb1, 0xa8];
const GBK_阿里巴巴 = [0xb0, 0xa2, 0xc0, 0xef, 0xb0, 0xcd, 0xb0, 0xcd];

test.each([
  ['ASCII, unflagged', asRaw(new TextEncoder().encode('posts/a.md')), false, 'posts/a.md'],
  ['UTF-8 with the flag (fflate already decoded it)', '研报/阿里巴巴.md', true, '研报/阿里巴巴.md'],
  ['UTF-8 without the flag (macOS Archive Utility, many tools)', utf8('研报/阿里巴巴.md'), false, '研报/阿里巴巴.md'],
  ['GBK (Chinese Windows)', asRaw([...GBK_研报, 0x2f, ...GBK_阿里巴巴, 0x2e, 0x6d, 0x64]), false, '研报/阿里巴巴.md'],
  ['CP437 (Western DOS/Windows tools): café', asRaw([0x63, 0x61, 0x66, 0x82, 0x2e, 0x6d, 0x64]), false, 'café.md'],
  [
    'CP437 that GBK would read as one odd character: Résumé',
    asRaw([0x52, 0x82, 0x73, 0x75, 0x6d, 0x82, 0x2e, 0x74, 0x78, 0x74]),
    false,
    'Résumé.txt',
  ],
  ['CP437 box drawing and Greek', asRaw([0xc9, 0xcd, 0xbb, 0x20, 0xe0, 0xe1]), false, '╔═╗ αß'],
])('%s', (_label, raw, flag, expected) => {
  expect(zipEntryName(raw, flag)).toBe(expected);
});

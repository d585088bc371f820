import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { textNodesNearViewport } from './viewport-texts';

/** Viewport height of the tests: the band read is one screen above to two below its top (-100 to 200). */
const HEIGHT = 100;

/**
 * A page whose elements have the boxes their `data-box="top height"` says (linkedom lays nothing out); an element
 * without one has an empty box at 0.
 */
function page(body: string) {
  const { document } = parseHTML(`<html><body data-box="-1000 100000">${body}</body></html>`);
  for (const element of document.querySelectorAll('*')) {
    const [top = 0, height = 0] = (element.getAttribute('data-box') ?? '0 0').split(' ').map(Number);
    element.getBoundingClientRect = () => ({ top, bottom: top + height, height }) as DOMRect;
  }
  return document;
}
const texts = (doc: Document, limit?: number) => textNodesNearViewport(doc, { height: HEIGHT, limit }).map((node) => node.data);

/** Paragraphs p0…p(n-1), 50 px each, from `top`. */
const paragraphs = (n: number, top: number) => Array.from({ length: n }, (_, i) => `<p data-box="${top + i * 50} 50">p${i}</p>`).join('');

describe('textNodesNearViewport', () => {
  test.each([
    // Paragraphs from -1000: p14 (-300) ends before the band, p17 (-150) is in it, p24 (200) starts at its end.
    [
      'a long column, scrolled: the band only',
      `<main data-box="-1000 5000">${paragraphs(100, -1000)}</main>`,
      ['p17', 'p18', 'p19', 'p20', 'p21', 'p22', 'p23', 'p24'],
    ],
    [
      'an element inside the band no taller than it is read whole',
      '<div data-box="0 150"><b>a</b> and <i>b</i></div>',
      ['a', ' and ', 'b'],
    ],
    ['nothing in the band', '<div data-box="500 50">far</div><div data-box="-400 50">above</div>', []],
    [
      'nested tall blocks are looked into',
      `<article data-box="-1000 5000"><section data-box="-1000 850">old</section><section data-box="-100 4000">${paragraphs(80, -100)}</section></article>`,
      ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(texts(page(body))).toEqual(expected);
  });

  test('stops at the limit', () => {
    expect(texts(page(`<main data-box="-1000 5000">${paragraphs(100, -1000)}</main>`), 3)).toEqual(['p17', 'p18', 'p19']);
  });
});

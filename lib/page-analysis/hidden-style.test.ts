import { expect, test } from 'vitest';
import { textIsHidden, type StyleLike } from './hidden-style';

test.each<[string, StyleLike, boolean]>([
  ['shown', { display: 'block', visibility: 'visible', opacity: '1', position: 'static' }, false],
  ['display none', { display: 'none' }, true],
  ['visibility hidden', { visibility: 'hidden' }, true],
  ['visibility collapse', { visibility: 'collapse' }, true],
  ['transparent', { opacity: '0' }, true],
  ['half transparent', { opacity: '0.5' }, false],
  ['content-visibility hidden', { contentVisibility: 'hidden' }, true],
  ['skip link pushed left', { position: 'absolute', left: '-9999px' }, true],
  ['pushed up', { position: 'fixed', top: '-10000px' }, true],
  ['slightly left of its column', { position: 'absolute', left: '-20px' }, false],
  ['left offset without positioning does nothing', { position: 'static', left: '-9999px' }, false],
  ['image replacement text', { textIndent: '-9999px' }, true],
  ['indented paragraph', { textIndent: '2em' }, false],
  ['clip to nothing (sr-only)', { position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' }, true],
  ['clip to one pixel', { position: 'absolute', clip: 'rect(1px 1px 1px 1px)' }, true],
  ['clip auto', { position: 'absolute', clip: 'auto' }, false],
  ['clip-path inset 50%', { position: 'absolute', clipPath: 'inset(50%)' }, true],
  ['one-pixel box, overflow hidden', { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' }, true],
  ['one-pixel box, overflow visible', { position: 'absolute', width: '1px', height: '1px', overflow: 'visible' }, false],
  ['nothing declared (the CLI for most elements)', {}, false],
])('%s', (_, style, hidden) => {
  expect(textIsHidden(style)).toBe(hidden);
});

test.each<[string, StyleLike, StyleLike, boolean]>([
  ['visibility hidden where it starts', { visibility: 'hidden' }, { visibility: 'visible' }, true],
  ['visibility hidden inherited from the parent', { visibility: 'hidden' }, { visibility: 'hidden' }, false],
  ['display none whatever the parent', { display: 'none' }, { visibility: 'hidden' }, true],
])('%s', (_, style, parent, hidden) => {
  expect(textIsHidden(style, parent)).toBe(hidden);
});

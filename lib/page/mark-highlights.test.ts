import { parseHTML } from 'linkedom';
import { afterEach, expect, test, vi } from 'vitest';
import type { PageMark } from './page-marks';
import { HIGHLIGHT_NAME, MarkHighlights } from './mark-highlights';

afterEach(() => vi.unstubAllGlobals());

test.each([
  // [marks added in turn, style sheets adopted after, ranges drawn]
  [[], 0, 0],
  [[0], 0, 0],
  [[1], 1, 1],
  [[0, 2, 1], 1, 3],
] as const)('marks added %j: %i sheet(s) adopted, %i range(s) drawn', (batches, sheets, ranges) => {
  vi.stubGlobal('StaticRange', Object);
  const { document } = parseHTML('<html><body><p>阿里巴巴 and 腾讯</p></body></html>');
  const registry = new Map<string, Set<unknown>>();
  const view = {
    CSS: { highlights: registry },
    Highlight: class extends Set {},
    CSSStyleSheet: class {
      replaceSync() {}
    },
  };
  Object.defineProperty(document, 'defaultView', { value: view });
  Object.assign(document, { adoptedStyleSheets: [] });
  const node = document.querySelector('p')!.firstChild as Text;
  const mark = { node, mention: { id: 'HK:09988', start: 0, end: 4, text: '阿里巴巴', rule: 'name' } } as PageMark;

  const highlights = new MarkHighlights(document);
  expect(document.adoptedStyleSheets).toHaveLength(0);
  for (const count of batches) highlights.add(Array.from({ length: count }, () => mark));
  expect(document.adoptedStyleSheets).toHaveLength(sheets);
  expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(ranges);
});

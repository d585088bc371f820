import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import type { TabDictionary } from '../messaging/protocol';
import { HIGHLIGHT_NAME } from './mark-highlights';
import { runPageLens } from './run-page-lens';

/** A page whose window has the CSS Custom Highlight API or not (linkedom has no window of its own to give it one). */
function page({ highlightApi }: { highlightApi: boolean }) {
  const { document } = parseHTML('<html><body><p>阿里巴巴（09988.HK）</p></body></html>');
  const registry = new Map<string, unknown>();
  const view = {
    CSS: highlightApi ? { highlights: registry } : {},
    ...(highlightApi && {
      Highlight: class extends Set {},
      CSSStyleSheet: class {
        replaceSync() {}
      },
    }),
    requestAnimationFrame: () => 0,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(document, 'defaultView', { value: view });
  Object.assign(document, { adoptedStyleSheets: [] });
  const layers: HTMLElement[] = [];
  const overlayLayer = () => {
    const layer = document.createElement('div') as unknown as HTMLElement;
    layers.push(layer);
    return layer;
  };
  return { doc: document, registry, layers, overlayLayer };
}

const NO_REPORTS: TabDictionary = { entries: [], withReports: [], markAll: false, variants: [] };

const lensOn = (doc: Document, overlayLayer: () => HTMLElement, privateMarks: boolean) =>
  runPageLens({
    doc,
    url: 'https://example.com/',
    signal: new AbortController().signal,
    dictionary: NO_REPORTS,
    fetchReports: () => Promise.resolve(undefined),
    showCard: () => undefined,
    ownUi: 'reportlens-card',
    isOverCard: () => false,
    overlayLayer,
    privateMarks,
  });

test.each([
  // [highlight API, private marks, registered in CSS.highlights, style sheets adopted, overlay layers made]
  // No sheet before the first marks (mark-highlights.test.ts): adopting one restyles the whole page.
  [true, false, true, 0, 0],
  [true, true, false, 0, 1],
  [false, false, false, 0, 1],
  [false, true, false, 0, 1],
] as const)(
  'highlight API %s, private marks %s: registered %s, %i sheet(s), %i overlay layer(s)',
  (api, on, registered, sheets, overlays) => {
    const { doc, registry, layers, overlayLayer } = page({ highlightApi: api });
    lensOn(doc, overlayLayer, on);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(registered);
    expect(doc.adoptedStyleSheets).toHaveLength(sheets);
    // Made at once, though this library has no reports: the layer's host says only that the extension runs here.
    expect(layers).toHaveLength(overlays);
  },
);

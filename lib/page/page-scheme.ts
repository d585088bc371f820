/** Whether a page looks light or dark, so the card matches the page rather than the operating system. */
export type ColorScheme = 'light' | 'dark';

/** Relative luminance below which a background counts as dark (WCAG formula; mid-grey is about 0.2). */
const DARK_LUMINANCE = 0.2;

/** The scheme a CSS colour (`rgb(…)`/`rgba(…)`, as computed styles give it) suggests; undefined when transparent. */
export function schemeOfColor(color: string): ColorScheme | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < DARK_LUMINANCE ? 'dark' : 'light';
}

/** The page's scheme from the computed backgrounds of body and root; light when both are transparent. */
export function pageColorScheme(doc: Document): ColorScheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const scheme = schemeOfColor(view.getComputedStyle(element).backgroundColor);
    if (scheme) return scheme;
  }
  return 'light';
}

import { STYLE_PROPERTIES, type StyleLike } from '../page-analysis/hidden-style';

/** The width the CLI reads a page at (the end-to-end browser's window), for `@media` width conditions. */
const VIEWPORT_WIDTH = 1280;
/** Selectors that depend on the pointer or on state a saved page never has: their rules never apply here. */
const DYNAMIC_SELECTOR = /:(?:hover|focus|active|visited|target|checked)|::/;

const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Whether a `@media` condition holds for a screen {@link VIEWPORT_WIDTH} wide (print and other media never). */
function mediaApplies(media: string): boolean {
  const text = media.toLowerCase();
  if (/\bprint\b|\bspeech\b/.test(text) && !/\bscreen\b|\ball\b/.test(text)) return false;
  for (const [, kind, value] of text.matchAll(/(min|max)-width\s*:\s*(\d+(?:\.\d+)?)px/g)) {
    const px = Number(value);
    if ((kind === 'min' && VIEWPORT_WIDTH < px) || (kind === 'max' && VIEWPORT_WIDTH > px)) return false;
  }
  return true;
}

interface DeclarationBlock {
  getPropertyValue(name: string): string;
}

/** The properties `textIsHidden` reads, from one declaration block, onto `into` (later blocks win). */
function copyDeclared(style: DeclarationBlock, into: StyleLike): boolean {
  let any = false;
  for (const property of STYLE_PROPERTIES) {
    const value = style.getPropertyValue(kebab(property)).trim();
    if (value) {
      into[property] = value;
      any = true;
    }
  }
  return any;
}

interface RuleLike {
  type: number;
  selectorText?: string;
  style?: DeclarationBlock;
  media?: { mediaText: string };
  cssRules?: ArrayLike<RuleLike>;
}

/**
 * The style each element of a parsed page declares for what hides text: the page's own `<style>` rules (in order;
 * specificity is not weighed) and its `style` attributes on top. Node has no layout, so this stands in for
 * `getComputedStyle` in `cli detect`; remote style sheets are not fetched (the scoring runs in Chromium block them
 * too, so both read the same page).
 */
export function declaredStyles(doc: Document): (element: Element) => StyleLike | undefined {
  const styles = new Map<Element, StyleLike>();
  const styleOf = (element: Element) => {
    let style = styles.get(element);
    if (!style) styles.set(element, (style = {}));
    return style;
  };
  const apply = (rules: ArrayLike<RuleLike>) => {
    for (const rule of Array.from(rules)) {
      if (rule.type === 4 && rule.media && rule.cssRules) {
        if (mediaApplies(rule.media.mediaText)) apply(rule.cssRules);
        continue;
      }
      if (rule.type !== 1 || !rule.selectorText || !rule.style || DYNAMIC_SELECTOR.test(rule.selectorText)) continue;
      const declared: StyleLike = {};
      if (!copyDeclared(rule.style, declared)) continue;
      let elements: Iterable<Element>;
      try {
        elements = doc.querySelectorAll(rule.selectorText);
      } catch {
        continue; // a selector this DOM cannot match; a browser would skip the rule too
      }
      for (const element of elements) Object.assign(styleOf(element), declared);
    }
  };
  for (const element of doc.querySelectorAll('style')) {
    try {
      const sheet = element.sheet;
      if (sheet) apply(sheet.cssRules);
    } catch {
      // a sheet that cannot be read hides nothing (a browser drops what it cannot parse too)
    }
  }
  for (const element of doc.querySelectorAll('[style]')) copyDeclared((element as HTMLElement).style, styleOf(element));
  return (element) => styles.get(element);
}

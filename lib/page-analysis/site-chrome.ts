/**
 * The site's own chrome: what a page has around its content on every page of the site (menus, headers, footers,
 * share buttons, breadcrumbs). Told by general rules only, never by site: HTML elements and ARIA roles that mean
 * chrome, class and id words that sites use for it, and blocks that are mostly links (menus and headline lists).
 */

/**
 * Elements and ARIA roles that are chrome wherever they stand. `header` and `footer` are the page's banner and
 * footer only outside an article or `main` (inside, they hold the headline and byline: HTML-AAM maps them to
 * `banner`/`contentinfo` only when scoped to the body), so they are judged in {@link isChromeElement}.
 * https://www.w3.org/TR/html-aam-1.0/#el-header
 */
const CHROME_SELECTOR = [
  'nav',
  'menu',
  'dialog:not([open])',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="toolbar"]',
  '[role="tablist"]',
  '[role="search"]',
  '[role="complementary"]',
  '[role="dialog"]:not([aria-modal="true"])',
  'aside',
  'header',
  'footer',
].join(',');

/** Where `header`, `footer` and `aside` belong to the content, not to the site. */
const CONTENT_SCOPE = 'article,main,[role="main"],[role="article"]';

/**
 * Words in class names and ids that mean site chrome, as Readability's `unlikelyCandidates` and similar extractors
 * use them: menus, navigation bars, breadcrumbs, share and social buttons, toolbars, site headers and footers.
 * Matched against whole words of a class or id (`share-bar`, `navBar`, `site_footer`), never substrings, so
 * `shareholders` or `navigator` stay prose. https://github.com/mozilla/readability/blob/main/Readability.js
 */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'subnav',
  'topnav',
  'sitenav',
  'menu',
  'menubar',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'crumbs',
  'share',
  'sharing',
  'sharebar',
  'social',
  'sns',
  'toolbar',
  'topbar',
  'masthead',
  'footer',
  'copyright',
  'sidebar',
  'skip',
  'tooltip',
  'dropdown',
  'popup',
  'modal',
  'cookie',
  'gdpr',
  'banner',
  'ad',
  'ads',
  'advert',
  'sponsor',
]);

/** Splits `navBar`, `share-bar`, `site_footer top` into lower-case words. */
export function classWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Verdicts per class or id value: a page repeats a few hundred class values over thousands of elements. */
const namedChrome = new Map<string, boolean>();
/** Values remembered at most (a page making unique class names must not grow the map without end). */
const NAMED_CHROME_CACHE = 5_000;

/** Whether a class or id value names a chrome part (`top-nav`, `shareBar`, `footer`). */
export function namesChrome(value: string | null): boolean {
  if (value === null || value === '') return false;
  let verdict = namedChrome.get(value);
  if (verdict === undefined) {
    verdict = classWords(value).some((word) => CHROME_WORDS.has(word));
    if (namedChrome.size >= NAMED_CHROME_CACHE) namedChrome.clear();
    namedChrome.set(value, verdict);
  }
  return verdict;
}

/** Elements never judged chrome by their class or id: they hold the whole page or its content. */
const NEVER_CHROME_BY_NAME = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
/**
 * A block holding the content (an article, `main`, the page's headline) is not chrome whatever its class says:
 * `content-with-sidebar` or `layout-nav-open` wrappers name chrome words but hold the page.
 */
const HOLDS_CONTENT = `${CONTENT_SCOPE},h1`;

/** Words a site writes as its name: an `h1` of this few characters with no space is a logo, not a headline. */
const MIN_HEADLINE_LENGTH = 12;

/**
 * Whether navigation holds the page's headline (`<nav class="breadcrumb"> … <h1>Apple Inc. Common Stock (AAPL)</h1>`,
 * as quote pages put the title in their breadcrumb bar): then it is not chrome, as a class-named wrapper holding an
 * `h1` is not. Only navigation (`nav`, the role): a site header often holds the site's logo as an `h1`. A short `h1`
 * (the site's name) is no headline.
 */
function holdsHeadline(element: Element): boolean {
  if (element.tagName !== 'NAV' && element.getAttribute('role') !== 'navigation') return false;
  for (const heading of element.querySelectorAll('h1')) {
    const text = heading.textContent?.trim() ?? '';
    if (text.length >= MIN_HEADLINE_LENGTH && /\s/.test(text)) return true;
  }
  return false;
}

/** Whether `element` is chrome by its element, role, class or id (its ancestors aside). */
export function isChromeElement(element: Element): boolean {
  if (element.matches(CHROME_SELECTOR)) {
    const tag = element.tagName;
    if ((tag === 'HEADER' || tag === 'FOOTER' || tag === 'ASIDE') && element.parentElement?.closest(CONTENT_SCOPE)) return false;
    return !holdsHeadline(element);
  }
  if (NEVER_CHROME_BY_NAME.has(element.tagName)) return false;
  if (!namesChrome(element.getAttribute('class')) && !namesChrome(element.getAttribute('id'))) return false;
  return !element.matches(CONTENT_SCOPE) && element.querySelector(HOLDS_CONTENT) === null;
}

/**
 * The chrome elements under `root` by element, role, class or id (link-dense blocks are found apart). Two
 * `querySelectorAll` calls find the candidates; only those are judged.
 */
export function chromeElementsUnder(root: ParentNode): Set<Element> {
  const found = new Set<Element>();
  for (const element of root.querySelectorAll(`${CHROME_SELECTOR},[class],[id]`)) if (isChromeElement(element)) found.add(element);
  return found;
}

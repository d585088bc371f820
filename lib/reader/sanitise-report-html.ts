import DOMPurify from 'dompurify';

/** Elements a report never needs and that could load, run or submit something. */
const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'picture',
  'svg',
  'math',
];
/** Attributes that load or style from elsewhere. */
const FORBID_ATTR = ['style', 'srcset', 'background', 'poster', 'formaction', 'ping'];

/** Image sources that may load once the user asks: the web's, and inline data. */
const LOADABLE_IMAGE = /^(?:https?:|data:image\/)/i;

/**
 * Sanitises untrusted report HTML into a fragment (DOMPurify): no script, no form, no style, and nothing that loads
 * from the network. Images keep their place and alt text but lose their source, unless `keepImages` (the user asked
 * to load this report's images: only `<img src>` of http, https or data, shown in the sandboxed page); links open in
 * a new tab without access to this page.
 */
export function sanitiseReportHtml(html: string, { keepImages = false } = {}): { fragment: DocumentFragment; blockedImages: number } {
  let blockedImages = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (src) blockedImages++;
      if (keepImages && LOADABLE_IMAGE.test(src)) return node.setAttribute('referrerpolicy', 'no-referrer');
      node.removeAttribute('src');
      node.setAttribute('data-blocked', '');
    }
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const fragment = purify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, RETURN_DOM_FRAGMENT: true });
  return { fragment, blockedImages };
}

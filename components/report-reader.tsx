import DOMPurify from 'dompurify';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useText } from './ui-text';

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

/**
 * Sanitises untrusted report HTML into a fragment (DOMPurify): no script, no form, no style, and nothing that loads
 * from the network. Images keep their place and alt text but lose their source; links open in a new tab without
 * access to this page.
 */
export function sanitiseReportHtml(html: string): { fragment: DocumentFragment; blockedImages: number } {
  let blockedImages = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG') {
      if (node.hasAttribute('src')) blockedImages++;
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

/** The reader: the report's own formatting, sanitised, with remote images blocked (said so, with their count). */
export function ReportReader({ html }: { html: string }) {
  const t = useText();
  const container = useRef<HTMLDivElement>(null);
  const [blocked, setBlocked] = useState(0);
  useEffect(() => {
    const { fragment, blockedImages } = sanitiseReportHtml(html);
    container.current?.replaceChildren(fragment);
    setBlocked(blockedImages);
  }, [html]);
  return (
    <section class="rl-reader" aria-label={t('reader.label')}>
      {blocked > 0 && <p class="rl-counts">{t('reader.imagesBlocked', { n: blocked })}</p>}
      <div ref={container} />
    </section>
  );
}

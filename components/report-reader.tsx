import DOMPurify from 'dompurify';
import { useEffect, useRef, useState } from 'preact/hooks';
import { canShowRemoteImages, REPORT_IMAGES_PAGE, type ReportImagesMessage } from '../lib/reader/report-images-frame';
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

/**
 * The reader: the report's own formatting, sanitised, with remote images blocked (said so, with their count). On
 * request it shows this one report with its images in the sandboxed page instead, the only place they may load.
 */
export function ReportReader({ html }: { html: string }) {
  const t = useText();
  const container = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [blocked, setBlocked] = useState(0);
  const [withImages, setWithImages] = useState(false);
  const [frameHeight, setFrameHeight] = useState(0);
  useEffect(() => {
    setWithImages(false);
    const { fragment, blockedImages } = sanitiseReportHtml(html);
    container.current?.replaceChildren(fragment);
    setBlocked(blockedImages);
  }, [html]);
  useEffect(() => {
    if (!withImages) return;
    const onMessage = (event: MessageEvent<ReportImagesMessage>) => {
      if (event.source === frame.current?.contentWindow && event.data?.type === 'reportlens-height') setFrameHeight(event.data.height);
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, [withImages]);
  const sendReport = () => {
    const holder = document.createElement('div');
    holder.append(sanitiseReportHtml(html, { keepImages: true }).fragment);
    const message: ReportImagesMessage = { type: 'reportlens-report', html: holder.innerHTML };
    frame.current?.contentWindow?.postMessage(message, '*');
  };
  return (
    <section class="rl-reader" aria-label={t('reader.label')}>
      {blocked > 0 && !withImages && (
        <p class="rl-counts">
          {t('reader.imagesBlocked', { n: blocked })}{' '}
          {canShowRemoteImages() && (
            <button type="button" onClick={() => setWithImages(true)}>
              {t('reader.loadImages')}
            </button>
          )}
        </p>
      )}
      {withImages && (
        <iframe
          ref={frame}
          class="rl-report-frame"
          src={REPORT_IMAGES_PAGE}
          title={t('reader.withImages')}
          sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
          style={{ height: `${Math.max(frameHeight, 120)}px` }}
          onLoad={sendReport}
        />
      )}
      <div ref={container} hidden={withImages} />
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { canShowRemoteImages, REPORT_IMAGES_PAGE, type ReportImagesMessage } from '../lib/reader/report-images-frame';
import { sanitiseReportHtml } from '../lib/reader/sanitise-report-html';
import { useText } from './ui-text';

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

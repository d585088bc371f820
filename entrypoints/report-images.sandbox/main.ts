import '~/components/report-images.css';
import type { ReportImagesMessage } from '~/lib/reader/report-images-frame';

/**
 * The one place a report's remote images load, after the user asked for them: a sandboxed page (unique origin, no
 * extension APIs, its own CSP that allows remote images and nothing else remote). The reader hands it HTML it has
 * already sanitised; this page only shows it and reports its height so the frame fits.
 */
const container = document.getElementById('report')!;
const post = (message: ReportImagesMessage) => parent.postMessage(message, '*');
const reportHeight = () => post({ type: 'reportlens-height', height: document.documentElement.scrollHeight });

addEventListener('message', (event: MessageEvent<ReportImagesMessage>) => {
  if (event.source !== parent || event.data?.type !== 'reportlens-report') return;
  // Parsed, not assigned to innerHTML: the markup is inert until its nodes are placed (and web-ext lint stays quiet).
  container.replaceChildren(...new DOMParser().parseFromString(event.data.html, 'text/html').body.childNodes);
  for (const image of container.querySelectorAll('img')) image.addEventListener('load', reportHeight);
  reportHeight();
});
new ResizeObserver(reportHeight).observe(document.body);

import { browser } from 'wxt/browser';

/**
 * Messages between the reader and the sandboxed page that shows a report with its images
 * (`entrypoints/report-images.sandbox`). The sandbox has a unique origin, so both sides post to `*` and check the
 * sender window instead.
 */
export type ReportImagesMessage =
  /** Reader → sandbox: the report, sanitised, image sources kept. */
  | { type: 'reportlens-report'; html: string }
  /** Sandbox → reader: the height of the shown report, so the frame fits it. */
  | { type: 'reportlens-height'; height: number };

/** Path of the sandboxed page. */
export const REPORT_IMAGES_PAGE = '/report-images.html';

/** Whether this build has the sandboxed page: Chromium's does; Firefox has no sandboxed pages, so images stay blocked there. */
export const canShowRemoteImages = (): boolean =>
  Boolean((browser.runtime.getManifest() as { sandbox?: { pages?: string[] } }).sandbox?.pages?.length);

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where pdf.js's worker, CMaps and standard fonts sit in the built extension (all local: nothing is fetched remotely). */
export const PDFJS_EXTENSION_DIR = 'pdfjs';

/**
 * The pdf.js files the extension ships, for WXT's `build:publicAssets` hook: the worker (pdf.js parses there, off the
 * library page), the packed CMaps (Chinese fonts without embedded Unicode maps need them) and the standard fonts.
 * Build-time only (Node).
 */
export function pdfjsExtensionFiles(): { absoluteSrc: string; relativeDest: string }[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) =>
    readdirSync(join(root, name)).map((file) => ({
      absoluteSrc: join(root, name, file),
      relativeDest: `${PDFJS_EXTENSION_DIR}/${name}/${file}`,
    }));
  return [
    { absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: `${PDFJS_EXTENSION_DIR}/pdf.worker.min.mjs` },
    ...folder('cmaps'),
    ...folder('standard_fonts'),
  ];
}

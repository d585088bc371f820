import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The production Chrome build the sizes are read from (`npm run build`). */
const BUILD_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface SizeFigures {
  input: string;
  contentScriptGzBytes: number;
  /** The hover card's view, injected on a page the first time a card opens there (`card-view.js`). */
  cardViewGzBytes: number;
  workerGzBytes: number;
  popupGzBytes: number;
  libraryPageGzBytes: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
/** Static imports of a built chunk (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` loads later, on demand. */
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g;

/**
 * The chunks an entry loads before it runs: its own chunk and every chunk reached from it by static imports (WXT/Vite
 * split shared code into `chunks/`; lazily imported ones, such as pdf.js for the library page, are not counted).
 */
function loadedChunks(prefix: string): string[] {
  const dir = join(BUILD_DIR, 'chunks');
  const entry = readdirSync(dir).find((name) => name.startsWith(prefix) && name.endsWith('.js'));
  if (!entry) throw new Error(`size bench: no chunk ${prefix}*.js in ${dir}`);
  const seen = new Set([entry]);
  for (const name of seen) for (const [, imported] of readFileSync(join(dir, name), 'utf8').matchAll(STATIC_IMPORT)) seen.add(imported!);
  return [...seen];
}
const chunksGz = (names: string[]) => names.reduce((sum, name) => sum + gz(join(BUILD_DIR, 'chunks', name)), 0);

/** Gzipped size of each bundle the browser loads, from the production build. */
export function benchSize(): SizeFigures {
  statSync(join(BUILD_DIR, 'manifest.json'));
  const popup = loadedChunks('popup-');
  const libraryPage = loadedChunks('options-');
  return {
    input: `${BUILD_DIR} (gzip -9); popup: ${popup.join(', ')}; library page: ${libraryPage.join(', ')} (chunks statically imported, lazy ones apart)`,
    contentScriptGzBytes: gz(join(BUILD_DIR, 'content-scripts', 'content.js')),
    cardViewGzBytes: gz(join(BUILD_DIR, 'card-view.js')),
    workerGzBytes: gz(join(BUILD_DIR, 'background.js')),
    popupGzBytes: chunksGz(popup),
    libraryPageGzBytes: chunksGz(libraryPage),
  };
}

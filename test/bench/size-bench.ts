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
/** Chunks an entry loads: its own chunk plus the shared ones (WXT/Vite split shared code into `chunks/`). */
const chunk = (prefix: string) => readdirSync(join(BUILD_DIR, 'chunks')).filter((name) => name.startsWith(prefix) && name.endsWith('.js'));

/** Gzipped size of each bundle the browser loads, from the production build. */
export function benchSize(): SizeFigures {
  statSync(join(BUILD_DIR, 'manifest.json'));
  const shared = readdirSync(join(BUILD_DIR, 'chunks')).filter((name) => name.endsWith('.js') && !/^(popup|options)-/.test(name));
  const sharedGz = shared.reduce((sum, name) => sum + gz(join(BUILD_DIR, 'chunks', name)), 0);
  return {
    input: `${BUILD_DIR} (gzip -9); popup and library page include the ${shared.length} shared chunk(s)`,
    contentScriptGzBytes: gz(join(BUILD_DIR, 'content-scripts', 'content.js')),
    cardViewGzBytes: gz(join(BUILD_DIR, 'card-view.js')),
    workerGzBytes: gz(join(BUILD_DIR, 'background.js')),
    popupGzBytes: chunk('popup-').reduce((sum, name) => sum + gz(join(BUILD_DIR, 'chunks', name)), 0) + sharedGz,
    libraryPageGzBytes: chunk('options-').reduce((sum, name) => sum + gz(join(BUILD_DIR, 'chunks', name)), 0) + sharedGz,
  };
}

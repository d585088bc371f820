/**
 * The import worker's module (a dedicated worker the library page starts for a large selection, bundled by Vite from
 * `new Worker(new URL(...))` in `import-workers.ts`): it reads report files beside the page, on another core.
 */
import { openLibraryDatabase } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import type { MessageEndpoint } from './import-worker-protocol';
import { serveImportReads } from './serve-import-reads';

serveImportReads(self as unknown as MessageEndpoint, (database) => loadParseContext(openLibraryDatabase(database)));

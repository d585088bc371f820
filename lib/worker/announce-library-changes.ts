import { DATABASE_NAME } from '../db/database';
import { workerMessenger } from '../messaging/protocol';
import { watchLibraryChanges } from './library-changes';

/**
 * For an extension page that writes the library: every committed write to a cached table, whoever made it, is
 * forwarded to the worker as `libraryChanged`. The worker also hears writes through Dexie's broadcast, but only
 * while it runs; a message wakes it (MV3 stops an idle worker), so open tabs are told either way. Call once per page.
 */
export function announceLibraryChanges(name = DATABASE_NAME): () => void {
  return watchLibraryChanges(name, () => void workerMessenger.sendMessage('libraryChanged', undefined).catch(() => undefined));
}

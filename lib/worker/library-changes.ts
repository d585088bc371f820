import Dexie from 'dexie';

/**
 * Tables whose writes change what the worker caches; bodies and the import log change nothing it keeps. The user's
 * blocks change names as aliases do.
 */
export type CachedTable = 'reports' | 'reportSecurities' | 'aliases' | 'aliasBlocks';
const CACHED_TABLES: ReadonlySet<string> = new Set<CachedTable>(['reports', 'reportSecurities', 'aliases', 'aliasBlocks']);

/** Wait after a change before telling: one import is one transaction, but a user deleting rows makes several. */
export const CHANGE_SETTLE_MS = 100;

/**
 * The cached tables of database `name` that a Dexie `storagemutated` event names. Its parts are keyed
 * `idb://<database>/<table>/<index>` (Dexie's observability set), one key per touched table and index.
 */
export function changedTables(parts: Record<string, unknown>, name: string): Set<CachedTable> {
  const prefix = `idb://${name}/`;
  const tables = new Set<CachedTable>();
  for (const key of Object.keys(parts)) {
    if (!key.startsWith(prefix)) continue;
    const table = key.slice(prefix.length).split('/')[0]!;
    if (CACHED_TABLES.has(table)) tables.add(table as CachedTable);
  }
  return tables;
}

/**
 * Calls `onChange` with the cached tables a write touched, for writes from any context: Dexie fires
 * `storagemutated` for commits in this context and, through a BroadcastChannel, for those of the extension's
 * pages and other workers (https://dexie.org/docs/Dexie/Dexie.on.storagemutated). Changes within
 * {@link CHANGE_SETTLE_MS} are told once. Returns the unsubscribe.
 */
export function watchLibraryChanges(name: string, onChange: (tables: Set<CachedTable>) => void): () => void {
  let pending = new Set<CachedTable>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    for (const table of changedTables(parts, name)) pending.add(table);
    if (!pending.size || timer !== undefined) return;
    timer = setTimeout(() => {
      const tables = pending;
      pending = new Set();
      timer = undefined;
      onChange(tables);
    }, CHANGE_SETTLE_MS);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(listener);
  };
}

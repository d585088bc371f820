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

/** Report ids a change wrote or deleted, or 'all' when a change names a range of them (a clear, a ranged delete). */
export type ChangedReports = ReadonlySet<string> | 'all';

/** A node of Dexie's `RangeSet` as it arrives, here or through the BroadcastChannel (a structured clone). */
interface RangeNode {
  from: unknown;
  to: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/**
 * The keys of a Dexie `RangeSet` (a balanced tree of ranges: a written key is a range from the key to itself), or
 * 'all' when one range spans keys that are not named. Walked with a stack: a 5,000-report import is 5,000 nodes.
 */
export function keysOfRangeSet(set: unknown): Set<string> | 'all' {
  const keys = new Set<string>();
  const stack: unknown[] = [set];
  while (stack.length) {
    const node = stack.pop() as RangeNode | null | undefined;
    if (!node || typeof node !== 'object' || !('from' in node)) continue;
    // An empty set is a node without bounds.
    if (node.from === undefined && node.to === undefined) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    keys.add(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}

/** The report ids a `storagemutated` event's parts name (the `reports` table's primary keys), or undefined if none. */
export function changedReports(parts: Record<string, unknown>, name: string): ChangedReports | undefined {
  const part = parts[`idb://${name}/reports/`];
  return part === undefined ? undefined : keysOfRangeSet(part);
}

/** Report ids of two changes together. */
export const mergeChangedReports = (a: ChangedReports | undefined, b: ChangedReports | undefined): ChangedReports | undefined =>
  a === 'all' || b === 'all' ? 'all' : a && b ? new Set([...a, ...b]) : (a ?? b);

/**
 * Calls `onChange` with the cached tables a write touched, for writes from any context: Dexie fires
 * `storagemutated` for commits in this context and, through a BroadcastChannel, for those of the extension's
 * pages and other workers (https://dexie.org/docs/Dexie/Dexie.on.storagemutated). Changes within
 * {@link CHANGE_SETTLE_MS} are told once, with the report ids they wrote or deleted (undefined when no report row
 * changed), so a cache can update those rows instead of starting over. Returns the unsubscribe.
 */
export function watchLibraryChanges(
  name: string,
  onChange: (tables: Set<CachedTable>, reports: ChangedReports | undefined) => void,
): () => void {
  let pending = new Set<CachedTable>();
  let reports: ChangedReports | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: Record<string, unknown>) => {
    for (const table of changedTables(parts, name)) pending.add(table);
    reports = mergeChangedReports(reports, changedReports(parts, name));
    if (!pending.size || timer !== undefined) return;
    timer = setTimeout(() => {
      const tables = pending;
      const changed = reports;
      pending = new Set();
      reports = undefined;
      timer = undefined;
      onChange(tables, changed);
    }, CHANGE_SETTLE_MS);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(listener);
  };
}

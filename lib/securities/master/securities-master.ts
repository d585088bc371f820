import type { MatcherOptions } from '../../detect/find-securities';
import { decodeMaster, type SecuritiesMaster } from './master-format';

/** Where the master is served from in the extension: the build's root (WXT copies `public/` there). */
export const MASTER_PATH = '/securities-master.json';

/** Reads the committed master's text. */
export type MasterReader = () => Promise<string>;

/**
 * In an extension page or the worker, the file of the extension itself (its own origin: no network). Node has no
 * such origin; the CLI and the tests set a reader of the file on disk ({@link useMasterReader}).
 */
const readFromExtension: MasterReader = async () => {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  if (!base) throw new Error('securities master: no extension origin to read it from (in Node, call useMasterReader first)');
  const response = await fetch(new URL(MASTER_PATH, base));
  if (!response.ok) throw new Error(`securities master: ${MASTER_PATH} answered ${response.status}`);
  return response.text();
};

let reader: MasterReader = readFromExtension;
let loaded: Promise<SecuritiesMaster> | undefined;

/** Sets where the master is read from (Node: the file on disk) and forgets a master already read. */
export function useMasterReader(read: MasterReader): void {
  reader = read;
  loaded = undefined;
}

/**
 * The securities master, read and decoded on first use and kept (about 1.3 MB of JSON; never in a content script,
 * whose tabs get only the small tab dictionary). A failed read is not kept, so the next call tries again.
 */
export function securitiesMaster(): Promise<SecuritiesMaster> {
  loaded ??= reader()
    .then(decodeMaster)
    .catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}

/** What a matcher needs of the master beyond its entries: phrases that are not names, renamed and delisted tickers. */
export const masterMatcherOptions = (master: SecuritiesMaster): MatcherOptions => ({
  notNames: master.notNames,
  renamed: master.renamed,
  delisted: master.delisted,
});

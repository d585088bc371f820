import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useMasterReader } from './securities-master';

/** The committed master on disk (`public/securities-master.json`), for Node: the CLI and the tests. */
export const MASTER_FILE = fileURLToPath(new URL('../../../public/securities-master.json', import.meta.url));

/** Makes {@link securitiesMaster} read the committed file from disk. */
export function readMasterFromDisk(): void {
  useMasterReader(() => readFile(MASTER_FILE, 'utf8'));
}

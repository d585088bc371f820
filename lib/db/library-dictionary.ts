import type { SecurityEntry } from '../securities/bundled-securities';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { SecurityDictionary } from '../securities/dictionary';
import type { LibraryDatabase } from './database';

/** The dictionary as the library knows it now: the bundled list plus every stored alias (user lists, learned). */
export async function loadLibraryDictionary(db: LibraryDatabase): Promise<SecurityDictionary> {
  const stored = await db.aliases.toArray();
  const extra: SecurityEntry[] = stored.map((alias) => ({ id: alias.securityId, names: [alias.alias] }));
  return new SecurityDictionary([...BUNDLED_SECURITIES, ...extra]);
}

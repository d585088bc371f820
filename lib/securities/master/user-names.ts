import type { SecurityEntry } from '../bundled-securities';
import type { SecurityDictionary } from '../dictionary';
import { weakByItself } from './name-strength';

/**
 * Names from a user's list, weighed: a name the master knows for that listing keeps the master's strength (it is
 * merged with the master's entry); one it does not know is weighed by the rules that look at a name alone, as a
 * short form (an ordinary word, a place or a two-character short form needs support, whoever lists it).
 */
export function weighUserNames(entries: readonly SecurityEntry[], master: SecurityDictionary): SecurityEntry[] {
  return entries.map((entry) => {
    const known = new Set(master.get(entry.id)?.names ?? []);
    const weak = entry.names.filter((name) => !known.has(name) && weakByItself(name, 'short') !== undefined);
    return weak.length ? { ...entry, weak: [...new Set([...(entry.weak ?? []), ...weak])] } : entry;
  });
}

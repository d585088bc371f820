import { createSecurityMatcher } from '../detect/find-securities';
import type { ParseContext } from '../reports/parse-report';
import { BlockedNames } from '../securities/alias-gate';
import type { SecurityEntry } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import type { SecuritiesMaster } from '../securities/master/master-format';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import { weighUserNames } from '../securities/master/user-names';
import type { LibraryDatabase, StoredAlias } from './database';

/**
 * The dictionary as the library knows it now: the securities master plus every stored alias (user lists, learned),
 * less the names the user blocked.
 */
export async function loadLibraryDictionary(db: LibraryDatabase): Promise<SecurityDictionary> {
  const [master, aliases, blocks] = await Promise.all([securitiesMaster(), db.aliases.toArray(), db.aliasBlocks.toArray()]);
  return dictionaryOf(master, aliases, new BlockedNames(blocks));
}

/**
 * Stored aliases as entries: names from user lists weighed ({@link weighUserNames}); learned aliases passed their own
 * gate when learned.
 */
function asEntries(aliases: readonly StoredAlias[], master: SecurityDictionary): SecurityEntry[] {
  const entry = (alias: StoredAlias): SecurityEntry => ({ id: alias.securityId, names: [alias.alias] });
  return [
    ...weighUserNames(aliases.filter((alias) => alias.origin === 'user-list').map(entry), master),
    ...aliases.filter((alias) => alias.origin !== 'user-list').map(entry),
  ];
}

/** The master's dictionary, built once per master (the worker and the library page keep it while they live). */
const masterDictionaries = new WeakMap<SecuritiesMaster, SecurityDictionary>();
const masterDictionary = (master: SecuritiesMaster) => {
  let dictionary = masterDictionaries.get(master);
  if (!dictionary) masterDictionaries.set(master, (dictionary = new SecurityDictionary(master.entries)));
  return dictionary;
};

function dictionaryOf(master: SecuritiesMaster, aliases: readonly StoredAlias[], blocked: BlockedNames): SecurityDictionary {
  const base = masterDictionary(master);
  const extra = asEntries(aliases, base);
  // With no block, a copy of the master's dictionary plus the aliases; a block takes names out of the master's entries.
  if (!blocked.size) return new SecurityDictionary(extra, base);
  return new SecurityDictionary(blocked.filterEntries([...master.entries, ...extra]));
}

/**
 * What an import or re-index parses with: the library's dictionary and a matcher over it in which learned aliases
 * keep their rule, so a report found through one says so (`learned-alias`) however often it is re-parsed. Blocked
 * names are in neither; learning knows which names were learned and which are blocked (`learning`).
 */
export async function loadParseContext(db: LibraryDatabase): Promise<ParseContext> {
  const [master, stored, blocks] = await Promise.all([securitiesMaster(), db.aliases.toArray(), db.aliasBlocks.toArray()]);
  const blocked = new BlockedNames(blocks);
  const dictionary = dictionaryOf(master, stored, blocked);
  const listed = asEntries(
    stored.filter((alias) => alias.origin !== 'learned'),
    masterDictionary(master),
  );
  const matcher = createSecurityMatcher(blocked.filterEntries([...master.entries, ...listed]), {
    variants: chineseVariantTable(),
    ...masterMatcherOptions(master),
  });
  const learned = new Set<string>();
  for (const alias of stored) {
    if (alias.origin !== 'learned' || blocked.has(alias.alias, alias.securityId)) continue;
    matcher.addName(alias.alias, alias.securityId, 'learned-alias');
    learned.add(`${alias.alias}\u0000${alias.securityId}`);
  }
  return {
    dictionary,
    matcher,
    learning: {
      isLearned: (alias, id) => learned.has(`${alias}\u0000${id}`),
      isBlocked: (alias, id) => blocked.has(alias, id),
    },
  };
}

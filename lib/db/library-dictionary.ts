import { createSecurityMatcher } from '../detect/find-securities';
import type { ParseContext } from '../reports/parse-report';
import type { SecurityEntry } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import type { SecuritiesMaster } from '../securities/master/master-format';
import { masterMatcherOptions, securitiesMaster } from '../securities/master/securities-master';
import { weighUserNames } from '../securities/master/user-names';
import type { LibraryDatabase, StoredAlias } from './database';

/** The dictionary as the library knows it now: the securities master plus every stored alias (user lists, learned). */
export async function loadLibraryDictionary(db: LibraryDatabase): Promise<SecurityDictionary> {
  const [master, aliases] = await Promise.all([securitiesMaster(), db.aliases.toArray()]);
  return dictionaryOf(master, aliases);
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

function dictionaryOf(master: SecuritiesMaster, aliases: readonly StoredAlias[]): SecurityDictionary {
  const extra = asEntries(aliases, masterDictionary(master));
  return new SecurityDictionary([...master.entries, ...extra]);
}

/**
 * What an import or re-index parses with: the library's dictionary and a matcher over it in which learned aliases
 * keep their rule, so a report found through one says so (`learned-alias`) however often it is re-parsed.
 */
export async function loadParseContext(db: LibraryDatabase): Promise<ParseContext> {
  const [master, stored] = await Promise.all([securitiesMaster(), db.aliases.toArray()]);
  const dictionary = dictionaryOf(master, stored);
  const listed = asEntries(
    stored.filter((alias) => alias.origin !== 'learned'),
    masterDictionary(master),
  );
  const matcher = createSecurityMatcher([...master.entries, ...listed], {
    variants: chineseVariantTable(),
    ...masterMatcherOptions(master),
  });
  for (const alias of stored) if (alias.origin === 'learned') matcher.addName(alias.alias, alias.securityId, 'learned-alias');
  return { dictionary, matcher };
}

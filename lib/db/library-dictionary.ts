import { createSecurityMatcher } from '../detect/find-securities';
import type { ParseContext } from '../reports/parse-report';
import { BlockedNames } from '../securities/alias-gate';
import type { SecurityEntry } from '../securities/bundled-securities';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import type { LibraryDatabase, StoredAlias } from './database';

/**
 * The dictionary as the library knows it now: the bundled list plus every stored alias (user lists, learned), less
 * the names the user blocked.
 */
export async function loadLibraryDictionary(db: LibraryDatabase): Promise<SecurityDictionary> {
  const [aliases, blocks] = await Promise.all([db.aliases.toArray(), db.aliasBlocks.toArray()]);
  return dictionaryOf(aliases, new BlockedNames(blocks));
}

const asEntries = (aliases: readonly StoredAlias[]): SecurityEntry[] =>
  aliases.map((alias) => ({ id: alias.securityId, names: [alias.alias] }));
const dictionaryOf = (aliases: readonly StoredAlias[], blocked: BlockedNames) =>
  new SecurityDictionary(blocked.filterEntries([...BUNDLED_SECURITIES, ...asEntries(aliases)]));

/**
 * What an import or re-index parses with: the library's dictionary and a matcher over it in which learned aliases
 * keep their rule, so a report found through one says so (`learned-alias`) however often it is re-parsed. Blocked
 * names are in neither; learning knows which names were learned and which are blocked (`learning`).
 */
export async function loadParseContext(db: LibraryDatabase): Promise<ParseContext> {
  const [stored, blocks] = await Promise.all([db.aliases.toArray(), db.aliasBlocks.toArray()]);
  const blocked = new BlockedNames(blocks);
  const dictionary = dictionaryOf(stored, blocked);
  const matcher = createSecurityMatcher(
    blocked.filterEntries([...BUNDLED_SECURITIES, ...asEntries(stored.filter((alias) => alias.origin !== 'learned'))]),
    {
      variants: chineseVariantTable(),
    },
  );
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

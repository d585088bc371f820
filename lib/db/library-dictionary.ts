import { createSecurityMatcher } from '../detect/find-securities';
import type { ParseContext } from '../reports/parse-report';
import type { SecurityEntry } from '../securities/bundled-securities';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import { SecurityDictionary } from '../securities/dictionary';
import type { LibraryDatabase, StoredAlias } from './database';

/** The dictionary as the library knows it now: the bundled list plus every stored alias (user lists, learned). */
export async function loadLibraryDictionary(db: LibraryDatabase): Promise<SecurityDictionary> {
  return dictionaryOf(await db.aliases.toArray());
}

const asEntries = (aliases: readonly StoredAlias[]): SecurityEntry[] =>
  aliases.map((alias) => ({ id: alias.securityId, names: [alias.alias] }));
const dictionaryOf = (aliases: readonly StoredAlias[]) => new SecurityDictionary([...BUNDLED_SECURITIES, ...asEntries(aliases)]);

/**
 * What an import or re-index parses with: the library's dictionary and a matcher over it in which learned aliases
 * keep their rule, so a report found through one says so (`learned-alias`) however often it is re-parsed.
 */
export async function loadParseContext(db: LibraryDatabase): Promise<ParseContext> {
  const stored = await db.aliases.toArray();
  const dictionary = dictionaryOf(stored);
  const matcher = createSecurityMatcher([...BUNDLED_SECURITIES, ...asEntries(stored.filter((alias) => alias.origin !== 'learned'))], {
    variants: chineseVariantTable(),
  });
  for (const alias of stored) if (alias.origin === 'learned') matcher.addName(alias.alias, alias.securityId, 'learned-alias');
  return { dictionary, matcher };
}

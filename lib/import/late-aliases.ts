import type { StoredAlias } from '../db/database';
import { createSecurityMatcher } from '../detect/find-securities';
import { chineseVariantTable } from '../securities/chinese-variants';
import type { SecurityId } from '../securities/security-id';

/**
 * Which of some aliases a text mentions, as the latest position among them (-1 for none). An import learns names
 * as it reads (`阿里巴巴（09988.HK）`), so the reports read before a name was learned (earlier in the same import, or
 * already in the library) are read again when they mention it: every report is resolved against every alias the
 * library knows, whatever order the reports came in, and a backup restored gives back the same library.
 * Positions are the aliases' order in `aliases`; a security taught by several aliases counts as its latest.
 */
export function latestAliasMentioned(aliases: readonly StoredAlias[]): (text: string) => number {
  const latest = new Map<SecurityId, number>();
  aliases.forEach((alias, i) => latest.set(alias.securityId, i));
  // Same folding as the import's own matcher, so a traditional spelling of a learned name is found too.
  const matcher = createSecurityMatcher(
    aliases.map((alias) => ({ id: alias.securityId, names: [alias.alias] })),
    { variants: chineseVariantTable() },
  );
  return (text) => {
    let found = -1;
    // Codes (`600519.SH`) are found without any dictionary; only the names say an alias is mentioned.
    for (const mention of matcher.find(text)) if (mention.rule === 'name') found = Math.max(found, latest.get(mention.id) ?? -1);
    return found;
  };
}

import { foldChineseVariants } from '../securities/chinese-variants';
import type { NameBlock } from '../securities/alias-gate';
import type { SecurityDictionary } from '../securities/dictionary';
import { isSecurityId, type SecurityId } from '../securities/security-id';

/** Longest name the question carries: the request's own limit. */
const MAX_NAME = 100;

/** The library page's address (after `#`) that asks whether `name` is not `id`: what the card's button opens. */
export function notThisSecurityHash(name: string, id: SecurityId): string {
  return `not-this=${new URLSearchParams({ name, id }).toString()}`;
}

/** The question a library page address asks, if it asks one (`#not-this=name=…&id=…`). */
export function notThisSecurityOf(hash: string): NameBlock | undefined {
  const match = /^#not-this=(.*)$/.exec(hash);
  if (!match) return undefined;
  const params = new URLSearchParams(match[1]);
  const alias = params.get('name')?.trim() ?? '';
  const securityId = params.get('id') ?? '';
  return alias && alias.length <= MAX_NAME && isSecurityId(securityId) ? { alias, securityId } : undefined;
}

const fold = (name: string) => foldChineseVariants(name).toUpperCase();

/**
 * The blocks "not this security" writes: the name for that listing and for every other listing of its issuer that
 * carries the same name (阿里巴巴 names HK:09988 and US:BABA: saying it is not Alibaba means neither). The name is
 * stored as the dictionary spells it when it has it, else as the page wrote it.
 */
export function blocksForNotThis({ alias, securityId }: NameBlock, dictionary: SecurityDictionary): NameBlock[] {
  const key = fold(alias);
  const blocks: NameBlock[] = [];
  for (const listing of dictionary.issuerListings(securityId)) {
    const spelled = dictionary.get(listing)?.names.find((name) => fold(name) === key);
    if (spelled) blocks.push({ alias: spelled, securityId: listing });
    else if (listing === securityId) blocks.push({ alias, securityId });
  }
  return blocks;
}

/** What the library page asks for one "not this security": the name, the security, and the blocks confirming writes. */
export function notThisQuestion(asked: NameBlock, dictionary: SecurityDictionary) {
  return {
    text: asked.alias,
    entry: `${dictionary.displayName(asked.securityId)} (${asked.securityId})`,
    blocks: blocksForNotThis(asked, dictionary),
  };
}

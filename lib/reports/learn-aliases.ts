import { gateRefusal, referenceOf, type NameReference } from '../securities/alias-gate';
import type { SecurityDictionary } from '../securities/dictionary';
import { normaliseSecurityCode, type SecurityId } from '../securities/security-id';

/** A name a report tied to a code: `中际旭创（300308.SZ）` teaches 中际旭创 → SZ:300308. */
export interface LearnedAlias {
  alias: string;
  securityId: SecurityId;
}

/**
 * `名称（代码[/代码]）`: a CJK name of 2-6 characters, standing alone (after punctuation or a space), right before
 * brackets holding only codes. Longer runs are usually a phrase ending in the name (`龙头公司中际旭创`): not learned.
 */
const NAME_THEN_CODES =
  /(?<![\u4e00-\u9fffA-Za-z0-9])([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,5})(?:-[A-Z]{1,2})?\s?[（(]\s?([A-Za-z0-9.:\s/、,，]{1,40}?)\s?[)）]/g;
/** Words that end up in front of a name in prose (`如中际旭创`, `关注新易盛`); stripped before learning. */
const LEADING_WORDS =
  /^(?:例如|比如|包括|包含|以及|其中|看好|关注|推荐|建议|重点|受益|利好|买入|增持|持有|维持|覆盖|标的|个股|龙头|如|及|和|与|或)/;

/**
 * A code strong enough to learn a name from: one with its exchange (`300308.SZ`, `09988.HK`), a mainland six-digit
 * code, or a US ticker the dictionary already lists. A bare uppercase word is an abbreviation far more often than a
 * ticker (`年复合增长率（CAGR）`, `聚乙烯（LLDPE）`), so an unknown one teaches nothing.
 */
function codeToLearnFrom(code: string, dictionary: SecurityDictionary): SecurityId | undefined {
  const id = normaliseSecurityCode(code);
  if (!id || !/^[A-Z]{1,5}(?:[.-][A-Z])?$/.test(code)) return id;
  return dictionary.get(id) ? id : undefined;
}

/** A ticker with nothing to say it is one (`CAGR`, `MU`); `MU.O`, `NASDAQ:MU` and six-digit codes say so. */
const BARE_TICKER = /^[A-Z]{1,5}$/;

/** Whether the alias or one of its endings (2+ characters) is already a name of that issuer. */
function knownSuffix(alias: string, dictionary: SecurityDictionary, issuer: ReadonlySet<SecurityId>): boolean {
  for (let start = 0; start <= alias.length - 2; start++) {
    if (dictionary.idsForName(alias.slice(start)).some((id) => issuer.has(id))) return true;
  }
  return false;
}

/**
 * The passages of a text that may teach a name (`名称（代码）`), one a line: {@link learnAliases} of them learns what
 * it learns of the whole text. A report read away from the batch's dictionary (in an import worker) sends only these
 * to be learned from, in order, where the dictionary is.
 */
export function aliasPassages(text: string): string {
  let passages = '';
  for (const match of text.matchAll(NAME_THEN_CODES)) passages += `${match[0]}\n`;
  return passages;
}

/** What learning checks a name against besides the text: see {@link learnAliases}. */
export interface LearningPolicy {
  /** Whether a name of the dictionary was itself learned from a report: no evidence for another learned name. */
  isLearned: (alias: string, id: SecurityId) => boolean;
  /** Whether the user said this name is not this security: never learned again. */
  isBlocked(alias: string, id: SecurityId): boolean;
}

const NO_POLICY: LearningPolicy = { isLearned: () => false, isBlocked: () => false };

/**
 * Aliases a text teaches: names followed by codes that all resolve to one listing (or one issuer), that pass the
 * gate ({@link gateRefusal}: a plausible name of that security by the master's names, not learned ones) and that the
 * user has not blocked. Names the dictionary already has for that listing are not returned.
 */
export function learnAliases(text: string, dictionary: SecurityDictionary, policy: LearningPolicy = NO_POLICY): LearnedAlias[] {
  const reference: NameReference = referenceOf(dictionary, (name, id) => policy.isLearned(name, id));
  const learned = new Map<string, LearnedAlias>();
  for (const match of text.matchAll(NAME_THEN_CODES)) {
    const codes = match[2]!.split(/[/、,，\s]+/).filter(Boolean);
    const ids = codes.map((code) => codeToLearnFrom(code, dictionary));
    if (!ids.length || ids.some((id) => !id)) continue;
    const first = ids[0]!;
    const issuer = new Set(dictionary.issuerListings(first));
    if (!ids.every((id) => issuer.has(id!))) continue;
    const alias = match[1]!.replace(LEADING_WORDS, '');
    if (alias.length < 2 || alias.length > 6) continue;
    // Already known, or a phrase ending in a known name (`本季度谷歌（GOOGL）`): nothing to learn.
    if (knownSuffix(alias, dictionary, issuer)) continue;
    if (
      ids.some((id) => policy.isBlocked(alias, id!)) ||
      gateRefusal(alias, first, reference, { bareTicker: codes.every((code) => BARE_TICKER.test(code)) })
    )
      continue;
    learned.set(`${alias}\u0000${first}`, { alias, securityId: first });
  }
  return [...learned.values()];
}

import { ORDINARY_NAME_WORDS } from './ordinary-words';

/** Where a name in the master came from, which decides how much it says alone. */
export type NameOrigin =
  | 'curated' // our list: chosen by hand to mean the company
  | 'listed' // the name an exchange list gives (贵州茅台, Ford Motor)
  | 'short' // a short form a list gives or that we derive (茅台 from the list, 万科 from 万科A)
  | 'upper'; // an upper-case legal name given ordinary case (Aareal Bank from AAREAL BANK N (OTC))

/** Why a name needs support; absent when it counts alone. */
export type WeakReason = 'ordinary-word' | 'short-form' | 'one-word' | 'legal-name' | 'inside-other-name';

const CJK = /[\u3400-\u9fff]/;
/** Whether a name is written in Chinese characters (at least one). */
export const isCjkName = (name: string) => CJK.test(name);

/** Every ordinary word and place of {@link ORDINARY_NAME_WORDS}, in one set. */
const ORDINARY = new Set(Object.values(ORDINARY_NAME_WORDS).flat());

/** Whether a name is one of the ordinary words or places of {@link ORDINARY_NAME_WORDS}. */
export const isOrdinaryName = (name: string) => ORDINARY.has(name);

/**
 * A place's name and 港 (宁波港, 广州港, 秦皇岛港): the port itself in nearly every sentence that names it (coal
 * prices and stocks 至宁波港, 广州港库存), and only sometimes the listed port operator.
 */
const isPortOfPlace = (name: string) => name.endsWith('港') && ORDINARY.has(name.slice(0, -1));

/** Short forms of this many Chinese characters or fewer need support: two characters recur inside countless words. */
const SHORT_FORM_MAX_CJK = 2;

/**
 * Why a name needs support by the rules that look at the name alone, or undefined when it counts alone:
 * - an ordinary word or place ({@link ORDINARY_NAME_WORDS}), or a place's port (宁波港), whatever its origin;
 * - an upper-case legal name given ordinary case (a guess at how people write it);
 * - a Chinese short form of two characters that is not ours (平安, 工行: they sit inside other words);
 * - an English name of one word that is not ours (Target, Match, Box: ordinary words, read capitalised at a sentence start).
 */
export function weakByItself(name: string, origin: NameOrigin): WeakReason | undefined {
  if (ORDINARY.has(name) || isPortOfPlace(name)) return 'ordinary-word';
  if (origin === 'curated') return undefined;
  if (origin === 'upper') return 'legal-name';
  if (isCjkName(name)) return origin === 'short' && name.length <= SHORT_FORM_MAX_CJK ? 'short-form' : undefined;
  return /\s/.test(name.trim()) ? undefined : 'one-word';
}

/** The parts of a name another name could be, past its start: substrings for Chinese, runs of whole words for Latin. */
function innerParts(name: string): string[] {
  if (isCjkName(name)) {
    const parts: string[] = [];
    for (let start = 1; start < name.length - 1; start++)
      for (let end = start + 2; end <= name.length; end++) parts.push(name.slice(start, end));
    return parts;
  }
  const words = name.split(' ');
  const parts: string[] = [];
  for (let start = 1; start < words.length; start++)
    for (let end = start + 1; end <= words.length; end++) parts.push(words.slice(start, end).join(' '));
  return parts;
}

/**
 * Names that occur inside a longer name of another issuer, past its start (西部证券 in 申万宏源西部证券, 机器人 in
 * 工业机器人ETF): read alone they are as likely part of that name. A name at the start of a longer one (海尔 in
 * 海尔生物) is not among them: the matcher takes the longest name there, so the longer one wins where it is written.
 * `owners` maps each name to the issuers it belongs to.
 */
export function namesInsideOthers(owners: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const inside = new Set<string>();
  for (const [name, issuers] of owners) {
    for (const part of innerParts(name)) {
      const partOwners = owners.get(part);
      if (partOwners && [...partOwners].some((issuer) => !issuers.has(issuer))) inside.add(part);
    }
  }
  return inside;
}

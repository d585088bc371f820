import type { SecurityEntry } from '../bundled-securities';
import { marketOf, type SecurityId } from '../security-id';
import { writtenEnglishNames } from './english-name';
import type { SecuritiesMaster } from './master-format';
import type { SourceListing } from './master-sources';
import { formerNameCandidates, RISK_PREFIX, SHARE_CLASS } from './former-names';
import { ORDINARY_NAME_WORDS } from './ordinary-words';
import { isCjkName, namesInsideOthers, weakByItself, type NameOrigin } from './name-strength';

/** Our names, merged over the public lists, and what else we know of listings. */
export interface CuratedLayer {
  entries: readonly SecurityEntry[];
  renamed: readonly [SecurityId, SecurityId][];
  delisted: readonly SecurityId[];
  notNames: readonly string[];
}

/** Exchange status marks on Hong Kong and mainland short names: `-W` weighted voting, `-S` secondary listing, `*ST` … */
const STATUS_SUFFIX = /-(?:W|SW|S|B|U|WD|UW|WS|R)$/;
/** Latin names shorter than this are initialisms that prose uses for other things (JD, GE); only ours count. */
const MIN_LATIN_NAME = 3;

/** Which origin wins when lists give one name twice: ours, then the exchange's, then short forms, then guesses. */
const ORIGIN_RANK: Record<NameOrigin, number> = { curated: 0, listed: 1, short: 2, upper: 3 };

interface Listing {
  id: SecurityId;
  /** Names in order of preference (ours first), each with the origin it first came with. */
  names: Map<string, NameOrigin>;
  fund: boolean;
}

/** The forms one listed or short name is written in, each with its origin. */
function nameForms(id: SecurityId, raw: string, kind: 'listed' | 'short' | 'upper'): [string, NameOrigin][] {
  const name = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!name) return [];
  if (isCjkName(name)) {
    const forms: [string, NameOrigin][] = [[name, kind === 'upper' ? 'listed' : kind]];
    const plain = name.replace(RISK_PREFIX, '').replace(STATUS_SUFFIX, '');
    // Without its marks the name is a short form (*ST起步 → 起步, 微博-SW → 微博): two characters of it need support.
    if (plain !== name) forms.push([plain, 'short']);
    const classless = plain.replace(SHARE_CLASS, '');
    if (classless !== plain) forms.push([classless, 'short']);
    // Chinese prose shortens 澳大利亚 to 澳洲 in a company's name as anywhere else (兖煤澳大利亚 is written 兖煤澳洲).
    for (const [form] of [...forms]) if (form.includes('澳大利亚')) forms.push([form.replace('澳大利亚', '澳洲'), 'short']);
    return forms;
  }
  if (kind === 'short') return [[name, 'short']];
  const written = marketOf(id) === 'US' || kind === 'upper' ? writtenEnglishNames(name) : [name];
  return written.map((form) => [form, kind]);
}

/** Places a Hong Kong share's Chinese name may start with where its mainland share's name does not. */
const PLACES = new Set(ORDINARY_NAME_WORDS.places);

/**
 * A mainland or Hong Kong Chinese name as both markets share it: `股份` dropped and a leading place dropped
 * (天津创业环保股份 → 创业环保, the H share of SH:600874), so A and H shares of one company meet.
 */
export function hongKongCore(name: string): string {
  const core = name.replace(/股份$/, '');
  for (let cut = 2; cut <= 4 && cut < core.length - 2; cut++) if (PLACES.has(core.slice(0, cut))) return core.slice(cut);
  return core;
}

/**
 * Listing order in the master: mainland first, then Hong Kong, then US, each by code. Where listings of one issuer
 * share a name (中国石油: SH:601857 and HK:00857), the first is what the name gives, and the mainland short name is the
 * mainland share's own.
 */
const MARKET_ORDER: Record<string, number> = { SH: 0, SZ: 1, BJ: 2, HK: 3, US: 4 };
const byMarketThenCode = (a: Listing, b: Listing) =>
  MARKET_ORDER[marketOf(a.id)]! - MARKET_ORDER[marketOf(b.id)]! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Union-find over listings: the issuer groups. */
class Issuers {
  readonly #parent = new Map<SecurityId, SecurityId>();
  root(id: SecurityId): SecurityId {
    let root = id;
    while (this.#parent.has(root)) root = this.#parent.get(root)!;
    if (root !== id) this.#parent.set(id, root);
    return root;
  }
  join(a: SecurityId, b: SecurityId): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.#parent.set(ra > rb ? ra : rb, ra > rb ? rb : ra);
  }
}

/**
 * The master from the public lists and our curated layer: every listing with its names as people write them, each
 * name strong or weak (name-strength.ts), listings of one issuer grouped (ours, A+H pairs by their Chinese name, US
 * share classes by their company name), names that would mean two issuers dropped unless we assign them.
 */
export function buildMaster(sources: readonly SourceListing[], curated: CuratedLayer): SecuritiesMaster {
  const listings = new Map<SecurityId, Listing>();
  const listing = (id: SecurityId) => {
    let found = listings.get(id);
    if (!found) listings.set(id, (found = { id, names: new Map(), fund: false }));
    return found;
  };
  const curatedWeak = new Set<string>();
  const issuers = new Issuers();
  const curatedIssuer = new Map<string, SecurityId>();
  for (const entry of curated.entries) {
    const target = listing(entry.id);
    for (const name of entry.names) if (!target.names.has(name)) target.names.set(name, 'curated');
    for (const name of entry.weak ?? []) curatedWeak.add(`${entry.id}\t${name}`);
    if (entry.issuer) {
      const first = curatedIssuer.get(entry.issuer);
      if (first) issuers.join(first, entry.id);
      else curatedIssuer.set(entry.issuer, entry.id);
    }
  }
  for (const source of sources) {
    const target = listing(source.id);
    target.fund ||= source.fund === true;
    for (const { name, kind } of source.names)
      for (const [form, origin] of nameForms(source.id, name, kind)) {
        const known = target.names.get(form);
        if (known === undefined || ORIGIN_RANK[origin] < ORIGIN_RANK[known]) target.names.set(form, origin);
      }
  }
  for (const removed of [...curated.delisted, ...curated.renamed.map(([from]) => from)]) listings.delete(removed);
  addFormerNames(listings);

  for (const each of listings.values()) {
    const hasWrittenLatin = [...each.names].some(([name, origin]) => !isCjkName(name) && origin !== 'upper');
    for (const [name, origin] of each.names) {
      const tooShort = name.length < 2 || (!isCjkName(name) && origin !== 'curated' && name.length < MIN_LATIN_NAME);
      // An upper-case legal name is only a guess; where a list writes the name properly, the guess goes.
      if (tooShort || /^[\d\s.&-]+$/.test(name) || (origin === 'upper' && hasWrittenLatin)) each.names.delete(name);
    }
  }
  groupByName(listings, issuers);

  // Who owns each name (guesses from upper-case legal names aside); a name of two issuers identifies neither,
  // unless we gave it to one of them. A guess that is another issuer's name, or two issuers' guess, is dropped.
  const owners = new Map<string, Set<string>>();
  const guessOwners = new Map<string, Set<string>>();
  const curatedOwners = new Map<string, Set<string>>();
  const own = (map: Map<string, Set<string>>, name: string, issuer: string) => map.set(name, (map.get(name) ?? new Set()).add(issuer));
  for (const each of listings.values())
    for (const [name, origin] of each.names) {
      own(origin === 'upper' ? guessOwners : owners, name, issuers.root(each.id));
      if (origin === 'curated') own(curatedOwners, name, issuers.root(each.id));
    }
  const inside = namesInsideOthers(owners);
  const kept = (name: string, origin: NameOrigin) => {
    if (origin === 'upper') return !owners.has(name) && guessOwners.get(name)!.size === 1;
    // A name we gave to a listing is that listing's, even where a list also gives it to a sibling (Alphabet: GOOGL).
    if (origin !== 'curated' && curatedOwners.has(name)) return false;
    return owners.get(name)!.size === 1 || (origin === 'curated' && curatedOwners.get(name)!.size === 1);
  };

  const groupSize = new Map<SecurityId, number>();
  for (const id of listings.keys()) groupSize.set(issuers.root(id), (groupSize.get(issuers.root(id)) ?? 0) + 1);
  const issuerKey = new Map<SecurityId, string>();
  for (const [key, first] of curatedIssuer) issuerKey.set(issuers.root(first), key);

  const entries: SecurityEntry[] = [];
  for (const each of [...listings.values()].sort(byMarketThenCode)) {
    const root = issuers.root(each.id);
    const names: string[] = [];
    const weak: string[] = [];
    let display: string | undefined;
    for (const [name, origin] of each.names) {
      if (!kept(name, origin)) continue;
      // A guessed legal name is shown where the listing has no other, never matched: it is rarely written so.
      if (origin === 'upper') {
        display ??= name;
        continue;
      }
      names.push(name);
      const isWeak =
        curatedWeak.has(`${each.id}\t${name}`) || weakByItself(name, origin) !== undefined || (origin !== 'curated' && inside.has(name));
      if (isWeak) weak.push(name);
    }
    if (!names.length && !display) continue;
    const issuer = groupSize.get(root)! > 1 ? (issuerKey.get(root) ?? root) : undefined;
    const shown = names.length ? undefined : display;
    entries.push({
      id: each.id,
      names,
      ...(issuer ? { issuer } : {}),
      ...(weak.length ? { weak } : {}),
      ...(shown ? { display: shown } : {}),
    });
  }
  const known = new Set(entries.map((entry) => entry.id));
  return {
    entries,
    renamed: curated.renamed.filter(([, to]) => known.has(to)).map(([from, to]) => [from, to]),
    delisted: [...curated.delisted],
    notNames: [...curated.notNames],
  };
}

/**
 * Gives mainland shares under risk warning the names they had before it (former-names.ts), as short forms: a
 * candidate any listing holds today is not made, and two listings' same candidate is dropped with the other shared names.
 */
function addFormerNames(listings: ReadonlyMap<SecurityId, Listing>): void {
  const taken = new Set<string>();
  const listed = new Map<SecurityId, string>();
  for (const each of listings.values())
    for (const [name, origin] of each.names) {
      taken.add(name);
      if (origin === 'listed' && isCjkName(name) && !listed.has(each.id)) listed.set(each.id, name);
    }
  for (const [id, names] of formerNameCandidates(listed, taken)) for (const name of names) listings.get(id)!.names.set(name, 'short');
}

/**
 * Joins listings of one company that the lists name alike: a mainland share and a Hong Kong share with the same
 * Chinese name (长城汽车 SH:601633 and HK:02333), US share classes with the same company name (Alphabet: GOOGL, GOOG).
 */
function groupByName(listings: ReadonlyMap<SecurityId, Listing>, issuers: Issuers): void {
  const firstWith = new Map<string, SecurityId>();
  for (const each of listings.values()) {
    if (each.fund) continue;
    const market = marketOf(each.id);
    for (const [name, origin] of each.names) {
      if (origin !== 'listed') continue;
      const key = isCjkName(name)
        ? market === 'US'
          ? undefined
          : `cjk\t${hongKongCore(name)}`
        : market === 'US'
          ? `us\t${name}`
          : undefined;
      if (!key) continue;
      const first = firstWith.get(key);
      if (first) issuers.join(first, each.id);
      else firstWith.set(key, each.id);
    }
  }
}

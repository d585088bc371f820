import type { SecurityEntry } from '../bundled-securities';
import type { SecurityId } from '../security-id';
import { isCjkName } from './name-strength';

/** The longest Chinese name part indexed; names longer than this hold shorter names only as parts up to it. */
const MAX_PART_UNITS = 12;

/**
 * Which names hold which other names: for a small set of names (a tab's), the longer names of the master that
 * contain one of them, so the tab's matcher reads 海尔生物 as a whole and not as 海尔 (the longest name wins only
 * among the names a matcher has). Built once per master.
 */
export class NameIndex {
  /** Each part of a name (Chinese: every substring of two units or more; Latin: every run of whole words) → holders. */
  readonly #holders = new Map<string, { id: SecurityId; name: string }[]>();
  readonly #phrases = new Map<string, string[]>();

  /**
   * Only parts that are themselves names are kept (the parts of every name would be half a million strings). A name
   * a user adds later that the master does not have is therefore not looked up here.
   */
  constructor(entries: readonly SecurityEntry[], notNames: Iterable<string>) {
    const names = new Set(entries.flatMap((entry) => entry.names));
    for (const entry of entries)
      for (const name of entry.names) for (const part of partsOf(name)) if (names.has(part)) this.#hold(part).push({ id: entry.id, name });
    for (const phrase of notNames)
      for (const part of partsOf(phrase)) {
        if (!names.has(part)) continue;
        const list = this.#phrases.get(part) ?? [];
        list.push(phrase);
        this.#phrases.set(part, list);
      }
  }

  #hold(part: string) {
    let list = this.#holders.get(part);
    if (!list) this.#holders.set(part, (list = []));
    return list;
  }

  /** Names of listings outside `except` that contain `name` and are longer, with their listing. */
  holdersOf(name: string, except: ReadonlySet<SecurityId>): { id: SecurityId; name: string }[] {
    return (this.#holders.get(name) ?? []).filter((holder) => holder.name !== name && !except.has(holder.id));
  }

  /** Phrases that are not names and contain `name`. */
  phrasesHolding(name: string): readonly string[] {
    return this.#phrases.get(name) ?? [];
  }
}

/** The parts of a name another name could be (see {@link NameIndex}). */
function partsOf(name: string): string[] {
  const parts: string[] = [];
  if (isCjkName(name)) {
    for (let start = 0; start < name.length - 1; start++)
      for (let end = start + 2; end <= Math.min(name.length, start + MAX_PART_UNITS); end++) parts.push(name.slice(start, end));
    return parts;
  }
  const words = name.split(' ');
  for (let start = 0; start < words.length; start++)
    for (let end = start + 1; end <= words.length; end++) parts.push(words.slice(start, end).join(' '));
  return parts;
}

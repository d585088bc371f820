import type { StoredAlias } from '../db/database';
import { learnAliases } from '../reports/learn-aliases';
import type { ParseContext } from '../reports/parse-report';

/**
 * Keeps aliases while a batch of reports is parsed: each one (learned from a report, or from a backup) goes into the
 * dictionary and the matcher at once, so the reports after it resolve the name, and is kept for writing.
 */
export class AliasLearner {
  readonly #aliases = new Map<string, StoredAlias>();

  constructor(private readonly context: ParseContext) {}

  /** Adds one alias to the parse context and to what will be written. */
  add(alias: StoredAlias): void {
    this.#aliases.set(`${alias.alias}\u0000${alias.securityId}`, alias);
    this.context.dictionary.add({ id: alias.securityId, names: [alias.alias] });
    this.context.matcher.addName(alias.alias, alias.securityId, alias.origin === 'learned' ? 'learned-alias' : 'name');
  }

  /** The `learn` hook of {@link ParseContext}: learns `名称（代码）` aliases from a report's text. */
  readonly learn = (text: string, file: string): void => {
    for (const { alias, securityId } of learnAliases(text, this.context.dictionary))
      this.add({ alias, securityId, origin: 'learned', from: file });
  };

  /** How many aliases have been added so far; an alias's position in {@link aliases} is the count before it came. */
  get size(): number {
    return this.#aliases.size;
  }

  /** Everything added so far, in the order each was first added. */
  aliases(): StoredAlias[] {
    return [...this.#aliases.values()];
  }
}

import type { StoredAlias } from '../db/database';
import { learnAliases, type LearningPolicy } from '../reports/learn-aliases';
import type { ParseContext } from '../reports/parse-report';
import { BlockedNames, gateRefusal, referenceOf, type NameBlock } from '../securities/alias-gate';
import type { SecurityId } from '../securities/security-id';

const keyOf = (alias: string, id: SecurityId) => `${alias}\u0000${id}`;

/**
 * Puts an alias that passed the gate and the blocks into a parse context: the dictionary names it, and the matcher
 * reads it (a learned one by the learned-alias rule). The page's learner and the import workers add aliases alike.
 */
export function addAliasToContext(context: ParseContext, alias: StoredAlias): void {
  context.dictionary.add({ id: alias.securityId, names: [alias.alias] });
  context.matcher.addName(alias.alias, alias.securityId, alias.origin === 'learned' ? 'learned-alias' : 'name');
}

/**
 * Keeps aliases while a batch of reports is parsed: each one (learned from a report, or from a backup) goes into the
 * dictionary and the matcher at once, so the reports after it resolve the name, and is kept for writing. Every
 * learned alias passes the gate and the user's blocks, whether a report or a backup brought it: a backup written by
 * an older version must not bring back a name the gate now refuses.
 */
export class AliasLearner {
  readonly #aliases = new Map<string, StoredAlias>();
  readonly #blocks: NameBlock[] = [];
  readonly #restoredBlocks = new BlockedNames();
  readonly #policy: LearningPolicy;

  constructor(private readonly context: ParseContext) {
    const outer = context.learning;
    this.#policy = {
      isLearned: (alias, id) => this.#aliases.get(keyOf(alias, id))?.origin === 'learned' || (outer?.isLearned(alias, id) ?? false),
      isBlocked: (alias, id) => this.#restoredBlocks.has(alias, id) || (outer?.isBlocked(alias, id) ?? false),
    };
  }

  /** Adds one alias to the parse context and to what will be written, unless blocked or (when learned) refused by the gate. */
  add(alias: StoredAlias): void {
    if (this.#policy.isBlocked(alias.alias, alias.securityId)) return;
    if (
      alias.origin === 'learned' &&
      gateRefusal(
        alias.alias,
        alias.securityId,
        referenceOf(this.context.dictionary, (name, id) => this.#policy.isLearned(name, id)),
      )
    )
      return;
    this.#aliases.set(keyOf(alias.alias, alias.securityId), alias);
    addAliasToContext(this.context, alias);
  }

  /** A block a backup brings: kept for writing, and no alias it names is added from here on. */
  block(block: NameBlock): void {
    this.#restoredBlocks.add(block);
    this.#blocks.push(block);
  }

  /** The `learn` hook of {@link ParseContext}: learns `名称（代码）` aliases from a report's text. */
  readonly learn = (text: string, file: string): void => {
    for (const { alias, securityId } of learnAliases(text, this.context.dictionary, this.#policy))
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

  /** The blocks backups brought, in order. */
  blocks(): NameBlock[] {
    return [...this.#blocks];
  }
}

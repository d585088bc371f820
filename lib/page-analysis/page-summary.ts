import type { MentionRule } from '../detect/find-securities';
import type { PageSecurities } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';

/**
 * The page's securities as the popup and `cli detect` list them: the subject first, in its order (a quote page's
 * own security even when its text never names it), then the others by mentions, most first.
 */
export function summarisePage(
  mentions: Iterable<{ id: SecurityId; rule: MentionRule }>,
  subject: readonly SecurityId[],
  nameOf: (id: SecurityId) => string,
): PageSecurities['securities'] {
  const found = new Map<SecurityId, { count: number; rules: Set<MentionRule> }>();
  for (const id of subject) found.set(id, { count: 0, rules: new Set() });
  for (const { id, rule } of mentions) {
    const entry = found.get(id) ?? { count: 0, rules: new Set() };
    entry.count++;
    entry.rules.add(rule);
    found.set(id, entry);
  }
  const rank = new Map(subject.map((id, i) => [id, i]));
  return [...found]
    .sort(([a, x], [b, y]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || y.count - x.count)
    .map(([id, { count, rules }]) => ({ id, name: nameOf(id), count, rules: [...rules] }));
}

import type { SecurityId } from '../securities/security-id';
import type { FindContext, Mention, SecurityMatcher } from './find-securities';

/**
 * The mentions of each of several texts that belong together (a page's text nodes, a report's blocks), where what
 * one text says supports another: every listing found in any of them (and those in `support`, the page's or
 * report's subject) supports the weak names and bare codes of all of them. Texts whose candidates wanted support are
 * read a second time once all are read, so order does not matter (a ticker column above the paragraph naming the
 * company). `support` is added to as listings are found, so a caller can keep it across batches.
 */
export function findInTexts(
  matcher: SecurityMatcher,
  texts: readonly string[],
  support: Set<SecurityId> = new Set(),
  context: Omit<FindContext, 'support'> = {},
): Mention[][] {
  const found: Mention[][] = [];
  const again: number[] = [];
  const withSupport: FindContext = { ...context, support };
  for (let i = 0; i < texts.length; i++) {
    const mentions = matcher.find(texts[i]!, withSupport);
    if (matcher.deferred) again.push(i);
    for (const mention of mentions) support.add(mention.id);
    found.push(mentions);
  }
  for (const i of again) found[i] = matcher.find(texts[i]!, withSupport);
  return found;
}

import { createSecurityMatcher, type SecurityMatcher } from '../detect/find-securities';
import type { TabDictionary } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';

/** The matcher a tab reads its page with, from the tab dictionary the worker sent (the scoring run builds the same). */
export function tabMatcher(dictionary: TabDictionary): SecurityMatcher {
  return createSecurityMatcher(dictionary.entries, { variants: new Map(dictionary.variants), notNames: dictionary.notNames });
}

/** The issuer's listings of each entry of a tab dictionary, so the publisher's brand covers all its listings. */
export function listingsByIssuer(dictionary: TabDictionary): (id: SecurityId) => SecurityId[] {
  const issuerOf = new Map(dictionary.entries.map((entry) => [entry.id, entry.issuer ?? entry.id]));
  const listings = new Map<string, SecurityId[]>();
  for (const [id, issuer] of issuerOf) listings.set(issuer, [...(listings.get(issuer) ?? []), id]);
  return (id) => listings.get(issuerOf.get(id) ?? '') ?? [id];
}

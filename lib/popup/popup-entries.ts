import type { PageSecurities, SecurityReports } from '../messaging/protocol';
import type { SecurityId } from '../securities/security-id';

/** One company in the popup: its reports once, all its listings side by side, how often the page names any of them. */
export interface PopupEntry {
  security: SecurityReports;
  /** The listing the page named first, then the issuer's other listings. */
  listings: SecurityId[];
  /** Mentions of any of its listings on the page. */
  mentions: number;
}

/**
 * The popup's entries: one per issuer (a page naming 阿里巴巴 and BABA shows one company with HK:09988 and US:BABA,
 * not the same reports twice), in the page's order, so the page's own security (its quote URL) comes first.
 * Securities without reports are left out.
 */
export function popupEntries(related: readonly SecurityReports[], page: PageSecurities | undefined): PopupEntry[] {
  const mentionsOf = new Map((page?.securities ?? []).map((security) => [security.id, security.count]));
  const pageOrder = new Map((page?.securities ?? []).map((security, i) => [security.id, i]));
  const ordered = [...related].sort((a, b) => (pageOrder.get(a.id) ?? Infinity) - (pageOrder.get(b.id) ?? Infinity));
  const byIssuer = new Map<string, PopupEntry>();
  for (const security of ordered) {
    if (security.reportCount === 0) continue;
    const listings = [security.id, ...security.otherListings];
    const key = [...listings].sort().join(' ');
    const mentions = mentionsOf.get(security.id) ?? 0;
    const entry = byIssuer.get(key);
    if (entry) entry.mentions += mentions;
    else byIssuer.set(key, { security, listings, mentions });
  }
  return [...byIssuer.values()];
}

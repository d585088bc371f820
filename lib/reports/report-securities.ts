import type { SecurityMatcher } from '../detect/find-securities';
import type { MentionRule } from '../detect/mention';
import type { SecurityDictionary } from '../securities/dictionary';
import { fromEastmoneySecid, type SecurityId } from '../securities/security-id';

/** How a report's security was found: a text rule of the matcher, or markup left by the publisher. */
export type ReportSecurityVia = MentionRule | 'quote-link' | 'data-code';

/** A security a report is about, with how often and how it was found. */
export interface ReportSecurity {
  id: SecurityId;
  name: string;
  count: number;
  via: ReportSecurityVia[];
}

/** eastmoney quote links (`quote.eastmoney.com/unify/r/116.09988`) and `data-code="09988|116|5"` attributes. */
const QUOTE_LINK = /quote\.eastmoney\.com\/unify\/r\/(\d{1,3})\.([A-Za-z0-9.]{1,10})/g;
const DATA_CODE = /data-code="([A-Za-z0-9.]{1,10})\|(\d{1,3})\|/g;

/**
 * The securities of one report: matcher mentions in its text plus publisher markup in its raw body. A page that
 * repeats one link in several attributes counts once per link, not per attribute.
 */
export function findReportSecurities(
  text: string,
  rawBody: string,
  matcher: SecurityMatcher,
  dictionary: SecurityDictionary,
): ReportSecurity[] {
  const found = new Map<SecurityId, { count: number; via: Set<ReportSecurityVia> }>();
  const note = (id: SecurityId | undefined, via: ReportSecurityVia, count = 1) => {
    if (!id) return;
    const entry = found.get(id) ?? { count: 0, via: new Set() };
    entry.count += count;
    entry.via.add(via);
    found.set(id, entry);
  };
  for (const mention of matcher.find(text)) note(mention.id, mention.rule);
  for (const m of rawBody.matchAll(QUOTE_LINK)) note(fromEastmoneySecid(m[1]!, m[2]!.toUpperCase()), 'quote-link');
  for (const m of rawBody.matchAll(DATA_CODE)) note(fromEastmoneySecid(m[2]!, m[1]!.toUpperCase()), 'data-code', 0);
  return [...found]
    .map(([id, { count, via }]) => ({ id, name: dictionary.displayName(id), count: Math.max(count, 1), via: [...via] }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

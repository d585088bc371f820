import { gateRefusal, referenceOf, type GateRefusal } from '../securities/alias-gate';
import { SecurityDictionary } from '../securities/dictionary';
import type { SecurityEntry } from '../securities/bundled-securities';
import type { SecurityId } from '../securities/security-id';
import type { LibraryReport, StoredAlias, StoredReport } from './database';

/** A learned alias the gate refuses, with why. */
export type RefusedAlias = StoredAlias & { reason: GateRefusal };

const keyOf = (alias: string, id: SecurityId) => `${alias}\u0000${id}`;

/**
 * Re-checks the aliases earlier versions learned with no gate (`基金` for an ETF, `的安德利`, `社媒` for META) against
 * the gate, judged by the master's entries and the user's own lists, never by other learned names. Chinese names of
 * US listings must agree with a Chinese name the master gives them.
 */
export function refusedLearnedAliases(aliases: readonly StoredAlias[], master: Iterable<SecurityEntry>): RefusedAlias[] {
  const dictionary = new SecurityDictionary(master);
  for (const alias of aliases) dictionary.add({ id: alias.securityId, names: [alias.alias] });
  const learned = new Set(aliases.filter((alias) => alias.origin === 'learned').map((alias) => keyOf(alias.alias, alias.securityId)));
  const reference = referenceOf(dictionary, (alias, id) => learned.has(keyOf(alias, id)));
  const refused: RefusedAlias[] = [];
  for (const alias of aliases) {
    if (alias.origin !== 'learned') continue;
    // How the code was written is not stored: a US listing's alias is judged as taught by a bare ticker, the usual
    // way Chinese posts write one (`年复合增长率（CAGR）` taught CAGR before the gate).
    const reason = gateRefusal(alias.alias, alias.securityId, reference, { bareTicker: alias.securityId.startsWith('US:') });
    if (reason) refused.push({ ...alias, reason });
  }
  return refused;
}

/**
 * The reports that lose a link with the refused aliases: a report linked to a security only through learned names
 * (`via` just `learned-alias`) loses that link when none of the security's remaining learned names occurs in its
 * text; any other link stays (a re-index redoes the counts exactly).
 */
export function unlinkRefused(
  refused: readonly StoredAlias[],
  aliases: readonly StoredAlias[],
  reports: readonly LibraryReport[],
): StoredReport[] {
  const gone = new Set(refused.map((alias) => keyOf(alias.alias, alias.securityId)));
  const kept = new Map<SecurityId, string[]>();
  for (const alias of aliases)
    if (alias.origin === 'learned' && !gone.has(keyOf(alias.alias, alias.securityId)))
      kept.set(alias.securityId, [...(kept.get(alias.securityId) ?? []), alias.alias]);
  const touched = new Set(refused.map((alias) => alias.securityId));
  const changed: StoredReport[] = [];
  for (const report of reports) {
    if (!Array.isArray(report.securities) || !report.securityIds.some((id) => touched.has(id))) continue;
    const securities = report.securities.filter(
      (security) =>
        !touched.has(security.id) ||
        security.via.some((via) => via !== 'learned-alias') ||
        (kept.get(security.id) ?? []).some((name) => report.originalText.includes(name)),
    );
    const { originalText: _text, ...row } = report;
    if (securities.length !== report.securities.length) changed.push({ ...row, securities, securityIds: securities.map((s) => s.id) });
  }
  return changed;
}

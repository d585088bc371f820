import { blockName, unblockName } from '../db/alias-blocks';
import type { LibraryDatabase, LibraryReport, StoredAlias, StoredReport } from '../db/database';
import { loadParseContext } from '../db/library-dictionary';
import { reportPages, reportsByIds, yieldToPage } from '../db/report-pages';
import { reportsPossiblyNaming } from '../db/reports-naming-index';
import { rewriteReports } from '../db/report-writes';
import { createSecurityMatcher } from '../detect/find-securities';
import { parseReport, resolveReport, type ParseContext, type ReadReport } from '../reports/parse-report';
import type { NameBlock } from '../securities/alias-gate';
import { chineseVariantTable } from '../securities/chinese-variants';
import type { SecurityId } from '../securities/security-id';
import type { ImportResult, PendingReport } from './import-result';

/**
 * Which of some aliases a text mentions, as the latest position among them (-1 for none). An import learns names
 * as it reads (`阿里巴巴（09988.HK）`), so the reports read before a name was learned (earlier in the same import, or
 * already in the library) are read again when they mention it: every report is resolved against every alias the
 * library knows, whatever order the reports came in, and a backup restored gives back the same library.
 * Positions are the aliases' order in `aliases`; a security taught by several aliases counts as its latest.
 */
export function latestAliasMentioned(aliases: readonly StoredAlias[]): (text: string) => number {
  const latest = new Map<SecurityId, number>();
  aliases.forEach((alias, i) => latest.set(alias.securityId, i));
  // Same folding as the import's own matcher, so a traditional spelling of a learned name is found too.
  const matcher = createSecurityMatcher(
    aliases.map((alias) => ({ id: alias.securityId, names: [alias.alias] })),
    { variants: chineseVariantTable() },
  );
  return (text) => {
    let found = -1;
    // Codes (`600519.SH`) are found without any dictionary; only the names say an alias is mentioned.
    for (const mention of matcher.find(text)) if (mention.rule === 'name') found = Math.max(found, latest.get(mention.id) ?? -1);
    return found;
  };
}

/**
 * The stored fields of a report parsed again with `context` (no learning: the aliases are all known by then); with
 * what was read of it (`read`), only resolved again.
 */
function reparsed<T extends Omit<LibraryReport, 'importId'>>(report: T, context: ParseContext, read?: ReadReport): T {
  const again = { ...context, learn: undefined };
  const parsed = read ? resolveReport(read, again) : parseReport(report.fileName, report.originalText, again);
  return { ...report, ...parsed, securityIds: parsed.securities.map((s) => s.id) };
}

/**
 * Reads again, in place, the reports of a selection that mention an alias learned after they were read (a post
 * naming 阿里巴巴 before the post that taught `阿里巴巴（09988.HK）`), so each is resolved against every alias of
 * the selection. A report whose second reading fails keeps its first (it cannot: its text parsed once already).
 */
export function resolveLateAliases(
  reports: readonly PendingReport[],
  aliasesKnown: ReadonlyMap<PendingReport, number>,
  aliases: readonly StoredAlias[],
  context: ParseContext,
  failed: ImportResult['failed'],
  readOf: ReadonlyMap<PendingReport, ReadReport> = new Map(),
): void {
  const stale = reports.filter((report) => aliasesKnown.get(report)! < aliases.length);
  if (!stale.length) return;
  const latestMentioned = latestAliasMentioned(aliases);
  for (const report of stale) {
    if (latestMentioned(report.originalText) < aliasesKnown.get(report)!) continue;
    try {
      Object.assign(report, reparsed(report, context, readOf.get(report)));
    } catch (error) {
      failed.push({ file: report.fileName, reason: `read again for a name learned later: ${(error as Error).message}` });
    }
  }
}

/**
 * Reads again the reports already in the library that mention an alias an import taught it, and rewrites the
 * digest rows (and index rows) of those whose securities changed. Runs after the import's transaction has
 * committed, never inside it. The reports that may name an alias come from the names index
 * ({@link reportsPossiblyNaming}: a few rows per 4,096 reports, no body); only their bodies are read, a page at a
 * time in short read transactions, yielding to the page between pages (a name without a pair to look for, one
 * character long, walks every body instead). Only the reports that changed are written, in one transaction at the
 * end (a report deleted meanwhile is not brought back). Aborting `signal` before that write leaves the library as
 * the import left it (re-index completes it later). Returns how many reports changed.
 */
export async function resolveLibraryAliases(
  db: LibraryDatabase,
  newAliases: readonly StoredAlias[],
  justWritten: ReadonlySet<string>,
  context: ParseContext,
  signal?: AbortSignal,
): Promise<number> {
  const latestMentioned = latestAliasMentioned(newAliases);
  const candidates = await reportsPossiblyNaming(
    db,
    newAliases.map((alias) => alias.alias),
  );
  const pages = candidates
    ? reportsByIds(
        db,
        [...candidates].filter((id) => !justWritten.has(id)),
        { signal },
      )
    : reportPages(db, { signal });
  return readAgainAndRewrite(
    db,
    pages,
    context,
    (report) => !justWritten.has(report.id) && latestMentioned(report.originalText) >= 0,
    signal,
  );
}

/**
 * Reads again the reports of `pages` that `wanted` picks, yielding to the page between pages, and rewrites, in one
 * transaction at the end, the digest and index rows of those whose extraction changed (a report deleted meanwhile
 * is not brought back). Aborting `signal` before that write leaves the library as it was. Returns how many changed.
 */
export async function readAgainAndRewrite(
  db: LibraryDatabase,
  pages: AsyncIterable<LibraryReport[]>,
  context: ParseContext,
  wanted: (report: LibraryReport) => boolean,
  signal?: AbortSignal,
): Promise<number> {
  const updated: StoredReport[] = [];
  for await (const page of pages) {
    for (const report of page) {
      if (!wanted(report)) continue;
      try {
        const { originalText: _text, ...next } = reparsed(report, context);
        const { originalText: _old, ...before } = report;
        if (JSON.stringify(next) !== JSON.stringify(before)) updated.push(next);
      } catch {
        // It parsed when it was imported; a parser that now refuses it leaves it as it was (re-index reports such files).
      }
    }
    await yieldToPage();
  }
  signal?.throwIfAborted();
  if (!updated.length) return 0;
  return db.transaction('rw', db.reports, db.reportSecurities, async () => {
    const still = await db.reports.bulkGet(updated.map((report) => report.id));
    const kept = updated.filter((_, i) => still[i] !== undefined);
    await rewriteReports(db, kept);
    return kept.length;
  });
}

/** A block in the shape {@link resolveLibraryAliases} reads (it only looks at the name and the security). */
const blockAsAlias = ({ alias, securityId }: NameBlock): StoredAlias => ({ alias, securityId, origin: 'learned', from: '' });

/**
 * Reads again, with the dictionary as it is now (blocks applied), the stored reports that mention one of the names,
 * rewriting those whose securities changed. Returns how many changed.
 */
export async function resolveReportsNaming(db: LibraryDatabase, names: readonly NameBlock[]): Promise<number> {
  return resolveLibraryAliases(db, names.map(blockAsAlias), new Set(), await loadParseContext(db));
}

/**
 * "Not this security": blocks each name for its security (one transaction), then reads again the reports that name
 * it, so they lose the link at once rather than at the next re-index. Returns how many reports changed.
 */
export async function blockNames(db: LibraryDatabase, blocks: readonly NameBlock[]): Promise<number> {
  await db.transaction('rw', db.aliasBlocks, db.aliases, async () => {
    for (const block of blocks) await blockName(db, block);
  });
  return resolveReportsNaming(db, blocks);
}

/**
 * Takes blocks back, then reads again the reports that name them: a name the master or a list gives comes back at
 * once; a learned one comes back when a re-index reads the report that taught it. Returns how many reports changed.
 */
export async function unblockNames(db: LibraryDatabase, blocks: readonly NameBlock[]): Promise<number> {
  await db.transaction('rw', db.aliasBlocks, async () => {
    for (const block of blocks) await unblockName(db, block);
  });
  return resolveReportsNaming(db, blocks);
}

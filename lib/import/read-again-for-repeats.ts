import type { StoredReport } from '../db/database';
import { parseReport, resolveReport, type ParseContext, type ReadReport } from '../reports/parse-report';
import { SourceRepeats } from '../reports/source-repeats';

/** A fresh count of source repeats for one batch, and the parse context that records into it. */
export function withSourceRepeats(context: ParseContext): ParseContext & { repeats: SourceRepeats } {
  return { ...context, repeats: new SourceRepeats() };
}

/**
 * Once a batch is read, settles its source repeats and reads again, in place, the reports that carry a line their
 * source repeats on many posts (sign-offs, footers, a shared description): their relevance and summary change.
 * `textsOf` gives the original texts of the reports to read again (re-index reads their bodies), or what was read of
 * them (the import keeps it: resolving again is then all that is redone). A report whose second reading fails keeps
 * its first (it parsed once already). Returns the reports changed.
 */
export async function readAgainForRepeats<T extends Omit<StoredReport, 'importId'>>(
  reports: readonly T[],
  context: ParseContext & { repeats: SourceRepeats },
  textsOf: (reports: readonly T[]) => Promise<(string | ReadReport | undefined)[]> | (string | ReadReport | undefined)[],
): Promise<T[]> {
  context.repeats.settle();
  const touched = reports.filter((report) => context.repeats.touches(report.fileName));
  if (!touched.length) return [];
  const texts = await textsOf(touched);
  touched.forEach((report, i) => {
    const text = texts[i];
    if (text === undefined) return;
    try {
      const again = { ...context, learn: undefined };
      const parsed = typeof text === 'string' ? parseReport(report.fileName, text, again) : resolveReport(text, again);
      Object.assign(report, parsed, { securityIds: parsed.securities.map((s) => s.id) });
    } catch {
      // Parsed a moment ago with the same text; nothing to report.
    }
  });
  return touched;
}

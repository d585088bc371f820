import type { StoredReport } from '../db/database';
import { parseReport, type ParseContext } from '../reports/parse-report';
import { SourceRepeats } from '../reports/source-repeats';

/** A report as the import or re-index holds it before writing. */
type HeldReport = Omit<StoredReport, 'importId'>;

/** A fresh count of source repeats for one batch, and the parse context that records into it. */
export function withSourceRepeats(context: ParseContext): ParseContext & { repeats: SourceRepeats } {
  return { ...context, repeats: new SourceRepeats() };
}

/**
 * Once a batch is read, settles its source repeats and reads again, in place, the reports that carry a line their
 * source repeats on many posts (sign-offs, footers, a shared description): their relevance and summary change. A
 * report whose second reading fails keeps its first (it parsed once already).
 */
export function readAgainForRepeats(reports: readonly HeldReport[], context: ParseContext & { repeats: SourceRepeats }): void {
  context.repeats.settle();
  for (const report of reports) {
    if (!context.repeats.touches(report.fileName)) continue;
    try {
      const parsed = parseReport(report.fileName, report.originalText, { ...context, learn: undefined });
      Object.assign(report, parsed, { securityIds: parsed.securities.map((s) => s.id) });
    } catch {
      // Parsed a moment ago with the same text; nothing to report.
    }
  }
}

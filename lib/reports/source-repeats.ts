/**
 * Lines a source repeats across many of its reports: sign-offs (`B站直播…`), footers, ads, house disclaimers, the
 * description a blog puts on every post. They say nothing about the report they sit in, so they give a security no
 * relevance and are never a summary. Found per source, by counting each distinct line once per report.
 */

/** A line counts as repeated when at least this many reports of its source carry it… */
const MIN_REPEAT_REPORTS = 3;
/** …and at least this share of them (a sign-off in 234 of 1,200 posts is 20 %; a shared data-source line is less). */
const MIN_REPEAT_SHARE = 0.1;
/** A description on this many posts of a source is the blog's tagline, not one post's summary. */
const MIN_REPEAT_DESCRIPTIONS = 2;
/** Marks a description's hash apart from a body line's. */
const DESCRIPTION_MARK = '\u0001';
/** Lines shorter than this are labels (`相关公司`, `风险提示`): repeated by nature, and never a passage anyway. */
const MIN_LINE_CHARS = 6;

/** 32-bit FNV-1a of a line: the counts keep hashes, not the lines, so a 5,000-post import stays small. */
function lineHash(line: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The hashes a report's lines are counted by (lines of labels left out), and its description's apart. */
export function reportLineHashes(lines: Iterable<string>, description?: string): { hashes: number[]; description?: number } {
  const hashes = new Set<number>();
  for (const line of lines) if (line.length >= MIN_LINE_CHARS) hashes.add(lineHash(line));
  const descriptionHash = description ? lineHash(DESCRIPTION_MARK + description) : undefined;
  if (descriptionHash !== undefined) hashes.add(descriptionHash);
  return { hashes: [...hashes], ...(descriptionHash !== undefined ? { description: descriptionHash } : {}) };
}

/** The hashes of lines that matter to what was read of a report (its summary, lines naming a security). */
function sensitiveHashes(lines: Iterable<string>): number[] {
  const hashes: number[] = [];
  for (const line of lines) if (line.length >= MIN_LINE_CHARS) hashes.push(lineHash(line));
  return hashes;
}

/**
 * What a parse asks of a batch's repeated lines ({@link SourceRepeats} while counting, {@link RepeatsView} once
 * settled, wherever the report is read: the page or an import worker).
 */
export interface RepeatedLines {
  /** Records one report's lines and description. */
  record(key: string, file: string, lines: Iterable<string>, description?: string): void;
  /** The lines of a report whose being repeated would change what was read of it. */
  markSensitive(file: string, lines: Iterable<string>): void;
  /** Whether the source `key` repeats `line` across many of its reports. */
  isRepeated(key: string, line: string): boolean;
  /** Whether the source `key` gives `description` to more than one of its reports. */
  isRepeatedDescription(key: string, description: string): boolean;
}

/** A settled batch's repeated lines, by source: what an import worker needs to resolve its reports (a few KB). */
export type RepeatSnapshot = [key: string, lines: number[], descriptions: number[]][];

/** What a report is grouped by: its source, else the top folder it came from (one archive is one source). */
export const sourceKeyOf = (source: string | undefined, fileName: string) =>
  source?.trim() || (fileName.includes('/') ? fileName.slice(0, fileName.indexOf('/')) : '');

/** Counts lines per source over a set of reports, then answers which lines a source repeats. */
export class SourceRepeats implements RepeatedLines {
  readonly #counts = new Map<string, Map<number, number>>();
  readonly #reports = new Map<string, Set<string>>();
  readonly #linesOf = new Map<string, { key: string; hashes: number[] }>();
  #settled = false;

  /**
   * Ends counting: from now on {@link isRepeated} answers (before, the counts of a half-read batch would call a line
   * repeated in one report and not in another) and {@link record} ignores reports it has not seen.
   */
  settle(): void {
    this.#settled = true;
  }

  /** Records one report's lines and description; a report recorded again is not counted twice. */
  record(key: string, file: string, lines: Iterable<string>, description?: string): void {
    const { hashes, description: descriptionHash } = reportLineHashes(lines, description);
    this.recordHashes(key, file, hashes, descriptionHash);
  }

  /** {@link record} with the hashes {@link reportLineHashes} gave (where the report was read: an import worker). */
  recordHashes(key: string, file: string, hashes: readonly number[], descriptionHash?: number): void {
    const files = this.#reports.get(key) ?? new Set<string>();
    if (this.#settled || files.has(file)) return;
    files.add(file);
    this.#reports.set(key, files);
    const counts = this.#counts.get(key) ?? new Map<number, number>();
    this.#counts.set(key, counts);
    for (const hash of hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
    this.#linesOf.set(file, { key, hashes: descriptionHash !== undefined ? [descriptionHash] : [] });
  }

  /**
   * The lines of a recorded report whose being repeated would change what was read: those naming a security, and
   * its summary. Only a report with such a line is read again ({@link touches}); most reports repeat only headings.
   */
  markSensitive(file: string, lines: Iterable<string>): void {
    this.markSensitiveHashes(file, sensitiveHashes(lines));
  }

  /** {@link markSensitive} with the hashes a {@link RepeatsView} kept. */
  markSensitiveHashes(file: string, hashes: readonly number[]): void {
    const entry = this.#linesOf.get(file);
    if (!entry || this.#settled) return;
    entry.hashes.push(...hashes);
  }

  /** Whether the source `key` repeats `line` across many of its reports. */
  isRepeated(key: string, line: string): boolean {
    if (!this.#settled || line.length < MIN_LINE_CHARS) return false;
    return this.#isRepeatedHash(key, lineHash(line));
  }

  /** Whether the source `key` gives `description` to more than one of its reports. */
  isRepeatedDescription(key: string, description: string): boolean {
    const count = this.#settled ? (this.#counts.get(key)?.get(lineHash(DESCRIPTION_MARK + description)) ?? 0) : 0;
    return count >= MIN_REPEAT_DESCRIPTIONS;
  }

  /** Whether a recorded report has a sensitive line (or its description) that its source repeats: read it again. */
  touches(file: string): boolean {
    const entry = this.#linesOf.get(file);
    return (
      this.#settled &&
      entry !== undefined &&
      entry.hashes.some(
        (hash) => this.#isRepeatedHash(entry.key, hash) || (this.#counts.get(entry.key)?.get(hash) ?? 0) >= MIN_REPEAT_DESCRIPTIONS,
      )
    );
  }

  /** The repeated lines and descriptions of each source, once settled (none before): for a {@link RepeatsView}. */
  snapshot(): RepeatSnapshot {
    if (!this.#settled) return [];
    return [...this.#counts].map(([key, counts]) => {
      const lines: number[] = [];
      const descriptions: number[] = [];
      for (const [hash, count] of counts) {
        if (this.#isRepeatedHash(key, hash)) lines.push(hash);
        if (count >= MIN_REPEAT_DESCRIPTIONS) descriptions.push(hash);
      }
      return [key, lines, descriptions];
    });
  }

  #isRepeatedHash(key: string, hash: number): boolean {
    const count = this.#counts.get(key)?.get(hash) ?? 0;
    const reports = this.#reports.get(key)?.size ?? 0;
    return count >= MIN_REPEAT_REPORTS && count >= MIN_REPEAT_SHARE * reports;
  }
}

/**
 * A settled batch's repeated lines as {@link SourceRepeats} answers them, from its {@link SourceRepeats.snapshot}
 * (an empty snapshot answers as a batch not yet settled: nothing is repeated). Records nothing; keeps each report's
 * sensitive lines ({@link sensitiveOf}) for the batch to mark.
 */
export class RepeatsView implements RepeatedLines {
  readonly #lines = new Map<string, Set<number>>();
  readonly #descriptions = new Map<string, Set<number>>();
  readonly #sensitive = new Map<string, number[]>();

  constructor(snapshot: RepeatSnapshot) {
    for (const [key, lines, descriptions] of snapshot) {
      this.#lines.set(key, new Set(lines));
      this.#descriptions.set(key, new Set(descriptions));
    }
  }

  record(): void {}

  markSensitive(file: string, lines: Iterable<string>): void {
    this.#sensitive.set(file, sensitiveHashes(lines));
  }

  /** The sensitive line hashes a resolution of `file` marked (see {@link SourceRepeats.markSensitiveHashes}). */
  sensitiveOf(file: string): number[] {
    return this.#sensitive.get(file) ?? [];
  }

  isRepeated(key: string, line: string): boolean {
    return line.length >= MIN_LINE_CHARS && (this.#lines.get(key)?.has(lineHash(line)) ?? false);
  }

  isRepeatedDescription(key: string, description: string): boolean {
    return this.#descriptions.get(key)?.has(lineHash(DESCRIPTION_MARK + description)) ?? false;
  }
}

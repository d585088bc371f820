import type { StoredAlias } from '../db/database';
import { readReport, resolveReport, type ParseContext, type ReadReport } from '../reports/parse-report';
import type { HtmlParser } from '../reports/report-blocks';
import { aliasPassages } from '../reports/learn-aliases';
import { reportLineHashes, RepeatsView, type RepeatSnapshot } from '../reports/source-repeats';
import { bytesHash, contentHash } from './content-hash';
import { decodeText } from './decode-text';
import type { PendingReport } from './import-result';

/** One report file to read: its text, or its bytes to decode where it is read. */
export interface ReadInput {
  fileName: string;
  text?: string;
  bytes?: Uint8Array;
  importedAt: string;
  archive?: string;
  /** A PDF's bytes: its identity (the text is ours). */
  pdf?: Uint8Array;
}

/**
 * What the batch needs of a report as soon as it is read, in the order of the selection: the passages it may learn
 * names from, and its lines to count repeats with. Or why it cannot be read.
 */
export type ReadOutcome =
  | { key: number; passages: string; sourceKey: string; lines: number[]; description?: number }
  | { key: number; error: string }
  /** A text a worker cannot read (HTML wants a DOM): read it in the page. */
  | { key: number; readHere: string };

/** A report resolved (see {@link ReportReader.resolve}), or why it could not be. */
export type ResolveOutcome = { key: number; report: PendingReport; sensitive: number[] } | { key: number; error: string };

/** What the batch knows when it resolves: every alias so far (in the order learned), the repeated lines. */
export interface BatchKnowledge {
  aliases: readonly StoredAlias[];
  repeats: RepeatSnapshot;
}

/**
 * Reads reports in two steps, so the reading can happen away from the page (an import worker) while the batch's
 * learning stays in order where its dictionary is: {@link read} takes what depends on the text alone (front matter,
 * blocks, title, source; and the id) and keeps it; {@link resolve} resolves kept reports once the batch knows its
 * names and repeated lines, each report once, and forgets them.
 */
export interface ReportReader {
  read(input: ReadInput): Promise<ReadOutcome>;
  resolve(keys: readonly number[], knowing: BatchKnowledge): Promise<ResolveOutcome[]>;
  /** Lets go of everything kept (and of the worker, if any). */
  close(): void;
}

/** What a reader keeps of a report between reading and resolving. */
export interface Kept {
  read: ReadReport;
  input: ReadInput & { text: string };
  id: string;
}

/**
 * Reads the text alone (no dictionary needed): decode, {@link readReport} without learning, the passages that may
 * teach a name and the line hashes for repeats, the id (SHA-256). The same code runs in the page and in a worker.
 */
export async function readOne(
  input: ReadInput,
  parseHtml?: HtmlParser,
): Promise<Kept & Omit<Extract<ReadOutcome, { passages: string }>, 'key'>> {
  const text = input.text ?? decodeText(input.bytes!).text;
  let passages = '';
  let lines: ReturnType<typeof reportLineHashes> = { hashes: [] };
  const read = readReport(input.fileName, text, {
    parseHtml,
    learn: (plainText) => void (passages = aliasPassages(plainText)),
    repeats: {
      record: (_key, _file, blockLines, description) => void (lines = reportLineHashes(blockLines, description)),
      markSensitive: () => {},
      isRepeated: () => false,
      isRepeatedDescription: () => false,
    },
  });
  const id = await (input.pdf ? bytesHash(input.pdf) : contentHash(text));
  const { bytes: _bytes, ...kept } = input;
  return {
    read,
    input: { ...kept, text },
    id,
    passages,
    sourceKey: read.sourceKey,
    lines: lines.hashes,
    ...(lines.description !== undefined ? { description: lines.description } : {}),
  };
}

/**
 * Resolves kept reports with `context` (its dictionary and matcher already knowing the batch's aliases) and the
 * batch's repeated lines; a report that fails is listed with its reason.
 */
export function resolveKept(entries: readonly [number, Kept][], context: ParseContext, repeats: RepeatSnapshot): ResolveOutcome[] {
  const view = new RepeatsView(repeats);
  const resolving = { ...context, learn: undefined, repeats: view };
  return entries.map(([key, { read, input, id }]) => {
    try {
      const report = resolveReport(read, resolving);
      const { text, fileName, importedAt, archive, pdf } = input;
      return {
        key,
        report: {
          ...report,
          id,
          securityIds: report.securities.map((s) => s.id),
          fileName,
          originalText: text,
          importedAt,
          archive,
          ...(pdf ? { pdf } : {}),
        },
        sensitive: view.sensitiveOf(fileName),
      };
    } catch (error) {
      return { key, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/**
 * A reader in the calling thread, resolving with the batch's own parse context (where the batch learns its
 * aliases, so {@link BatchKnowledge.aliases} are in it already): what the CLI and tests use, and the page for
 * backups and PDFs.
 */
export function inThreadReader(context: ParseContext): ReportReader {
  const kept = new Map<number, Kept>();
  let next = 0;
  return {
    async read(input) {
      const key = next++;
      try {
        const { passages, sourceKey, lines, description, ...entry } = await readOne(input, context.parseHtml);
        kept.set(key, entry);
        return { key, passages, sourceKey, lines, ...(description !== undefined ? { description } : {}) };
      } catch (error) {
        return { key, error: error instanceof Error ? error.message : String(error) };
      }
    },
    async resolve(keys, { repeats }) {
      const entries = keys.map((key): [number, Kept] => [key, kept.get(key)!]);
      for (const key of keys) kept.delete(key);
      return resolveKept(entries, context, repeats);
    },
    close: () => kept.clear(),
  };
}

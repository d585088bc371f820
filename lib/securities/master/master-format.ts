import type { SecurityEntry } from '../bundled-securities';
import { SECURITY_ID_PATTERN, type SecurityId } from '../security-id';

/** The securities master: every listing the extension knows out of the box, with how each name may be read. */
export interface SecuritiesMaster {
  /** Every listing, display name first; `weak` names need support. */
  entries: SecurityEntry[];
  /** Old tickers still met in older text, and the listing each means today (FB → META). */
  renamed: [from: SecurityId, to: SecurityId][];
  /** Tickers that name no listing any more (taken private, failed): never read as a security. */
  delisted: SecurityId[];
  /** Phrases that hold a name but are not it (海纳百川 holds 纳百川): matched to yield nothing. */
  notNames: string[];
}

/** Version of the file's shape; a reader refuses another. */
export const MASTER_FORMAT = 1;
/** Marks a weak name in a row's name list. */
const WEAK_MARK = '~';
/** Marks a display name (shown, never matched) in a row's name list. */
const DISPLAY_MARK = '=';
const SEPARATOR = '|';

/** A row: `[id, names joined by |, weak ones marked ~, issuer?]`. */
type Row = [SecurityId, string] | [SecurityId, string, string];

/**
 * The master as committed: JSON, one listing per line (so a regenerated file diffs by listing), names of a listing in
 * one string. About a quarter of the size of plain entry objects.
 */
export function encodeMaster(master: SecuritiesMaster): string {
  const rows = master.entries.map((entry) => {
    const weak = new Set(entry.weak ?? []);
    const written = entry.names.map((name) => (weak.has(name) ? WEAK_MARK + name : name));
    if (entry.display) written.push(DISPLAY_MARK + entry.display);
    const names = written.join(SEPARATOR);
    const row: Row = entry.issuer ? [entry.id, names, entry.issuer] : [entry.id, names];
    return JSON.stringify(row);
  });
  return [
    `{"format":${MASTER_FORMAT},`,
    `"renamed":${JSON.stringify(master.renamed)},`,
    `"delisted":${JSON.stringify(master.delisted)},`,
    `"notNames":${JSON.stringify(master.notNames)},`,
    `"securities":[`,
    rows.join(',\n'),
    ']}',
    '',
  ].join('\n');
}

/** Reads the committed master; throws naming what is wrong when the text is not one. */
export function decodeMaster(text: string): SecuritiesMaster {
  const data = JSON.parse(text) as { format?: unknown; renamed?: unknown; delisted?: unknown; notNames?: unknown; securities?: unknown };
  if (data.format !== MASTER_FORMAT) throw new Error(`securities master: format ${String(data.format)}, expected ${MASTER_FORMAT}`);
  if (!Array.isArray(data.securities) || !Array.isArray(data.renamed) || !Array.isArray(data.delisted) || !Array.isArray(data.notNames))
    throw new Error('securities master: a list is missing');
  const entries = (data.securities as Row[]).map(([id, joined, issuer]): SecurityEntry => {
    if (typeof id !== 'string' || !SECURITY_ID_PATTERN.test(id) || typeof joined !== 'string')
      throw new Error(`securities master: bad row ${JSON.stringify([id, joined])}`);
    const names: string[] = [];
    const weak: string[] = [];
    let display: string | undefined;
    for (const written of joined.split(SEPARATOR)) {
      if (written.startsWith(DISPLAY_MARK)) display = written.slice(1);
      else if (written.startsWith(WEAK_MARK)) {
        names.push(written.slice(1));
        weak.push(written.slice(1));
      } else names.push(written);
    }
    return { id, names, ...(issuer ? { issuer } : {}), ...(weak.length ? { weak } : {}), ...(display ? { display } : {}) };
  });
  return {
    entries,
    renamed: data.renamed as SecuritiesMaster['renamed'],
    delisted: data.delisted as SecurityId[],
    notNames: data.notNames as string[],
  };
}

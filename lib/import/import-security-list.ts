import type { LibraryDatabase, StoredAlias } from '../db/database';
import { parseSecurityList, type SecurityListFormat } from '../securities/security-lists';

/** What a security-list import did. */
export interface SecurityListResult {
  file: string;
  format: SecurityListFormat;
  securities: number;
  aliases: number;
  skippedRows: number;
}

/**
 * Imports a user's security list (stocks.index.json, the HKEX list, NASDAQ Trader files, `code,name,aliases` CSV):
 * every name becomes an alias with origin `user-list` and the list's file name, replacing what an earlier import
 * of the same list stored, in one transaction. Throws with the reason when the file is no list we read.
 */
export async function importSecurityList(db: LibraryDatabase, file: string, text: string): Promise<SecurityListResult> {
  const list = parseSecurityList(text);
  const rows: StoredAlias[] = list.entries.flatMap((entry) =>
    entry.names.map((alias) => ({ alias, securityId: entry.id, origin: 'user-list' as const, from: file })),
  );
  await db.transaction('rw', db.aliases, async () => {
    await db.aliases
      .where('origin')
      .equals('user-list')
      .filter((alias) => alias.from === file)
      .delete();
    await db.aliases.bulkPut(rows);
  });
  return { file, format: list.format, securities: list.entries.length, aliases: rows.length, skippedRows: list.skippedRows };
}

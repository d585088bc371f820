import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ReportSecurityRow } from './database';

/**
 * How many reports each listing has, how many are about it, and how many per month (since schema version 10): a
 * look-up reads one row per listing instead of every index row of it (10,000 for a common security at 100,000
 * reports). Kept by a Dexie middleware ({@link securityTallyMiddleware}) in the same transaction as every write of
 * `reportSecurities`, whoever writes (import, re-index, delete, restore, upgrade), so no writer can forget it.
 */
export interface SecurityTally {
  securityId: string;
  /** Index rows of the listing: one per report. */
  count: number;
  /** Of them, rows whose report is about the company. */
  about: number;
  /** Dated rows per month (`2025-06`); undated rows are counted in `count` only. */
  months: Record<string, number>;
}

export const TALLY_TABLE = 'securityTallies';
/** The middleware's place in Dexie's stack (see {@link securityTallyMiddleware}). */
const TALLY_LEVEL = -0.5;
const ROWS_TABLE = 'reportSecurities';

/** Adds (`sign` 1) or takes away (-1) rows from tallies, creating the tallies they need. */
export function applyRows(
  tallies: Map<string, SecurityTally>,
  rows: Iterable<Pick<ReportSecurityRow, 'securityId' | 'date' | 'about'>>,
  sign: 1 | -1,
): void {
  const touched = new Set<SecurityTally>();
  for (const row of rows) {
    let tally = tallies.get(row.securityId);
    if (!tally) tallies.set(row.securityId, (tally = { securityId: row.securityId, count: 0, about: 0, months: {} }));
    tally.count += sign;
    if (row.about) tally.about += sign;
    if (!row.date) continue;
    const month = row.date.slice(0, 7);
    tally.months[month] = (tally.months[month] ?? 0) + sign;
    touched.add(tally);
  }
  // A month whose last row went is dropped, so a tally reads as one counted afresh.
  for (const tally of touched) tally.months = Object.fromEntries(Object.entries(tally.months).filter(([, count]) => count !== 0));
}

/** A tally's months as the card's timeline wants them: `[month, count]`, oldest first. */
export const monthsOf = (tally: SecurityTally): [string, number][] =>
  Object.entries(tally.months).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Transactions whose row writes are not tallied: the version 10 upgrade, which writes the tallies itself. */
const untallied = new WeakSet<object>();

/** Writes to `reportSecurities` in transaction `trans` (an IndexedDB transaction) leave the tallies alone. */
export const suspendTallies = (trans: object): void => void untallied.add(trans);

/** Whether the transaction has the tally table (an upgrade step before version 10 does not yet). */
const hasTallies = (trans: DBCoreTransaction) =>
  (trans as unknown as Partial<IDBTransaction>).objectStoreNames?.contains(TALLY_TABLE) ?? false;

/** The rows a mutation takes away (read before it runs) and a function giving those it adds (after it ran). */
async function rowsChanged(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<{ before: ReportSecurityRow[]; after: (failed: ReadonlySet<number>) => Promise<ReportSecurityRow[]> }> {
  const present = (rows: unknown[]) => rows.filter((row): row is ReportSecurityRow => row !== undefined && row !== null);
  switch (req.type) {
    case 'add':
      return { before: [], after: async (failed) => (req.values as ReportSecurityRow[]).filter((_, i) => !failed.has(i)) };
    case 'put': {
      const keys = req.keys ?? req.values.map((value): unknown => table.schema.primaryKey.extractKey!(value));
      const before = present(await table.getMany({ trans: req.trans, keys }));
      // `updates` (a modify sent down as changes, not rows): the rows as written are read back.
      if (req.updates || req.changeSpec || req.criteria)
        return { before, after: async () => present(await table.getMany({ trans: req.trans, keys })) };
      return { before, after: async (failed) => (req.values as ReportSecurityRow[]).filter((_, i) => !failed.has(i)) };
    }
    case 'delete':
      return { before: present(await table.getMany({ trans: req.trans, keys: req.keys })), after: async () => [] };
    case 'deleteRange': {
      const { result } = await table.query({
        trans: req.trans,
        values: true,
        query: { index: table.schema.primaryKey, range: req.range },
      });
      return { before: result as ReportSecurityRow[], after: async () => [] };
    }
  }
}

/**
 * Keeps {@link SecurityTally} rows in step with `reportSecurities`: a read-write transaction over the rows also
 * opens the tally table, and each mutation of rows reads the rows it replaces or deletes, then adjusts the tallies of
 * their listings, in the same transaction (a failed write takes its tally change back with it).
 */
export const securityTallyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'securityTallies',
  // Below Dexie's hooks and cache (levels 2 and 0), which read the transaction from Dexie's zone: a native `await`
  // here would lose it. Below this level only the transaction's own value cache (-1), which needs no zone.
  level: TALLY_LEVEL,
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const withTallies =
        mode === 'readwrite' &&
        stores.includes(ROWS_TABLE) &&
        !stores.includes(TALLY_TABLE) &&
        down.schema.tables.some((t) => t.name === TALLY_TABLE);
      return down.transaction(withTallies ? [...stores, TALLY_TABLE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== ROWS_TABLE) return table;
      return {
        ...table,
        async mutate(req) {
          if (untallied.has(req.trans) || !hasTallies(req.trans)) return table.mutate(req);
          const { before, after } = await rowsChanged(table, req);
          const response = await table.mutate(req);
          const added = await after(new Set(Object.keys(response.failures).map(Number)));
          if (!before.length && !added.length) return response;
          const tallyTable = down.table(TALLY_TABLE);
          const ids = [...new Set([...before, ...added].map((row) => row.securityId))];
          const stored = (await tallyTable.getMany({ trans: req.trans, keys: ids })) as (SecurityTally | undefined)[];
          const tallies = new Map(stored.flatMap((tally) => (tally ? [[tally.securityId, tally] as const] : [])));
          applyRows(tallies, before, -1);
          applyRows(tallies, added, 1);
          const [kept, gone] = [[...tallies.values()].filter((t) => t.count > 0), [...tallies.values()].filter((t) => t.count <= 0)];
          if (kept.length) await tallyTable.mutate({ type: 'put', trans: req.trans, values: kept });
          if (gone.length) await tallyTable.mutate({ type: 'delete', trans: req.trans, keys: gone.map((t) => t.securityId) });
          return response;
        },
      };
    },
  }),
};

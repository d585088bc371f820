import { afterEach, beforeEach, expect, test } from 'vitest';
import type { SecurityId } from '../securities/security-id';
import { openLibraryDatabase, securityRowsOf, type LibraryDatabase, type StoredReport } from './database';
import { deleteReport } from './delete-report';
import { addReports, reportWriteTablesOf, rewriteReports } from './report-writes';
import { applyRows, type SecurityTally } from './security-tallies';

const report = (n: number, securityIds: SecurityId[], date?: string, about = false): StoredReport => ({
  id: n.toString(16).padStart(64, '0'),
  title: `R${n}`,
  ...(date && { date }),
  summary: '',
  keyPoints: [],
  risks: [],
  securities: securityIds.map((id) => ({ id, name: id, count: 1, via: ['exchange-code'], score: about ? 80 : 20, about })),
  securityIds,
  format: 'markdown',
  tags: [],
  fileName: `${n}.md`,
  importId: 1,
  importedAt: '2025-01-01',
});

let db: LibraryDatabase;
beforeEach(() => {
  db = openLibraryDatabase(`tallies-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

/** The tallies counted again from the rows there are, as stored tallies must read. */
async function recount(): Promise<SecurityTally[]> {
  const tallies = new Map<string, SecurityTally>();
  applyRows(tallies, await db.reportSecurities.toArray(), 1);
  return [...tallies.values()].sort((a, b) => a.securityId.localeCompare(b.securityId));
}
const stored = async () => (await db.securityTallies.toArray()).sort((a, b) => a.securityId.localeCompare(b.securityId));

test.each<[string, () => Promise<unknown>]>([
  ['an import', async () => undefined],
  [
    'a re-index that moves a report to other securities and dates',
    () =>
      db.transaction('rw', db.reports, db.reportSecurities, () =>
        rewriteReports(db, [report(1, ['US:TSLA'], '2024-02-03', true), report(2, ['SH:600519', 'US:AMZN'], '2025-07-01')]),
      ),
  ],
  ['a deleted report', () => deleteReport(db, report(3, []).id)],
  [
    'rows deleted by report id (a restore taken back)',
    () =>
      db.reportSecurities
        .where('reportId')
        .anyOf([report(1, []).id, report(4, []).id])
        .delete(),
  ],
  ['rows put again unchanged', () => db.reportSecurities.bulkPut([...securityRowsOf(report(2, ['SH:600519'], '2025-06-01'))])],
  ['a cleared index', () => db.reportSecurities.clear()],
  [
    'a bulk add with duplicates (the new rows alone count)',
    () =>
      db.reportSecurities
        .bulkAdd([...securityRowsOf(report(2, ['SH:600519'], '2025-06-01')), ...securityRowsOf(report(9, ['US:NVDA'], '2025-01-09'))])
        .catch(() => undefined),
  ],
  [
    'a write that fails after its rows (taken back with them)',
    () =>
      db
        .transaction('rw', reportWriteTablesOf(db), async () => {
          await db.reportSecurities.bulkPut(securityRowsOf(report(7, ['US:NVDA'], '2025-03-03')));
          throw new Error('disk full');
        })
        .catch(() => undefined),
  ],
])('tallies stay what the rows say after %s', async (_what, write) => {
  await db.transaction('rw', reportWriteTablesOf(db), () =>
    addReports(
      db,
      [
        report(1, ['SH:600519', 'US:AMZN'], '2025-06-01', true),
        report(2, ['SH:600519'], '2025-06-01'),
        report(3, ['SH:600519'], '2025-05-20'),
        report(4, ['US:AMZN']),
      ].map((row) => ({ ...row, originalText: row.title })),
    ),
  );
  expect(await db.securityTallies.get('SH:600519')).toEqual({
    securityId: 'SH:600519',
    count: 3,
    about: 1,
    months: { '2025-05': 1, '2025-06': 2 },
  });
  await write();
  expect(await stored()).toEqual(await recount());
});

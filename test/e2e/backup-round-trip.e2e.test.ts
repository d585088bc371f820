import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  deleteLibrary,
  exportThroughPage,
  importThroughPage,
  libraryHashes,
  openLibrary,
  seedThroughPage,
  writeSeedZips,
} from '../support/backup-round-trip';
import { useExtensionWithPages } from '../support/extension-session';

/** Reports in the CI round trip; the bench runs 100,000 (`npm run bench -- backup`). */
const REPORTS = Number(process.env.BACKUP_E2E_REPORTS ?? 2_000);
/** Seeding, export and restore of 2,000 reports take about a minute on a quiet machine; a shared one is slower. */
const ROUND_TRIP_TIMEOUT_MS = 600_000;

const session = useExtensionWithPages();
const dir = mkdtempSync(join(tmpdir(), 'reportlens-backup-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test(
  `the library page's backup of ${REPORTS.toLocaleString('en')} reports, restored into a deleted library, gives identical tables; one changed row is caught`,
  async () => {
    const { browser } = session;
    const page = await browser.context.newPage();
    const { paths } = writeSeedZips(dir, REPORTS, 'corpus');
    const seeded = await seedThroughPage(browser, page, paths);
    expect(seeded.join('\n')).not.toMatch(/[1-9]\d* failed/);
    const before = await libraryHashes(page);
    // Every table the backup carries has rows (subscriptions and PDFs are not part of a backup).
    expect(before.rows).toMatchObject({ reports: REPORTS, reportBodies: REPORTS });
    for (const table of ['aliases', 'aliasBlocks', 'reportSecurities']) expect(before.rows[table]).toBeGreaterThan(0);
    expect(before.rows.namesIndexBits).toBeGreaterThan(REPORTS);

    const zip = join(dir, 'reportlens-backup.zip');
    const exported = await exportThroughPage(browser, page, zip, ROUND_TRIP_TIMEOUT_MS);
    expect(exported.status).toMatch(new RegExp(`Exported ${REPORTS} report`));
    expect(statSync(zip).size).toBeGreaterThan(0);

    await deleteLibrary(browser, page);
    const emptied = await libraryHashes(page);
    expect(emptied.rows.reports).toBe(0);
    expect(emptied.rows.aliases).toBe(0);

    const restored = await importThroughPage(browser, page, zip);
    expect(restored.summary).toBe(`${REPORTS} imported · 0 already in library · 0 failed`);
    const after = await libraryHashes(page);
    expect(after).toEqual(before);

    // The comparison can fail: one body changed by one character changes that table's hash and no other.
    await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('reportlens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const store = open.result.transaction('reportBodies', 'readwrite').objectStore('reportBodies');
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const row = cursor.result.value;
          cursor.result.update({ ...row, originalText: row.originalText + '。' });
          cursor.transaction.oncomplete = () => { open.result.close(); resolve(); };
        };
        cursor.onerror = () => reject(cursor.error);
      };
    })`);
    const corrupted = await libraryHashes(page);
    expect(corrupted.hashes.reportBodies).not.toBe(before.hashes.reportBodies);
    expect({ ...corrupted.hashes, reportBodies: '' }).toEqual({ ...before.hashes, reportBodies: '' });
    await openLibrary(browser, page);
  },
  ROUND_TRIP_TIMEOUT_MS,
);

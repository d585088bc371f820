import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deleteLibrary,
  exportThroughPage,
  importThroughPage,
  libraryHashes,
  openLibrary,
  seedParagraphs,
  seedThroughPage,
  writeSeedZips,
  type SeedText,
} from '../support/backup-round-trip';
import { launchWithExtension } from '../support/launch-extension';
import { rendererRssMb } from './scale-bench';

/** Figures of one round trip: export → delete the database → restore, at one library size. */
export interface BackupStep {
  reports: number;
  /** Every table (the names index by report) identical after the restore; the tables that differ if not. */
  identical: boolean;
  tablesDiffering: string[];
  /** Text of the seeded posts, and the backup zip the page saved. */
  textMb: number;
  zipMb: number;
  /** Baseline of the restore: the same posts imported as zips of 10,000 through the same page, in the same run. */
  seedImportS: number;
  restoreS: number;
  /** Baseline of the export: reading and hashing every table in the page (raw IndexedDB, 500 rows a batch). */
  hashS: number;
  exportS: number;
  /** The library page at rest (opened, before the export): what a renderer holds anyway. */
  restingRssMb: number;
  exportPeakRssMb: number;
  restorePeakRssMb: number;
}

export interface BackupFigures {
  input: string;
  steps: BackupStep[];
  baseline: string;
  [key: string]: unknown;
}

/**
 * Seed text: `BACKUP_TEXT=corpus` draws posts from the shared corpus (realistic compression, about 28 securities a
 * post, ten times slower to import); the default is the scale bench's shapes, so 100,000 seed and restore in an hour.
 */
const TEXT: SeedText = process.env.BACKUP_TEXT === 'corpus' ? 'corpus' : 'shapes';
/** Renderer RSS is sampled this often while an export or restore runs (`ps`, each sample a few ms). */
const RSS_SAMPLE_MS = 500;
/** Longest export or restore waited for: 100,000 reports restore in minutes; a shared machine can be slow. */
const STEP_TIMEOUT_MS = 60 * 60_000;

/** Runs `work` while sampling the renderer's RSS; returns its value and the peak. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = rendererRssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rendererRssMb())), RSS_SAMPLE_MS);
  try {
    const value = await work();
    return { value, peakRssMb: Math.max(peak, rendererRssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The streamed backup's round trip through the built extension in real Chromium, at each size in `BACKUP_SIZES`
 * (default 100,000; `--smoke` 500), each in a fresh browser: seed through the library page's import, hash every table,
 * export with the page's button (the download caught), delete the database, restore the saved zip through the page's
 * file input, hash again. Times are beside baselines from the same run; renderer RSS beside the page at rest.
 */
export async function benchBackup(smoke: boolean): Promise<BackupFigures> {
  const sizes = smoke ? [500] : (process.env.BACKUP_SIZES?.split(',').map(Number) ?? [100_000]);
  const steps: BackupStep[] = [];
  for (const reports of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'reportlens-backup-bench-'));
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      const { paths, textBytes } = writeSeedZips(dir, reports, TEXT);
      let start = performance.now();
      const log = (text: string) => process.stderr.write(`  backup ${reports}: ${text} (${new Date().toISOString()})\n`);
      const seeded = await seedThroughPage(browser, page, paths, (summary) => log(`seeded ${summary}`));
      const seedImportS = (performance.now() - start) / 1000;
      if (seeded.some((summary) => !/ 0 failed$/.test(summary))) throw new Error(`seeding failed: ${seeded.join('; ')}`);
      start = performance.now();
      const before = await libraryHashes(page);
      const hashS = (performance.now() - start) / 1000;
      log(`hashed in ${hashS.toFixed(1)} s`);

      await openLibrary(browser, page);
      const restingRssMb = rendererRssMb();
      const zip = join(dir, 'reportlens-backup.zip');
      const exported = await withPeakRss(() => exportThroughPage(browser, page, zip, STEP_TIMEOUT_MS));
      log(`exported in ${exported.value.seconds.toFixed(1)} s`);
      await deleteLibrary(browser, page);
      const restored = await withPeakRss(() => importThroughPage(browser, page, zip));
      if (restored.value.summary !== `${reports} imported · 0 already in library · 0 failed`)
        throw new Error(`restore: ${restored.value.summary}`);
      const after = await libraryHashes(page);
      const tables = [...new Set([...Object.keys(before.hashes), ...Object.keys(after.hashes)])];
      const tablesDiffering = tables.filter((table) => before.hashes[table] !== after.hashes[table]);
      steps.push({
        reports,
        identical: tablesDiffering.length === 0 && JSON.stringify(before.rows) === JSON.stringify(after.rows),
        tablesDiffering,
        textMb: textBytes / 1048576,
        zipMb: statSync(zip).size / 1048576,
        seedImportS,
        restoreS: restored.value.seconds,
        hashS,
        exportS: exported.value.seconds,
        restingRssMb,
        exportPeakRssMb: exported.peakRssMb,
        restorePeakRssMb: restored.peakRssMb,
      });
      process.stderr.write(`  backup ${reports}: ${JSON.stringify(steps.at(-1))} rows ${JSON.stringify(after.rows)}\n`);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // Headline keys per size (`roundTrip100k.identical`, `exportS100k`, …), beside the steps they come from.
  const headline: Record<string, unknown> = {};
  for (const step of steps) {
    const suffix = step.reports % 1000 ? String(step.reports) : `${step.reports / 1000}k`;
    headline[`roundTrip${suffix}`] = { identical: step.identical, tablesDiffering: step.tablesDiffering };
    headline[`exportS${suffix}`] = step.exportS;
    headline[`restoreS${suffix}`] = step.restoreS;
    headline[`peakRssMb${suffix}`] = Math.max(step.exportPeakRssMb, step.restorePeakRssMb);
    headline[`zipMb${suffix}`] = step.zipMb;
  }
  return {
    input: `posts of 4–13 KB (${seedParagraphs(TEXT).source}; every 40th teaches a name, every 3rd mentions one, every 7th names a security-list entry), a security list and a block; sizes ${sizes.join(', ')}, each in a fresh browser`,
    ...headline,
    steps,
    baseline:
      'restore beside the import of the same posts (zips of 10,000, same page and run); export beside reading and hashing every table in the page; renderer RSS beside the library page at rest',
  };
}

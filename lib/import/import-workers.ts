import type { ImportSource } from './read-import-entries';
import type { ReportReader } from './report-reader';
import { workerReportReader } from './worker-report-reader';

/**
 * Below this many bytes a selection is read in the page: each worker loads the securities master and builds its
 * matcher (about 0.3 s of a core), more than reading a few hundred kilobytes of reports costs.
 */
const WORKERS_FROM_BYTES = 1024 * 1024;
/** Workers at most, whatever the machine: the page itself unzips, learns and writes beside them. */
const MAX_IMPORT_WORKERS = 4;

/**
 * Import workers to read a large selection's report files beside the page (one per core, at most
 * {@link MAX_IMPORT_WORKERS}), or `undefined` to read in the page: a small selection, or no `Worker` here (Node).
 * `database` names the library whose dictionary they load.
 */
export function importWorkersFor(sources: readonly ImportSource[], database: string): ReportReader | undefined {
  if (typeof Worker !== 'function') return undefined;
  if (sources.reduce((sum, source) => sum + source.size, 0) < WORKERS_FROM_BYTES) return undefined;
  const count = Math.max(1, Math.min(MAX_IMPORT_WORKERS, navigator.hardwareConcurrency || 2));
  const workers = Array.from({ length: count }, () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }));
  return workerReportReader(workers, database);
}

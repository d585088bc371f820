import { fileProblem, IGNORED, JSON_FILE, ZIP_FILE, type ImportEntry, type ImportSource } from './import-file-rules';
import { formatBytes, type ImportLimits } from './import-limits';
import { zipEntries } from './zip-entries';

export type { ImportEntry, ImportSource } from './import-file-rules';

const pathOf = (source: ImportSource) => source.webkitRelativePath || source.name;

/**
 * Reads a selection (files, a folder's files, zips, a backup) into entries, one at a time. Zips are streamed
 * through fflate: each entry is inflated on its own and counted against the limits while it inflates, so a zip bomb
 * is stopped by its real size, not the size its headers claim.
 */
export async function* readImportEntries(
  sources: readonly ImportSource[],
  limits: ImportLimits,
  onBytesRead: (bytes: number) => void = () => {},
): AsyncGenerator<ImportEntry> {
  for (const source of sources) {
    const path = pathOf(source);
    if (IGNORED.test(path)) {
      onBytesRead(source.size);
      continue;
    }
    if (ZIP_FILE.test(source.name)) {
      yield* zipEntries(source, path, limits, onBytesRead);
      continue;
    } else if (JSON_FILE.test(source.name)) {
      onBytesRead(source.size);
      if (source.size > limits.maxBackupBytes) {
        yield {
          kind: 'failed',
          path,
          reason: `the file is ${formatBytes(source.size)}; the limit for a backup is ${formatBytes(limits.maxBackupBytes)}`,
        };
      } else {
        yield { kind: 'backup', path, text: new TextDecoder().decode(await source.arrayBuffer()) };
      }
    } else {
      onBytesRead(source.size);
      const problem = fileProblem(path, source.size, limits);
      yield problem ? { kind: 'failed', path, reason: problem } : { kind: 'file', path, bytes: new Uint8Array(await source.arrayBuffer()) };
    }
  }
}

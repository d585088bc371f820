import { openAsBlob } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { ImportSource } from '../import/read-import-entries';

/** A file on disk as an import source: streamed from disk, named by its path relative to `base`. */
async function fileSource(path: string, base: string): Promise<ImportSource> {
  const blob = await openAsBlob(path);
  const relativePath = relative(base, path) || basename(path);
  return {
    name: basename(path),
    size: blob.size,
    webkitRelativePath: relativePath,
    arrayBuffer: () => blob.arrayBuffer(),
    stream: () => blob.stream(),
  };
}

/**
 * The import sources under a path, as the library page would get them: a file is itself, a folder is every file
 * below it (folder-relative names, sorted). Throws when the path cannot be read.
 */
export async function sourcesAt(path: string): Promise<ImportSource[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [await fileSource(path, join(path, '..'))];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(files.map((file) => fileSource(file, join(path, '..'))));
}

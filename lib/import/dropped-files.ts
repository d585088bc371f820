import type { ImportSource } from './read-import-entries';

/** Most files one dropped folder may expand to; beyond it the drop is refused (zip the folder instead). */
const MAX_DROPPED_FILES = 100_000;

/**
 * A dropped file with the folder path it was dropped in, as the folder picker would give it. A wrapper, not the
 * File itself: `webkitRelativePath` is a read-only getter on Chromium's File (setting it throws), while Node's File
 * has none, which is why a unit test could not see it.
 */
export const withPath = (file: File, path: string): ImportSource => ({
  name: file.name,
  size: file.size,
  webkitRelativePath: path,
  arrayBuffer: () => file.arrayBuffer(),
  stream: () => file.stream(),
  slice: (start?: number, end?: number) => file.slice(start, end),
});

const readAll = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });

/**
 * The files of a drop, folders expanded recursively (the File and Directory Entries API: `readEntries` returns at
 * most 100 entries per call, hence the loop). Plain files keep their names; files from folders get their path.
 */
export async function droppedFiles(items: DataTransferItemList): Promise<ImportSource[]> {
  const entries = [...items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  const files: ImportSource[] = [];
  const visit = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (files.length >= MAX_DROPPED_FILES)
      throw new Error(`the drop holds more than ${MAX_DROPPED_FILES} files; zip the folder and import the zip`);
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(inFolder ? withPath(file, entry.fullPath.replace(/^\//, '')) : file);
    } else if (entry.isDirectory) {
      for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await visit(child, true);
    }
  };
  for (const entry of entries) await visit(entry, false);
  return files;
}

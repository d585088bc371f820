import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as v from 'valibot';
import { indexSchema, manifestSchema } from './library-manifest';
import { PREVIOUS_FILE, buildPublication, type PreviousPublication, type Publication, type PublishedReport } from './publish-library';

/** The folders of a published library; files in them that a publication does not name are deleted. */
const LIBRARY_FOLDERS = ['reports', 'securities', 'index', 'diffs'];

/** Reads the publication already in `out`, if any (a folder that holds something else is refused, not overwritten). */
export async function readPreviousPublication(out: string): Promise<PreviousPublication | undefined> {
  const manifestFile = join(out, 'manifest.json');
  if (!existsSync(manifestFile)) return undefined;
  const manifest = v.safeParse(manifestSchema, JSON.parse(await readFile(manifestFile, 'utf8')));
  if (!manifest.success) throw new Error(`${manifestFile} is not a ReportLens library manifest: ${manifest.issues[0].message}`);
  const index = v.safeParse(indexSchema, JSON.parse(await readFile(join(out, manifest.output.index), 'utf8')));
  if (!index.success) throw new Error(`${manifest.output.index} is not a library index: ${index.issues[0].message}`);
  return { manifest: manifest.output, index: index.output };
}

/**
 * Publishes reports into `out` as a static library ({@link buildPublication}): files whose bytes are unchanged are
 * not rewritten (their Last-Modified stays, so HTTP caches and subscribers see no change), files no longer part of
 * the library are removed, and `manifest.json` is written last so a subscriber never reads a manifest naming files
 * that are not there yet.
 */
export async function publishToFolder(
  reports: readonly PublishedReport[],
  out: string,
  title: string,
  asOf = new Date().toISOString(),
): Promise<Publication> {
  const previous = await readPreviousPublication(out);
  const publication = buildPublication(reports, previous, { title, asOf });
  const write = async (path: string, text: string) => {
    const file = join(out, path);
    if (existsSync(file) && (path.startsWith('reports/') || (await readFile(file, 'utf8')) === text)) return;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  };
  for (const [path, text] of publication.files) if (path !== 'manifest.json' && text !== PREVIOUS_FILE) await write(path, text);
  await write('manifest.json', publication.files.get('manifest.json')!);
  for (const folder of LIBRARY_FOLDERS) {
    if (!existsSync(join(out, folder))) continue;
    for (const name of await readdir(join(out, folder))) {
      const path = `${folder}/${name}`;
      if (!publication.files.has(path)) await rm(join(out, path));
    }
  }
  return publication;
}

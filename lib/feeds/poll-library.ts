import * as v from 'valibot';
import { contentHash } from '../import/content-hash';
import { decodeText } from '../import/decode-text';
import type { EntryWithBody } from './entry-source';
import { FeedError, type FeedEntry } from './feed-entry';
import { diffSchema, hashOfPath, indexSchema, type LibraryManifest } from './library-manifest';
import type { FeedState, Get, PollOptions } from './poll-feed';

/**
 * The reports to take from a library: by diffs from the version we have when they reach it, else the full index;
 * and the content hashes the diffs removed (a subscriber reading the full index learns of no removal).
 */
export async function pollLibrary(
  manifest: LibraryManifest,
  state: FeedState,
  get: Get,
  options: PollOptions,
): Promise<{ entries: EntryWithBody[]; removed: string[] }> {
  if (state.libraryVersion === manifest.version) return { entries: [], removed: [] };
  const base = new URL('.', state.url);
  const json = async <T>(path: string, schema: v.GenericSchema<unknown, T>): Promise<T> => {
    const resource = await get(new URL(path, base).href);
    const parsed = v.safeParse(schema, JSON.parse(decodeText(resource.body!).text));
    if (!parsed.success) throw new FeedError(`${path}: ${parsed.issues[0].message}`);
    return parsed.output;
  };
  const chain = diffChain(manifest, state.libraryVersion);
  let paths: string[];
  const removed = new Set<string>();
  if (chain) {
    const added = new Set<string>();
    for (const ref of chain) {
      const diff = await json(ref.path, diffSchema);
      for (const path of diff.added) {
        added.add(path);
        removed.delete(path);
      }
      for (const path of diff.removed) {
        added.delete(path);
        removed.add(path);
      }
    }
    paths = [...added];
  } else {
    paths = (await json(manifest.index, indexSchema)).reports;
  }
  const known = (await options.known?.(paths.map(hashOfPath))) ?? new Set<string>();
  const entries: EntryWithBody[] = [];
  for (const path of paths) {
    const sha256 = hashOfPath(path);
    if (known.has(sha256)) continue;
    const text = decodeText((await get(new URL(path, base).href)).body!).text;
    if ((await contentHash(text)) !== sha256) throw new FeedError(`${path} does not match its content hash; the library is refused`);
    const entry: FeedEntry = { id: sha256, title: '', categories: [], libraryReport: { path, sha256 } };
    const format = path.endsWith('.html') ? 'html' : path.endsWith('.txt') ? 'txt' : 'md';
    entries.push({ entry: { ...entry, link: new URL(path, base).href }, body: text, format });
  }
  return { entries, removed: [...removed].map(hashOfPath) };
}

/** The diffs leading from `from` to the manifest's version, or `undefined` when they do not all exist. */
function diffChain(manifest: LibraryManifest, from: number | undefined): LibraryManifest['diffs'] | undefined {
  if (from === undefined || from > manifest.version) return undefined;
  const chain: LibraryManifest['diffs'] = [];
  for (let at = from; at < manifest.version; at++) {
    const step = manifest.diffs.find((diff) => diff.from === at && diff.to === at + 1);
    if (!step) return undefined;
    chain.push(step);
  }
  return chain;
}

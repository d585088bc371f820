import { stringify } from 'yaml';
import type { ImportSource } from '../import/import-file-rules';
import type { FeedEntry } from './feed-entry';

/** Characters kept of a slug taken from an entry's link or id, so file names stay readable in the import log. */
const MAX_SLUG = 80;

/** An entry with the body the import reads: its own content, or its page fetched from the same origin. */
export interface EntryWithBody {
  entry: FeedEntry;
  body: string;
  format: 'html' | 'txt' | 'md';
}

/** A readable file name for an entry: the last part of its link (or id), kept to letters, digits, `-` and `_`. */
export function entryFileName(entry: FeedEntry, format: EntryWithBody['format'], host: string): string {
  const from = entry.link ? new URL(entry.link).pathname : entry.id;
  const last = from.split('/').filter(Boolean).pop() ?? '';
  const slug =
    last
      .replace(/\.[a-z]+$/i, '')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .slice(0, MAX_SLUG) || 'entry';
  return `${host}/${slug}.${format}`;
}

/** Bytes as an import source (what a dropped file is to the library page). */
export function bytesSource(name: string, bytes: Uint8Array): ImportSource {
  return {
    name: name.split('/').pop()!,
    webkitRelativePath: name,
    size: bytes.byteLength,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  };
}

/**
 * An entry as a report file for the import pipeline: YAML front matter from the entry's fields (title, date,
 * categories, link as `sourceUrl`: the fields a Jekyll post has) and its body, so a feed entry is parsed, hashed and
 * stored exactly as a post imported from an archive. A library report (already a file) is passed through as is.
 */
export function entrySource({ entry, body, format }: EntryWithBody, host: string): ImportSource {
  const name = entryFileName(entry, format, host);
  if (entry.libraryReport) return bytesSource(name, new TextEncoder().encode(body));
  const fields: Record<string, unknown> = { title: entry.title || undefined, date: entry.published };
  if (entry.categories.length) fields.categories = entry.categories;
  if (entry.link) fields.sourceUrl = entry.link;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const frontMatter = Object.keys(defined).length ? `---\n${stringify(defined, { lineWidth: 0 })}---\n` : '';
  return bytesSource(name, new TextEncoder().encode(`${frontMatter}${body}\n`));
}

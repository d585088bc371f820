/** One entry of a feed, whatever its format, as the import needs it. */
export interface FeedEntry {
  /** The entry's id (Atom `id`, RSS `guid`, JSON Feed `id`), else its link: what "new" is judged by. */
  id: string;
  title: string;
  /** The entry's page (absolute URL), when it has one. */
  link?: string;
  /** ISO date-time when the date could be read; a malformed date is left out (the report stays undated). */
  published?: string;
  /** The date as the feed wrote it, to name it when it could not be read. */
  rawDate?: string;
  categories: string[];
  /** The entry's content as HTML (Atom `content`/`summary`, RSS `content:encoded`/`description`, JSON `content_html`). */
  html?: string;
  /** Plain-text content (JSON Feed `content_text`, Atom `type="text"`). */
  text?: string;
  /** A report of a ReportLens library: its path on the site and its content hash (checked on arrival). */
  libraryReport?: { path: string; sha256: string };
}

/** Which kind of document a feed URL served. */
export type FeedKind = 'atom' | 'rss' | 'json-feed' | 'library-manifest';

/** A parsed feed page. */
export interface ParsedFeed {
  kind: FeedKind;
  title: string;
  entries: FeedEntry[];
  /** The next (older) page: Atom `link rel="next"` (RFC 5005), JSON Feed `next_url`. */
  next?: string;
}

/** A feed refused as a whole, with a reason a reader can act on. */
export class FeedError extends Error {
  override name = 'FeedError';
}

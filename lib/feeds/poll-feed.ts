import { decodeText } from '../import/decode-text';
import type { EntryWithBody } from './entry-source';
import { FeedError, type FeedEntry, type FeedKind, type ParsedFeed } from './feed-entry';
import { assertSameOrigin, fetchResource, originOf, type Fetch, type Validators } from './fetch-resource';
import { pollLibrary } from './poll-library';
import { readFeedDocument } from './read-feed-document';

/** Pages of a paged feed (RFC 5005 `next`, JSON Feed `next_url`) read in one poll: more is endless pagination. */
export const MAX_FEED_PAGES = 20;

/** Entry ids remembered per subscription to tell new entries from old (a feed page lists far fewer). */
export const MAX_SEEN_IDS = 5_000;

/** What a subscriber remembers between polls: the server's validators and what it has already taken. */
export interface FeedState {
  url: string;
  title?: string;
  kind?: FeedKind;
  validators: Validators;
  /** Ids of entries already imported (feeds), oldest first. */
  seen: string[];
  /** The library version last taken in full (library manifests). */
  libraryVersion?: number;
}

/** One entry that could not be taken, and why. */
export interface EntryProblem {
  entry: string;
  reason: string;
}

/** What one poll found. `state` is to be saved only once `entries` are stored: a failed store retries them. */
export interface PollOutcome {
  /** The HTTP status of the feed (or manifest) request: 200, or 304 when unchanged. */
  status: number;
  kind?: FeedKind;
  entries: EntryWithBody[];
  /** Content hashes of reports the library no longer publishes (library manifests read by diffs). */
  removed: string[];
  failed: EntryProblem[];
  warnings: EntryProblem[];
  state: FeedState;
  requests: number;
  bytes: number;
}

/** Options of a poll. */
export interface PollOptions {
  /** Which content hashes the subscriber already has (the library's ids), so a library report is not fetched twice. */
  known?: (hashes: string[]) => Promise<Set<string>>;
}

/** A fresh state for a feed URL (http or https only). */
export function newFeedState(url: string): FeedState {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FeedError(`${url} is not an http(s) address`);
  if (parsed.username || parsed.password) throw new FeedError(`${url} carries credentials; subscribe without them`);
  return { url: parsed.href, validators: {}, seen: [] };
}

/**
 * Polls one subscription: a conditional request for the feed (or manifest); when it changed, the entries not taken
 * before, each with its body (the entry's own content, else its page fetched from the same origin), following a
 * paged feed's `next` links on the same origin. Nothing is ever requested from another origin. Any failure of the
 * feed itself (unreachable, HTTP error, too large, malformed, endless pages, a library file whose hash does not match
 * its name) throws a {@link FeedError} and yields nothing: a poll is all or nothing. Entries refused one by one (no
 * content, content on another origin) are listed in `failed`; malformed dates in `warnings` (the report is undated).
 */
export async function pollFeed(state: FeedState, fetchImpl: Fetch, options: PollOptions = {}): Promise<PollOutcome> {
  const origin = originOf(state.url);
  const counter = { requests: 0, bytes: 0 };
  const fetchCounted: Fetch = async (url, init) => {
    counter.requests++;
    return fetchImpl(url, init);
  };
  const get = async (url: string, validators: Validators = {}) => {
    const resource = await fetchResource(fetchCounted, url, origin, validators);
    counter.bytes += resource.body?.byteLength ?? 0;
    return resource;
  };
  const first = await get(state.url, state.validators);
  const validators = { etag: first.etag, lastModified: first.lastModified };
  const outcome = (extra: Partial<PollOutcome> & Pick<PollOutcome, 'state'>): PollOutcome => ({
    status: first.status,
    entries: [],
    removed: [],
    failed: [],
    warnings: [],
    ...counter,
    ...extra,
  });
  if (first.status === 304) return outcome({ kind: state.kind, state: { ...state, validators } });
  const document = readFeedDocument(first);
  if (document.kind === 'manifest') {
    const { entries, removed } = await pollLibrary(document.manifest, state, get, options);
    return outcome({
      kind: 'library-manifest',
      entries,
      removed,
      state: { ...state, validators, kind: 'library-manifest', title: document.manifest.title, libraryVersion: document.manifest.version },
    });
  }
  const { entries, failed, warnings } = await pollPages(document.feed, state, get);
  const seen = [...state.seen, ...entries.map(({ entry }) => entry.id)].slice(-MAX_SEEN_IDS);
  return outcome({
    kind: document.feed.kind,
    entries,
    failed,
    warnings,
    state: { ...state, validators, kind: document.feed.kind, title: document.feed.title, seen },
  });
}

/** A same-origin GET of the poll (counted). */
export type Get = (url: string, validators?: Validators) => ReturnType<typeof fetchResource>;

async function pollPages(feed: ParsedFeed, state: FeedState, get: Get) {
  const seen = new Set(state.seen);
  const origin = originOf(state.url);
  const fresh: FeedEntry[] = [];
  const failed: EntryProblem[] = [];
  const visited = new Set([state.url]);
  let page: ParsedFeed | undefined = feed;
  for (let pages = 1; page; pages++) {
    let anyNew = false;
    for (const entry of page.entries) {
      const id = entry.id || entry.link;
      if (!id) {
        failed.push({ entry: entry.title || '(untitled entry)', reason: 'the entry has neither an id nor a link' });
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      anyNew = true;
      fresh.push({ ...entry, id });
    }
    // A page with nothing new means the rest is older still: the feed is read up to what we have.
    if (!anyNew || !page.next) break;
    if (visited.has(page.next)) throw new FeedError(`the feed's pages loop back to ${page.next}`);
    if (pages >= MAX_FEED_PAGES) throw new FeedError(`the feed's pages go on past ${MAX_FEED_PAGES}; refused (endless pagination)`);
    assertSameOrigin(page.next, origin, 'the next page');
    visited.add(page.next);
    const next = readFeedDocument(await get(page.next));
    if (next.kind !== 'feed') throw new FeedError(`the next page ${page.next} is not a feed page`);
    page = next.feed;
  }
  const warnings = fresh
    .filter((entry) => entry.rawDate && !entry.published)
    .map((entry) => ({
      entry: entry.title || entry.id,
      reason: `its date "${entry.rawDate!.slice(0, 60)}" is not a date; stored undated`,
    }));
  const entries: EntryWithBody[] = [];
  // Oldest first, so the library's import log and the subscriber's seen list read in publishing order.
  for (const entry of fresh.reverse()) {
    if (entry.html) entries.push({ entry, body: entry.html, format: 'html' });
    else if (entry.text) entries.push({ entry, body: entry.text, format: 'txt' });
    else if (!entry.link) failed.push({ entry: entry.title || entry.id, reason: 'the entry has no content and no link' });
    else if (originOf(entry.link) !== origin)
      failed.push({ entry: entry.title || entry.id, reason: `its content is on another origin (${originOf(entry.link)}); not fetched` });
    else {
      const page = await get(entry.link);
      const type = page.contentType.split(';')[0]!.trim().toLowerCase();
      const format = type === 'text/html' ? 'html' : type === 'text/markdown' ? 'md' : type === 'text/plain' ? 'txt' : undefined;
      if (!format) failed.push({ entry: entry.title || entry.id, reason: `its page is ${type || 'untyped'}, not a report` });
      else entries.push({ entry, body: decodeText(page.body!).text, format });
    }
  }
  return { entries, failed, warnings };
}

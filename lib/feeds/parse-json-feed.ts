import * as v from 'valibot';
import { readFeedDate } from './feed-date';
import { FeedError, type ParsedFeed } from './feed-entry';
import { MAX_ENTRIES_PER_PAGE, absoluteUrl } from './parse-xml-feed';

/** The JSON Feed versions we read (https://www.jsonfeed.org/version/1.1/); 1.0 items are the same shape. */
const JSON_FEED_VERSION = /^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/;

const text = v.optional(v.string());
const itemSchema = v.looseObject({
  id: v.union([v.string(), v.number()]),
  url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  date_published: text,
  date_modified: text,
  tags: v.optional(v.array(v.string())),
});
const feedSchema = v.looseObject({
  version: v.pipe(v.string(), v.regex(JSON_FEED_VERSION, 'is not a JSON Feed version')),
  title: text,
  next_url: text,
  items: v.pipe(v.array(v.unknown()), v.maxLength(MAX_ENTRIES_PER_PAGE, `lists more than ${MAX_ENTRIES_PER_PAGE} items`)),
});

/**
 * Parses a JSON Feed 1.1 (or 1.0) document already read as JSON. Items that are not objects with an id are refused
 * with the feed (a generator that writes them is broken, and half a feed would look like deletions later).
 */
export function parseJsonFeed(json: unknown, base: string): ParsedFeed {
  const feed = v.safeParse(feedSchema, json);
  if (!feed.success) throw new FeedError(`not a JSON Feed: ${issueText(feed.issues[0])}`);
  const entries = feed.output.items.map((raw, index) => {
    const item = v.safeParse(itemSchema, raw);
    if (!item.success) throw new FeedError(`JSON Feed item ${index + 1}: ${issueText(item.issues[0])}`);
    const { id, url, title, content_html, content_text, summary, date_published, date_modified, tags } = item.output;
    const link = url ? absoluteUrl(url, base) : undefined;
    const rawDate = date_published ?? date_modified;
    return {
      id: String(id),
      title: title ?? '',
      link,
      published: readFeedDate(rawDate),
      rawDate,
      categories: tags ?? [],
      html: content_html,
      text: content_html ? undefined : (content_text ?? summary),
    };
  });
  return {
    kind: 'json-feed',
    title: feed.output.title ?? '',
    entries,
    next: feed.output.next_url ? absoluteUrl(feed.output.next_url, base) : undefined,
  };
}

function issueText(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unreadable';
  const path = issue.path?.map((step) => String(step.key)).join('.') ?? '';
  return path ? `${path} ${issue.message}` : issue.message;
}

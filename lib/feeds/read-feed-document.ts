import * as v from 'valibot';
import { FeedError, type ParsedFeed } from './feed-entry';
import type { FetchedResource } from './fetch-resource';
import { looksLikeManifest, manifestSchema, type LibraryManifest } from './library-manifest';
import { parseJsonFeed } from './parse-json-feed';
import { parseXmlFeed } from './parse-xml-feed';

/** Media types a feed is served as (plus text/plain and none, which are sniffed: many static servers send those). */
const XML_TYPES = /^(application\/(atom|rss|rdf)?\+?xml|text\/xml)$/;
const JSON_TYPES = /^application\/(feed\+)?json$/;
const SNIFFED_TYPES = /^(text\/plain|application\/octet-stream|)$/;

/** A fetched feed document: a feed page, or a ReportLens library manifest. */
export type FeedDocument = { kind: 'feed'; feed: ParsedFeed } | { kind: 'manifest'; manifest: LibraryManifest };

/** Decodes a body by its declared charset (HTTP header, then XML declaration), UTF-8 by default; bad bytes refuse it. */
export function decodeBody(body: Uint8Array, contentType: string, url: string): string {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 200));
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? /<\?xml[^>]*encoding=["']([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset, { fatal: true }).decode(body);
  } catch (error) {
    const reason = error instanceof RangeError ? `unknown charset ${charset}` : `bytes that are not ${charset}`;
    throw new FeedError(`${url}: ${reason}`);
  }
}

/**
 * Reads a fetched feed document by its media type: Atom or RSS (XML), JSON Feed or a library manifest (JSON).
 * A web page (`text/html`), an image or anything else is refused with what it is, so the user can find the real
 * feed address; `text/plain` and untyped answers are read by their first character.
 */
export function readFeedDocument(resource: FetchedResource): FeedDocument {
  const type = resource.contentType.split(';')[0]!.trim().toLowerCase();
  if (!XML_TYPES.test(type) && !JSON_TYPES.test(type) && !SNIFFED_TYPES.test(type))
    throw new FeedError(`${resource.url} is served as ${type}, not a feed (Atom, RSS, JSON Feed or a library manifest)`);
  const text = decodeBody(resource.body ?? new Uint8Array(0), resource.contentType, resource.url).replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  const asXml = XML_TYPES.test(type) || (SNIFFED_TYPES.test(type) && first === '<');
  const asJson = JSON_TYPES.test(type) || (SNIFFED_TYPES.test(type) && (first === '{' || first === '['));
  if (asXml) return { kind: 'feed', feed: parseXmlFeed(text, resource.url) };
  if (!asJson) throw new FeedError(`${resource.url} is served as ${type || 'nothing'} and reads as neither XML nor JSON: not a feed`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError(`${resource.url} is not valid JSON: ${(error as Error).message}`);
  }
  if (!looksLikeManifest(json)) return { kind: 'feed', feed: parseJsonFeed(json, resource.url) };
  const manifest = v.safeParse(manifestSchema, json);
  if (!manifest.success) throw new FeedError(`${resource.url} is a broken library manifest: ${manifest.issues[0].message}`);
  return { kind: 'manifest', manifest: manifest.output };
}

import { formatBytes } from '../import/import-limits';
import { FeedError } from './feed-entry';

/** Largest feed page, entry page or library file read: a real feed page is kilobytes, a 100,000-report index ~7 MB. */
export const MAX_RESOURCE_BYTES = 20 * 1024 * 1024;

/** Same-origin redirects followed (Node only; see {@link fetchResource}): more is a loop. */
const MAX_REDIRECTS = 5;

/** A request that takes longer than this is given up (and counts as an error, so the poll backs off). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** The `fetch` we call: the browser's or Node's (tests pass their own). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Validators from the last answer, sent back so an unchanged resource costs a 304 and no body. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** What one request brought: 304 has no body. */
export interface FetchedResource extends Validators {
  status: number;
  url: string;
  contentType: string;
  body?: Uint8Array;
}

/** The origin every request of a subscription must stay on. */
export const originOf = (url: string) => new URL(url).origin;

/** Refuses any URL off the subscription's origin before a request is made. */
export function assertSameOrigin(url: string, origin: string, what: string): void {
  if (originOf(url) !== origin) throw new FeedError(`${what} ${url} is on another origin than ${origin}; nothing is fetched from there`);
}

/**
 * Fetches one resource of a subscription: only on `origin`, with the validators sent as `If-None-Match` /
 * `If-Modified-Since`, no cookies or credentials, the body read up to {@link MAX_RESOURCE_BYTES} (a larger one is
 * refused as it streams, whatever `Content-Length` says). Redirects are never followed to another origin: in Node
 * (where `redirect: 'manual'` shows the target) a same-origin one is followed; in a browser the target is hidden
 * (`opaqueredirect`), so any redirect is refused with the advice to subscribe to the final address.
 * Answers other than 200 and 304 throw a {@link FeedError} with the status.
 */
export async function fetchResource(
  fetchImpl: Fetch,
  url: string,
  origin: string,
  validators: Validators = {},
  maxBytes = MAX_RESOURCE_BYTES,
): Promise<FetchedResource> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    assertSameOrigin(current, origin, hop ? 'the feed redirects to' : 'the address');
    const headers: Record<string, string> = {};
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    let response: Response;
    try {
      response = await fetchImpl(current, {
        headers,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new FeedError(`${current} could not be reached: ${(error as Error).message}`);
    }
    if (response.type === 'opaqueredirect') throw new FeedError(`${current} answers with a redirect; subscribe to the address it leads to`);
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FeedError(`${current} answers ${response.status} without a Location`);
      current = new URL(location, current).href;
      continue;
    }
    const common = {
      status: response.status,
      url: current,
      contentType: response.headers.get('content-type') ?? '',
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
    if (response.status === 304) {
      await response.body?.cancel();
      return { ...common, etag: common.etag ?? validators.etag, lastModified: common.lastModified ?? validators.lastModified };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new FeedError(`${current} answers HTTP ${response.status}`);
    }
    return { ...common, body: await readLimited(response, current, maxBytes) };
  }
  throw new FeedError(`${url} redirects more than ${MAX_REDIRECTS} times`);
}

/** Reads a body, refusing it (and cancelling the download) once it passes `maxBytes`. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new FeedError(`${url} is larger than ${formatBytes(maxBytes)}; refused`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

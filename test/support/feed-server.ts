import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** One request as the server saw it: what was asked, the validators sent, what was answered. */
export interface LoggedRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
  bytes: number;
}

/** A route of its own (hostile answers): it writes the response itself. */
export type FeedRoute = (request: IncomingMessage, response: ServerResponse) => void;

/** A running feed server. */
export interface FeedServer {
  origin: string;
  server: Server;
  log: LoggedRequest[];
  routes: Map<string, FeedRoute>;
  close: () => Promise<void>;
}

/**
 * A static HTTP server as a team would host a feed or library: files under `dir` (read at each request, so a
 * rebuilt site is served at once) with a strong `ETag` (SHA-256 of the bytes) and `Last-Modified` (the file's
 * mtime), answering `If-None-Match` / `If-Modified-Since` with 304 as nginx does; `routes` override paths for
 * hostile answers. Every request is logged.
 */
export async function serveFeeds(dir: string, port = 0): Promise<FeedServer> {
  const log: LoggedRequest[] = [];
  const routes = new Map<string, FeedRoute>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const entry: LoggedRequest = {
      path: url.pathname,
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
      status: 0,
      bytes: 0,
    };
    log.push(entry);
    const write = response.write.bind(response);
    response.write = ((chunk: Buffer | string, ...rest: never[]) => {
      entry.bytes += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    }) as typeof response.write;
    response.on('finish', () => void (entry.status = response.statusCode));
    const route = routes.get(url.pathname);
    if (route) return route(request, response);
    let file = join(dir, normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end('not found');
    const bytes = readFileSync(file);
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
    const modified = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
    const since = Date.parse(request.headers['if-modified-since'] ?? '');
    const unchanged = request.headers['if-none-match'] ? request.headers['if-none-match'] === etag : since >= modified.getTime();
    const headers = { etag, 'last-modified': modified.toUTCString(), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (unchanged) return void response.writeHead(304, headers).end();
    response.writeHead(200, { ...headers, 'content-length': bytes.byteLength });
    response.end(bytes);
    entry.bytes += bytes.byteLength;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    server,
    log,
    routes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

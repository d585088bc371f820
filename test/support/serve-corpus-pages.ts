import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { decodeText } from '../../lib/import/decode-text';

/**
 * Serves saved real pages on 127.0.0.1 as their sites would: decoded as `cli detect` decodes them (GBK pages and a
 * page whose meta lies about its charset read right) and sent as UTF-8, with a policy that runs none of the page's
 * own scripts. The saved scripts are years old and reach for servers we block: one empties its own body
 * (`document.open`) when they fail. The extension's content script is not the page's and still runs. `extra` adds
 * pages of our own (the soak test's live page) by path.
 */
export async function serveCorpusPages(dir: string, extra: Record<string, string> = {}) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    if (extra[path] !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(extra[path]);
      return;
    }
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile() || !file.endsWith('.html')) {
      response.writeHead(404).end('not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" })
      .end(decodeText(new Uint8Array(readFileSync(file))).text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Idle keep-alive connections of the browser would hold `close` open for as long as the browser runs.
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { origin: `http://127.0.0.1:${port}`, close };
}

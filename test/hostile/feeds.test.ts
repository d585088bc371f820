import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLibraryDatabase } from '../../lib/db/database';
import { MAX_ENTRIES_PER_PAGE } from '../../lib/feeds/parse-xml-feed';
import { MAX_FEED_PAGES } from '../../lib/feeds/poll-feed';
import { pollDueSubscriptions } from '../../lib/feeds/run-subscription-polls';
import { addSubscription, listSubscriptions } from '../../lib/feeds/subscription-queries';
import { serveFeeds, type FeedServer } from '../support/feed-server';
import { cleanOutcome, writeHostileOutcomes, type HostileOutcome } from '../support/hostile-outcomes';

/**
 * Hostile feeds, each served by a real HTTP server and polled exactly as a subscription is: the poll must end with a
 * clear reason (or, for hostile entries, import them safely), store nothing of a refused feed, never request
 * anything from the second server (another origin), and finish within its bound.
 */

/** No hostile feed may take longer than this to be refused (a 100 MB feed is cut off at 20 MB). */
const BOUND_MS = 15_000;

type Route = (request: IncomingMessage, response: ServerResponse) => void;
const xml =
  (body: string): Route =>
  (_, response) =>
    response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body);
const atom = (entries: string, extra = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile</title>${extra}${entries}</feed>`;
const entry = (id: string, content: string, more = '') =>
  `<entry><title>${id}</title><id>${id}</id>${more}<content type="html">${content}</content></entry>`;
const NOTE = '&lt;p&gt;腾讯控股（00700.HK）收入增长。&lt;/p&gt;';

const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&h;</title>${entry('bomb', '&h;')}</feed>`;

/** Streams `total` bytes of a feed that never closes its first entry, in 1 MB chunks. */
const huge =
  (total: number, declare: boolean): Route =>
  (_, response) => {
    response.writeHead(200, { 'content-type': 'application/atom+xml', ...(declare ? { 'content-length': total } : {}) });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const more = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', more);
      }
      response.end();
    };
    response.on('error', () => {});
    response.write(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><content>`);
    more();
  };

interface FeedCase {
  name: string;
  category: string;
  expected: string;
  routes: (other: string) => Record<string, Route>;
  /** The poll's error, or undefined when the poll must succeed. */
  error?: RegExp;
  /** Reports the library must hold after the poll (0 for a refused feed: nothing partial). */
  reports: number;
  /** Checks on what was stored; returns how many things were wrongly accepted. */
  check?: (
    stored: { title: string; date?: string; url?: string; summary: string }[],
    refused: { entry: string; reason: string }[],
  ) => number;
}

const CASES: FeedCase[] = [
  {
    name: 'billion laughs',
    category: 'feed-xml',
    expected: 'refused: declares entities',
    routes: () => ({ '/feed.xml': xml(BILLION_LAUGHS) }),
    error: /declares XML entities/,
    reports: 0,
  },
  {
    name: 'external entity (XXE)',
    category: 'feed-xml',
    expected: 'refused: declares entities; no file read',
    routes: () => ({
      '/feed.xml': xml(`<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>${atom(entry('x', '&x;'))}`),
    }),
    error: /declares XML entities/,
    reports: 0,
  },
  {
    name: 'truncated XML',
    category: 'feed-xml',
    expected: 'refused: not well-formed',
    routes: () => ({ '/feed.xml': xml(atom(entry('a', NOTE)).slice(0, 120)) }),
    error: /not well-formed/,
    reports: 0,
  },
  {
    name: `${MAX_ENTRIES_PER_PAGE * 2} entries on a page`,
    category: 'feed-size',
    expected: 'refused: too many entries',
    routes: () => ({ '/feed.xml': xml(atom(Array.from({ length: MAX_ENTRIES_PER_PAGE * 2 }, (_, i) => entry(`e${i}`, NOTE)).join(''))) }),
    error: /entries on one page; the limit/,
    reports: 0,
  },
  {
    name: '100 MB feed, no length',
    category: 'feed-size',
    expected: 'cut off at 20 MB',
    routes: () => ({ '/feed.xml': huge(100 * 1024 * 1024, false) }),
    error: /larger than 20 MB/,
    reports: 0,
  },
  {
    name: '100 MB feed, length declared',
    category: 'feed-size',
    expected: 'refused before reading',
    routes: () => ({ '/feed.xml': huge(100 * 1024 * 1024, true) }),
    error: /larger than 20 MB/,
    reports: 0,
  },
  {
    name: 'redirect to another origin',
    category: 'feed-origin',
    expected: 'refused; nothing requested there',
    routes: (other) => ({ '/feed.xml': (_, response) => response.writeHead(302, { location: `${other}/feed.xml` }).end() }),
    error: /redirects to .* another origin/,
    reports: 0,
  },
  {
    name: 'next page on another origin',
    category: 'feed-origin',
    expected: 'refused; nothing requested there',
    routes: (other) => ({ '/feed.xml': xml(atom(entry('a', NOTE), `<link rel="next" href="${other}/page2.xml"/>`)) }),
    error: /next page .* another origin/,
    reports: 0,
  },
  {
    name: 'entry content on another origin',
    category: 'feed-origin',
    expected: 'that entry refused with the reason, the others imported',
    routes: (other) => ({
      '/feed.xml': xml(atom(`<entry><title>away</title><id>away</id><link href="${other}/post.html"/></entry>${entry('here', NOTE)}`)),
    }),
    reports: 1,
    check: (_, refused) => Number(!refused.some((problem) => /another origin/.test(problem.reason))),
  },
  {
    name: 'scripts in entries',
    category: 'feed-content',
    expected: 'imported as text: no markup in extracted fields, javascript: links dropped',
    routes: () => ({
      '/feed.xml': xml(
        atom(`<entry><title type="html">&lt;script&gt;alert(1)&lt;/script&gt;腾讯</title><id>s</id><link href="javascript:alert(4)"/>
<content type="html">&lt;script&gt;alert(2)&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt;&lt;p&gt;腾讯控股（00700.HK）&lt;/p&gt;</content></entry>`),
      ),
    }),
    reports: 1,
    check: (stored) =>
      stored.filter((report) => /<script|onerror|javascript:/i.test(`${report.title} ${report.summary} ${report.url ?? ''}`)).length,
  },
  {
    name: 'served as text/html',
    category: 'feed-type',
    expected: 'refused: a web page, not a feed',
    routes: () => ({ '/feed.xml': (_, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>') }),
    error: /served as text\/html, not a feed/,
    reports: 0,
  },
  {
    name: 'served as image/png',
    category: 'feed-type',
    expected: 'refused: not a feed',
    routes: () => ({ '/feed.xml': (_, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])) }),
    error: /served as image\/png/,
    reports: 0,
  },
  {
    name: 'JSON that is no feed',
    category: 'feed-type',
    expected: 'refused: not a JSON Feed',
    routes: () => ({ '/feed.xml': (_, r) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":1}') }),
    error: /not a JSON Feed/,
    reports: 0,
  },
  {
    name: 'bytes that are not UTF-8',
    category: 'feed-type',
    expected: 'refused: not its charset',
    routes: () => ({
      '/feed.xml': (_, r) =>
        r.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(Buffer.from([0x3c, 0xff, 0xfe, 0x3e])),
    }),
    error: /not utf-8/,
    reports: 0,
  },
  {
    name: 'endless pagination',
    category: 'feed-pages',
    expected: `refused past ${MAX_FEED_PAGES} pages; nothing imported`,
    routes: () => {
      const page: Route = (request, response) => {
        const n = Number(/\d+/.exec(request.url ?? '')?.[0] ?? 0);
        xml(atom(entry(`p${n}`, NOTE), `<link rel="next" href="/page/${n + 1}.xml"/>`))(request, response);
      };
      const pages: [string, Route][] = Array.from({ length: MAX_FEED_PAGES + 5 }, (_, n) => [`/page/${n + 1}.xml`, page]);
      return Object.fromEntries<Route>([['/feed.xml', page], ...pages]);
    },
    error: /pages go on past/,
    reports: 0,
  },
  {
    name: 'pagination loop',
    category: 'feed-pages',
    expected: 'refused: loops',
    routes: () => ({ '/feed.xml': xml(atom(entry('a', NOTE), '<link rel="next" href="/feed.xml"/>')) }),
    error: /loop back/,
    reports: 0,
  },
  {
    name: 'malformed dates',
    category: 'feed-dates',
    expected: 'imported undated with a warning naming the date; no invented date',
    routes: () => ({
      '/feed.xml': xml(
        atom(
          ['2025-13-45T00:00:00Z', 'yesterday', '1', 'Sat, 31 Feb 2025 10:00:00 +0000']
            .map((date, i) => entry(`d${i}`, NOTE.replace('收入', `收入${i}`), `<published>${date}</published>`))
            .join(''),
        ),
      ),
    }),
    reports: 4,
    check: (stored, refused) =>
      stored.filter((report) => report.date).length + Number(refused.filter((p) => /is not a date/.test(p.reason)).length !== 4),
  },
  {
    name: 'HTTP 500',
    category: 'feed-http',
    expected: 'refused with the status; backoff',
    routes: () => ({ '/feed.xml': (_, r) => r.writeHead(500).end() }),
    error: /HTTP 500/,
    reports: 0,
  },
  {
    name: 'library report not matching its hash',
    category: 'feed-library',
    expected: 'the whole library refused',
    routes: () => {
      const hash = 'a'.repeat(64);
      const json =
        (body: unknown): Route =>
        (_, r) =>
          r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return {
        '/feed.xml': json({
          format: 'reportlens-library',
          title: 'T',
          version: 1,
          asOf: '',
          counts: { reports: 1, securities: 0 },
          index: 'index/1.json',
          securities: 'securities/',
          diffs: [],
        }),
        '/index/1.json': json({ version: 1, reports: [`reports/${hash}.md`] }),
        [`/reports/${hash}.md`]: (_, r) => r.writeHead(200, { 'content-type': 'text/markdown' }).end('# not what the hash says'),
      };
    },
    error: /does not match its content hash/,
    reports: 0,
  },
  {
    name: 'library manifest climbing out (`..`)',
    category: 'feed-library',
    expected: 'refused: broken manifest',
    routes: () => ({
      '/feed.xml': (_, r) =>
        r.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            format: 'reportlens-library',
            title: 'T',
            version: 1,
            asOf: '',
            counts: { reports: 0, securities: 0 },
            index: 'index/../../etc/passwd',
            securities: 's/',
            diffs: [],
          }),
        ),
    }),
    error: /broken library manifest: climbs out/,
    reports: 0,
  },
];

const outcomes: HostileOutcome[] = [];
let server: FeedServer;
let other: FeedServer;
beforeAll(async () => {
  [server, other] = await Promise.all([serveFeeds('/nonexistent'), serveFeeds('/nonexistent')]);
});
afterAll(async () => {
  writeHostileOutcomes('feeds', outcomes);
  await Promise.all([server?.close(), other?.close()]);
});

describe('hostile feeds', () => {
  test.each(CASES)(
    '$category: $name',
    async (feedCase) => {
      server.routes.clear();
      for (const [path, route] of Object.entries(feedCase.routes(other.origin))) server.routes.set(path, route);
      other.log.length = 0;
      const db = openLibraryDatabase(`hostile-feeds-${crypto.randomUUID()}`);
      const outcome = { ...cleanOutcome(feedCase.category, feedCase.name, feedCase.expected) };
      const started = performance.now();
      try {
        await addSubscription(db, `${server.origin}/feed.xml`);
        const [result] = await pollDueSubscriptions(db, { fetch: (url, init) => fetch(url, init), notifyLibraryChanged: async () => {} });
        outcome.ms = performance.now() - started;
        const stored = await db.reports.toArray();
        const [row] = await listSubscriptions(db);
        const refusedFeed = feedCase.error !== undefined;
        outcome.hung = outcome.ms > BOUND_MS;
        outcome.requestsMade = other.log.length;
        outcome.partialImport = stored.length !== feedCase.reports || (refusedFeed && row!.reports > 0);
        outcome.wronglyAccepted =
          (refusedFeed ? Number(!feedCase.error!.test(result?.error ?? '') || row!.failures !== 1) : Number(result?.error !== undefined)) +
          (feedCase.check?.(stored, row?.lastRefused ?? []) ?? 0);
        if (refusedFeed) expect(result?.error).toMatch(feedCase.error!);
        else expect(result?.error).toBeUndefined();
      } catch (error) {
        outcome.crashed = true;
        outcome.ms = performance.now() - started;
        throw error;
      } finally {
        outcomes.push(outcome);
        await db.delete();
      }
      expect(outcome).toMatchObject({ crashed: false, hung: false, partialImport: false, requestsMade: 0, wronglyAccepted: 0 });
    },
    60_000,
  );
});

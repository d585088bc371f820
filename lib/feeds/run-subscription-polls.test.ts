import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openLibraryDatabase } from '../db/database';
import { contentHash } from '../import/content-hash';
import { publishToFolder } from './publish-to-folder';
import { serveFeeds, type FeedServer } from '../../test/support/feed-server';
import { FIRST_RETRY_MS, POLL_INTERVAL_MS } from './poll-schedule';
import { pollDueSubscriptions } from './run-subscription-polls';
import { addSubscription, listSubscriptions, removeSubscription } from './subscription-queries';

const entry = (n: number) => `<entry><title>腾讯控股 note ${n}</title><id>tag:note-${n}</id><link href="/notes/${n}.html"/>
<published>2025-12-0${n}T10:00:00+08:00</published>
<content type="html">&lt;h2&gt;摘要&lt;/h2&gt;&lt;p&gt;腾讯控股（00700.HK）第${n}季度收入增长。&lt;/p&gt;</content></entry>`;
const feed = (...entries: number[]) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Team</title>${entries.map(entry).join('')}</feed>`;

let dir: string;
let server: FeedServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reportlens-subscription-'));
  await writeFile(join(dir, 'feed.xml'), feed(1));
  server = await serveFeeds(dir);
});
afterAll(() => server?.close());

test('a subscription imports new entries, asks conditionally, backs off while the server is down, loses nothing, and can be removed with its reports', async () => {
  const db = openLibraryDatabase(`subscriptions-${crypto.randomUUID()}`);
  const notes: string[] = [];
  let clock = 1_000_000;
  const env = {
    fetch: (url: string, init: RequestInit) => fetch(url, init),
    notifyLibraryChanged: () => Promise.resolve(void notes.push('changed')),
    now: () => clock,
  };
  const { id } = await addSubscription(db, `${server.origin}/feed.xml`, clock);
  await expect(addSubscription(db, `${server.origin}/feed.xml`)).rejects.toThrow(/already followed/);

  expect(await pollDueSubscriptions(db, env)).toEqual([{ id, status: 200, added: 1 }]);
  expect(await db.reports.count()).toBe(1);
  expect((await db.reports.toCollection().first())!.securityIds).toContain('HK:00700');
  expect(notes).toEqual(['changed']);
  expect(await pollDueSubscriptions(db, env)).toEqual([]); // not due for an hour
  clock += POLL_INTERVAL_MS;
  expect(await pollDueSubscriptions(db, env)).toEqual([{ id, status: 304, added: 0 }]);

  const port = new URL(server.origin).port;
  await server.close();
  await writeFile(join(dir, 'feed.xml'), feed(2, 1));
  clock += POLL_INTERVAL_MS;
  const [down] = await pollDueSubscriptions(db, env);
  expect(down).toMatchObject({ id, added: 0, error: expect.stringMatching(/could not be reached/) });
  const [afterDown] = await listSubscriptions(db);
  expect(afterDown).toMatchObject({ failures: 1, nextPollAt: clock + FIRST_RETRY_MS, reports: 1, lastStatus: 304 });
  clock += FIRST_RETRY_MS;
  await pollDueSubscriptions(db, env);
  expect((await listSubscriptions(db))[0]).toMatchObject({ failures: 2, nextPollAt: clock + 2 * FIRST_RETRY_MS });
  expect(await db.reports.count()).toBe(1);

  server = await serveFeeds(dir, Number(port));
  clock += 2 * FIRST_RETRY_MS;
  expect(await pollDueSubscriptions(db, env)).toEqual([{ id, status: 200, added: 1 }]);
  const [recovered] = await listSubscriptions(db);
  expect(recovered).toMatchObject({ failures: 0, reports: 2 });
  expect(recovered!.lastError).toBeUndefined();

  await db.reports.add({ ...(await db.reports.toCollection().first())!, id: 'f'.repeat(64) }); // imported by hand
  expect(await removeSubscription(db, id, true)).toBe(2);
  expect((await db.reports.toArray()).map((report) => report.id)).toEqual(['f'.repeat(64)]);
  expect(await db.subscriptionReports.count()).toBe(0);
  await db.delete();
}, 60_000);

test('unsubscribing and keeping the reports leaves them in the library', async () => {
  const db = openLibraryDatabase(`subscriptions-${crypto.randomUUID()}`);
  const { id } = await addSubscription(db, `${server.origin}/feed.xml`);
  await pollDueSubscriptions(db, { fetch: (url, init) => fetch(url, init), notifyLibraryChanged: async () => {} });
  expect(await removeSubscription(db, id, false)).toBe(0);
  expect(await db.reports.count()).toBe(2);
  expect(await db.subscriptions.count()).toBe(0);
  await db.delete();
});

test('a worker that cannot be told of the change does not turn a stored poll into a failure', async () => {
  const db = openLibraryDatabase(`subscriptions-${crypto.randomUUID()}`);
  const { id } = await addSubscription(db, `${server.origin}/feed.xml`);
  const notifyLibraryChanged = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  expect(await pollDueSubscriptions(db, { fetch: (url, init) => fetch(url, init), notifyLibraryChanged })).toEqual([
    { id, status: 200, added: 2 },
  ]);
  expect((await listSubscriptions(db))[0]).toMatchObject({ failures: 0, reports: 2 });
  await db.delete();
});

test('a followed library: a report it stops publishing (by a diff) leaves the library, body and all', async () => {
  const out = await mkdtemp(join(tmpdir(), 'reportlens-library-'));
  const published = await serveFeeds(out);
  const note = async (n: number) => {
    const originalText = `---\ntitle: 腾讯控股点评 ${n}\n---\n腾讯控股（00700.HK）第 ${n} 季度。\n`;
    return { id: await contentHash(originalText), fileName: `${n}.md`, originalText, title: `${n}`, securityIds: ['HK:00700'] };
  };
  const [one, two, three] = await Promise.all([note(1), note(2), note(3)]);
  await publishToFolder([one, two], out, 'Team', 'v1');
  const db = openLibraryDatabase(`subscriptions-${crypto.randomUUID()}`);
  let clock = 1_000_000;
  const env = { fetch: (url: string, init: RequestInit) => fetch(url, init), notifyLibraryChanged: async () => {}, now: () => clock };
  const { id } = await addSubscription(db, `${published.origin}/manifest.json`, clock);
  expect(await pollDueSubscriptions(db, env)).toEqual([{ id, status: 200, added: 2 }]);

  await publishToFolder([two, three], out, 'Team', 'v2');
  clock += POLL_INTERVAL_MS;
  expect(await pollDueSubscriptions(db, env)).toEqual([{ id, status: 200, added: 1, removed: 1 }]);
  expect((await db.reports.toArray()).map((report) => report.id).sort()).toEqual([two.id, three.id].sort());
  expect(await db.reportBodies.get(one.id)).toBeUndefined();
  await db.delete();
  await published.close();
}, 60_000);

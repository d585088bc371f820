import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFeeds, type FeedServer } from '../../test/support/feed-server';
import { createJekyllSite, jekyllMissing, type JekyllSite } from '../../test/support/jekyll-site';
import { pullCommand } from './pull-command';

const missing = jekyllMissing();
if (missing) console.warn(`pull-command: skipped: ${missing}`);

/** `pull` against a real Jekyll site (jekyll-feed) on a real HTTP server sending ETag and Last-Modified. */
describe.skipIf(missing)('pull from a Jekyll feed', () => {
  let site: JekyllSite;
  let server: FeedServer;
  let stateFile: string;
  const pull = async () => {
    const lines: string[] = [];
    await pullCommand(`${server.origin}/feed.xml`, { state: stateFile }, (line) => lines.push(line));
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  beforeAll(async () => {
    site = await createJekyllSite();
    await site.addSample(0);
    await site.build();
    server = await serveFeeds(site.site);
    stateFile = join(await mkdtemp(join(tmpdir(), 'reportlens-pull-')), 'state.json');
  }, 120_000);
  afterAll(() => server?.close());

  test('first pull prints the post, the second gets 304 and prints nothing new, a new post comes alone', async () => {
    const first = await pull();
    expect(first.at(-1)).toMatchObject({ status: 200, kind: 'atom', new: 1, failed: 0, requests: 1 });
    expect(first[0]).toMatchObject({ title: '科技巨头布局元宇宙系列报告：阿里巴巴&亚马逊', date: expect.stringMatching(/^2021-12-20T/) });
    expect((first[0]!.securities as { id: string }[]).map((s) => s.id)).toEqual(expect.arrayContaining(['HK:09988', 'US:AMZN']));

    const second = await pull();
    expect(second).toEqual([{ status: 304, kind: 'atom', new: 0, removed: 0, failed: 0, warnings: 0, requests: 1, bytes: 0 }]);
    expect(server.log.at(-1)).toMatchObject({ path: '/feed.xml', status: 304 });
    expect(server.log.at(-1)!.ifNoneMatch).toMatch(/^"[0-9a-f]{32}"$/);

    await site.addSample(1);
    await site.build();
    const third = await pull();
    expect(third.at(-1)).toMatchObject({ status: 200, new: 1 });
    expect(third[0]).toMatchObject({ date: expect.stringMatching(/^2025-12-06T/) });
    expect((JSON.parse(await readFile(stateFile, 'utf8')) as { seen: string[] }).seen).toHaveLength(2);
  }, 120_000);

  test('a server that is down fails the pull and leaves the state as it was', async () => {
    const before = await readFile(stateFile, 'utf8');
    const down = `http://127.0.0.1:9/feed.xml`;
    await expect(pullCommand(down, {}, () => {})).rejects.toThrow(/could not be reached/);
    expect(await readFile(stateFile, 'utf8')).toBe(before);
  });
});

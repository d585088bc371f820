import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveFeeds, type FeedServer } from '../../test/support/feed-server';
import { publishCommand } from './publish-command';
import { pullCommand } from './pull-command';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/reports', import.meta.url));
const lines = async (run: (print: (line: string) => void) => Promise<void>) => {
  const out: string[] = [];
  await run((line) => out.push(line));
  return out.map((line) => JSON.parse(line) as Record<string, unknown>);
};

let archive: string;
let out: string;
let state: string;
let server: FeedServer;
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'reportlens-publish-'));
  archive = join(root, 'archive');
  out = join(root, 'site');
  state = join(root, 'state.json');
  await mkdir(archive);
  for (const name of ['alibaba-q3-note.md', 'amazon-retail.html']) await copyFile(join(FIXTURES, name), join(archive, name));
  server = await serveFeeds(out);
});
afterAll(() => server?.close());

const publish = () => lines((print) => publishCommand(archive, out, { title: 'Team' }, print));
const pull = () => lines((print) => pullCommand(`${server.origin}/manifest.json`, { state }, print));

test('publish writes a library a subscriber follows by diffs; an unchanged publish keeps the manifest (304)', async () => {
  expect(await publish()).toEqual([
    { version: 1, reports: 2, securities: expect.any(Number), added: 2, removed: 0, changed: true, manifestBytes: expect.any(Number) },
  ]);
  const files = await readdir(join(out, 'reports'));
  expect(files.every((name) => /^[0-9a-f]{64}\.(md|html)$/.test(name))).toBe(true);
  expect((await readdir(join(out, 'securities'))).length).toBeGreaterThan(0);

  const first = await pull();
  expect(first.at(-1)).toMatchObject({ status: 200, kind: 'library-manifest', new: 2, failed: 0, requests: 4 });
  expect(
    first
      .slice(0, 2)
      .map((report) => `reports/${String(report.id)}`)
      .sort(),
  ).toEqual(files.map((name) => `reports/${name.split('.')[0]}`).sort());

  const manifestBefore = await readFile(join(out, 'manifest.json'), 'utf8');
  expect(await publish()).toMatchObject([{ version: 1, added: 0, changed: false }]);
  expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(manifestBefore);
  expect(await pull()).toEqual([
    { status: 304, kind: 'library-manifest', new: 0, removed: 0, failed: 0, warnings: 0, requests: 1, bytes: 0 },
  ]);

  await copyFile(join(FIXTURES, 'google-brief.txt'), join(archive, 'google-brief.txt'));
  await rm(join(archive, 'amazon-retail.html'));
  expect(await publish()).toMatchObject([{ version: 2, reports: 2, added: 1, removed: 1, changed: true }]);
  server.log.length = 0;
  const third = await pull();
  expect(third.at(-1)).toMatchObject({ status: 200, new: 1, removed: 1, requests: 3 });
  expect(server.log.map((request) => request.path)).toEqual([
    '/manifest.json',
    '/diffs/1-2.json',
    expect.stringMatching(/^\/reports\/[0-9a-f]{64}\.txt$/),
  ]);
  expect(await readdir(join(out, 'index'))).toEqual(['2.json']);
}, 60_000);

test('a report whose bytes do not match its name refuses the whole library', async () => {
  const { writeFile } = await import('node:fs/promises');
  const name = (await readdir(join(out, 'reports')))[0]!;
  await writeFile(join(out, 'reports', name), 'tampered');
  await expect(lines((print) => pullCommand(`${server.origin}/manifest.json`, {}, print))).rejects.toThrow(
    /does not match its content hash/,
  );
});

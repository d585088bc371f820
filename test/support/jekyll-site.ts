import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_DIR } from './shared-corpus';

const run = promisify(execFile);

/** Debian's jekyll (`apt-get install jekyll ruby-jekyll-feed`; `.ci/run` installs it when missing). */
export const JEKYLL = '/usr/bin/jekyll';

/** Whether the Jekyll site tests can run here, or why not. */
export function jekyllMissing(): string | undefined {
  if (!existsSync(JEKYLL)) return `${JEKYLL} is missing (apt-get install -y jekyll ruby-jekyll-feed)`;
  if (!existsSync(join(SHARED_DIR, 'samples/reports'))) return `${SHARED_DIR}/samples/reports is absent`;
  return undefined;
}

/** The two sample posts the product was designed from, as Jekyll names them (`_posts/YYYY-MM-DD-slug.ext`). */
export const SAMPLE_POSTS = [
  { sample: '000_d789849ebc96f254.txt', post: '2021-12-20-metaverse-giants.html' },
  { sample: '003_fc3b71698d01a929.txt', post: '2025-12-06-industry-research.md' },
];

/** A Jekyll site in a temporary folder: `_config.yml` with jekyll-feed, a post layout, posts added one by one. */
export interface JekyllSite {
  source: string;
  /** Where `jekyll build` writes: the folder the HTTP server serves. */
  site: string;
  addSample: (index: number) => Promise<void>;
  addPost: (name: string, text: string) => Promise<void>;
  build: () => Promise<void>;
}

/** Creates the site's source (no posts yet); `build` runs the real `jekyll build`. */
export async function createJekyllSite(): Promise<JekyllSite> {
  const root = await mkdtemp(join(tmpdir(), 'reportlens-jekyll-'));
  const source = join(root, 'source');
  const site = join(root, '_site');
  await mkdir(join(source, '_posts'), { recursive: true });
  await mkdir(join(source, '_layouts'), { recursive: true });
  await writeFile(join(source, '_config.yml'), 'title: 研究团队 Research team\nplugins:\n  - jekyll-feed\nfeed:\n  posts_limit: 20\n');
  await writeFile(join(source, '_layouts/post.html'), '<!doctype html><html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n');
  return {
    source,
    site,
    addSample: (index) =>
      copyFile(join(SHARED_DIR, 'samples/reports', SAMPLE_POSTS[index]!.sample), join(source, '_posts', SAMPLE_POSTS[index]!.post)),
    addPost: (name, text) => writeFile(join(source, '_posts', name), text),
    build: async () => {
      await run(JEKYLL, ['build', '--quiet', '--source', source, '--destination', site], { timeout: 120_000 });
    },
  };
}

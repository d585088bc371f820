import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { seededRandom } from '../bench/bench-stats';
import { importSecondsInPage, stopWorker } from '../bench/browser-bench';
import type { ExtensionBrowser } from './launch-extension';
import { SHARED_AVAILABLE, sharedPath } from './shared-corpus';

/**
 * The backup round trip through the built extension in real Chromium, shared by the e2e test (2,000 reports) and the
 * bench (100,000): seed a library through the library page's own import, hash every table inside the page, export
 * with the page's button, delete the database, restore the saved zip through the page's file input, hash again.
 */

/** Posts per seed zip: under the import's 50,000 entries per zip, and one import's transaction of about 90 MB. */
export const SEED_ZIP_POSTS = 10_000;

/** Names no list knows, taught by every 40th post (`名称（代码）`) and mentioned bare by every third. */
const TAUGHT = [
  ['光迅星科', '002281.SZ'],
  ['源杰光电', '688498.SH'],
  ['太辰精光', '300570.SZ'],
] as const;
/** A security list the reader imported (user-list aliases): its name is mentioned by every 7th post. */
export const SEED_SECURITY_LIST = { name: 'mine.csv', text: 'code,name,aliases\n920964.BJ,示例节水,\n' };
/** A block ("not this security") of a name no post mentions: the table has a row, the reports are untouched. */
export const SEED_BLOCK = { alias: '未提及公司', securityId: 'SH:600000', blockedAt: '2026-12-01T00:00:00.000Z' };

/** Paragraph shapes of the shared corpus's broker notes, as the scale bench's: used when the corpus is absent. */
const SHAPES = [
  '公司发布季度报告，营业收入同比增长，净利润超出市场预期。分析师认为行业景气度持续回升，估值具备吸引力。',
  '阿里巴巴（09988.HK）云业务增速回升，谷歌（GOOGL）资本开支维持高位，光模块需求旺盛，800G 出货量环比提升。',
  'Amazon (NASDAQ: AMZN) reported stronger margins while logistics costs eased; $NVDA supply stayed tight into the quarter.',
  '## 投资要点\n\n1. 收入结构优化，高毛利业务占比提升。\n2. 费用率下降，经营杠杆释放。\n3. 上调盈利预测，维持买入评级。',
  '风险提示：宏观经济波动；政策变化；竞争加剧；原材料价格上涨超预期。',
];
/** Where seed posts' paragraphs come from: the shared corpus's notes, or the scale bench's five shapes. */
export type SeedText = 'corpus' | 'shapes';
/** Corpus paragraphs longer than this are left out (a table or a pasted page, not prose). */
const MAX_PARAGRAPH_CHARS = 2_000;

/**
 * The paragraphs of the shared corpus's research-note summaries (`gator-reports`, front matter left out), read at run
 * time and never stored: seed posts drawn from them compress and light the names index as real text does (five
 * repeated shapes deflate 70 to 1 and would hide what the export holds). The five shapes when the corpus is absent, or
 * when asked for: corpus text names about 28 securities a post, and its import runs at a tenth of the shapes' speed
 * (10,000 posts in 5 minutes on the shared machine), too slow to seed and restore 100,000 in one session.
 */
export function seedParagraphs(text: SeedText): { paragraphs: string[]; source: string } {
  const dir = sharedPath('corpus', 'reports', 'gator-reports');
  if (text === 'shapes') return { paragraphs: SHAPES, source: "the scale bench's five paragraph shapes" };
  if (!SHARED_AVAILABLE || !existsSync(dir)) return { paragraphs: SHAPES, source: 'five paragraph shapes (../shared absent)' };
  const paragraphs = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter((paragraph) => paragraph.length >= 20 && paragraph.length <= MAX_PARAGRAPH_CHARS),
    );
  return { paragraphs, source: `${paragraphs.length} paragraphs of the shared corpus's gator-reports, drawn at random per post` };
}

/**
 * Bytes of body per post: 4–13 KB of UTF-8 (mean about 8.5 KB), chosen when a backup zip could inflate to 1 GB at most
 * (now 8 GB: `maxBackupInflatedBytes`); kept, so runs stay comparable.
 */
const bodyBytes = (i: number) => 4_096 + ((i * 7919) % 9_217);

/** Seed post `i`: front matter, a line naming securities (taught, mentioned or listed), then paragraphs to its size. */
export function seedPost(i: number, paragraphs: readonly string[]): string {
  const [name, code] = TAUGHT[i % TAUGHT.length]!;
  const naming = i % 40 === 0 ? `${name}（${code}）获得新订单。` : i % 3 === 0 ? `${name}需求旺盛。` : '行业景气。';
  const lines = [
    '---',
    `title: 周报 ${i}`,
    `date: 20${20 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    `source: 研究所 ${i % 40}`,
    '---',
    '',
    `第 ${i} 期。${naming}${i % 7 === 0 ? '示例节水订单饱满。' : ''}`,
  ];
  const next = seededRandom(i + 1);
  for (let bytes = 0; bytes < bodyBytes(i);) {
    const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]!;
    lines.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 2;
  }
  return lines.join('\n\n');
}

/** Writes posts 0…`reports - 1` as zips of {@link SEED_ZIP_POSTS} under `dir`; returns their paths and text bytes. */
export function writeSeedZips(dir: string, reports: number, text: SeedText): { paths: string[]; textBytes: number } {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  let textBytes = 0;
  const { paragraphs } = seedParagraphs(text);
  for (let from = 0; from < reports; from += SEED_ZIP_POSTS) {
    const files: Record<string, Uint8Array> = {};
    for (let i = from; i < Math.min(reports, from + SEED_ZIP_POSTS); i++) {
      const bytes = strToU8(seedPost(i, paragraphs));
      textBytes += bytes.length;
      files[`posts/${i}.md`] = bytes;
    }
    const path = join(dir, `seed-${paths.length + 1}.zip`);
    writeFileSync(path, zipSync(files, { level: 1 }));
    paths.push(path);
  }
  return { paths, textBytes };
}

/** Opens (or reopens) the library page on its reports tab. */
export async function openLibrary(browser: ExtensionBrowser, page: Page): Promise<void> {
  await page.goto(browser.pageUrl('options.html'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Opens one of the library page's tabs by its English name. */
const openTab = (page: Page, name: 'Reports' | 'Names, lists and tools') => page.getByRole('tab', { name, exact: true }).click();

/**
 * Imports `path` through the library page's file input, as a reader picks it; returns the summary line and the
 * seconds from the input's change event to the summary, in the page's own clock (handing the file over the DevTools
 * protocol is not part of the import). The page is reloaded first, so the summary waited for is this import's.
 */
export async function importThroughPage(
  browser: ExtensionBrowser,
  page: Page,
  path: string,
): Promise<{ summary: string; seconds: number }> {
  await openLibrary(browser, page);
  const timed = importSecondsInPage(page);
  await page.getByTestId('import-files').setInputFiles(path);
  const seconds = await timed;
  return { summary: (await page.getByTestId('import-summary').textContent()) ?? '', seconds };
}

/** Seeds the library as a reader fills it: the security list, a block, then the post zips one import each. */
export async function seedThroughPage(
  browser: ExtensionBrowser,
  page: Page,
  zips: readonly string[],
  onZip: (summary: string) => void = () => {},
): Promise<string[]> {
  await openLibrary(browser, page);
  await openTab(page, 'Names, lists and tools');
  await page
    .getByTestId('import-security-list')
    .setInputFiles({ name: SEED_SECURITY_LIST.name, mimeType: 'text/csv', buffer: Buffer.from(SEED_SECURITY_LIST.text) });
  await page.getByTestId('tool-status').filter({ hasText: SEED_SECURITY_LIST.name }).waitFor();
  // The page offers blocks from a card's "not this security" or an alias row; a name no post mentions is written as
  // the card writes it (the row alone: nothing in the library names it).
  await page.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('reportlens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('aliasBlocks', 'readwrite');
        tx.objectStore('aliasBlocks').put(${JSON.stringify(SEED_BLOCK)});
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    })`,
  );
  const summaries: string[] = [];
  for (const zip of zips) {
    summaries.push((await importThroughPage(browser, page, zip)).summary);
    onZip(summaries.at(-1)!);
  }
  return summaries;
}

/** What {@link libraryHashes} says of a library: a SHA-256 per table (and the names index), and the row counts. */
export interface LibraryHashes {
  hashes: Record<string, string>;
  rows: Record<string, number>;
}

/**
 * Hashes every table of the extension's database inside the page, streamed: rows read 500 at a time in primary-key
 * order (raw IndexedDB), each batch as stable JSON (keys sorted) hashed with SHA-256, the table's hash the SHA-256 of
 * its batches' hashes: memory holds one batch. Left out: `imports` (the import log: a restore is a new batch) and a
 * report's `importId` (which batch, in the database it is in). The names index (`nameSlices`, `nameBits`) is compared
 * by what it says of each stored report (as `bucketsByReport` does): its slices follow the order reports were written
 * in, so each report's buckets are summed in two 32-bit mixes (order-free), and the reports hashed in id order.
 */
export function libraryHashes(page: Page): Promise<LibraryHashes> {
  return page.evaluate<LibraryHashes>(`(async () => {
    const BATCH = 500;
    const SKIPPED = ['imports', 'nameSlices', 'nameBits'];
    const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const db = await request(indexedDB.open('reportlens'));
    const stable = (v) => {
      if (Array.isArray(v)) return v.map(stable);
      if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        const out = {};
        for (const key of Object.keys(v).sort()) out[key] = stable(v[key]);
        return out;
      }
      return v;
    };
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const sha = (bytes) => crypto.subtle.digest('SHA-256', bytes);
    const encoder = new TextEncoder();
    /** Calls each(values, keys) for every batch of the store, in primary-key order, one read transaction a batch. */
    const batches = async (name, each) => {
      let after;
      for (;;) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
        const [keys, values] = await Promise.all([request(store.getAllKeys(range, BATCH)), request(store.getAll(range, BATCH))]);
        if (!values.length) return;
        await each(values, keys);
        after = keys[keys.length - 1];
        if (values.length < BATCH) return;
      }
    };
    const combine = async (digests) => {
      const all = new Uint8Array(digests.length * 32);
      digests.forEach((digest, i) => all.set(new Uint8Array(digest), i * 32));
      return hex(await sha(all));
    };
    const hashes = {};
    const rows = {};
    for (const name of [...db.objectStoreNames].filter((name) => !SKIPPED.includes(name)).sort()) {
      const digests = [];
      rows[name] = 0;
      await batches(name, async (values) => {
        rows[name] += values.length;
        const text = values.map((v) => JSON.stringify(stable(name === 'reports' ? { ...v, importId: 0 } : v))).join('\\n');
        digests.push(await sha(encoder.encode(text)));
      });
      hashes[name] = await combine(digests);
    }
    // The names index, by report: positions of each slice mapped to the stored reports it lists.
    const stored = new Set();
    await batches('reports', (_values, keys) => { for (const key of keys) stored.add(key); });
    const slices = new Map();
    await batches('nameSlices', (values) => { for (const row of values) slices.set(row.slice, { ids: row.reportIds, sum: new Uint32Array(row.reportIds.length), mix: new Uint32Array(row.reportIds.length), n: new Uint32Array(row.reportIds.length) }); });
    const mix32 = (x) => { x = Math.imul(x ^ (x >>> 16), 0x7feb352d); x = Math.imul(x ^ (x >>> 15), 0x846ca68b); return (x ^ (x >>> 16)) >>> 0; };
    let bits = 0;
    await batches('nameBits', (values) => {
      for (const row of values) {
        const slice = slices.get(row.slice);
        if (!slice) continue;
        const h = mix32(row.bucket + 1);
        const g = mix32(h ^ 0x9e3779b9);
        for (let byte = 0; byte < row.bits.length; byte++) {
          const b = row.bits[byte];
          if (!b) continue;
          for (let bit = 0; bit < 8; bit++) {
            if (!(b & (1 << bit))) continue;
            const p = byte * 8 + bit;
            if (p >= slice.ids.length) continue;
            slice.sum[p] = (slice.sum[p] + h) >>> 0;
            slice.mix[p] = (slice.mix[p] ^ g) >>> 0;
            slice.n[p]++;
            bits++;
          }
        }
      }
    });
    const byReport = new Map();
    for (const slice of slices.values())
      slice.ids.forEach((id, p) => {
        if (!stored.has(id)) return;
        const was = byReport.get(id) ?? [0, 0, 0];
        byReport.set(id, [(was[0] + slice.sum[p]) >>> 0, (was[1] ^ slice.mix[p]) >>> 0, was[2] + slice.n[p]]);
      });
    const digests = [];
    const ids = [...stored].sort();
    for (let at = 0; at < ids.length; at += BATCH) {
      const text = ids.slice(at, at + BATCH).map((id) => id + ':' + (byReport.get(id) ?? [0, 0, 0]).join(',')).join('\\n');
      digests.push(await sha(encoder.encode(text)));
    }
    hashes.namesIndex = await combine(digests);
    rows.namesIndexBits = bits;
    db.close();
    return { hashes, rows };
  })()`);
}

/**
 * Exports the backup with the library page's button and catches the download (saved to `path`); returns the seconds
 * from the click until the download began, and the tool's status line.
 */
export async function exportThroughPage(
  browser: ExtensionBrowser,
  page: Page,
  path: string,
  timeoutMs: number,
): Promise<{ seconds: number; status: string }> {
  await openLibrary(browser, page);
  await openTab(page, 'Names, lists and tools');
  const download = page.waitForEvent('download', { timeout: timeoutMs });
  const start = performance.now();
  await page.getByRole('button', { name: 'Export backup', exact: true }).click();
  const file = await download;
  const seconds = (performance.now() - start) / 1000;
  await file.saveAs(path);
  const status = (await page.getByTestId('tool-status').textContent()) ?? '';
  return { seconds, status };
}

/**
 * Deletes the library's database as clearing the extension's site data would: the worker is stopped (its connection
 * goes with it), the page's own connection closes on the version change (Dexie's default), and the deletion must not
 * be blocked. The page is left on the library page, reopened on an empty database.
 */
export async function deleteLibrary(browser: ExtensionBrowser, page: Page): Promise<void> {
  await stopWorker(browser, page);
  const outcome = await page.evaluate<string>(`new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('reportlens');
    let blocked = false;
    request.onblocked = () => (blocked = true);
    request.onsuccess = () => resolve(blocked ? 'deleted after being blocked' : 'deleted');
    request.onerror = () => resolve('failed: ' + request.error);
  })`);
  if (!outcome.startsWith('deleted')) throw new Error(`the library database could not be deleted: ${outcome}`);
  await openLibrary(browser, page);
}

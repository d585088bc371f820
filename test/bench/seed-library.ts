import type { Page } from 'playwright-core';
import { SLICE_REPORTS } from '../../lib/db/reports-naming-index';
import { textBuckets } from '../../lib/reports/name-grams';
import { newestKey, rankKey } from '../../lib/db/related-rank-key';
import { applyRows, type SecurityTally } from '../../lib/db/security-tallies';
import type { SecurityId } from '../../lib/securities/security-id';

/** A made-up US ticker for `n` (T + letters only, as a US ticker must be: `US:TA`, `US:TBA` …). */
export function syntheticTicker(n: number): string {
  let letters = '';
  for (let k = n; ; k = Math.floor(k / 26) - 1) {
    letters = String.fromCharCode(65 + (k % 26)) + letters;
    if (k < 26) break;
  }
  return `T${letters}`;
}

/** Listings the seeded reports are about: a few hundred, so a security has tens to hundreds of reports as in real libraries. */
export const SEED_SECURITIES = [
  'HK:09988',
  'US:BABA',
  'US:AMZN',
  'US:GOOGL',
  'SH:600519',
  'HK:00700',
  'US:NVDA',
  'SZ:300750',
  'US:TSLA',
  'HK:03690',
];

/**
 * Paragraph shapes of the shared corpus's broker notes and briefs (Chinese with codes, some English): bodies are
 * 4–20 KB of these, as real reports are, not 30-byte stubs.
 */
const PARAGRAPHS = [
  '公司发布季度报告，营业收入同比增长，净利润超出市场预期。分析师认为行业景气度持续回升，估值具备吸引力。',
  '阿里巴巴（09988.HK）云业务增速回升，谷歌（GOOGL）资本开支维持高位，光模块需求旺盛，800G 出货量环比提升。',
  'Amazon (NASDAQ: AMZN) reported stronger margins while logistics costs eased; $NVDA supply stayed tight into the quarter.',
  '## 投资要点\n\n1. 收入结构优化，高毛利业务占比提升。\n2. 费用率下降，经营杠杆释放。\n3. 上调盈利预测，维持买入评级。',
  '风险提示：宏观经济波动；政策变化；竞争加剧；原材料价格上涨超预期。',
];

/** Reports seeded per transaction: a few tens of MB of bodies at a time. */
const SEED_BATCH = 1_000;
/** The 2,000 rarer listings each seeded report names besides a common one (first-time look-ups pick among them). */
const RARE_TICKERS = Array.from({ length: 2_000 }, (_, n) => syntheticTicker(n));

/** The date of seeded report `i`: six years, every month, 28 days. */
const seedDate = (i: number) => `20${20 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;

/** One of ten common listings, one of 2,000 rarer ones: first-time look-ups have thousands to choose from. */
const seedListings = (i: number): SecurityId[] => [
  SEED_SECURITIES[i % SEED_SECURITIES.length] as SecurityId,
  `US:${RARE_TICKERS[i % RARE_TICKERS.length]!}`,
];

/** The first line of seeded report `i`'s text (the rest is {@link PARAGRAPHS}, each after a blank line). */
const seedTitle = (i: number) => `# 研报 ${i}：${SEED_SECURITIES[i % SEED_SECURITIES.length]!} 点评`;

/**
 * Writes reports `from`…`to - 1` straight into the extension's IndexedDB from one of its pages (the raw IndexedDB
 * API, in the shapes the import writes: a digest row in `reports`, the text in `reportBodies`, index rows, and the
 * names index, see {@link seedNamesIndex}), in batches:
 * seeding 100k reports through the import would measure the import, not the look-up. The page must be an extension
 * page that has opened the database once. Returns the bytes of body text written.
 */
export async function seedLibrary(page: Page, to: number, from = 0): Promise<number> {
  const bytes = await page.evaluate(
    async ({ from, to, listings, paragraphs, batch, titles, dates, keysOfDate }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reportlens');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      });
      let bytes = 0;
      for (let start = from; start < to; start += batch) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['reports', 'reportBodies', 'reportSecurities'], 'readwrite');
          const store = tx.objectStore('reports');
          const bodies = tx.objectStore('reportBodies');
          const rows = tx.objectStore('reportSecurities');
          for (let i = start; i < Math.min(to, start + batch); i++) {
            const ids = listings[i - from]!;
            const date = dates[i - from]!;
            // The rank keys the import writes (schema version 10) for a row without relevance: they depend on the date.
            const { rank, newest } = keysOfDate[date]!;
            const id = i.toString(16).padStart(64, '0');
            const count = 30 + ((i * 7919) % 116); // 4–20 KB of UTF-8
            const text = [titles[i - from]!, ...Array.from({ length: count }, (_, k) => paragraphs[(i + k) % paragraphs.length])].join(
              '\n\n',
            );
            bytes += text.length * 2;
            for (const securityId of ids) rows.put({ securityId, date, reportId: id, rank, newest });
            bodies.put({ id, originalText: text });
            store.put({
              id,
              title: `研报 ${i}：${ids[0]} 季度点评 Seeded report`,
              date,
              source: `Broker ${i % 40}`,
              summary: `第 ${i} 篇：收入增长，利润率改善，上调全年指引。Revenue grew, margins improved, guidance raised.`,
              keyPoints: ['收入结构优化', '费用率下降', '上调盈利预测'],
              risks: ['宏观经济波动', '政策变化', '竞争加剧'],
              securities: ids.map((id) => ({ id, name: id, count: 1, via: ['exchange-code'] })),
              securityIds: ids,
              format: 'markdown',
              tags: [],
              fileName: `seed-${i}.md`,
              importId: 1,
              importedAt: '2026-01-01T00:00:00Z',
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        });
      }
      db.close();
      return bytes;
    },
    {
      from,
      to,
      listings: Array.from({ length: to - from }, (_, k) => seedListings(from + k)),
      paragraphs: PARAGRAPHS,
      batch: SEED_BATCH,
      titles: Array.from({ length: to - from }, (_, k) => seedTitle(from + k)),
      dates: Array.from({ length: to - from }, (_, k) => seedDate(from + k)),
      keysOfDate: Object.fromEntries(
        [...new Set(Array.from({ length: to - from }, (_, k) => seedDate(from + k)))].map((date) => [
          date,
          { rank: rankKey({ date }), newest: newestKey(date) },
        ]),
      ),
    },
  );
  await seedNamesIndex(page, to, from);
  await seedTallies(page, to);
  return bytes;
}

/**
 * The listings' tallies (`lib/db/security-tallies.ts`) of seeded reports 0…`to - 1`, as the import's writes leave
 * them (the rows written here bypass Dexie, whose middleware keeps them): counted here, written over the old ones.
 */
async function seedTallies(page: Page, to: number): Promise<void> {
  const tallies = new Map<string, SecurityTally>();
  for (let i = 0; i < to; i++) {
    const date = seedDate(i);
    applyRows(
      tallies,
      seedListings(i).map((securityId) => ({ securityId, date })),
      1,
    );
  }
  await page.evaluate(
    async (rows) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reportlens');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('securityTallies', 'readwrite');
        for (const row of rows) tx.objectStore('securityTallies').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      });
      db.close();
    },
    [...tallies.values()],
  );
}

/**
 * The names index (`lib/db/reports-naming-index.ts`) of seeded reports `from`…`to - 1`, as the import builds it: a
 * seeded text is its title line and every paragraph, each after a blank line (which breaks pairs), so its buckets
 * are the title's and the paragraphs' (checked on the first report against the text itself). The slices are
 * computed here and written in new slices after the stored ones.
 */
async function seedNamesIndex(page: Page, to: number, from: number): Promise<void> {
  const shared = new Set(PARAGRAPHS.flatMap((paragraph) => [...textBuckets(paragraph)]));
  const bucketsOf = (i: number) => new Set([...textBuckets(seedTitle(i)), ...shared]);
  if (from < to) {
    // The page writes `count` (30–145) paragraphs in turn: all five, whatever the report.
    const text = [seedTitle(from), ...Array.from({ length: 30 }, (_, k) => PARAGRAPHS[(from + k) % PARAGRAPHS.length]!)].join('\n\n');
    const expected = [...textBuckets(text)].sort();
    if (JSON.stringify([...bucketsOf(from)].sort()) !== JSON.stringify(expected))
      throw new Error('seeded names index: buckets differ from the text');
  }
  for (let start = from; start < to; start += SLICE_REPORTS) {
    const end = Math.min(to, start + SLICE_REPORTS);
    const rows = new Map<number, number[]>();
    for (let i = start; i < end; i++) {
      const position = i - start;
      for (const bucket of bucketsOf(i)) {
        let bits = rows.get(bucket);
        if (!bits) rows.set(bucket, (bits = new Array<number>(SLICE_REPORTS / 8).fill(0)));
        bits[position >> 3]! |= 1 << (position & 7);
      }
    }
    await page.evaluate(
      async ({ ids, rows }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('reportlens');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['nameSlices', 'nameBits'], 'readwrite');
          const slices = tx.objectStore('nameSlices');
          const last = slices.openCursor(null, 'prev');
          last.onsuccess = () => {
            const slice = ((last.result?.key as number | undefined) ?? 0) + 1;
            slices.put({ slice, reportIds: ids });
            for (const [bucket, bits] of rows) tx.objectStore('nameBits').put({ bucket, slice, bits: Uint8Array.from(bits) });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        });
        db.close();
      },
      { ids: Array.from({ length: end - start }, (_, k) => (start + k).toString(16).padStart(64, '0')), rows: [...rows] },
    );
  }
}

import type { Page } from 'playwright-core';

/** Listings the seeded reports are about: a few hundred, so a security has tens to hundreds of reports as in real libraries. */
const SEED_SECURITIES = [
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
 * Writes `count` synthetic reports straight into the extension's IndexedDB from one of its pages (the raw
 * IndexedDB API, the shape `StoredReport` has), in batches: seeding 50k reports through the import would measure the
 * import, not the look-up. The page must be an extension page that has opened the database once.
 */
export async function seedLibrary(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ count, seedSecurities }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('reportlens');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
      });
      const batch = 2_000;
      for (let start = 0; start < count; start += batch) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['reports', 'reportSecurities'], 'readwrite');
          const store = tx.objectStore('reports');
          const rows = tx.objectStore('reportSecurities');
          for (let i = start; i < Math.min(count, start + batch); i++) {
            const ids = [seedSecurities[i % seedSecurities.length]!, `US:T${(i % 500).toString(36).toUpperCase()}`];
            const day = String((i % 28) + 1).padStart(2, '0');
            const month = String((i % 12) + 1).padStart(2, '0');
            const date = `20${20 + (i % 6)}-${month}-${day}`;
            const id = i.toString(16).padStart(64, '0');
            for (const securityId of ids) rows.put({ securityId, date, reportId: id });
            store.put({
              id,
              title: `Seeded report ${i} on ${ids[0]}`,
              date,
              source: `Broker ${i % 40}`,
              summary: `Summary of seeded report ${i}: revenue grew, margins improved, guidance raised for the coming quarters.`,
              keyPoints: ['Revenue grew', 'Margins improved', 'Guidance raised'],
              risks: ['Demand slowdown', 'Regulation', 'Competition'],
              securities: ids.map((id) => ({ id, name: id, count: 1, via: ['exchange-code'] })),
              securityIds: ids,
              format: 'markdown',
              tags: [],
              fileName: `seed-${i}.md`,
              originalText: `# Seeded report ${i}\n\nBody text ${i}.`,
              importId: 1,
              importedAt: '2026-01-01T00:00:00Z',
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        });
      }
      db.close();
    },
    { count, seedSecurities: SEED_SECURITIES },
  );
}

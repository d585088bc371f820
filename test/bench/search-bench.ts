import Fuse from 'fuse.js';
import { BUNDLED_SECURITIES } from '../../lib/securities/bundled-securities';
import { buildLibrarySearch, type SearchableReport } from '../../lib/search/library-search';
import { percentile, seededRandom, summarise, timeRuns, type Series } from './bench-stats';

export interface SearchFigures {
  input: string;
  p50MsWarm10k: number;
  p95MsWarm10k: number;
  coldMs10k: Series;
  baseline: string;
  fuseFullText: { p50MsWarm: number; coldMs: number; queries: number };
}

const PHRASES = [
  '云业务收入增速回升',
  '光模块出货放量',
  '新能源汽车销量',
  'AI 算力需求旺盛',
  'margins improved on lower costs',
  'guidance raised for the year',
  '风险提示：需求波动',
  'regulatory scrutiny remains',
];
const QUERIES = ['Amazom', '阿里巴巴', '光模块', 'margins', 'guidance raised', '腾讯', 'Nvidia', '需求波动', '新能源', 'TSLA'];

/** `count` reports of a few hundred characters each, about securities of the bundled list, seeded. */
function syntheticReports(count: number): SearchableReport[] {
  const random = seededRandom(3);
  const securities = BUNDLED_SECURITIES;
  return Array.from({ length: count }, (_, i) => {
    const about = securities[Math.floor(random() * securities.length)]!;
    const text = [about.names[0], ...Array.from({ length: 8 }, () => PHRASES[Math.floor(random() * PHRASES.length)]!)].join('。');
    return { id: String(i), date: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`, text, securityIds: [about.id] };
  });
}

/**
 * Library search at 10k reports (Node, same inputs for both): our index (token postings + fuse.js over names)
 * against fuse.js full text over the same reports, the usual way to add search to a small app.
 */
export function benchSearch(smoke: boolean): SearchFigures {
  const count = smoke ? 1_000 : 10_000;
  const reports = syntheticReports(count);
  const cold = timeRuns(() => buildLibrarySearch(reports, BUNDLED_SECURITIES), smoke ? 2 : 5, 1);
  const index = buildLibrarySearch(reports, BUNDLED_SECURITIES);
  const warm: number[] = [];
  for (let round = 0; round < (smoke ? 2 : 20); round++)
    for (const query of QUERIES) warm.push(...timeRuns(() => index.search(query), 1, round === 0 ? 1 : 0));

  const fuseStart = performance.now();
  const fuse = new Fuse(reports, { keys: ['text'], threshold: 0.3, ignoreLocation: true });
  const fuseCold = performance.now() - fuseStart;
  const fuseQueries = smoke ? QUERIES.slice(0, 2) : QUERIES;
  const fuseWarm = fuseQueries.flatMap((query) => timeRuns(() => fuse.search(query, { limit: 20 }), 1, 0));
  return {
    input: `${count} reports of ~200 characters (zh/en), ${QUERIES.length} queries (names with a typo, Chinese names, words, codes)`,
    p50MsWarm10k: percentile(warm, 50),
    p95MsWarm10k: percentile(warm, 95),
    coldMs10k: summarise(cold),
    baseline: 'fuse.js full text (keys: text, threshold 0.3, ignoreLocation) over the same reports and queries',
    fuseFullText: { p50MsWarm: percentile(fuseWarm, 50), coldMs: fuseCold, queries: fuseQueries.length },
  };
}

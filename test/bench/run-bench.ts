/**
 * `npm run bench [-- NAME…] [-- --smoke]`: runs the benchmarks, prints a table, and writes the same figures to
 * `test-results/bench.json`. Every figure is measured beside its baseline in the same run; nothing here fails on
 * time (the machines are shared and noisy). `--smoke` runs small inputs so CI keeps the benchmarks from rotting.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchBackup } from './backup-bench';
import { benchLookup } from './browser-bench';
import { benchFeedsScale } from './feeds-scale';
import { benchImport, benchPopup } from './import-popup-bench';
import { benchMatcher } from './matcher-bench';
import { benchPage } from './page-bench';
import { benchScale, type ScaleFigures } from './scale-bench';
import { benchPdf } from './pdf-bench';
import { benchSearch } from './search-bench';
import { benchSize } from './size-bench';

const BENCHMARKS: Record<string, (smoke: boolean) => object | Promise<object>> = {
  matcher: benchMatcher,
  page: benchPage,
  lookup: benchLookup,
  search: benchSearch,
  import: benchImport,
  popup: benchPopup,
  size: () => benchSize(),
  scale: benchScale,
  feeds: benchFeedsScale,
  pdf: benchPdf,
  backup: benchBackup,
};

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark(s) ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

const results: Record<string, object> = {};
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  process.stderr.write(`running ${name}${smoke ? ' (smoke)' : ''}…\n`);
  results[name] = await BENCHMARKS[name]!(smoke);
}

// The headline figures at the largest size, under the keys the goals name (`lookup.p95MsFirst100k`, …).
const scale = results.scale as ScaleFigures | undefined;
const largest = scale?.steps.at(-1);
if (scale && largest) {
  const at = (name: string) => (results[name] ??= {}) as Record<string, unknown>;
  const suffix = scale.reports >= 100_000 ? '100k' : `${Math.round(scale.reports / 1000)}k`;
  at('lookup')[`p95MsFirst${suffix}`] = largest.lookupFirst.p95Ms;
  at('popup')[`firstRenderMs${suffix}`] = largest.popupFirstRenderMs.median;
  at('library')[`firstRenderMs${suffix}`] = largest.libraryFirstRenderMs.median;
  at('search')[`p50Ms${suffix}`] = largest.searchP50Ms;
}

const format = (value: unknown): string => {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  if (value && typeof value === 'object' && 'median' in value) {
    const series = value as { median: number; p25: number; p75: number; runs: number };
    return `${format(series.median)} (IQR ${format(series.p25)}–${format(series.p75)}, n=${series.runs})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
};
const rows: [string, string][] = [];
const flatten = (prefix: string, value: unknown) => {
  if (value && typeof value === 'object' && !('median' in value))
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}.${key}`, inner);
  else rows.push([prefix, format(value)]);
};
for (const [name, figures] of Object.entries(results)) flatten(name, figures);
const width = Math.max(...rows.map(([key]) => key.length));
console.log(rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n'));

const outDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
mkdirSync(outDir, { recursive: true });
/** Each benchmark's figures over its earlier ones (a headline key such as `lookup.p95MsFirst100k` joins the rest). */
function mergeOnto(earlier: Record<string, unknown>, fresh: Record<string, object>): Record<string, object> {
  const merged: Record<string, object> = {};
  for (const [name, figures] of Object.entries(fresh)) {
    const before = earlier[name];
    merged[name] = before && typeof before === 'object' && !Array.isArray(before) ? { ...before, ...figures } : figures;
  }
  return merged;
}
// A run of some benchmarks (`npm run bench -- backup`) keeps the others' figures from earlier runs; a full run rewrites all.
const earlier =
  names.length && existsSync(`${outDir}bench.json`)
    ? (JSON.parse(readFileSync(`${outDir}bench.json`, 'utf8')) as Record<string, unknown>)
    : {};
writeFileSync(
  `${outDir}bench.json`,
  `${JSON.stringify({ ...earlier, smoke, measuredAt: new Date().toISOString(), node: process.version, ...mergeOnto(earlier, results) }, null, 2)}\n`,
);

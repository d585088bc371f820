import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPublication, type PreviousPublication, type PublishedReport } from '../../lib/feeds/publish-library';
import { sharedPath, SHARED_AVAILABLE } from '../support/shared-corpus';

/**
 * Scale by simulation: a team library of 100,000 reports that grows by 25 reports an hour over an 8-hour working
 * day, and 1,000 subscribers each polling hourly at their own minute, for a week. Every publish is built by the real
 * publisher (`buildPublication`), so manifest, index and diff sizes are the bytes a server would send. Each poll
 * costs, by strategy:
 * - unchanged: a 304 (headers only);
 * - diffs (what ReportLens does): the manifest, every diff since the subscriber's version, the new reports;
 * - full index (the baseline, measured alike): the manifest, the whole index, the new reports.
 * Figures are bytes, raw and gzip (what a CDN sends), never times.
 */

const HOUR = 3600;
/** Response headers of a 304 from a static server (ETag, Last-Modified, Date, Connection …), as nginx sends them. */
const NOT_MODIFIED_BYTES = 260;
/** Request headers of a conditional GET (If-None-Match, If-Modified-Since, Host, User-Agent …). */
const REQUEST_BYTES = 420;
/** A report file when the corpus is absent: the gator research notes average 9.5 KB. */
const FALLBACK_REPORT_BYTES = 9_548;

/** Average size of a real report (gator-reports in the shared corpus), or the fallback. */
function averageReportBytes(): number {
  if (!SHARED_AVAILABLE) return FALLBACK_REPORT_BYTES;
  const dir = sharedPath('corpus/reports/gator-reports');
  const sizes = readdirSync(dir).map((name) => statSync(join(dir, name)).size);
  return Math.round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length);
}

const hashOf = (n: number) => createHash('sha256').update(`report ${n}`).digest('hex');
/** A synthetic report: its id stands for its content hash; 3 securities drawn from 5,000 (a team's coverage). */
const report = (n: number): PublishedReport => ({
  id: hashOf(n),
  fileName: `${n}.md`,
  originalText: '',
  title: `Report ${n}`,
  date: new Date(Date.UTC(2020, 0, 1) + n * 1_800_000).toISOString().slice(0, 10),
  securityIds: [0, 1, 2].map((k) => `US:S${(n * 7919 + k * 104_729) % 5_000}`),
});

const sizes = (text: string) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).byteLength });

/** Runs the simulation; `smoke` shrinks it (2,000 reports, 50 subscribers, 2 days) so CI keeps it working. */
export function benchFeedsScale(smoke = false) {
  const libraryReports = smoke ? 2_000 : 100_000;
  const subscribers = smoke ? 50 : 1_000;
  const days = smoke ? 2 : 7;
  const perHour = 25;
  const reportBytes = averageReportBytes();

  let all = Array.from({ length: libraryReports }, (_, n) => report(n));
  const first = buildPublication(all, undefined, { title: 'Team', asOf: '2026-12-01T00:00:00Z' });
  const manifestOf = (files: Map<string, string>) => sizes(files.get('manifest.json')!);
  const versions = new Map<
    number,
    { manifest: ReturnType<typeof sizes>; index: ReturnType<typeof sizes>; diff?: ReturnType<typeof sizes>; added: number }
  >();
  versions.set(1, { manifest: manifestOf(first.files), index: sizes(first.files.get(first.manifest.index)!), added: 0 });
  let previous: PreviousPublication = { manifest: first.manifest, index: JSON.parse(first.files.get(first.manifest.index)!) };
  /** Version current at each hour of the simulation. */
  const versionAt: number[] = [];
  for (let hour = 0; hour < days * 24; hour++) {
    const working = hour % 24 >= 9 && hour % 24 < 17 && Math.floor(hour / 24) % 7 < 5;
    if (working) {
      const more = Array.from({ length: perHour }, (_, k) => report(all.length + k));
      all = [...all, ...more];
      const next = buildPublication(all, previous, { title: 'Team', asOf: `hour ${hour}` });
      const diffPath = next.manifest.diffs.at(-1)!.path;
      versions.set(next.manifest.version, {
        manifest: manifestOf(next.files),
        index: sizes(next.files.get(next.manifest.index)!),
        diff: sizes(next.files.get(diffPath)!),
        added: perHour,
      });
      previous = { manifest: next.manifest, index: JSON.parse(next.files.get(next.manifest.index)!) };
    }
    versionAt.push(previous.manifest.version);
  }

  const totals = { polls: 0, unchanged: 0, diffs: { raw: 0, gzip: 0 }, fullIndex: { raw: 0, gzip: 0 }, reports: 0 };
  for (let s = 0; s < subscribers; s++) {
    let have = 1; // every subscriber starts with the library as first published
    for (let hour = 0; hour < days * 24; hour++) {
      const now = versionAt[hour]!;
      totals.polls++;
      if (now === have) {
        totals.unchanged++;
        for (const strategy of [totals.diffs, totals.fullIndex]) {
          strategy.raw += REQUEST_BYTES + NOT_MODIFIED_BYTES;
          strategy.gzip += REQUEST_BYTES + NOT_MODIFIED_BYTES;
        }
        continue;
      }
      const current = versions.get(now)!;
      let added = 0;
      const diffs = { raw: 0, gzip: 0 };
      for (let v = have + 1; v <= now; v++) {
        const step = versions.get(v)!;
        added += step.added;
        diffs.raw += REQUEST_BYTES + step.diff!.raw;
        diffs.gzip += REQUEST_BYTES + step.diff!.gzip;
      }
      const content = added * (REQUEST_BYTES + reportBytes);
      totals.reports += added;
      totals.diffs.raw += REQUEST_BYTES + current.manifest.raw + diffs.raw + content;
      totals.diffs.gzip += REQUEST_BYTES + current.manifest.gzip + diffs.gzip + content;
      totals.fullIndex.raw += 2 * REQUEST_BYTES + current.manifest.raw + current.index.raw + content;
      totals.fullIndex.gzip += 2 * REQUEST_BYTES + current.manifest.gzip + current.index.gzip + content;
      have = now;
    }
  }
  const changedPolls = totals.polls - totals.unchanged;
  const metadata = (strategy: { raw: number; gzip: number }, kind: 'raw' | 'gzip') =>
    Math.round(
      (strategy[kind] - totals.reports * (REQUEST_BYTES + reportBytes) - totals.unchanged * (REQUEST_BYTES + NOT_MODIFIED_BYTES)) /
        changedPolls,
    );
  const last = versions.get(previous.manifest.version)!;
  return {
    input: { libraryReports, subscribers, days, reportsPerWorkingHour: perHour, reportBytes, versions: previous.manifest.version },
    polls: totals.polls,
    unchangedShare: +(totals.unchanged / totals.polls).toFixed(3),
    manifestBytes: last.manifest,
    indexBytes: last.index,
    diffBytesPerVersion: last.diff,
    metadataBytesPerChangedPoll: {
      diffs: { raw: metadata(totals.diffs, 'raw'), gzip: metadata(totals.diffs, 'gzip') },
      fullIndex: { raw: metadata(totals.fullIndex, 'raw'), gzip: metadata(totals.fullIndex, 'gzip') },
    },
    bytesPerPoll: {
      diffs: Math.round(totals.diffs.gzip / totals.polls),
      fullIndex: Math.round(totals.fullIndex.gzip / totals.polls),
    },
    serverBytesPerDay: {
      diffs: Math.round(totals.diffs.gzip / days),
      fullIndex: Math.round(totals.fullIndex.gzip / days),
    },
    requestsPerSecond: +(subscribers / HOUR).toFixed(2),
    /** A new subscriber's first poll: the whole index and every report (the per-security lists allow less; not used yet). */
    firstSyncBytes: { index: last.index.gzip, reports: libraryReports * reportBytes },
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(benchFeedsScale(process.argv.includes('--smoke')), null, 1));

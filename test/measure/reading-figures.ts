/**
 * The issue-13 figures on real archives (`npx tsx test/measure/reading-figures.ts [DIR…]`, default: the shared corpus
 * folders and the samples, each imported alone, then all together for ranking): risks found in posts with a risk
 * section, key points in posts with a front-matter summary list, house text among risks, daily briefs dated and
 * their summaries distinct; and for well-covered securities, how many of the first three reports a card shows
 * discuss the security, beside the newest-first order cards used before, measured on the same library.
 * What a post "has" and what "discusses" means are read by rules independent of the extractor and the ranking, so
 * the figures are not the code grading itself.
 */

import Dexie from 'dexie';
import { DOMParser } from 'linkedom';
import { openLibraryDatabase, type StoredReport } from '../../lib/db/database';
import { relatedReports } from '../../lib/db/report-queries';

import type { SecurityId } from '../../lib/securities/security-id';
import { cliParseContext } from '../../lib/cli/inspect-command';
import { readMasterFromDisk } from '../../lib/securities/master/read-master-file';
import { sourcesAt } from '../../lib/cli/node-sources';
import { importReportFiles, parseSelection } from '../../lib/import/import-report-files';
import { sharedPath } from '../support/shared-corpus';

globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;
readMasterFromDisk();

/** A line that opens a risk section, however it is numbered or emphasised (raw text, tags removed). */
const RISK_SECTION_LINE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*)?[ \t]*(?:[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}(?:\.\d{1,2})*[.、]?)?[ \t]*(?:\*\*)?[^\n]{0,10}?(?:风险提示|风险因素|风险与挑战|主要风险|核心风险|风险分析|risk factors|key risks|risks)(?:\*\*)?[ \t]*(?:[:：]|$)/im;
/** Text that is a disclaimer, copyright or house line, never a risk of the report. */
const HOUSE_TEXT =
  /免责|版权(?:所有|声明|归)|投资需谨慎|入市需谨慎|不构成投资建议|仅供参考|分析师声明|评级(?:说明|标准)|all rights reserved|disclaimer/i;
/** A front-matter `summary:` (or keyPoints/highlights) that is a YAML list. */
const SUMMARY_LIST = /^---[\s\S]*?^(?:summary|keyPoints|highlights):[ \t]*\r?\n[ \t]+-[ \t]/m;
/** A daily brief: a Jekyll post name with a date, or a title with a full date in it. */
const BRIEF_NAME = /(?:^|[\\/])\d{4}-\d{1,2}-\d{1,2}-[^\\/]+$/;
const BRIEF_TITLE = /^title:.*(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}\.\d{1,2}\.\d{1,2}|日报|早报|晚报|复盘|收评|午评)/m;

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a');

async function measure(dir: string) {
  const { reports, failed } = await parseSelection(await sourcesAt(dir), await cliParseContext(undefined));
  let withRiskSection = 0;
  let risksFound = 0;
  let withList = 0;
  let keyPointsFound = 0;
  let houseRisks = 0;
  const briefs: { dated: boolean; summary: string }[] = [];
  const missed: string[] = [];
  for (const report of reports) {
    const raw = report.originalText.replace(/<[^>]*>/g, '\n');
    if (RISK_SECTION_LINE.test(raw)) {
      withRiskSection++;
      if (report.risks.length) risksFound++;
      else missed.push(report.fileName);
    }
    if (SUMMARY_LIST.test(report.originalText)) {
      withList++;
      if (report.keyPoints.length) keyPointsFound++;
    }
    houseRisks += report.risks.filter((risk) => HOUSE_TEXT.test(risk)).length;
    if (BRIEF_NAME.test(report.fileName) || BRIEF_TITLE.test(report.originalText))
      briefs.push({ dated: Boolean(report.date), summary: report.summary });
  }
  const distinct = new Set(briefs.map((brief) => brief.summary)).size;
  console.log(
    JSON.stringify({
      dir,
      reports: reports.length,
      failed: failed.length,
      riskSections: withRiskSection,
      risksFound: `${risksFound} (${percent(risksFound, withRiskSection)})`,
      summaryLists: withList,
      keyPoints: `${keyPointsFound} (${percent(keyPointsFound, withList)})`,
      houseTextAmongRisks: houseRisks,
      briefs: briefs.length,
      briefsDated: `${briefs.filter((b) => b.dated).length} (${percent(briefs.filter((b) => b.dated).length, briefs.length)})`,
      briefSummariesDistinct: `${distinct} of ${briefs.length}`,
      missedRiskSections: missed.slice(0, 10),
    }),
  );
}

/** A security is well covered when at least this many reports name it. */
const WELL_COVERED = 8;
/** Reports a card shows. */
const CARD_REPORTS = 3;
/** "Among the reports that mention it most": the top this-many by mention count (ties included). */
const MOST_MENTIONING = 5;

/** Top-3 precision of the card's order and of newest-first, over every well-covered issuer of one library. */
async function rankingFigures(dirs: readonly string[]) {
  const memory = await import('fake-indexeddb');
  Dexie.dependencies.indexedDB = memory.indexedDB;
  Dexie.dependencies.IDBKeyRange = memory.IDBKeyRange;
  const db = openLibraryDatabase(`measure-${process.pid}`);
  const context = await cliParseContext(undefined);
  const { dictionary } = context;
  await importReportFiles(db, (await Promise.all(dirs.map(sourcesAt))).flat(), context);
  const reports = await db.reports.toArray();
  const byIssuer = new Map<string, { report: StoredReport; count: number; inTitle: boolean }[]>();
  for (const report of reports) {
    for (const security of report.securities) {
      const issuer = [...dictionary.issuerListings(security.id)].sort()[0]!;
      const list = byIssuer.get(issuer) ?? [];
      const names = dictionary.get(security.id)?.names ?? [];
      const inTitle = names.some((name) => name.length > 1 && report.title.includes(name)) || report.title.includes(security.id.slice(3));
      const same = list.find((entry) => entry.report.id === report.id);
      if (same) {
        same.count += security.count;
        same.inTitle ||= inTitle;
      } else list.push({ report, count: security.count, inTitle });
      byIssuer.set(issuer, list);
    }
  }
  let cardHits = 0;
  let newestHits = 0;
  let slots = 0;
  let passages = 0;
  const perSecurity: string[] = [];
  for (const [issuer, list] of byIssuer) {
    if (list.length < WELL_COVERED) continue;
    const counts = list.map((entry) => entry.count).sort((a, b) => b - a);
    const threshold = counts[Math.min(MOST_MENTIONING, counts.length) - 1]!;
    const discusses = new Set(list.filter((entry) => entry.inTitle || entry.count >= threshold).map((entry) => entry.report.id));
    const card = (await relatedReports(db, dictionary, issuer as SecurityId, CARD_REPORTS)).latest;
    const newest = [...list].sort((a, b) => (b.report.date ?? '').localeCompare(a.report.date ?? '')).slice(0, CARD_REPORTS);
    const hits = card.filter((report) => discusses.has(report.id)).length;
    cardHits += hits;
    newestHits += newest.filter((entry) => discusses.has(entry.report.id)).length;
    slots += card.length;
    passages += card.filter((report) => report.relevance?.passage?.text).length;
    perSecurity.push(`${dictionary.displayName(issuer as SecurityId)} ${hits}/${card.length}`);
  }
  console.log(
    JSON.stringify({
      library: dirs.length,
      reports: reports.length,
      wellCoveredSecurities: perSecurity.length,
      top3DiscussCard: `${cardHits}/${slots} (${percent(cardHits, slots)})`,
      top3DiscussNewestFirst: `${newestHits}/${slots} (${percent(newestHits, slots)})`,
      top3WithPassage: `${passages}/${slots}`,
      perSecurity,
    }),
  );
  await db.delete();
}

const dirs = process.argv.slice(2);
const defaults = [
  ...['gator-reports', 'gator-articles', 'finews'].map((d) => sharedPath('corpus', 'reports', d)),
  sharedPath('samples', 'reports'),
];
for (const dir of dirs.length ? dirs : defaults) await measure(dir);
await rankingFigures(dirs.length ? dirs : defaults);

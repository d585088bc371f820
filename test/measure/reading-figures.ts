/**
 * The issue-13 figures on real archives (`npm run --silent measure:reading -- DIR…`, default: the shared corpus and
 * samples): risks found in posts with a risk section, key points in posts with a front-matter summary list,
 * house text among risks, daily briefs dated and their summaries distinct. What a post "has" is read from its raw
 * text by patterns independent of the extractor, so the figures are not the extractor grading itself.
 */

import { DOMParser } from 'linkedom';
import { cliDictionary } from '../../lib/cli/inspect-command';
import { sourcesAt } from '../../lib/cli/node-sources';
import { createSecurityMatcher } from '../../lib/detect/find-securities';
import { parseSelection } from '../../lib/import/import-report-files';
import { chineseVariantTable } from '../../lib/securities/chinese-variants';
import { sharedPath } from '../support/shared-corpus';

globalThis.DOMParser ??= DOMParser as unknown as typeof globalThis.DOMParser;

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
  const dictionary = await cliDictionary(undefined);
  const { reports, failed } = await parseSelection(await sourcesAt(dir), {
    dictionary,
    matcher: createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable() }),
  });
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

const dirs = process.argv.slice(2);
const defaults = ['gator-reports', 'gator-articles', 'finews'].map((d) => sharedPath('corpus', 'reports', d));
for (const dir of dirs.length ? dirs : [...defaults, sharedPath('samples', 'reports')]) await measure(dir);

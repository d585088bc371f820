/**
 * A security's risks across its reports, grouped: which risks recur, in how many reports, first and last seen.
 * Pure; the security page shows it.
 */

/** One risk as the security page lists it. */
export interface RiskGroup {
  /** The wording shown: the most frequent label among the grouped risks. */
  label: string;
  /** Reports that list it. */
  reports: number;
  /** First and last report dates (`YYYY-MM-DD`), '' when none of its reports is dated. */
  first: string;
  last: string;
}

/** A risk's label: the words before `：` when they are a short name (`政策风险：装备采购预算调整…` → `政策风险`). */
const MAX_LABEL_CHARS = 16;

/** The label a risk is shown and grouped under. */
export function riskLabel(risk: string): string {
  const m = /^([^:：]{2,40})[:：]/.exec(risk);
  return (m && m[1]!.trim().length <= MAX_LABEL_CHARS ? m[1]! : risk).trim();
}

/** The grouping key: spacing, case and a trailing `风险` / `的风险` / `risk(s)` do not make two risks different. */
const riskKey = (label: string) =>
  label
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(?:的)?风险$|risks?$/, '');

/** Groups the risks of reports (each counted once per report), most recurring first, then most recently seen. */
export function groupRisks(reports: readonly { date?: string; risks: readonly string[] }[]): RiskGroup[] {
  const groups = new Map<string, { labels: Map<string, number>; reports: number; first: string; last: string }>();
  for (const report of reports) {
    const day = report.date?.slice(0, 10) ?? '';
    const seen = new Set<string>();
    for (const risk of report.risks) {
      const label = riskLabel(risk);
      const key = riskKey(label);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { labels: new Map<string, number>(), reports: 0, first: '', last: '' };
      group.labels.set(label, (group.labels.get(label) ?? 0) + 1);
      group.reports++;
      if (day && (!group.first || day < group.first)) group.first = day;
      if (day && day > group.last) group.last = day;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => ({
      label: [...group.labels].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0],
      reports: group.reports,
      first: group.first,
      last: group.last,
    }))
    .sort((a, b) => b.reports - a.reports || b.last.localeCompare(a.last) || a.label.localeCompare(b.label));
}

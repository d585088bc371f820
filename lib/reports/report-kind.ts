/** What kind of report it is: a note on one company, a sector note, a daily/weekly brief, a strategy or macro piece. */
export type ReportKind = 'company' | 'industry' | 'brief' | 'strategy';

/** Titles of briefs: daily and weekly market reviews, morning notes, news flashes. */
const BRIEF_TITLE =
  /日报|早报|晚报|午报|晨报|晨会|复盘|收评|午评|盘前|盘后|日评|快讯|周报|周评|周观察|月报|daily|morning (?:note|call)|weekly|brief|wrap/i;
/** Titles of strategy and macro pieces. */
const STRATEGY_TITLE = /策略|宏观|资产配置|大类资产|市场展望|投资展望|年度展望|strategy|macro|outlook|asset allocation/i;
/** Titles of sector notes. */
const INDUSTRY_TITLE = /行业|产业|板块|赛道|产业链|industry|sector/i;

/**
 * The kind of a report, from its title and how its mentions are spread: a title naming one issuer (and no brief
 * word) is a company note; otherwise the title's words decide; a report whose mentions are mostly one security is a
 * company note; the rest are sector notes.
 */
export function reportKind(title: string, titleIssuers: number, topShare: number): ReportKind {
  if (BRIEF_TITLE.test(title)) return 'brief';
  if (titleIssuers === 1) return 'company';
  if (STRATEGY_TITLE.test(title)) return 'strategy';
  if (INDUSTRY_TITLE.test(title) || titleIssuers > 1) return 'industry';
  return topShare >= COMPANY_NOTE_SHARE ? 'company' : 'industry';
}

/** A report whose top security has at least this share of all mentions is about that company. */
export const COMPANY_NOTE_SHARE = 0.5;

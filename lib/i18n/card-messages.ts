/**
 * Messages of the hover card, the only text the content script shows: kept apart so a tab's bundle carries these and
 * not the whole interface.
 */
export const CARD_EN = {
  'card.reports': '{n} report(s) in your library',
  'card.loading': 'Loading…',
  'card.close': 'Close',
  'card.alsoListed': 'also {ids}',
  'card.timeline': 'Reports by month: {n} dated, {from} to {to}',
  'card.marked': 'Marked “{text}”: {rule} → {entry}',
  'rule.exchange-code': 'code with exchange',
  'rule.cashtag': 'cashtag',
  'rule.exchange-prefix': 'exchange prefix',
  'rule.name': 'company name',
  'rule.learned-alias': 'name learned from a report',
  'rule.ticker-in-context': 'ticker in context',
  'report.keyPoints': 'Key points',
  'report.risks': 'Risks',
  'report.more': '+{n} more',
  // What my reports say about this company (issue 13): relevance, passages, all reports, risks in place.
  'card.aboutCount': '{n} about it',
  'card.allReports': 'All {n} report(s)',
  'report.about': 'About this company',
  'report.mentions': 'Mentions it',
  'report.passage': 'Where the report names it',
  'report.fewer': 'Show fewer',
  'report.moreText': 'more',
  'report.lessText': 'less',
  // "not this security" (alias gate and blocks)
  'card.notThis': 'Not this security',
  // The accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
  'card.notThisLabel': 'Not this security: “{text}” is not {entry} (asks in the library)',
  // Broker-note rating and target (PDF reports): the card's rating line and timeline.
  'rating.withChange': '{value} ({change})',
  'rating.target': 'target {price}',
  'rating.timeline': 'Ratings and targets over time: {points}',
} as const;

/** Every card message key. */
export type CardMessageKey = keyof typeof CARD_EN;

export const CARD_ZH: Record<CardMessageKey, string> = {
  'card.reports': '研报库中有 {n} 篇相关研报',
  'card.loading': '加载中…',
  'card.close': '关闭',
  'card.alsoListed': '另见 {ids}',
  'card.timeline': '按月份的研报：{n} 篇有日期，{from} 至 {to}',
  'card.marked': '标记「{text}」：{rule} → {entry}',
  'rule.exchange-code': '带交易所的代码',
  'rule.cashtag': '$ 代码',
  'rule.exchange-prefix': '交易所前缀',
  'rule.name': '公司名称',
  'rule.learned-alias': '从研报学到的名称',
  'rule.ticker-in-context': '上下文中的代码',
  'report.keyPoints': '要点',
  'report.risks': '风险提示',
  'report.more': '另有 {n} 条',
  'card.aboutCount': '{n} 篇专门讨论',
  'card.allReports': '全部 {n} 篇研报',
  'report.about': '专门讨论该公司',
  'report.mentions': '提及该公司',
  'report.passage': '研报中提到它的地方',
  'report.fewer': '收起',
  'report.moreText': '展开',
  'report.lessText': '收起',
  // "not this security" (alias gate and blocks)
  'card.notThis': '不是这只证券',
  'card.notThisLabel': '不是这只证券：「{text}」不是 {entry}（到研报库确认）',
  // Broker-note rating and target (PDF reports): the card's rating line and timeline.
  'rating.withChange': '{value}（{change}）',
  'rating.target': '目标价 {price}',
  'rating.timeline': '评级与目标价变化：{points}',
};

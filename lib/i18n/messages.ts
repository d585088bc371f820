/** The interface languages: Simplified Chinese and English. */
export type UiLocale = 'zh' | 'en';

const EN = {
  'card.reports': '{n} report(s) in your library',
  'card.loading': 'Loading…',
  'card.close': 'Close',
  'card.alsoListed': 'also {ids}',
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
  'popup.library': 'Library',
  'popup.loading': 'Loading…',
  'popup.addingDemo': 'Adding the demo library…',
  'popup.startLabel': 'Getting started',
  'popup.emptyTitle': 'Your library is empty',
  'popup.emptyText':
    'Import your research reports (Markdown, HTML or text files, with or without front matter) on the library page. Securities they discuss are then marked on finance pages; hover a mark to see what your reports say.',
  'popup.import': 'Import reports',
  'popup.tryDemo': 'Try the demo library',
  'popup.none': 'No securities with reports on this page. Your library has {n} report(s).',
  'popup.onPage': '{n} securities on this page with reports',
  'popup.reportCount': '{n} report(s)',
  'popup.mentioned': ' · mentioned {n}× on this page',
  'search.placeholder': 'Search reports: 阿里巴巴, Amazon, 光模块…',
  'search.label': 'Search your library',
  'search.section': 'Search the library',
  'search.results': 'Search results',
  'search.securities': 'Securities: {list}',
  'search.noMatch': 'No report matches “{query}”.',
} as const;

/** Every message key; both languages must have each (the type of ZH enforces it). */
export type MessageKey = keyof typeof EN;

const ZH: Record<MessageKey, string> = {
  'card.reports': '研报库中有 {n} 篇相关研报',
  'card.loading': '加载中…',
  'card.close': '关闭',
  'card.alsoListed': '另见 {ids}',
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
  'popup.library': '研报库',
  'popup.loading': '加载中…',
  'popup.addingDemo': '正在添加示例研报库…',
  'popup.startLabel': '开始使用',
  'popup.emptyTitle': '研报库还是空的',
  'popup.emptyText':
    '在研报库页面导入你的研报（Markdown、HTML 或文本文件，可带 front matter）。之后财经网页上提到的相关证券会被标记，悬停即可查看你的研报怎么说。',
  'popup.import': '导入研报',
  'popup.tryDemo': '试用示例研报库',
  'popup.none': '本页没有你的研报涉及的证券。研报库共有 {n} 篇研报。',
  'popup.onPage': '本页有 {n} 只证券有相关研报',
  'popup.reportCount': '{n} 篇研报',
  'popup.mentioned': ' · 本页提及 {n} 次',
  'search.placeholder': '搜索研报：阿里巴巴、Amazon、光模块…',
  'search.label': '搜索研报库',
  'search.section': '搜索研报库',
  'search.results': '搜索结果',
  'search.securities': '证券：{list}',
  'search.noMatch': '没有研报匹配「{query}」。',
};

const MESSAGES: Record<UiLocale, Record<MessageKey, string>> = { en: EN, zh: ZH };

/** Looks up a message and fills `{name}` placeholders; `(s)` becomes `s` unless `n` is 1 (English plurals). */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The translator of one locale. */
export function translator(locale: UiLocale): Translate {
  const table = MESSAGES[locale];
  return (key, values = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)).replace(/\(s\)/g, values.n === 1 ? '' : 's');
}

/** The interface language for the browser's preferred languages: Chinese for any `zh*`, else English. */
export function uiLocale(languages: readonly string[]): UiLocale {
  return languages[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

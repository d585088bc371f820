import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { zipSync } from 'fflate';
import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLibraryDictionary } from '../lib/db/library-dictionary';
import type { LibraryDatabase } from '../lib/db/database';
import type { SubscriptionView } from '../lib/feeds/subscription-queries';
import { MESSAGE_KEYS, translator } from '../lib/i18n/messages';
import type { UiLocale } from '../lib/i18n/translate';
import { blockNames } from '../lib/import/late-aliases';
import { createLibraryStore, type LibraryState, type LibraryStore } from '../lib/library/library-store';
import { notThisQuestion } from '../lib/library/not-this-security';
import type { PageSecurities, SecurityReports } from '../lib/messaging/protocol';
import { nodePdfEngine } from '../lib/pdf/node-pdf-engine';
import { readPdfText } from '../lib/pdf/read-pdf';
import type { Settings } from '../lib/settings/load-settings';
import { createWorkerHandlers } from '../lib/worker/worker-handlers';
import { openTestLibrary } from '../test/support/hostile-library';
import { fixtureFile } from '../test/support/report-fixtures';
import { HoverCard, type HoverCardProps } from './hover-card';
import { LibraryPage, type LibraryPageProps } from './library-page';
import { PopupView, type PopupViewProps } from './popup-view';
import { cardTranslator, CardText, UiText } from './ui-text';

/**
 * Every view in both languages, over a library imported from our fixtures (Markdown, HTML, text, PDF broker notes,
 * refused files): the Chinese interface shows no English word and the English one no Chinese character, besides
 * what the data says (report text, titles, names, codes, file names: collected from the library itself) and the
 * few tokens below.
 */

/** English words a Chinese interface keeps, each a name or a format: translating them would hide what they are. */
const ENGLISH_IN_CHINESE = [
  'ReportLens', // the product's name (研报透镜 beside it where there is room)
  'Markdown', // file formats, as their files and tools call them
  'front matter', // the Jekyll/Hugo term readers search for; no Chinese term is in common use
  'JSON Feed',
  'Atom',
  'NASDAQ Trader',
  'stocks.index.json', // file and column names a list must have, written as in the file
  'code,name,aliases',
  'manifest.json',
  'https://example.com/feed.xml', // placeholders: the shape of an address
  'example.com',
  'zip', // the archive format, lower case as in `.zip`
  'English', // the language picker names each language in itself, so a reader finds theirs whatever the page's language
];
/** Chinese a English interface keeps: the product's Chinese name and the language picker's own name for Chinese. */
const CHINESE_IN_ENGLISH = ['研报透镜', '简体中文'];

/** Words in Latin letters; all-capital ones (codes, tickers, units, format names: AAPL, HK, KB, PDF, CSV) are allowed. */
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*/g;
const ALL_CAPITALS = /^[A-Z]+$/;
/**
 * Addresses, host names, file names and media types (`https://…`, `eastmoney.com`, `notes.zip/a.md`, `.pdf`,
 * `image/png`) are names, not words.
 */
const ADDRESS = /(?:https?:\/\/)?[\w-]*(?:\.[\w-]+)+(?:\/[^\s”」）)]*)?|\b[a-z]+\/[a-z0-9.+-]+/g;
/** Chinese characters, and the full-width punctuation that gives a Chinese string away in an English sentence. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]+/g;

/** Attributes people read (screen readers included). */
const READ_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/** The strings of the library's own data: whatever a report, list or feed says is shown as written. */
let data: string[] = [];

/** Adds every string under `value` to the data, but for fields that are our own vocabulary (shown translated). */
const VOCABULARY_FIELDS = new Set(['via', 'rule', 'rules', 'format', 'kind', 'origin', 'phase', 'key', 'tab']);
function collectData(value: unknown, into: Set<string>, field = ''): void {
  if (VOCABULARY_FIELDS.has(field)) return;
  if (typeof value === 'string') {
    // Single characters and punctuation are no evidence of anything; masking them would hide strays.
    if (/[\p{L}\p{N}].*[\p{L}\p{N}]/su.test(value)) into.add(value.trim());
  } else if (Array.isArray(value)) for (const item of value) collectData(item, into, field);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array))
    for (const [key, item] of Object.entries(value)) collectData(item, into, key);
}

/** What a reader sees or hears of a rendered view: text nodes and read attributes, report bodies left out. */
function readableText(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    // The report itself (sanitised HTML, or its original text), but for the reader's own PDF page labels and note.
    if (parent.closest('pre')) continue;
    if (parent.closest('.rl-reader') && !parent.closest('.rl-pdf-page-number, .rl-reader > div > .rl-counts')) continue;
    // A passage is a sentence of the report, split around the mention.
    if (parent.closest('.rl-passage')) continue;
    out.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll('*'))
    if (!element.closest('.rl-reader > div'))
      for (const name of READ_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value) out.push(value);
      }
  return out;
}

/** The words of `texts` that do not belong in `locale`'s interface. */
function strays(texts: string[], locale: UiLocale): string[] {
  const byLength = [...data].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const value of byLength) if (rest.includes(value)) rest = rest.split(value).join(' ');
    if (locale === 'zh') rest = rest.replace(ADDRESS, ' ');
    for (const allowed of locale === 'zh' ? ENGLISH_IN_CHINESE : CHINESE_IN_ENGLISH) rest = rest.split(allowed).join(' ');
    if (locale === 'zh') {
      for (const word of rest.match(LATIN_WORD) ?? []) if (!ALL_CAPITALS.test(word)) found.push(`${word} ← “${text}”`);
    } else for (const chinese of rest.match(CHINESE) ?? []) found.push(`${chinese} ← “${text}”`);
  }
  return found;
}

let db: LibraryDatabase;
let store: LibraryStore;
let related: SecurityReports[];
let page: PageSecurities;
/** Library states worth a look, captured as the store passed through them. */
const states = new Map<string, LibraryState>();

/** pdf.js's first document loads its CMaps and fonts: seconds on a shared machine. */
const SETUP_TIMEOUT_MS = 120_000;

const pdfFixture = (name: string) => new File([readFileSync(new URL(`../test/fixtures/pdf/${name}`, import.meta.url))], name);

/**
 * A DOM to render into, installed as the globals Preact and DOMPurify read. Not Vitest's jsdom environment: that one
 * replaces Node's `URL` too, and the securities master is read from disk by file URL.
 */
function installDom() {
  // The reader offers remote images where the build has the sandboxed page (Chromium's does).
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    sandbox: { pages: ['report-images.html'] },
  });
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  Object.assign(globalThis, {
    window,
    document: window.document,
    Event: window.Event,
    requestAnimationFrame: window.requestAnimationFrame,
  });
}

beforeAll(async () => {
  installDom();
  db = await openTestLibrary('interface-language');
  const engine = await nodePdfEngine();
  const worker = createWorkerHandlers(db, { openLibraryPage: async () => {}, setBadge: async () => {}, injectCardView: async () => {} });
  const sender = { id: 'test' } as never;
  store = createLibraryStore({
    db,
    search: async (query, limit) => worker.searchLibrary({ query, limit }, sender),
    searchDelayMs: 0,
    readPdf: (bytes) => readPdfText(engine, bytes),
  });
  await store.refresh();
  states.set('empty library', store.state);
  let progressSeen = false;
  const unsubscribe = store.subscribe((state) => {
    if (state.progress && state.progress.phase !== 'done' && !progressSeen) {
      progressSeen = true;
      states.set('import running', state);
    }
  });
  const brokenZip = new File([zipSync({ 'a.md': new TextEncoder().encode('# a') }).slice(0, 40)], 'broken.zip');
  const nested = new File(
    [
      zipSync({
        'notes/inner.zip': zipSync({ 'x.md': new TextEncoder().encode('# x') }),
        'notes/../evil.md': new Uint8Array([35, 32, 120]),
      }),
    ],
    'nested.zip',
  );
  await store.importFiles([
    fixtureFile('alibaba-q3-note.md'),
    fixtureFile('amazon-retail.html'),
    fixtureFile('google-brief.txt'),
    fixtureFile('empty.md'),
    fixtureFile('broken-front-matter.md'),
    pdfFixture('zh-one-column.pdf'),
    pdfFixture('en-overweight.pdf'),
    pdfFixture('scan-image-only.pdf'),
    new File(['PK'], 'slides.pptx'),
    brokenZip,
    nested,
  ]);
  unsubscribe();
  states.set('import finished, with failures', store.state);
  await store.importFiles([fixtureFile('alibaba-q3-note.md')]);
  states.set('import of a duplicate', store.state);
  await store.importSecurityList(new File(['code,name,aliases\n920964.BJ,示例节水,\n'], 'mine.csv'));
  states.set('security list imported', { ...store.state, tab: 'aliases' });
  await store.importSecurityList(new File(['just some notes'], 'notes.txt'));
  states.set('security list refused', { ...store.state, tab: 'aliases' });
  const reindexing = store.subscribe((state) => {
    if (state.status.kind === 'busy' && state.status.total !== undefined) states.set('re-index running', { ...state, tab: 'aliases' });
  });
  await store.reindex();
  reindexing();
  states.set('re-index done', { ...store.state, tab: 'aliases' });
  const cancelled = store.reindex();
  store.cancel();
  await cancelled;
  states.set('re-index cancelled', { ...store.state, tab: 'aliases' });
  await blockNames(db, [{ alias: '阿里', securityId: 'HK:09988' }]);
  await store.refresh();
  states.set('names, lists and blocks', { ...store.state, tab: 'aliases' });
  states.set('history', { ...store.state, tab: 'history' });
  states.set('settings', { ...store.state, tab: 'settings' });
  states.set('feeds', { ...store.state, tab: 'feeds' });
  await store.setFilter({ ...store.state.filter, source: store.state.sources[0] ?? '' });
  states.set('filtered table', store.state);
  await store.setFilter({ ...store.state.filter, source: '', query: '阿里巴巴' });
  states.set('search in the table', store.state);
  await store.setFilter({ ...store.state.filter, query: '' });
  for (const report of await db.reports.toArray()) {
    await store.open(report.id);
    states.set(`report ${report.fileName}`, store.state);
  }
  await store.open(undefined);
  await store.openSecurity('HK:09988');
  states.set('security page', store.state);
  await store.openSecurity(undefined);
  const ids = [...new Set((await db.reports.toArray()).flatMap((report) => report.securityIds))];
  related = (await worker.getRelatedReports({ ids }, sender)).filter((security) => security.reportCount > 0);
  page = {
    url: 'https://quote.eastmoney.com/hk/09988.html',
    securities: related.map((s) => ({ id: s.id, name: s.name, count: 2, rules: ['name'] })),
  };
  const collected = new Set<string>();
  collectData(await db.reports.toArray(), collected);
  collectData(await db.reportBodies.toArray(), collected);
  collectData(await db.aliases.toArray(), collected);
  collectData(await db.aliasBlocks.toArray(), collected);
  collectData(
    [...states.values()].map((state) => [state.result, state.security, state.listing.rows, state.opened]),
    collected,
  );
  collectData(related, collected);
  // What the page and the reader gave: the marked word, the queries typed.
  collectData([FEED_ROWS, SETTINGS.addedSites, page.url, '阿里巴巴', 'zzzz'], collected);
  data = [...collected];
}, SETUP_TIMEOUT_MS);
afterAll(() => db?.delete());

const SETTINGS: Settings = {
  markAll: false,
  markStyle: 'dotted',
  privateMarks: false,
  language: 'auto',
  disabledSites: ['xueqiu.com'],
  addedSites: ['stockanalysis.com'],
};
const HOUR = 3_600_000;
/** Followed feeds in each state a row can be in, their errors as the poller writes them. */
const FEED_ROWS: SubscriptionView[] = [
  {
    id: 1,
    url: 'https://research.example.org/feed.xml',
    origin: 'https://research.example.org',
    addedAt: '2026-11-30T08:00:00Z',
    state: { url: 'https://research.example.org/feed.xml', title: 'Example Research', kind: 'atom', validators: {}, seen: [] },
    nextPollAt: Date.parse('2026-12-01T09:00:00Z'),
    failures: 0,
    lastPolledAt: '2026-12-01T08:00:00Z',
    lastStatus: 200,
    lastAdded: 3,
    lastRefused: [{ entry: 'Weekly chart pack', reason: 'its page is image/png, not a report' }],
    reports: 3,
  },
  {
    id: 2,
    url: 'https://notes.example.net/index.json',
    origin: 'https://notes.example.net',
    addedAt: '2026-11-30T08:00:00Z',
    state: { url: 'https://notes.example.net/index.json', kind: 'json-feed', validators: {}, seen: [] },
    nextPollAt: Date.parse('2026-12-01T08:00:00Z') + 4 * HOUR,
    failures: 2,
    lastPolledAt: '2026-12-01T08:00:00Z',
    lastError: 'https://notes.example.net/index.json answers HTTP 503',
    reports: 0,
  },
  {
    id: 3,
    url: 'https://team.example.com/manifest.json',
    origin: 'https://team.example.com',
    addedAt: '2026-11-30T08:00:00Z',
    state: { url: 'https://team.example.com/manifest.json', kind: 'library-manifest', validators: {}, seen: [] },
    nextPollAt: Date.parse('2026-12-01T09:00:00Z'),
    failures: 0,
    lastPolledAt: '2026-12-01T08:00:00Z',
    lastStatus: 304,
    reports: 12,
  },
  {
    id: 4,
    url: 'https://new.example.com/rss',
    origin: 'https://new.example.com',
    addedAt: '2026-12-01T08:00:00Z',
    state: { url: 'https://new.example.com/rss', validators: {}, seen: [] },
    nextPollAt: Date.parse('2026-12-01T08:00:00Z'),
    failures: 0,
    reports: 0,
  },
];

const noop = () => {};
const libraryProps = (state: LibraryState, extra: Partial<LibraryPageProps> = {}): LibraryPageProps => ({
  state,
  settings: SETTINGS,
  siteMessage: undefined,
  onTab: noop,
  subscriptions: {
    rows: FEED_ROWS,
    busy: 2,
    confirming: 3,
    message: { key: 'feeds.failed', values: { reason: 'https://bad.example.com/ answers HTTP 404' } },
    onSubscribe: noop,
    onUpdateNow: noop,
    onAskUnsubscribe: noop,
    onUnsubscribe: noop,
  },
  onFilter: noop,
  onSort: noop,
  onPage: noop,
  onImport: noop,
  onDropItems: noop,
  onLoadDemo: noop,
  onOpen: noop,
  onDelete: noop,
  onOpenPdf: noop,
  onMarkAll: noop,
  onMarkStyle: noop,
  onPrivateMarks: noop,
  onLanguage: noop,
  onSiteEnabled: noop,
  onAddSite: noop,
  onRemoveSite: noop,
  notThis: undefined,
  onConfirmNotThis: noop,
  onCancelNotThis: noop,
  onBlockAlias: noop,
  onUnblock: noop,
  onEditAlias: noop,
  onRemoveList: noop,
  onImportSecurityList: noop,
  onExportBackup: noop,
  onReindex: noop,
  onCancel: noop,
  ...extra,
});

const popupProps = (state: PopupViewProps['state'], extra: Partial<PopupViewProps> = {}): PopupViewProps => ({
  state,
  site: { host: 'quote.eastmoney.com', enabled: true },
  query: '',
  result: undefined,
  onSearch: noop,
  onToggleSite: noop,
  onLoadDemo: noop,
  onOpenLibrary: noop,
  onOpenReport: noop,
  ...extra,
});

const cardProps = (security: SecurityReports | undefined, rule: HoverCardProps['rule']): HoverCardProps => ({
  markedText: security?.name.slice(0, 4) ?? '阿里巴巴',
  rule,
  security,
  anchor: { left: 100, top: 100, right: 160, bottom: 118 },
  viewport: { width: 1280, height: 800 },
  scheme: 'light',
  onOpenReport: noop,
  onOpenSecurity: noop,
  onClose: noop,
  onNotThisSecurity: noop,
});

/** Renders a view of an extension page (or the card, with the content script's own translator) and reads it. */
async function readView(locale: UiLocale, view: ComponentChild, card = false): Promise<string[]> {
  const host = document.createElement('div');
  document.body.append(host);
  await act(() => {
    render(
      card ? (
        <CardText.Provider value={cardTranslator(locale)}>{view}</CardText.Provider>
      ) : (
        <UiText.Provider value={translator(locale)}>{view}</UiText.Provider>
      ),
      host,
    );
  });
  // Disclosures hold text too (every imported file, the finance sites): open them and read again.
  await act(() => {
    for (const details of host.querySelectorAll('details')) {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    }
  });
  const texts = readableText(host);
  render(null, host);
  host.remove();
  return texts;
}

/** Every view and state, by name. */
function views(locale: UiLocale): [string, () => ComponentChild, boolean?][] {
  const library = [...states].map(([name, state]): [string, () => ComponentChild] => [
    `library page: ${name}`,
    () => <LibraryPage {...libraryProps(state)} />,
  ]);
  const withRelated = related.find((security) => security.latest.length > 1) ?? related[0]!;
  const withRating = related.find((security) => security.ratings?.length);
  return [
    ...library,
    [
      'library page: site allowed message',
      () => (
        <LibraryPage
          {...libraryProps(states.get('settings')!, {
            siteMessage: translator(locale)('settings.siteAdded', { site: 'stockanalysis.com' }),
          })}
        />
      ),
    ],
    ['popup: loading', () => <PopupView {...popupProps({ kind: 'loading' })} />],
    ['popup: adding the demo', () => <PopupView {...popupProps({ kind: 'loading-demo' })} />],
    ['popup: empty library', () => <PopupView {...popupProps({ kind: 'empty-library' })} site={undefined} />],
    ['popup: a page with securities', () => <PopupView {...popupProps({ kind: 'page', libraryReports: 7, page, related })} />],
    ['popup: a page without any', () => <PopupView {...popupProps({ kind: 'page', libraryReports: 7, page: undefined, related: [] })} />],
    [
      'popup: search results',
      () => (
        <PopupView
          {...popupProps(
            { kind: 'page', libraryReports: 7, page, related },
            {
              query: '阿里巴巴',
              result: {
                securities: [{ id: withRelated.id, name: withRelated.name }],
                ids: withRelated.latest.map((report) => report.id),
                reports: withRelated.latest,
                total: withRelated.latest.length,
              },
            },
          )}
        />
      ),
    ],
    [
      'popup: no match',
      () => (
        <PopupView
          {...popupProps(
            { kind: 'page', libraryReports: 7, page, related },
            { query: 'zzzz', result: { securities: [], ids: [], reports: [], total: 0 } },
          )}
        />
      ),
    ],
    ['card: loading', () => <HoverCard {...cardProps(undefined, 'exchange-code')} />, true],
    ['card: reports, a name (not this security)', () => <HoverCard {...cardProps(withRelated, 'name')} />, true],
    ['card: a rating timeline', () => <HoverCard {...cardProps(withRating ?? withRelated, 'cashtag')} />, true],
    [
      'card: no report',
      () => (
        <HoverCard
          {...cardProps({ ...withRelated, reportCount: 0, aboutCount: 0, latest: [], months: [], ratings: undefined }, 'ticker-in-context')}
        />
      ),
      true,
    ],
    ...(['exchange-prefix', 'learned-alias'] as const).map((rule): [string, () => ComponentChild, boolean] => [
      `card: marked by ${rule}`,
      () => <HoverCard {...cardProps(withRelated, rule)} />,
      true,
    ]),
  ];
}

describe.each(['zh', 'en'] as const)('the %s interface', (locale) => {
  test('renders every view and state with no word of the other language', async () => {
    const question = notThisQuestion({ alias: '阿里巴巴', securityId: 'HK:09988' }, await loadLibraryDictionary(db));
    const all: [string, () => ComponentChild, boolean?][] = [
      ...views(locale),
      ['library page: not this security?', () => <LibraryPage {...libraryProps(states.get('empty library')!, { notThis: question })} />],
      [
        'library page: not this security, done',
        () => <LibraryPage {...libraryProps(states.get('empty library')!, { notThis: { ...question, done: true } })} />,
      ],
    ];
    // Every state the setup meant to pass through was reached (a skipped one would pass unseen).
    const reached = [
      'import running',
      'import finished, with failures',
      're-index running',
      're-index done',
      're-index cancelled',
      'security list refused',
      'security page',
    ];
    expect([...states.keys()]).toEqual(expect.arrayContaining(reached));
    expect(states.get('import finished, with failures')?.result?.failed.length).toBeGreaterThan(5);
    expect(all.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const [name, view, card] of all)
      for (const stray of strays(await readView(locale, view(), card), locale)) found.push(`${name}: ${stray}`);
    expect(found).toEqual([]);
  });

  test('has no word of the other language in any message, shown or not', () => {
    const t = translator(locale);
    // Placeholders left unfilled are taken out: what fills them is data or another message.
    // `feeds.dateLocale` is the locale dates are written in, not text; `%s` is the browser's selection in a menu.
    const messages = MESSAGE_KEYS.filter((key) => key !== 'feeds.dateLocale').map((key) => t(key).replace(/\{\w+\}|%s/g, ' '));
    expect(strays(messages, locale)).toEqual([]);
  });
});

test('a stray is found: the check can fail', () => {
  data = [];
  expect(strays(['识别方式：name'], 'zh')).toEqual(['name ← “识别方式：name”']);
  expect(strays(['Found by 名称'], 'en')).toEqual(['名称 ← “Found by 名称”']);
  expect(strays(['导入 PDF、CSV 或 Markdown（.md）'], 'zh')).toEqual([]);
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { declaredStyles } from '../cli/declared-style';
import { detectPage } from '../cli/detect-command';
import { cliParseContext } from '../cli/inspect-command';
import { parsePage } from '../cli/parse-page';
import { createSecurityMatcher } from '../detect/find-securities';
import { decodeText } from '../import/decode-text';
import { TextReader } from '../page/visible-text-nodes';
import { chineseVariantTable } from '../securities/chinese-variants';
import { bundledDictionary } from '../securities/dictionary';
import type { SecurityId } from '../securities/security-id';

const dictionary = bundledDictionary();
const deps = {
  matcher: createSecurityMatcher(dictionary.entries(), { variants: chineseVariantTable() }),
  listingsOf: (id: SecurityId) => dictionary.issuerListings(id),
  nameOf: (id: SecurityId) => dictionary.displayName(id),
};
const detect = (html: string, url?: string) => detectPage(html, url, deps);
const ids = (found: Awaited<ReturnType<typeof detect>>) => found.securities.map((s) => s.id);
const readTexts = (html: string) => {
  const doc = parsePage(html);
  const reader = new TextReader({ styleOf: declaredStyles(doc) });
  return reader
    .collect(doc.body)
    .nodes.filter((node) => reader.isShown(node))
    .map((node) => node.nodeValue!.trim());
};

test.each<[string, string, string[]]>([
  ['navigation', '<nav><a href="/">腾讯控股</a></nav><p>正文</p>', ['正文']],
  [
    'a breadcrumb bar holding the headline is not chrome (its links still a list)',
    '<nav class="breadcrumb" role="navigation"><h1>Apple Inc. Common Stock (AAPL)</h1></nav><p>正文</p>',
    ['Apple Inc. Common Stock (AAPL)', '正文'],
  ],
  ['navigation holding the site name as h1 is chrome', '<nav><h1>Bloomberg</h1><a href="/">Markets</a></nav><p>正文</p>', ['正文']],
  ['a menu by its role', '<div role="menubar"><span>Apple</span></div><p>正文</p>', ['正文']],
  ['the site header and footer', '<header>Tesla</header><main><p>正文</p></main><footer>© Microsoft</footer>', ['正文']],
  ['an article header is content', '<article><header><h1>贵州茅台公告</h1></header><p>正文</p></article>', ['贵州茅台公告', '正文']],
  ['share buttons by class word', '<div class="share-bar"><a href="#">Share on Facebook</a></div><p>正文</p>', ['正文']],
  ['class words are whole words', '<div class="shareholders"><p>Shareholders of Apple</p></div>', ['Shareholders of Apple']],
  ['a chrome word on the wrapper of the content', '<div class="layout-with-sidebar"><h1>标题</h1><p>正文</p></div>', ['标题', '正文']],
  ['aria-hidden and hidden', '<p aria-hidden="true">Google apps</p><p hidden>隐藏</p><p>正文</p>', ['正文']],
  [
    'display none from a style sheet',
    '<style>.menu-pop{display:none}</style><div class="pop"><p class="menu-pop">基金</p></div><p>正文</p>',
    ['正文'],
  ],
  [
    'off-screen and clipped',
    '<p style="position:absolute;left:-9999px">Skip to content</p><p style="position:absolute;clip:rect(0 0 0 0)">sr</p><p>正文</p>',
    ['正文'],
  ],
  ['a hidden body is a page loading, not hidden text', '<style>body{visibility:hidden}</style><p>正文</p>', ['正文']],
  ['buttons', '<button>Apple</button><p>正文</p>', ['正文']],
  [
    'a list of links (menu, tag cloud)',
    '<div><a href="/1">腾讯控股</a> <a href="/2">Apple</a> <a href="/3">Tesla</a> <a href="/4">基金</a></div><p>正文</p>',
    ['正文'],
  ],
  [
    'a list of headline teasers with excerpts',
    `<div class="box">${[1, 2, 3]
      .map((i) => `<dl><dd><a href="/${i}">第${i}条新闻标题里有贵州茅台和更多的字</a></dd><dd>摘要${i}</dd></dl>`)
      .join('')}</div><p>正文</p>`,
    ['正文'],
  ],
])('%s', (_, body, texts) => {
  expect(readTexts(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`)).toEqual(texts);
});

test.each<[string, string, string | undefined, SecurityId[]]>([
  [
    'a script before <head> leaves the body readable',
    '<script>var a = 1;</script><head><title>x</title></head><body><p>贵州茅台发布公告</p></body>',
    undefined,
    ['SH:600519'],
  ],
  ['&amp; is one text: Johnson & Johnson', '<title>x</title><p>Johnson &amp; Johnson beat estimates</p>', undefined, ['US:JNJ']],
  [
    'the publisher is not marked on its own pages',
    '<title>数据业大整顿_网易财经</title><nav>网易</nav><p>网易公开课，网易严选</p>',
    undefined,
    [],
  ],
  ['unless the page is about it', '<title>网易发布三季报_网易财经</title><p>网易第三季度营收</p>', undefined, ['HK:09999']],
  [
    'a site name after a colon is the publisher, not the subject',
    '<title>Apple Inc (AAPL): Google Finance</title><p>Apple shares rose. Google it.</p>',
    'https://www.google.com/finance/',
    ['US:AAPL'],
  ],
  [
    'a quote URL names the subject first',
    '<title>行情</title><p>Tesla 与 Apple 对比</p>',
    'https://finance.yahoo.com/quote/AAPL/',
    ['US:AAPL', 'US:TSLA'],
  ],
  [
    'a list page is about its rows',
    `<title>评级</title><table>${['600519', '000858', '300750', '601318', '600036', '000333'].map((code) => `<tr><td>${code}</td><td>买入</td></tr>`).join('')}</table>`,
    undefined,
    ['SH:600519', 'SZ:000858', 'SZ:300750', 'SH:601318', 'SH:600036', 'SZ:000333'],
  ],
])('%s', async (_, html, url, expected) => {
  const found = await detect(html, url);
  expect(ids(found)).toEqual(expected);
});

describe.skipIf(!SHARED_AVAILABLE)(`cli detect on the saved real pages (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`, () => {
  const pagesDir = sharedPath('corpus', 'pages');
  const expected = SHARED_AVAILABLE
    ? (JSON.parse(readFileSync(`${pagesDir}/expected.json`, 'utf8')) as { primary: Record<string, SecurityId[]>; aboutNone: string[] })
    : { primary: {}, aboutNone: [] };
  /** `cli detect` as it runs: the whole securities master. */
  let masterDeps: Parameters<typeof detectPage>[2] | undefined;
  const detectFile = async (file: string) => {
    if (!masterDeps) {
      const { dictionary: master, matcher } = await cliParseContext(undefined);
      masterDeps = { matcher, listingsOf: (id) => master.issuerListings(id), nameOf: (id) => master.displayName(id) };
    }
    return detectPage(decodeText(new Uint8Array(readFileSync(`${pagesDir}/${file}`))).text, undefined, masterDeps);
  };

  test('pages about a security: its subject is found and listed first', async () => {
    const missed: string[] = [];
    for (const [file, subjects] of Object.entries(expected.primary)) {
      const found = await detectFile(file);
      if (!subjects.includes(found.securities[0]?.id as SecurityId)) missed.push(`${file}: ${found.securities[0]?.id}`);
    }
    expect(missed).toEqual([]);
  }, 300_000);

  test.each(expected.aboutNone)(
    '%s: about no listed company, at most one mention',
    async (file) => {
      const found = await detectFile(file);
      expect(found.securities.reduce((sum, s) => sum + s.count, 0)).toBeLessThanOrEqual(1);
    },
    60_000,
  );
});

test.each<[string, string, SecurityId[]]>([
  ['a code alone in a table cell', '<table><tr><td>600519</td><td>贵州茅台</td></tr></table>', ['SH:600519']],
  ['a link to its quote page', '<p>涨幅居前：<a href="https://quote.eastmoney.com/sh600519.html">600519</a></p>', ['SH:600519']],
  ['a rating in a link within prose is no code', '<p>评级为<a href="https://example.com/tag/aa">AA</a>的城投债</p>', []],
])('code slots: %s', async (_, body, expected) => {
  const { dictionary: master, matcher } = await cliParseContext(undefined);
  const found = await detectPage(`<title>x</title>${body}`, undefined, {
    matcher,
    listingsOf: (id) => master.issuerListings(id),
    nameOf: (id) => master.displayName(id),
  });
  expect(ids(found)).toEqual(expected);
});

// A weak name counts on a page about its company (issue 11: "the page being about that company"): the page's
// subject supports it anywhere on the page, as a report's whole text does; on a page about another, or about none,
// it stays a word.
test.each<[string, string, [SecurityId, number][]]>([
  [
    'the clear lead of the page',
    '<p>宁德时代发布财报。</p><p>宁德时代营收增长。</p><p>宁德时代电池出货。</p><p>宁德的工厂扩产</p>',
    [['SZ:300750', 4]],
  ],
  ['named once: no subject, 宁德 stays a place', '<p>宁德时代发布财报。</p><p>宁德的工厂扩产</p>', [['SZ:300750', 1]]],
  ['a page about none', '<p>宁德的工厂扩产</p>', []],
])('weak names with the page subject as support: %s', async (_, body, expected) => {
  const { dictionary: master, matcher } = await cliParseContext(undefined);
  const found = await detectPage(`<title>x</title>${body}`, undefined, {
    matcher,
    listingsOf: (id) => master.issuerListings(id),
    nameOf: (id) => master.displayName(id),
  });
  expect(found.securities.map((s) => [s.id, s.count])).toEqual(expected);
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { detectPage } from '../../lib/cli/detect-command';
import { cliParseContext } from '../../lib/cli/inspect-command';
import { decodeText } from '../../lib/import/decode-text';
import type { PageSecurities } from '../../lib/messaging/protocol';
import { readMasterFromDisk } from '../../lib/securities/master/read-master-file';
import { aShareId, hongKongId, usId, type SecurityId } from '../../lib/securities/security-id';
import type { ExtensionBrowser } from '../support/launch-extension';
import { markedTexts } from '../support/page-marks';
import { serveCorpusPages } from '../support/serve-corpus-pages';
import { sharedPath } from '../support/shared-corpus';
import { tabPageSecurities } from '../support/tab-page-securities';

/** The shared real pages and what a reader says each is about. */
export const CORPUS_PAGES_DIR = sharedPath('corpus', 'pages');

/** `expected.json`: the subject ids per page (any one counts as found), and the pages about no security. */
interface Expected {
  primary: Record<string, SecurityId[]>;
  aboutNone: string[];
}

/** One page scored: what the extension and the CLI found, and how that compares with what a reader says. */
export interface PageScore {
  file: string;
  /** In `expected.json` with a subject, listed about none, or in neither (the market overview: agreement only). */
  kind: 'subject' | 'none' | 'unscored';
  /** The page's subject per `expected.json` (empty: about no security). */
  expected: SecurityId[];
  /** The popup's page securities in its order (subject first), with the marks per security. */
  extension: { id: SecurityId; count: number }[];
  /** Marks drawn on the page (ranges in our highlight). */
  marks: number;
  /** `cli detect`'s securities, subject first. */
  cli: SecurityId[];
  /** Whether the extension and the CLI found the same securities (as sets). */
  agree: boolean;
  /** Expected subjects found by the extension, over expected (pages with a subject). */
  recall?: number;
  /**
   * Securities marked that a reader names on the page (subject or other mentions in GROUND_TRUTH.csv, any listing of
   * their issuer), over marked.
   */
  precision?: number;
  /** Whether an expected subject is marked on the page. */
  subjectMarked: boolean;
  /** Whether the popup lists an expected subject first. */
  subjectFirst: boolean;
  /** Companies a reader names in the page's content (GROUND_TRUTH.csv, site chrome and unlisted codes left out). */
  named: number;
  /** Of {@link named}, those marked on the page (any listing of the issuer): issue 11's "prominent names marked". */
  namedMarked: number;
}

/** Every saved page under the corpus folder, as `folder/file.html`. */
export function corpusPageFiles(): string[] {
  return readdirSync(CORPUS_PAGES_DIR)
    .filter((entry) => statSync(join(CORPUS_PAGES_DIR, entry)).isDirectory())
    .flatMap((dir) => readdirSync(join(CORPUS_PAGES_DIR, dir)).map((file) => relative(CORPUS_PAGES_DIR, join(CORPUS_PAGES_DIR, dir, file))))
    .filter((file) => file.endsWith('.html'))
    .sort();
}

const readExpected = (): Expected => JSON.parse(readFileSync(join(CORPUS_PAGES_DIR, 'expected.json'), 'utf8')) as Expected;

/** Codes in the CSV's free text (`600188.SH 兖州煤业`, `01171.HK`, `AAPL`, `MSFT, SNE (people also search)`), as ids. */
function idsInText(text: string): SecurityId[] {
  const ids: (SecurityId | undefined)[] = [];
  for (const [, aShare, hk, us] of text.matchAll(/\b(\d{6})(?:\.S[HZ])?\b|\b(\d{4,5})\.HK\b|\b([A-Z]{1,5}(?:\.[A-Z])?)\b/g))
    ids.push(aShare ? aShareId(aShare) : hk ? hongKongId(hk) : usId(us!));
  return ids.filter((id): id is SecurityId => id !== undefined);
}

/** Per page, every security a reader names on it (subject and other mentions), from GROUND_TRUTH.csv. */
function namedOnPage(): Map<string, Set<SecurityId>> {
  return new Map(
    readTruth().map((row) => [row.file ?? '', new Set(idsInText(`${row.primary_tickers ?? ''} ${row.other_tickers_mentioned ?? ''}`))]),
  );
}

const readTruth = () =>
  Papa.parse<Record<string, string>>(readFileSync(join(CORPUS_PAGES_DIR, 'GROUND_TRUTH.csv'), 'utf8'), { header: true }).data;

/**
 * A part of the CSV's "other mentions" that is the site's chrome or not a listed company, by the CSV's own words
 * (sidebar, nav, header, footer, ads, related links, "people also search", headline lists, indices, unlisted): what
 * the lens leaves out by design.
 */
const CHROME_NOTE =
  /sidebar|\bnav\b|header|footer|\bads?\b|ad block|related|people also search|热门公司|ticker strip|indices|most-active|headlines|trap|unlisted|no companies/i;

/**
 * The code an item of the CSV gives its company: at its start (`AAPL`, `600868 梅雁吉祥`, `01171.HK (its H share)`,
 * `JPM (JPMorgan Chase …)`) or first in brackets after a name (`Walmart (WMT)`, `Shake Shack (SHAK, IPO news)`); the
 * CSV's prose (`H share`, `S&P Capital IQ`, `IMF`) gives none.
 */
function leadingCode(item: string): string {
  const code = String.raw`([A-Z]{2,5}(?:\.[A-Z])?|\d{6}(?:\.S[HZ])?|\d{4,5}\.HK)`;
  return (
    new RegExp(String.raw`^\s*${code}(?![\w&])`).exec(item)?.[1] ?? new RegExp(String.raw`[(（]\s*${code}\s*[,，)）]`).exec(item)?.[1] ?? ''
  );
}

/** Splits at commas and semicolons outside brackets. */
function topLevelItems(text: string, separators: RegExp): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const char of text) {
    if ('(（'.includes(char)) depth++;
    if (')）'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(char)) {
      items.push(item);
      item = '';
    } else item += char;
  }
  return [...items, item];
}

/**
 * Per page, the companies a reader names in its content (issue 11's "prominent company names"): the subjects and the
 * other mentions of GROUND_TRUTH.csv, less those its notes place in site chrome (a segment after "sidebar:", an item
 * marked "(nav)") and less codes the master does not list (delisted, or words the CSV's prose holds, like CPI).
 */
export function prominentOnPage(listed: (id: SecurityId) => boolean): Map<string, Set<SecurityId>> {
  return new Map(
    readTruth().map((row) => {
      const others = topLevelItems(row.other_tickers_mentioned ?? '', /;/)
        .filter((segment) => !CHROME_NOTE.test(segment.split(':')[0] ?? ''))
        .flatMap((segment) => topLevelItems(segment, /[,;]/))
        .filter((item) => !CHROME_NOTE.test(item));
      const items = [...topLevelItems(row.primary_tickers ?? '', /[,;]/), ...others];
      const ids = items.flatMap((item) => idsInText(leadingCode(item))).filter(listed);
      return [row.file ?? '', new Set(ids)];
    }),
  );
}

/**
 * The CLI's answer for one page, in-process (`detectPage` with `cliParseContext`: what `cli detect` prints), read
 * with the whole securities master as `cli detect` reads it (the extension's library is empty here), so the two
 * agree only if the tab, asking the worker about its page's text, reads the page as the whole master does.
 */
async function cliDetector() {
  readMasterFromDisk();
  const { dictionary, matcher } = await cliParseContext(undefined);
  const deps = {
    matcher,
    listingsOf: (id: SecurityId) => dictionary.issuerListings(id),
    nameOf: (id: SecurityId) => dictionary.displayName(id),
  };
  const detect = async (file: string, url: string) =>
    (await detectPage(decodeText(new Uint8Array(readFileSync(join(CORPUS_PAGES_DIR, file)))).text, url, deps)).securities.map((s) => s.id);
  return Object.assign(detect, { listingsOf: deps.listingsOf, listed: (id: SecurityId) => dictionary.get(id) !== undefined });
}

/** Polls the tab until its answer has stayed the same for a while: the lens has read the page. */
async function settledPageSecurities(browser: ExtensionBrowser, tabId: number): Promise<PageSecurities | undefined> {
  let last = '';
  let same = 0;
  let answer: PageSecurities | undefined;
  for (let round = 0; round < 40 && same < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    answer = await tabPageSecurities(browser, tabId);
    const key = JSON.stringify(answer ?? null);
    same = key === last && answer ? same + 1 : 0;
    last = key;
  }
  return answer;
}

/**
 * Loads each corpus page in the built extension (mark-all mode must be on, pages' scripts and remote loads off),
 * reads its marks and the popup's page securities, runs `cli detect` on the same file with the same URL, and scores
 * both against `expected.json` and GROUND_TRUTH.csv.
 */
export async function scoreCorpusPages(browser: ExtensionBrowser, files = corpusPageFiles()): Promise<PageScore[]> {
  const expected = readExpected();
  const named = namedOnPage();
  const detect = await cliDetector();
  const prominent = prominentOnPage(detect.listed);
  const served = await serveCorpusPages(CORPUS_PAGES_DIR);
  const scores: PageScore[] = [];
  try {
    for (const file of files) {
      const page = await browser.context.newPage();
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const url = `${served.origin}/${file}`;
      await page.goto(url, { waitUntil: 'load' });
      const tabId = await browser.tabIdOf(url);
      const found = tabId === undefined ? undefined : await settledPageSecurities(browser, tabId);
      const marks = (await markedTexts(page))?.length ?? 0;
      await page.close();
      const extension = (found?.securities ?? []).map(({ id, count }) => ({ id, count }));
      const cli = await detect(file, url);
      const want = expected.primary[file] ?? [];
      const marked = extension.filter((s) => s.count > 0).map((s) => s.id);
      // A reader naming a company names each of its listings (Alibaba: US:BABA and HK:09988).
      const allowed = new Set([...want, ...(named.get(file) ?? [])].flatMap((id) => detect.listingsOf(id)));
      // One per issuer a reader names in the content (Alibaba once, whichever listing the CSV writes).
      const issuers = new Map([...(prominent.get(file) ?? [])].map((id) => [detect.listingsOf(id).sort().join(), id]));
      const namedMarked = [...issuers.values()].filter((id) => detect.listingsOf(id).some((listing) => marked.includes(listing)));
      scores.push({
        file,
        kind: want.length ? 'subject' : expected.aboutNone.includes(file) ? 'none' : 'unscored',
        expected: want,
        extension,
        marks,
        cli,
        agree: [...new Set(cli)].sort().join() === [...new Set(extension.map((s) => s.id))].sort().join(),
        recall: want.length ? want.filter((id) => extension.some((s) => s.id === id)).length / want.length : undefined,
        precision: marked.length ? marked.filter((id) => allowed.has(id)).length / marked.length : undefined,
        subjectMarked: marked.some((id) => want.includes(id)),
        subjectFirst: extension[0] !== undefined && want.includes(extension[0].id),
        named: issuers.size,
        namedMarked: namedMarked.length,
      });
    }
  } finally {
    await served.close();
  }
  return scores;
}

const percent = (value: number | undefined) => (value === undefined ? '–' : `${Math.round(value * 100)} %`);

/** The scores as a Markdown table (per page) and a summary line, for the console, `test-results/` and the README. */
export function scoreTable(scores: PageScore[]): string {
  const lines = [
    '| page | subject (expected) | popup lists first | marks | securities marked | precision | recall | CLI agrees |',
    '| --- | --- | --- | ---: | --- | ---: | ---: | --- |',
  ];
  for (const s of scores) {
    const marked = s.extension.filter((e) => e.count > 0).map((e) => `${e.id}×${e.count}`);
    lines.push(
      `| ${s.file} | ${s.kind === 'subject' ? s.expected.slice(0, 3).join(', ') + (s.expected.length > 3 ? ` (+${s.expected.length - 3})` : '') : s.kind} | ${s.extension[0]?.id ?? '–'} | ${s.marks} | ${marked.slice(0, 4).join(' ') + (marked.length > 4 ? ` (+${marked.length - 4})` : '')} | ${percent(s.precision)} | ${percent(s.recall)} | ${s.agree ? 'yes' : 'no'} |`,
    );
  }
  return `${lines.join('\n')}\n\n${scoreSummary(scores)}`;
}

/** One line: subject found, marked and first on pages with one; marks on pages about none; agreement. */
export function scoreSummary(scores: PageScore[]): string {
  const withSubject = scores.filter((s) => s.kind === 'subject');
  const none = scores.filter((s) => s.kind === 'none');
  const count = (list: PageScore[], test: (s: PageScore) => boolean) => list.filter(test).length;
  return [
    `pages with a subject: found ${count(withSubject, (s) => (s.recall ?? 0) > 0)}/${withSubject.length}`,
    `marked ${count(withSubject, (s) => s.subjectMarked)}/${withSubject.length}`,
    `listed first ${count(withSubject, (s) => s.subjectFirst)}/${withSubject.length}`,
    `pages about none with at most one mark: ${count(none, (s) => s.marks <= 1)}/${none.length} (marks ${none.map((s) => s.marks).join(' + ')})`,
    `CLI and extension agree: ${count(scores, (s) => s.agree)}/${scores.length}`,
    `companies GROUND_TRUTH.csv names in the content marked: ${namedMarked(scores)}`,
  ].join('; ');
}

/**
 * Companies a reader names on the pages (GROUND_TRUTH.csv), and how many of them the extension marks: on the pages
 * about a listed company (where issue 11's "prominent company names" stand), and over every page. On the pages about
 * none, the names the CSV lists are sources a story cites in passing (a bank's forecast in foreign-exchange news, the
 * chains a shopping tip names); issue 12 wants at most one mark there, so they are counted apart.
 */
export function namedMarked(scores: PageScore[]): string {
  const tally = (list: PageScore[]) => {
    const named = list.reduce((sum, s) => sum + s.named, 0);
    const marked = list.reduce((sum, s) => sum + s.namedMarked, 0);
    return `${marked}/${named} (${named ? Math.round((marked / named) * 100) : 0} %)`;
  };
  return `${tally(scores.filter((s) => s.kind !== 'none'))} on pages not about none, ${tally(scores)} on every page`;
}

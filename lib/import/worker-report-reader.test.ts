import { afterEach, expect, test } from 'vitest';
import { createSecurityMatcher } from '../detect/find-securities';
import type { ParseContext } from '../reports/parse-report';
import { bundledDictionary } from '../securities/dictionary';
import { sourcesAt } from '../cli/node-sources';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { parseSelection } from './import-report-files';
import type { ImportSource } from './read-import-entries';
import { serveImportReads } from './serve-import-reads';
import { workerReportReader } from './worker-report-reader';

/** A fresh library's dictionary and matcher: each side (page, every worker) gets its own, as in the browser. */
const contextOf = (): ParseContext => {
  const dictionary = bundledDictionary();
  return { dictionary, matcher: createSecurityMatcher(dictionary.entries()) };
};

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((channel) => channel.port1.close()));

/** Import workers over message channels: the same protocol and structured clone as real workers, in this thread. */
function workers(count: number) {
  return Array.from({ length: count }, () => {
    const channel = new MessageChannel();
    channels.push(channel);
    serveImportReads(channel.port2, async () => contextOf());
    return Object.assign(channel.port1, { terminate: () => channel.port1.close() });
  });
}

const file = (name: string, text: string) => new File([text], name);
/** A source that repeats a sign-off, a post naming 光迅星科 before the post that teaches it, HTML, an empty file. */
const SELECTION = [
  ...Array.from({ length: 6 }, (_, i) =>
    file(
      `blog/${i}.md`,
      `---\ntitle: 周报 ${i}\nsource: 光研社\n---\n\n阿里巴巴本周点评（${i}）。\n\n光迅星科需求旺盛。\n\n关注我们的直播，每周三晚八点不见不散。\n`,
    ),
  ),
  file('blog/teacher.md', '---\ntitle: 订单\nsource: 光研社\n---\n\n光迅星科（002281.SZ）获得新订单。\n'),
  file('page.html', '<html><body><h1>谷歌简评</h1><p>谷歌（GOOGL）广告收入稳健，云业务加速。</p></body></html>'),
  file('empty.md', ''),
];

/** What a selection parses to: reports (their extraction), failures and aliases, in order. */
async function parsed(sources: readonly ImportSource[], reader?: ReturnType<typeof workerReportReader>) {
  const { reports, failed, aliases } = await parseSelection(sources, contextOf(), undefined, undefined, undefined, reader);
  return { reports: reports.map(({ importedAt: _at, ...report }) => report), failed, aliases };
}

test('reading in import workers gives what reading in the page gives: late names, repeated lines, HTML read in the page, failures', async () => {
  const inPage = await parsed(SELECTION);
  const inWorkers = await parsed(SELECTION, workerReportReader(workers(2), 'test'));
  expect(inWorkers).toEqual(inPage);
  // The case is the one meant: the name taught last reaches the posts before it, the sign-off is no summary.
  expect(inPage.aliases.map((alias) => alias.alias)).toEqual(['光迅星科']);
  expect(inPage.reports.filter((report) => report.securityIds.includes('SZ:002281'))).toHaveLength(7);
  expect(inPage.reports.map((report) => report.summary)).not.toContain('关注我们的直播，每周三晚八点不见不散。');
  expect(inPage.reports.find((report) => report.fileName === 'page.html')?.securityIds).toContain('US:GOOGL');
  expect(inPage.failed).toEqual([{ file: 'empty.md', reason: expect.any(String) }]);
});

test.skipIf(!SHARED_AVAILABLE)(
  `the shared corpus's posts read in workers as in the page${SHARED_AVAILABLE ? '' : ` (${SHARED_MISSING_REASON})`}`,
  async () => {
    const sources = await sourcesAt(sharedPath('corpus', 'reports'));
    const inPage = await parsed(sources);
    const inWorkers = await parsed(sources, workerReportReader(workers(2), 'test'));
    expect(inPage.reports.length).toBeGreaterThan(300);
    expect(inWorkers).toEqual(inPage);
  },
  120_000,
);

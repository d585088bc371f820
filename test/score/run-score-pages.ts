/**
 * `npm run score:pages`: the built extension (`npm run build:e2e`) in Debian's Chromium, mark-all mode, over every
 * saved page in `../shared/corpus/pages`; prints precision and recall per page and writes them to
 * `test-results/score-pages.{md,json}`. Exits 1 without the corpus.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchWithExtension } from '../support/launch-extension';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON } from '../support/shared-corpus';
import { setMarkAll } from '../support/tab-page-securities';
import { scoreCorpusPages, scoreTable } from './score-corpus';

if (!SHARED_AVAILABLE) {
  console.error(SHARED_MISSING_REASON);
  process.exit(1);
}
const browser = await launchWithExtension();
try {
  await setMarkAll(browser, true);
  const scores = await scoreCorpusPages(browser);
  const table = scoreTable(scores);
  console.log(table);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/score-pages.md', `${table}\n`);
  writeFileSync('test-results/score-pages.json', `${JSON.stringify(scores, null, 2)}\n`);
} finally {
  await browser.close();
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/launch-extension';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON } from '../support/shared-corpus';
import { setMarkAll } from '../support/tab-page-securities';
import { scoreCorpusPages, scoreSummary, scoreTable, type PageScore } from '../score/score-corpus';

/**
 * Share of the dev pages with a subject on which it must be found (issue 12: 95 %). Tabs ask the worker about their
 * page's text and read it as the whole master does, so small caps count as in `cli detect`.
 */
const MIN_SUBJECT_FOUND = 0.95;
/** Share of the companies a reader names on pages about a listed company that must be marked (issue 11: 90 %). */
const MIN_PROMINENT_MARKED = 0.9;
/** Pages about no listed company may carry at most this many marks (a name the article really mentions in passing). */
const MAX_MARKS_ABOUT_NONE = 1;

describe.skipIf(!SHARED_AVAILABLE)(
  `corpus pages scored in the built extension (${SHARED_AVAILABLE ? 'present' : SHARED_MISSING_REASON})`,
  () => {
    let browser: ExtensionBrowser;
    let scores: PageScore[] = [];
    beforeAll(async () => {
      browser = await launchWithExtension();
      await setMarkAll(browser, true);
      scores = await scoreCorpusPages(browser);
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/score-pages.md', `${scoreTable(scores)}\n`);
      writeFileSync('test-results/score-pages.json', `${JSON.stringify(scores, null, 2)}\n`);
      console.log(scoreSummary(scores));
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
    });

    test('the CLI and the extension find the same securities on every page', () => {
      const disagree = scores.filter((s) => !s.agree).map((s) => ({ file: s.file, extension: s.extension.map((e) => e.id), cli: s.cli }));
      expect(scores.length).toBeGreaterThan(20);
      expect(disagree).toEqual([]);
    });

    test('pages about a security: the subject is found, and listed first', () => {
      const withSubject = scores.filter((s) => s.kind === 'subject');
      const found = withSubject.filter((s) => (s.recall ?? 0) > 0);
      expect(found.length / withSubject.length).toBeGreaterThanOrEqual(MIN_SUBJECT_FOUND);
      // Found means listed first: the popup never puts another security above a subject it knows.
      expect(found.filter((s) => !s.subjectFirst).map((s) => s.file)).toEqual([]);
    });

    test('pages about a listed company: at least 90 % of the companies the page names are marked', () => {
      const about = scores.filter((s) => s.kind !== 'none');
      const named = about.reduce((sum, s) => sum + s.named, 0);
      const marked = about.reduce((sum, s) => sum + s.namedMarked, 0);
      expect(named).toBeGreaterThan(50);
      expect(marked / named).toBeGreaterThanOrEqual(MIN_PROMINENT_MARKED);
    });

    test('pages about no listed company carry at most one mark', () => {
      const none = scores.filter((s) => s.kind === 'none');
      expect(none.length).toBeGreaterThan(5);
      const noisy = none.filter((s) => s.marks > MAX_MARKS_ABOUT_NONE).map((s) => `${s.file}: ${s.marks}`);
      expect(noisy).toEqual([]);
    });
  },
);

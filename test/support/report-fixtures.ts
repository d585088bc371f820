import { readFileSync } from 'node:fs';
import { createSecurityMatcher } from '../../lib/detect/find-securities';
import type { ParseContext } from '../../lib/reports/parse-report';
import { bundledDictionary } from '../../lib/securities/dictionary';

/** The report fixtures we wrote (`test/fixtures/reports/`), and the parse context of a fresh library. */

/** The folder of report fixtures. */
export const REPORT_FIXTURES = new URL('../fixtures/reports/', import.meta.url);
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, REPORT_FIXTURES)));
export const fixtureFile = (name: string, as = name) => new File([fixtureBytes(name)], as);
/** The fixtures that import cleanly, one per format. */
export const GOOD_FIXTURES = ['alibaba-q3-note.md', 'amazon-retail.html', 'google-brief.txt'];

/** The dictionary and matcher as a fresh library has them (bundled list only). */
export function freshContext(): ParseContext {
  const dictionary = bundledDictionary();
  return { dictionary, matcher: createSecurityMatcher(dictionary.entries()) };
}

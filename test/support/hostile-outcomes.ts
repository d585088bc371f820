import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One hostile-input case and what became of it: the record every hostile suite writes (unit tests in Node and
 * end-to-end tests in Chromium alike) and `test/hostile/print-hostile-summary.ts` adds up. Every figure but `ms`
 * must be zero for the suite to pass.
 */
export interface HostileOutcome {
  /** Kind of attack: `zip`, `yaml`, `backup`, `encoding`, `redos`, `fuzz`, `durability`, `xss`, `messaging` … */
  category: string;
  /** The case, in a few words. */
  case: string;
  /** What should happen, as a reader would check it. */
  expected: string;
  /** Something threw (or the page crashed) instead of a result with a reason. */
  crashed: boolean;
  /** It did not finish within its stated bound. */
  hung: boolean;
  /** The library was left with part of an input that was refused, or a report without its index rows. */
  partialImport: boolean;
  /** Script payloads that ran (XSS corpus). */
  payloadsExecuted: number;
  /** Network requests made where none may be (remote images, CSS url(), …). */
  requestsMade: number;
  /** Inputs or messages accepted that should have been refused. */
  wronglyAccepted: number;
  /** Time the case took, in milliseconds. */
  ms: number;
}

/** Where the suites write their outcomes, relative to the project root (the working directory of every test run). */
export const HOSTILE_RESULTS_DIR = join('test-results', 'hostile');

/** Writes one suite's outcomes to `test-results/hostile/<suite>.json`, replacing what an earlier run of it wrote. */
export function writeHostileOutcomes(suite: string, outcomes: HostileOutcome[]): void {
  mkdirSync(HOSTILE_RESULTS_DIR, { recursive: true });
  writeFileSync(join(HOSTILE_RESULTS_DIR, `${suite}.json`), `${JSON.stringify(outcomes, null, 2)}\n`);
}

/** A passing outcome to spread and override: `{ ...cleanOutcome('zip', 'bomb', '…'), ms }`. */
export const cleanOutcome = (category: string, name: string, expected: string): HostileOutcome => ({
  category,
  case: name,
  expected,
  crashed: false,
  hung: false,
  partialImport: false,
  payloadsExecuted: 0,
  requestsMade: 0,
  wronglyAccepted: 0,
  ms: 0,
});

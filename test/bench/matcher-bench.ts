import { createSecurityMatcher } from '../../lib/detect/find-securities';
import { summarise, timeRuns, type Series } from './bench-stats';
import { syntheticDictionary, syntheticText } from './matcher-input';

/** Size of the dictionary and text (the detection issue's benchmark: 20k patterns, ~1 MB, ~2 mentions per KB). */
const PATTERNS = 20_000;
const TEXT_BYTES = 1024 * 1024;
/** UTF-16 units of the text the combined RegExp reads (16 KB): at its speed the whole megabyte would take minutes. */
const REGEXP_SAMPLE_UNITS = 8 * 1024;
/** Unmeasured runs of the matcher and the floor alike: on a page the matcher reads thousands of texts, warm. */
const WARMUP_RUNS = 20;
/** Measured rounds (one matcher run, one floor run each). */
const MEASURED_RUNS = 15;

export interface MatcherFigures {
  input: string;
  mbPerSec: { matcher: Series; floor: Series; regExp: Series };
  ratioToFloor: number;
  /** The ratio of each round (matcher and floor timed back to back), for its spread. */
  ratioToFloorPerRound: Series;
  ratioToRegExp: number;
  mentions: number;
}

/**
 * The floor: one `charCodeAt` per unit and an add, nothing a matcher could skip. A plain module-level function, so V8
 * optimises it like the matcher's own loop (inside a closure that writes a captured variable it ran at half speed).
 */
function charCodeSum(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Our matcher vs the floor (one charCodeAt pass summing the text: no matcher can be faster) vs one combined RegExp
 * of the same dictionary (names alternated longest first, plus the tickers), on the same text in the same run.
 */
export function benchMatcher(smoke: boolean): MatcherFigures {
  const entries = syntheticDictionary(smoke ? 2_000 : PATTERNS);
  const text = syntheticText(entries, smoke ? TEXT_BYTES / 8 : TEXT_BYTES);
  const megabytes = (text.length * 2) / 1024 / 1024;
  const runs = smoke ? 3 : MEASURED_RUNS;

  const matcher = createSecurityMatcher(entries);
  let mentions = 0;
  let sink = 0;
  const runOurs = () => (mentions = matcher.find(text).length);
  const runFloor = () => (sink ^= charCodeSum(text));
  // Both sides warm up alike, past V8's tiering (a loop runs at half speed until its optimised code is ready, and
  // which mode a short series lands in is a race), then are timed in alternation, so a load spike on this shared
  // machine falls on both and each round gives a ratio of its own.
  for (let i = 0; i < (smoke ? 2 : WARMUP_RUNS); i++) {
    runOurs();
    runFloor();
  }
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(...timeRuns(runOurs, 1, 0));
    floor.push(...timeRuns(runFloor, 1, 0));
  }
  const patterns = entries
    .flatMap((entry) => [...entry.names, entry.id.slice(3)])
    .sort((a, b) => b.length - a.length)
    .map(escape);
  const combined = new RegExp(patterns.join('|'), 'g');
  // The combined RegExp is thousands of times slower: it reads a leading slice of the same text, and its speed is
  // scaled per megabyte like the others.
  const regExpText = text.slice(0, REGEXP_SAMPLE_UNITS);
  const regExpMegabytes = (regExpText.length * 2) / 1024 / 1024;
  const regExp = timeRuns(() => (sink ^= regExpText.match(combined)?.length ?? 0), smoke ? 1 : 3, 0);
  if (sink === 0.5) console.log('');

  const speed = (times: number[], mb = megabytes) => summarise(times.map((ms) => mb / (ms / 1000)));
  const mbPerSec = { matcher: speed(ours), floor: speed(floor), regExp: speed(regExp, regExpMegabytes) };
  return {
    input: `${entries.length} securities (${patterns.length} patterns), ${megabytes.toFixed(2)} MB of mixed zh/en text (RegExp: its first ${Math.round(regExpMegabytes * 1024)} KB), ${mentions} mentions`,
    mbPerSec,
    ratioToFloor: mbPerSec.matcher.median / mbPerSec.floor.median,
    ratioToFloorPerRound: summarise(ours.map((ms, i) => floor[i]! / ms)),
    ratioToRegExp: mbPerSec.matcher.median / mbPerSec.regExp.median,
    mentions,
  };
}

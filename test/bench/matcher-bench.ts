import { createSecurityMatcher } from '../../lib/detect/find-securities';
import { summarise, timeRuns, type Series } from './bench-stats';
import { syntheticDictionary, syntheticText } from './matcher-input';

/** Size of the dictionary and text (the detection issue's benchmark: 20k patterns, ~1 MB, ~2 mentions per KB). */
const PATTERNS = 20_000;
const TEXT_BYTES = 1024 * 1024;
/** UTF-16 units of the text the combined RegExp reads (16 KB): at its speed the whole megabyte would take minutes. */
const REGEXP_SAMPLE_UNITS = 8 * 1024;

export interface MatcherFigures {
  input: string;
  mbPerSec: { matcher: Series; floor: Series; regExp: Series };
  ratioToFloor: number;
  ratioToRegExp: number;
  mentions: number;
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
  const runs = smoke ? 3 : 9;

  const matcher = createSecurityMatcher(entries);
  let mentions = 0;
  const ours = timeRuns(() => (mentions = matcher.find(text).length), runs);
  let sink = 0;
  const floor = timeRuns(() => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
    sink ^= sum;
  }, runs);
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
    ratioToRegExp: mbPerSec.matcher.median / mbPerSec.regExp.median,
    mentions,
  };
}

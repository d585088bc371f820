import { chineseVariantTable } from '../securities/chinese-variants';

/**
 * Buckets a character pair hashes into. A report of 10 KB sets ~1,500–2,500 of them (a fill of 10–15 %), so a
 * four-character name (three pairs) is falsely suspected in ~0.2 % of reports that lack it; the index costs
 * `GRAM_BUCKETS / 8` bytes per 8 reports whatever their size (2 KB a report, see `lib/db/name-index.ts`).
 */
export const GRAM_BUCKETS = 1 << 14;
const BUCKET_MASK = GRAM_BUCKETS - 1;

let foldTable: Uint16Array | undefined;

/**
 * Each UTF-16 unit's canonical form for the index: traditional → simplified as the matcher folds names
 * (`chineseVariantTable`), and ASCII upper case → lower case (a fold the matcher does not make only merges buckets,
 * so the index stays a superset of what it finds). 0 marks units that break a pair: ASCII spaces, punctuation and
 * markup, which no name pair needs and which would light the same few buckets in every report.
 */
function folds(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(65536);
  for (let unit = 0; unit < 65536; unit++) table[unit] = unit;
  for (const [from, to] of chineseVariantTable()) table[from] = to;
  for (let unit = 0; unit < 128; unit++) {
    const alnum = (unit >= 48 && unit <= 57) || (unit >= 97 && unit <= 122);
    table[unit] = unit >= 65 && unit <= 90 ? unit + 32 : alnum ? unit : 0;
  }
  return (foldTable = table);
}

/** The bucket of the folded pair (a, b): a 32-bit mix (murmur3's finaliser) so neighbouring characters spread. */
function bucketOf(a: number, b: number): number {
  let h = (a << 16) | b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & BUCKET_MASK;
}

/** Reused between texts: `seen[b] === stamp` marks bucket b as already listed for the current text. */
const seen = new Uint32Array(GRAM_BUCKETS);
let stamp = 0;
/** Reused between texts: the buckets found so far (a text has at most every bucket once). */
const found = new Uint16Array(GRAM_BUCKETS);

/**
 * The distinct buckets of every pair of adjacent units in `text`, folded (see {@link folds}); pairs with a unit that
 * folds to 0 are skipped. Whenever the matcher finds a name in a text, every pair of the name is a pair of the text,
 * so `nameBuckets(name) ⊆ textBuckets(text)`: the index may suspect a report wrongly, never miss one.
 */
export function textBuckets(text: string): Uint16Array {
  const fold = folds();
  if (++stamp === 0xffffffff) {
    seen.fill(0);
    stamp = 1;
  }
  let count = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = fold[text.charCodeAt(i)]!;
    if (unit !== 0 && previous !== 0) {
      const bucket = bucketOf(previous, unit);
      if (seen[bucket] !== stamp) {
        seen[bucket] = stamp;
        found[count++] = bucket;
      }
    }
    previous = unit;
  }
  return found.slice(0, count);
}

/**
 * The buckets a text must have for the matcher to find `name` in it, or undefined when the name has no pair to
 * look for (one character, or split by punctuation into single characters): then every report is a candidate.
 */
export function nameBuckets(name: string): Uint16Array | undefined {
  const buckets = textBuckets(name);
  return buckets.length ? buckets : undefined;
}

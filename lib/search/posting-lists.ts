/**
 * Set operations on posting lists: ascending arrays of document slots. The index appends slots in increasing order,
 * so every list is sorted without ever being sorted.
 */

/** A list much longer than the other is searched (galloping), not walked: `研报 12` walks the 2,000 reports of `12`. */
const GALLOP_RATIO = 8;

/** The first index in `list` from `from` on whose value is at least `value` (exponential, then binary search). */
function seek(list: readonly number[], value: number, from: number): number {
  let step = 1;
  let high = from;
  while (high < list.length && list[high]! < value) {
    from = high + 1;
    high += step;
    step *= 2;
  }
  high = Math.min(high, list.length);
  while (from < high) {
    const middle = (from + high) >> 1;
    if (list[middle]! < value) from = middle + 1;
    else high = middle;
  }
  return from;
}

/** Slots in both sorted lists. */
function intersectTwo(short: readonly number[], long: readonly number[]): number[] {
  const out: number[] = [];
  if (long.length > GALLOP_RATIO * short.length) {
    let at = 0;
    for (const value of short) {
      at = seek(long, value, at);
      if (at === long.length) break;
      if (long[at] === value) out.push(value);
    }
    return out;
  }
  for (let i = 0, j = 0; i < short.length && j < long.length;) {
    const a = short[i]!;
    const b = long[j]!;
    if (a === b) {
      out.push(a);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return out;
}

/** Slots in every one of the sorted lists (shortest first, so the work is bounded by the rarest term). */
export function intersectSorted(lists: readonly (readonly number[])[]): readonly number[] {
  if (!lists.length) return [];
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  let result: readonly number[] = first!;
  for (const list of rest) {
    if (!result.length) break;
    result = intersectTwo(result, list);
  }
  return result;
}

/** Slots in any of the sorted lists, sorted; `slots` is one past the largest slot. */
export function unionSorted(lists: readonly (readonly number[])[], slots: number): readonly number[] {
  if (lists.length <= 1) return lists[0] ?? [];
  const seen = new Uint8Array(slots);
  let count = 0;
  for (const list of lists)
    for (const slot of list)
      if (!seen[slot]) {
        seen[slot] = 1;
        count++;
      }
  const out = new Array<number>(count);
  for (let slot = 0, n = 0; n < count; slot++) if (seen[slot]) out[n++] = slot;
  return out;
}

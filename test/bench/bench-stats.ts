/** One measured series: its median and spread (min–max and the interquartile range), in the unit it was taken in. */
export interface Series {
  median: number;
  min: number;
  max: number;
  p25: number;
  p75: number;
  runs: number;
}

const quantile = (sorted: number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
};

/** Median and spread of samples. */
export function summarise(samples: number[]): Series {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    runs: sorted.length,
  };
}

/** p-th percentile of samples (0–100). */
export const percentile = (samples: number[], p: number) =>
  quantile(
    [...samples].sort((a, b) => a - b),
    p / 100,
  );

/** Milliseconds of `fn` over `runs` runs, after `warmup` unmeasured ones. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same input. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

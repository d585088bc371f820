/** One node of a V8 CPU profile (the DevTools protocol's `Profiler.ProfileNode`, the fields read here). */
export interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName?: string; lineNumber?: number };
  children?: number[];
}

/** A V8 CPU profile (`Profiler.stop`): sampled leaf nodes and the microseconds before each sample. */
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** When profiling started, in microseconds of the browser's monotonic clock. */
  startTime?: number;
}

/**
 * The profile's samples taken up to `endTime` (microseconds, the profile's own clock: {@link Profile.startTime}), so
 * a figure can stop at a moment of the page's life (the first marks drawn).
 */
export function profileUntil(profile: Profile, endTime: number): Profile {
  let time = profile.startTime ?? 0;
  let count = 0;
  while (count < profile.samples.length && time + (profile.timeDeltas[count] ?? 0) <= endTime) time += profile.timeDeltas[count++] ?? 0;
  return { ...profile, samples: profile.samples.slice(0, count), timeDeltas: profile.timeDeltas.slice(0, count) };
}

/** Where the main thread was at one sample. */
type SampleKind = 'ours' | 'gc' | 'page' | 'other';

/** What a profile says about our code's main-thread time. */
export interface ProfileTasks {
  /** Samples with our code anywhere on the stack, in ms. */
  extensionMs: number;
  /** Samples in the page's own scripts (and none of ours on the stack), in ms. */
  pageMs: number;
  /**
   * Unbroken runs of ≥ 50 ms of samples with our code anywhere on the stack; garbage collection between two of our
   * samples continues the run (it is our allocation's cost), anything else (idle, rendering, the page's code) ends it.
   */
  longTasks: number;
  /** The longest such run, in ms. */
  longestTaskMs: number;
  /** The old counter, for comparison: runs whose top frame is ours, restarting on any other sample (GC included). */
  longTasksTopFrame: number;
}

/** The Long Tasks API's threshold: a task of 50 ms or more delays input noticeably. */
export const LONG_TASK_MS = 50;

/**
 * Attributes each sample of a CPU profile: ours when any frame on its stack comes from `ourUrlPrefix` (so time in
 * native calls our code made, such as a style recalculation forced by `checkVisibility`, is ours too), the page's
 * when a frame comes from an `http(s)` script and none from ours.
 */
export function profileTasks(profile: Profile, ourUrlPrefix = 'chrome-extension://'): ProfileTasks {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const kinds = new Map<number, SampleKind>();
  const kindOf = (id: number): SampleKind => {
    const known = kinds.get(id);
    if (known) return known;
    let kind: SampleKind = 'other';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      if (frame.url.startsWith(ourUrlPrefix)) {
        kind = 'ours';
        break;
      }
      if (frame.functionName === '(garbage collector)') kind = 'gc';
      else if (kind === 'other' && /^https?:/.test(frame.url)) kind = 'page';
    }
    kinds.set(id, kind);
    return kind;
  };

  let extensionMs = 0;
  let pageMs = 0;
  let longTasks = 0;
  let longestTaskMs = 0;
  let run = 0;
  let gcInRun = 0;
  let topRun = 0;
  let longTasksTopFrame = 0;
  const closeRun = () => {
    if (run >= LONG_TASK_MS) longTasks++;
    longestTaskMs = Math.max(longestTaskMs, run);
    run = gcInRun = 0;
  };
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const kind = kindOf(sample);
    const topIsOurs = byId.get(sample)?.callFrame.url.startsWith(ourUrlPrefix) ?? false;
    if (topIsOurs) topRun += ms;
    else {
      if (topRun >= LONG_TASK_MS) longTasksTopFrame++;
      topRun = 0;
    }
    if (kind === 'ours') {
      extensionMs += ms;
      run += gcInRun + ms;
      gcInRun = 0;
    } else if (kind === 'gc' && run > 0) gcInRun += ms;
    else {
      if (kind === 'page') pageMs += ms;
      closeRun();
    }
  });
  closeRun();
  if (topRun >= LONG_TASK_MS) longTasksTopFrame++;
  return { extensionMs, pageMs, longTasks, longestTaskMs, longTasksTopFrame };
}

/** The functions of ours with the most self time (set BENCH_PROFILE_TOP=1 to see where marking time goes). */
export function topFunctions(profile: Profile, count = 15, ourUrlPrefix = 'chrome-extension://'): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((sample, i) => {
    const frame = byId.get(sample)?.callFrame;
    if (!frame?.url.startsWith(ourUrlPrefix)) return;
    const key = `${frame.functionName || '(anonymous)'}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(1)} ms ${key}`);
}

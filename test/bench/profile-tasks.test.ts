import { describe, expect, it } from 'vitest';
import { profileTasks, profileUntil, type Profile } from './profile-tasks';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1/bench.html';

/**
 * A profile tree: root → (program), (idle), (garbage collector), page() → pageLeaf(), ours() → native-in-ours (a
 * frame without URL under our code, as a forced style recalculation shows), and page() → ourListener().
 */
const NODES: Profile['nodes'] = [
  { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3, 4, 5, 7] },
  { id: 2, callFrame: { url: '', functionName: '(program)' } },
  { id: 3, callFrame: { url: '', functionName: '(idle)' } },
  { id: 4, callFrame: { url: '', functionName: '(garbage collector)' } },
  { id: 5, callFrame: { url: PAGE, functionName: 'page' }, children: [6, 9] },
  { id: 6, callFrame: { url: PAGE, functionName: 'pageLeaf' } },
  { id: 7, callFrame: { url: EXT, functionName: 'ours' }, children: [8] },
  { id: 8, callFrame: { url: '', functionName: 'checkVisibility' } },
  { id: 9, callFrame: { url: EXT, functionName: 'ourListener' } },
];
const ID = { program: 2, idle: 3, gc: 4, pageLeaf: 6, ours: 7, native: 8, ourListener: 9 } as const;

/** A profile of samples, each `[kind, ms]`. */
const profile = (samples: [keyof typeof ID, number][]): Profile => ({
  nodes: NODES,
  samples: samples.map(([kind]) => ID[kind]),
  timeDeltas: samples.map(([, ms]) => ms * 1000),
});

describe('profileTasks', () => {
  it.each<[string, [keyof typeof ID, number][], { longTasks: number; longestTaskMs: number; longTasksTopFrame: number }]>([
    [
      'a short task',
      [
        ['ours', 30],
        ['idle', 10],
      ],
      { longTasks: 0, longestTaskMs: 30, longTasksTopFrame: 0 },
    ],
    ['one long task', [['ours', 60]], { longTasks: 1, longestTaskMs: 60, longTasksTopFrame: 1 }],
    [
      'GC inside our task continues it (the old counter restarted there)',
      [
        ['ours', 30],
        ['gc', 5],
        ['ours', 30],
        ['idle', 1],
      ],
      { longTasks: 1, longestTaskMs: 65, longTasksTopFrame: 0 },
    ],
    [
      'a native call of ours (no URL on the leaf) is ours',
      [
        ['ours', 20],
        ['native', 40],
      ],
      { longTasks: 1, longestTaskMs: 60, longTasksTopFrame: 0 },
    ],
    ['our listener called from the page', [['ourListener', 55]], { longTasks: 1, longestTaskMs: 55, longTasksTopFrame: 1 }],
    [
      'a rendered frame between two slices ends the task',
      [
        ['ours', 30],
        ['program', 5],
        ['ours', 30],
      ],
      { longTasks: 0, longestTaskMs: 30, longTasksTopFrame: 0 },
    ],
    [
      'the page running between two slices ends the task',
      [
        ['ours', 30],
        ['pageLeaf', 5],
        ['ours', 30],
      ],
      { longTasks: 0, longestTaskMs: 30, longTasksTopFrame: 0 },
    ],
    [
      'GC after our task is not ours',
      [
        ['ours', 45],
        ['gc', 20],
        ['idle', 1],
      ],
      { longTasks: 0, longestTaskMs: 45, longTasksTopFrame: 0 },
    ],
    ['GC alone is no task', [['gc', 80]], { longTasks: 0, longestTaskMs: 0, longTasksTopFrame: 0 }],
  ])('%s', (_name, samples, expected) => {
    const tasks = profileTasks(profile(samples));
    expect({ longTasks: tasks.longTasks, longestTaskMs: tasks.longestTaskMs, longTasksTopFrame: tasks.longTasksTopFrame }).toEqual(
      expected,
    );
  });

  it('splits time between our code and the page', () => {
    const tasks = profileTasks(
      profile([
        ['ours', 10],
        ['ourListener', 5],
        ['pageLeaf', 7],
        ['gc', 3],
        ['idle', 100],
      ]),
    );
    expect(tasks.extensionMs).toBe(15);
    expect(tasks.pageMs).toBe(7);
  });
});

describe('profileUntil', () => {
  const run = {
    ...profile([
      ['ours', 10],
      ['idle', 5],
      ['ours', 20],
      ['ours', 30],
    ]),
    startTime: 1_000_000,
  };
  it.each([
    ['before the first sample', 1_005_000, 0],
    ['at a sample, which is kept', 1_010_000, 10],
    ['between samples', 1_020_000, 10],
    ['after the third', 1_035_000, 30],
    ['past the end: all of it', 9_000_000, 60],
  ])('%s', (_name, endTime, ms) => {
    expect(profileTasks(profileUntil(run, endTime)).extensionMs).toBe(ms);
  });
});

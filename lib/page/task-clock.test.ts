import { describe, expect, it } from 'vitest';
import { TaskClock } from './task-clock';

describe('TaskClock', () => {
  it.each<[string, ('begin' | 'end' | 'firstMarks' | number)[], ReturnType<TaskClock['times']>]>([
    ['nothing timed', [], { tasks: 0, longTasks: 0, longestMs: 0, totalMs: 0, milestones: {} }],
    ['one short task', ['begin', 10, 'end'], { tasks: 1, longTasks: 0, longestMs: 10, totalMs: 10, milestones: {} }],
    ['one long task', ['begin', 50, 'end'], { tasks: 1, longTasks: 1, longestMs: 50, totalMs: 50, milestones: {} }],
    [
      'begin inside a task goes on with it',
      ['begin', 30, 'begin', 30, 'end'],
      { tasks: 1, longTasks: 1, longestMs: 60, totalMs: 60, milestones: {} },
    ],
    [
      'end without a task counts nothing',
      ['end', 'begin', 5, 'end', 'end'],
      { tasks: 1, longTasks: 0, longestMs: 5, totalMs: 5, milestones: {} },
    ],
    [
      'time between tasks is not ours',
      ['begin', 20, 'end', 100, 'begin', 30, 'end'],
      { tasks: 2, longTasks: 0, longestMs: 30, totalMs: 50, milestones: {} },
    ],
    [
      'a milestone keeps its first time and the task time until then, the running task included',
      ['begin', 20, 'end', 100, 'begin', 5, 'firstMarks', 10, 'end', 'firstMarks'],
      { tasks: 2, longTasks: 0, longestMs: 20, totalMs: 35, milestones: { firstMarks: { at: 125, taskMs: 25 } } },
    ],
  ])('%s', (_name, steps, expected) => {
    let time = 0;
    const clock = new TaskClock(() => time);
    for (const step of steps) {
      if (step === 'begin') clock.begin();
      else if (step === 'end') clock.end();
      else if (step === 'firstMarks') clock.reached(step);
      else time += step;
    }
    expect(clock.times()).toEqual(expected);
  });

  it('ends the task while the page runs, and begins another after', async () => {
    let time = 0;
    const clock = new TaskClock(() => time);
    const yieldToPage = clock.yielding(async () => void (time += 100));
    clock.begin();
    time += 40;
    await yieldToPage();
    time += 40;
    clock.end();
    expect(clock.times()).toEqual({ tasks: 2, longTasks: 0, longestMs: 40, totalMs: 80, milestones: {} });
  });
});

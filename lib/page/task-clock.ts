/** A task of this length or more delays input noticeably (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** What a {@link TaskClock} measured: the content script's own tasks on the page's main thread. */
export interface TaskTimes {
  /** Tasks timed. */
  tasks: number;
  /** Tasks of {@link LONG_TASK_MS} or more. */
  longTasks: number;
  /** The longest task, in ms. */
  longestMs: number;
  /** All tasks together, in ms. */
  totalMs: number;
  /** Milestones of a page's first reading: when it was reached (`performance.now()`), and our task time until then. */
  milestones: Partial<Record<Milestone, { at: number; taskMs: number }>>;
}

/** `firstMarks`: the first marks are drawn (what the reader sees first); `allMarked`: the whole page's reading is drawn. */
export type Milestone = 'firstMarks' | 'allMarked';

/**
 * Times the lens's own main-thread tasks: each stretch of work from where it starts (or resumes after yielding to
 * the page) to where it yields or ends. Our own account of our cost, beside what a profiler samples; it cannot see
 * work the browser does for us after we yield (style and layout of a frame), which the profiler does.
 */
export class TaskClock {
  readonly #now: () => number;
  #start: number | undefined;
  readonly #times: TaskTimes = { tasks: 0, longTasks: 0, longestMs: 0, totalMs: 0, milestones: {} };

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** A task of ours starts (or resumes); a task already running goes on. */
  begin(): void {
    this.#start ??= this.#now();
  }

  /** The running task ends (it yields to the page or is done). */
  end(): void {
    if (this.#start === undefined) return;
    const ms = this.#now() - this.#start;
    this.#start = undefined;
    const times = this.#times;
    times.tasks++;
    times.totalMs += ms;
    times.longestMs = Math.max(times.longestMs, ms);
    if (ms >= LONG_TASK_MS) times.longTasks++;
  }

  /** `yieldToPage` with the task ended before it yields and another begun when the page hands back. */
  yielding(yieldToPage: () => Promise<void>): () => Promise<void> {
    return async () => {
      this.end();
      await yieldToPage();
      this.begin();
    };
  }

  /** Notes the first time a milestone is reached, with our task time so far (the running task's part included). */
  reached(milestone: Milestone): void {
    const now = this.#now();
    const running = this.#start === undefined ? 0 : now - this.#start;
    this.#times.milestones[milestone] ??= { at: now, taskMs: this.#times.totalMs + running };
  }

  /** What was timed so far (a copy). */
  times(): TaskTimes {
    return { ...this.#times, milestones: { ...this.#times.milestones } };
  }
}

import { expect, test } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, POLL_INTERVAL_MS, nextPollAt } from './poll-schedule';

test.each([
  [0, POLL_INTERVAL_MS],
  [1, FIRST_RETRY_MS],
  [2, 2 * FIRST_RETRY_MS],
  [3, 4 * FIRST_RETRY_MS],
  [7, 64 * FIRST_RETRY_MS],
  [8, MAX_RETRY_MS],
  [1000, MAX_RETRY_MS],
])('after %i failures the next poll is %i ms later', (failures, wait) => expect(nextPollAt(1_000, failures)).toBe(1_000 + wait));

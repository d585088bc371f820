import { describe, expect, test } from 'vitest';
import { TopK } from './top-k';

const lessFirst = (a: number, b: number) => a < b;

describe('top k', () => {
  test.each([
    [[5, 1, 4, 2, 3], 3, [1, 2, 3]],
    [[5, 1, 4, 2, 3], 10, [1, 2, 3, 4, 5]],
    [[3, 3, 1, 3], 2, [1, 3]],
    [[], 3, []],
    [[1, 2], 0, []],
  ])('%j, k = %i gives %j', (items, k, expected) => {
    const top = new TopK(k, lessFirst);
    for (const item of items) top.push(item);
    expect(top.sorted()).toEqual(expected);
  });

  test('agrees with a full sort on random input', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: Math.floor(random() * 300) }, () => Math.floor(random() * 100));
      const k = Math.floor(random() * 40);
      const top = new TopK(k, lessFirst);
      for (const item of items) top.push(item);
      expect(top.sorted()).toEqual([...items].sort((a, b) => a - b).slice(0, k));
    }
  });
});

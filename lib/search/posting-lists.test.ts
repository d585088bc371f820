import { describe, expect, test } from 'vitest';
import { appendSlot, intersectPostings, unionPostings, type Posting } from './posting-lists';

/** A posting of `slots` as the index builds it: appended one by one, with a bitset once long and common. */
const posting = (slots: number[], total: number): Posting => {
  const built: Posting = { slots: [] };
  for (const slot of slots) appendSlot(built, slot, Math.max(slot + 1, total));
  return built;
};

describe('posting lists', () => {
  test('intersection and union agree with plain sets, with and without bitsets', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 40; round++) {
      const total = 500 + Math.floor(random() * 5_000);
      const lists = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const share = [0.001, 0.05, 0.5, 0.95][Math.floor(random() * 4)]!;
        return Array.from({ length: total }, (_, slot) => slot).filter(() => random() < share);
      });
      const postings = lists.map((slots) => posting(slots, total));
      const expectedAnd = lists[0]!.filter((slot) => lists.every((list) => list.includes(slot)));
      const expectedOr = [...new Set(lists.flat())].sort((a, b) => a - b);
      expect(intersectPostings(postings)).toEqual(expectedAnd);
      expect(unionPostings(postings, total).slots).toEqual(expectedOr);
    }
  });

  test('a long list that holds much of the library keeps a bitset; a short or rare one does not', () => {
    expect(
      posting(
        Array.from({ length: 2_000 }, (_, i) => i),
        2_000,
      ).bits,
    ).toBeDefined();
    expect(
      posting(
        Array.from({ length: 500 }, (_, i) => i),
        500,
      ).bits,
    ).toBeUndefined();
    expect(
      posting(
        Array.from({ length: 2_000 }, (_, i) => i * 50),
        100_000,
      ).bits,
    ).toBeUndefined();
  });

  test('no lists intersect to nothing', () => {
    expect(intersectPostings([])).toEqual([]);
  });
});

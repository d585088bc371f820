import { expect, test } from 'vitest';
import { codeStartPairs, mayStartCode } from './code-at';

test('codeStartPairs is every ASCII pair mayStartCode lets through', () => {
  const all: [number, number][] = [];
  for (let a = 0; a < 128; a++) for (let b = 0; b < 128; b++) if (mayStartCode(a, b)) all.push([a, b]);
  const key = ([a, b]: [number, number]) => a * 128 + b;
  expect(
    codeStartPairs()
      .map(key)
      .sort((x, y) => x - y),
  ).toEqual(all.map(key).sort((x, y) => x - y));
  expect(all.length).toBeGreaterThan(500);
});

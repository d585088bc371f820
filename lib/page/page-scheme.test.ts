import { expect, test } from 'vitest';
import { schemeOfColor } from './page-scheme';

test.each([
  ['rgb(255, 255, 255)', 'light'],
  ['rgb(18, 18, 18)', 'dark'],
  ['rgba(0, 0, 0, 0)', undefined],
  ['rgba(13, 17, 23, 1)', 'dark'],
  ['rgb(128, 128, 128)', 'light'],
  ['rgb(60 60 60 / 90%)', 'dark'],
  ['transparent', undefined],
])('%s → %s', (color, scheme) => {
  expect(schemeOfColor(color)).toBe(scheme);
});

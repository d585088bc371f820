import { describe, expect, test } from 'vitest';
import { codeAt, isAlnum, mayStartCode } from './code-at';

/** Pieces code spellings and the prose around them are made of. */
const PIECES = [
  ...['$', 'NASDAQ', 'Nasdaq', 'NYSE', 'Nyse', 'NYSEARCA', 'AMEX', 'NYSEAMERICAN', ':', ': ', '：', ' ', '(', ')', '（', '）'],
  ...['AMZN', 'A', 'BRK', 'IT', 'Q', 'x', 'Ab', '.O', '.OQ', '.N', '.B', '.HK', '.hk', '.SH', '.ss', '.SZ', '.BJ', '-US', '-', '.'],
  ...['sh', 'SH', 'sz', 'SZ', 'bj', 'BJ', 'hk', 'HK', 'Sh', '600519', '09988', '9988', '2015', '00700', '3', '3.5', '腾讯'],
];

/** A deterministic generator (an LCG), so a failure names a text that can be replayed. */
function texts(count: number): string[] {
  let state = 1;
  const next = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(6) }, () => PIECES[next(PIECES.length)]).join(''));
}

describe('mayStartCode', () => {
  test('lets through the first two units of every code spelling codeAt reads at a word start', () => {
    const missed: string[] = [];
    for (const text of texts(20_000))
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (!(unit === 36 || isAlnum(unit)) || isAlnum(text.charCodeAt(i - 1))) continue;
        const { hit } = codeAt(text, i);
        const counts = hit && (hit.kind === 'strong' ? hit.id : hit.code.length >= 2);
        if (counts && !mayStartCode(unit, text.charCodeAt(i + 1))) missed.push(`${text} @${i}`);
      }
    expect(missed).toEqual([]);
  });

  test.each([
    ['$A', true],
    ['$a', false],
    ['60', true],
    ['6.', false],
    ['AM', true],
    ['A.', true],
    ['A-', true],
    ['Na', true],
    ['Ny', true],
    ['Am', false],
    ['sh', true],
    ['hk', true],
    ['sa', false],
    ['th', false],
  ])('%s: %s', (pair, expected) => {
    expect(mayStartCode(pair.charCodeAt(0), pair.charCodeAt(1))).toBe(expected);
  });
});

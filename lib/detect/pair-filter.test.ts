import { describe, expect, test } from 'vitest';
import { NameAutomaton } from './name-automaton';
import { PairFilter, nextPassingPair } from './pair-filter';

/** A deterministic generator (an LCG), so a failure names a text that can be replayed. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
}
const UNITS = ['a', 'Z', '3', '$', ' ', '腾', '讯', '騰', '茅', '台', '\ud83d', '\ude00', '。'];

describe('nextPassingPair', () => {
  test('stops exactly where the filter passes a pair (its written-out hashes are the filter’s)', () => {
    const next = generator(7);
    const filter = new PairFilter();
    for (let k = 0; k < 40; k++) filter.add(UNITS[next(UNITS.length)]!.charCodeAt(0), UNITS[next(UNITS.length)]!.charCodeAt(0));
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: next(30) }, () => UNITS[next(UNITS.length)]).join('');
      const expected: number[] = [];
      for (let i = 0; i + 1 < text.length; i++) if (filter.has(text.charCodeAt(i), text.charCodeAt(i + 1))) expected.push(i);
      const stops: number[] = [];
      for (
        let at = nextPassingPair(text, 0, filter.first, filter.second);
        at >= 0;
        at = nextPassingPair(text, at + 1, filter.first, filter.second)
      )
        stops.push(at);
      expect(stops, text).toEqual(expected);
    }
  });

  test.each([
    ['', 0, -1],
    ['腾', 0, -1],
    ['腾讯', 0, 0],
    ['腾讯', 1, -1],
    ['x腾讯', 0, 1],
    ['腾讯腾讯', 1, 2],
  ])('%j from %i: %i', (text, from, expected) => {
    const filter = new PairFilter();
    filter.add('腾'.charCodeAt(0), '讯'.charCodeAt(0));
    expect(nextPassingPair(text, from, filter.first, filter.second)).toBe(expected);
  });
});

test('NameAutomaton.mayStartAt is true wherever a name starts, in every spelling, and false for other starts', () => {
  const fold = new Uint16Array(65536).map((_, unit) => unit);
  fold['騰'.charCodeAt(0)] = '腾'.charCodeAt(0);
  fold['訊'.charCodeAt(0)] = '讯'.charCodeAt(0);
  const automaton = new NameAutomaton<string>(fold);
  automaton.add('腾讯控股', 'HK:00700');
  automaton.add('茅台', 'SH:600519');
  for (const text of ['腾讯控股', '騰訊控股', '腾訊控股', '茅台', '茅台。', '腾讯'])
    expect(automaton.longestEndAt(text, 0) < 0 || automaton.mayStartAt(text, 0), text).toBe(true);
  // Near the end of the text it cannot tell, and says so.
  expect(automaton.mayStartAt('腾讯', 0)).toBe(true);
  expect(automaton.mayStartAt('腾讯公司', 0)).toBe(false);
  expect(automaton.mayStartAt('茅山', 0)).toBe(true);
});

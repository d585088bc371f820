import { describe, expect, test } from 'vitest';
import { NameAutomaton } from './name-automaton';

const passes = (automaton: NameAutomaton<string>, pair: string) => automaton.filter.has(pair.charCodeAt(0), pair.charCodeAt(1));

describe('NameAutomaton', () => {
  test('longest match over names that share a start, across many names (table growth, chains)', () => {
    const automaton = new NameAutomaton<string>();
    for (let i = 0; i < 5_000; i++) automaton.add(`名称${i.toString(36)}甲`, `n${i}`);
    automaton.add('名称', 'short');
    automaton.add('名称1', 'one');
    expect(automaton.longestEndAt('名称1甲乙', 0)).toBe(4);
    expect(automaton.lastValues).toEqual(['n1']);
    expect(automaton.longestEndAt('名称1乙', 0)).toBe(3);
    expect(automaton.lastValues).toEqual(['one']);
    expect(automaton.longestEndAt('名称乙', 0)).toBe(2);
    expect(automaton.longestEndAt('名乙', 0)).toBe(-1);
  });

  test('the pair filter lets through every spelling that folds to a name, and its own pairs', () => {
    const fold = new Uint16Array(65536).map((_, unit) => unit);
    fold['騰'.charCodeAt(0)] = '腾'.charCodeAt(0);
    fold['訊'.charCodeAt(0)] = '讯'.charCodeAt(0);
    const automaton = new NameAutomaton<string>(fold);
    automaton.add('腾讯控股', 'HK:00700');
    for (const pair of ['腾讯', '騰讯', '腾訊', '騰訊']) {
      expect(passes(automaton, pair)).toBe(true);
      expect(automaton.mayStartName(pair.charCodeAt(0), pair.charCodeAt(1))).toBe(true);
    }
    expect(automaton.longestEndAt('騰訊控股', 0)).toBe(4);
    expect(automaton.mayStartName(36, 65)).toBe(false);
    automaton.allowPair(36, 65);
    expect(passes(automaton, '$A')).toBe(true);
    expect(automaton.mayStartName(36, 65)).toBe(false);
  });
});

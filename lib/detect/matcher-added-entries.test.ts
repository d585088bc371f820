import { describe, expect, test } from 'vitest';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { codeOf, marketOf, type SecurityId } from '../securities/security-id';
import { createSecurityMatcher, type MatcherOptions, type RankedEntry } from './find-securities';

/** The bundled list with a rank each (its order), and a few entries (ids unique) that share names with it. */
const RANKED: RankedEntry[] = [
  ...BUNDLED_SECURITIES.map((entry, rank) => ({ ...entry, rank })),
  { id: 'SZ:300998', names: ['平安新材', '平安'], weak: ['平安'], rank: 10_001 },
  { id: 'SH:688999', names: ['中国平安', '平安'], weak: ['平安'], issuer: 'pingan', rank: 10_000 },
  { id: 'US:ZZZA', names: ['Amazon', 'AMZN'], rank: 10_002 },
  { id: 'US:FB', names: ['Facebook old'], rank: 10_003 },
];
/** A listing's code as a bare word (tickers, six-digit codes). */
const bareCodeOf = (id: SecurityId) => (marketOf(id) === 'HK' ? undefined : codeOf(id));
const OPTIONS: MatcherOptions = { renamed: [['US:FB', 'US:META']], delisted: ['US:TWTR'] };

/** Texts naming every entry: each name, each bare code in brackets and alone, and a cashtag. */
const TEXTS = RANKED.flatMap((entry) => {
  const bare = bareCodeOf(entry.id);
  return [
    ...entry.names.map((name) => `据悉${name}今日公告，${name} shares rose`),
    ...(bare ? [`${entry.names[0] ?? ''}（${bare}）`, bare, `$${bare} up`] : []),
  ];
});
const mentionsOf = (matcher: ReturnType<typeof createSecurityMatcher>, codeSlot = false) =>
  TEXTS.map((text) => matcher.find(text, { codeSlot }).map((m) => `${m.start}-${m.end} ${m.id} ${m.rule}`));

describe('SecurityMatcher.addEntries', () => {
  const byRank = (entries: RankedEntry[]) => [...entries].sort((a, b) => a.rank! - b.rank!);
  test.each([
    ['every other entry added later', (_: RankedEntry, i: number) => i % 2 === 1],
    ['the shared names and codes added later', (entry: RankedEntry) => entry.rank! >= 10_000],
    ['the best-ranked half added later', (entry: RankedEntry) => entry.rank! < 300],
    ['nothing at first', () => true],
  ])('%s reads as one build from all of them', (_name, later) => {
    const whole = createSecurityMatcher(byRank(RANKED), OPTIONS);
    const first = RANKED.filter((entry, i) => !later(entry, i));
    const added = RANKED.filter((entry, i) => later(entry, i));
    const widened = createSecurityMatcher(byRank(first), OPTIONS);
    widened.addEntries(byRank(added));
    expect(mentionsOf(widened)).toEqual(mentionsOf(whole));
    expect(mentionsOf(widened, true)).toEqual(mentionsOf(whole, true));
  });

  test.each([
    ['with its rank, a name that wins over every built one reads as in one build', -1, true],
    ['can fail: without the rank, it would only be added after them', undefined, false],
  ])('%s', (_name, rank, same) => {
    const best = { ...RANKED.find((entry) => entry.id === 'SH:688999')!, rank: -1 };
    const rest = RANKED.filter((entry) => entry.id !== best.id);
    const whole = createSecurityMatcher(byRank([best, ...rest]), OPTIONS);
    const widened = createSecurityMatcher(byRank(rest), OPTIONS);
    widened.addEntries([{ ...best, rank }]);
    if (same) expect(mentionsOf(widened)).toEqual(mentionsOf(whole));
    else expect(mentionsOf(widened)).not.toEqual(mentionsOf(whole));
  });
});

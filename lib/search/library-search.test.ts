import { describe, expect, test } from 'vitest';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { buildLibrarySearch, type SearchableReport } from './library-search';
import { endsInWord, searchTokens } from './search-tokens';

const reports: SearchableReport[] = [
  { id: 'a', date: '2025-01-01', text: '阿里巴巴云业务点评 云智能收入增速回升', securityIds: ['HK:09988'] },
  { id: 'b', date: '2025-06-01', text: 'Amazon retail margins improve; AWS growth steady', securityIds: ['US:AMZN'] },
  { id: 'c', date: '2025-03-01', text: '光模块景气度跟踪：800G 出货放量', securityIds: [] },
  { id: 'd', date: '2024-03-01', text: 'Older Amazon note on logistics costs', securityIds: ['US:AMZN'] },
  { id: 'e', date: '2023-05-01', title: 'Margin outlook', text: 'Costs and pricing', securityIds: [] },
];
const search = buildLibrarySearch(reports, BUNDLED_SECURITIES);
const ids = (query: string) => search.search(query).hits.map((hit) => hit.id);

describe('library search', () => {
  test.each([
    ['Amazom', ['b', 'd']],
    ['amazon', ['b', 'd']],
    ['阿里巴巴', ['a']],
    ['亚马逊', ['b', 'd']],
    ['光模块', ['c']],
    ['800g', ['c']],
    ['logistics costs', ['d']],
    ['nothing like this', []],
    ['', []],
    // The last word is a prefix while it is typed: `marg` finds margins and Margin; a finished word does not.
    ['marg', ['e', 'b']],
    ['marg ', []],
    ['logistics co', ['d']],
    ['光模', ['c']],
    ['云', ['a']],
  ])('%j finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  test('a title holding the query ranks before newer reports that have it elsewhere; the total counts every match', () => {
    const index = buildLibrarySearch(
      [
        { id: 'old-title', date: '2020-01-01', title: '光伏 行业', text: '', securityIds: [] },
        { id: 'new-body', date: '2025-01-01', title: 'weekly', text: '光伏 装机', securityIds: [] },
        { id: 'newer-body', date: '2025-02-01', title: 'weekly', text: '光伏 出口', securityIds: [] },
      ],
      BUNDLED_SECURITIES,
    );
    expect(index.search('光伏', 2)).toMatchObject({ hits: [{ id: 'old-title' }, { id: 'newer-body' }], total: 3 });
  });

  test('reports added, replaced and removed one at a time are found as if the index were built anew', () => {
    const index = buildLibrarySearch(reports, BUNDLED_SECURITIES);
    index.add({ id: 'f', date: '2025-09-01', text: 'Amazon margins widen again', securityIds: ['US:AMZN'] });
    index.add({ id: 'b', date: '2025-06-01', text: 'rewritten note on retail', securityIds: [] });
    index.remove('d');
    index.remove('missing');
    const fresh = buildLibrarySearch(
      [
        ...reports.filter((r) => r.id !== 'b' && r.id !== 'd'),
        { id: 'f', date: '2025-09-01', text: 'Amazon margins widen again', securityIds: ['US:AMZN'] },
        { id: 'b', date: '2025-06-01', text: 'rewritten note on retail', securityIds: [] },
      ],
      BUNDLED_SECURITIES,
    );
    for (const query of ['amazon', 'margins', 'retail', 'logistics', 'Amazom', 'marg'])
      expect(index.search(query, 10), query).toEqual(fresh.search(query, 10));
    expect(index.search('logistics').total).toBe(0);
    expect([index.size, index.deadSlots]).toEqual([5, 2]);
  });

  test('common and rare queries rank alike: on a named security, then title, then text; newest first; every match counted', () => {
    let seed = 5;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const words = ['guidance', 'margins', 'cloud', 'rare'];
    const library = Array.from({ length: 3_000 }, (_, i) => {
      const pick = (share: number) => words.filter((word) => random() < (word === 'rare' ? 0.01 : share));
      return {
        id: `r${i}`,
        date: `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        title: pick(0.3).join(' '),
        text: pick(0.9).join(' '),
        securityIds: random() < 0.2 ? ['US:AMZN' as const] : [],
      };
    });
    const index = buildLibrarySearch(library, BUNDLED_SECURITIES);
    for (const id of ['r5', 'r77', 'r1500']) index.remove(id);
    const alive = library.filter((r) => !['r5', 'r77', 'r1500'].includes(r.id));
    for (const query of ['guidance ', 'guidance margins ', 'cloud rare ', 'rare ', 'amazon ']) {
      const terms = query.trim().split(' ');
      const has = (text: string) => terms.every((term) => text.split(' ').includes(term));
      const onSecurity = (r: (typeof library)[number]) => query.startsWith('amazon') && r.securityIds.length > 0;
      const tier = (r: (typeof library)[number]) => (onSecurity(r) ? 0 : has(r.title) ? 1 : 2);
      const matches = alive.filter((r) => onSecurity(r) || has(`${r.title} ${r.text}`));
      const expected = [...matches].sort(
        (a, b) => tier(a) - tier(b) || b.date.localeCompare(a.date) || Number(a.id.slice(1)) - Number(b.id.slice(1)),
      );
      const found = index.search(query, 50);
      expect(found.total, query).toBe(expected.length);
      expect(
        found.hits.map((hit) => hit.id),
        query,
      ).toEqual(expected.slice(0, 50).map((r) => r.id));
    }
  });

  test('many new words after a search are merged into the vocabulary: old and new prefixes both found', () => {
    const index = buildLibrarySearch(reports, BUNDLED_SECURITIES);
    expect(index.search('marg').total).toBe(2);
    for (let i = 0; i < 1_500; i++) index.add({ id: `n${i}`, text: `word${String(i).padStart(4, '0')} zebra`, securityIds: [] });
    expect([index.search('marg').total, index.search('word01').total, index.search('word1499').total, index.search('zeb').total]).toEqual([
      2, 100, 1, 1_500,
    ]);
  });

  test('the limit bounds the hits, not the total', () => {
    const many = buildLibrarySearch(
      Array.from({ length: 250 }, (_, i) => ({
        id: String(i),
        date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
        text: 'guidance raised',
        securityIds: [],
      })),
      BUNDLED_SECURITIES,
    );
    const { hits, total } = many.search('guidance', 100);
    expect([hits.length, total]).toEqual([100, 250]);
    expect(hits.every((hit, i) => i === 0 || many.search('guidance', 250).hits.findIndex((h) => h.id === hit.id) === i)).toBe(true);
  });
});

describe('search tokens', () => {
  test.each([
    ['阿里巴巴 Q3 Cloud', ['阿里', '里巴', '巴巴', 'q3', 'cloud']],
    ['阿里巴巴云', ['阿里', '里巴', '巴巴', '巴云']],
    ['US:AMZN 3.5%', ['us', 'amzn', '3', '5']],
    ['云', ['云']],
    ['Ünïcode naïve', ['ünïcode', 'naïve']],
    ['', []],
  ])('%j gives %j', (text, expected) => {
    expect(searchTokens(text)).toEqual(expected);
  });

  test.each([
    ['marg', true],
    ['marg ', false],
    ['光模', true],
    ['Amazon,', false],
    ['', false],
  ])('%j ends in a word being typed: %s', (query, expected) => {
    expect(endsInWord(query)).toBe(expected);
  });
});

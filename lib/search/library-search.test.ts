import { describe, expect, test } from 'vitest';
import { BUNDLED_SECURITIES } from '../securities/bundled-securities';
import { buildLibrarySearch, type SearchableReport } from './library-search';
import { searchTokens } from './search-tokens';

const reports: SearchableReport[] = [
  { id: 'a', date: '2025-01-01', text: '阿里巴巴云业务点评 云智能收入增速回升', securityIds: ['HK:09988'] },
  { id: 'b', date: '2025-06-01', text: 'Amazon retail margins improve; AWS growth steady', securityIds: ['US:AMZN'] },
  { id: 'c', date: '2025-03-01', text: '光模块景气度跟踪：800G 出货放量', securityIds: [] },
  { id: 'd', date: '2024-03-01', text: 'Older Amazon note on logistics costs', securityIds: ['US:AMZN'] },
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
  ])('%j finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  test('Chinese is searched by character pairs, Latin by words', () => {
    expect(searchTokens('阿里巴巴 Q3 Cloud')).toEqual(expect.arrayContaining(['阿里', '里巴', '巴巴', 'q3', 'cloud']));
  });
});

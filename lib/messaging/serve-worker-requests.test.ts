import { describe, expect, test } from 'vitest';
import { PAGE_TEXT_LIMIT } from './protocol';
import { admitRequest, RefusedRequest } from './serve-worker-requests';

const self = { id: 'ext-id', pageOrigin: 'chrome-extension://ext-id/' };
const tab = { id: 'ext-id', url: 'https://quote.eastmoney.com/sh600519.html' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };

describe('admitRequest', () => {
  test('tabs may ask read-only look-ups', () => {
    expect(admitRequest('getRelatedReports', { ids: ['HK:09988'] }, tab, self)).toEqual({ ids: ['HK:09988'] });
    expect(admitRequest('getTabDictionary', undefined, tab, self)).toBeUndefined();
    expect(admitRequest('getPageNames', { text: '申万宏源西部证券' }, tab, self)).toEqual({ text: '申万宏源西部证券' });
    expect(admitRequest('getPageNames', { text: 'a'.repeat(PAGE_TEXT_LIMIT) }, tab, self).text).toHaveLength(PAGE_TEXT_LIMIT);
  });

  test.each(['libraryChanged', 'getLibraryStats'] as const)('a tab may not send %s; an extension page may', (type) => {
    expect(() => admitRequest(type, undefined, tab, self)).toThrow(RefusedRequest);
    expect(() => admitRequest(type, undefined, page, self)).not.toThrow();
  });

  test.each([
    ['another extension', 'getTabDictionary', undefined, { id: 'other', url: 'chrome-extension://other/x.html' }],
    [
      'a page URL that only looks like ours',
      'libraryChanged',
      undefined,
      { id: 'ext-id', url: 'https://evil.test/chrome-extension://ext-id/' },
    ],
    ['malformed ids', 'getRelatedReports', { ids: ['<script>'] }, tab],
    ['too many ids', 'getRelatedReports', { ids: Array(51).fill('US:AMZN') }, tab],
    ['extra fields', 'getRelatedReports', { ids: [], __proto__: { admin: true }, extra: 1 }, tab],
    ['data where none is expected', 'getTabDictionary', { ids: [] }, tab],
    ['an unknown request', 'dropLibrary', undefined, page],
    ['a prototype key as request', '__proto__', undefined, page],
    ['a report id that is no hash', 'openReport', { reportId: '../../etc' }, tab],
    ['page text over the limit', 'getPageNames', { text: 'a'.repeat(PAGE_TEXT_LIMIT + 1) }, tab],
    ['page text not a string', 'getPageNames', { text: ['贵州茅台'] }, tab],
    ['page text with extra fields', 'getPageNames', { text: '贵州茅台', markAll: true }, tab],
    ['page names with no text', 'getPageNames', undefined, tab],
  ] as const)('refuses %s', (_why, type, data, sender) => {
    expect(() => admitRequest(type as never, data, sender, self)).toThrow(RefusedRequest);
  });
});

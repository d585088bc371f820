import { describe, expect, test } from 'vitest';
import { readFeedDocument } from './read-feed-document';

const URL_ = 'https://team.example/feed';
const doc = (contentType: string, text: string | Uint8Array) =>
  readFeedDocument({ status: 200, url: URL_, contentType, body: typeof text === 'string' ? new TextEncoder().encode(text) : text });

const JSON_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Notes',
  next_url: '/feed?page=2',
  items: [
    {
      id: 1,
      url: '/n/1',
      title: '茅台点评',
      content_html: '<p>贵州茅台（600519.SH）</p>',
      date_published: '2025-12-06T08:00:00+08:00',
      tags: ['白酒'],
    },
    { id: 'b', content_text: 'plain', date_published: 'soon' },
  ],
};

describe('readFeedDocument', () => {
  test('JSON Feed 1.1', () => {
    const read = doc('application/feed+json', JSON.stringify(JSON_FEED));
    expect(read).toMatchObject({ kind: 'feed', feed: { kind: 'json-feed', title: 'Notes', next: 'https://team.example/feed?page=2' } });
    if (read.kind !== 'feed') throw new Error('not a feed');
    expect(read.feed.entries).toEqual([
      {
        id: '1',
        title: '茅台点评',
        link: 'https://team.example/n/1',
        published: '2025-12-06T08:00:00+08:00',
        rawDate: '2025-12-06T08:00:00+08:00',
        categories: ['白酒'],
        html: '<p>贵州茅台（600519.SH）</p>',
        text: undefined,
      },
      { id: 'b', title: '', link: undefined, published: undefined, rawDate: 'soon', categories: [], html: undefined, text: 'plain' },
    ]);
  });

  test.each([
    ['text/plain', '<rss version="2.0"><channel><title>T</title></channel></rss>', 'rss'],
    ['', '{"version":"https://jsonfeed.org/version/1","items":[]}', 'json-feed'],
    [
      'application/rss+xml; charset=gbk',
      new Uint8Array([
        ...new TextEncoder().encode('<rss><channel><title>'),
        0xd1,
        0xd0,
        0xb1,
        0xa8,
        ...new TextEncoder().encode('</title></channel></rss>'),
      ]),
      'rss',
    ],
  ])('%s is read by its content (%s)', (type, text, kind) => {
    const read = doc(type, text);
    expect(read.kind === 'feed' && read.feed.kind).toBe(kind);
  });

  test('a GBK feed is decoded by its declared charset', () => {
    const read = doc(
      'application/rss+xml; charset=gbk',
      new Uint8Array([
        ...new TextEncoder().encode('<rss><channel><title>'),
        0xd1,
        0xd0,
        0xb1,
        0xa8,
        ...new TextEncoder().encode('</title></channel></rss>'),
      ]),
    );
    expect(read.kind === 'feed' && read.feed.title).toBe('研报');
  });

  test.each([
    ['text/html', '<html></html>', /served as text\/html, not a feed/],
    ['application/json', '{"version":"2"}', /not a JSON Feed: version is not a JSON Feed version/],
    ['application/json', '{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"no id"}]}', /item 1: id/],
    ['application/json', '{', /not valid JSON/],
    ['application/json', '{"format":"reportlens-library","version":0}', /broken library manifest/],
    ['text/plain', 'hello', /neither XML nor JSON/],
  ])('%s %s is refused', (type, text, reason) => expect(() => doc(type, text)).toThrow(reason));
});

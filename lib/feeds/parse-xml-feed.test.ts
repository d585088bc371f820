import { describe, expect, test } from 'vitest';
import { FeedError } from './feed-entry';
import { parseXmlFeed } from './parse-xml-feed';

const BASE = 'https://team.example/feed.xml';

/** The shape jekyll-feed writes (Atom, HTML content escaped, categories and tags as category terms). */
const JEKYLL_ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" >
<generator uri="https://jekyllrb.com/" version="4.3.4">Jekyll</generator>
<link href="https://team.example/feed.xml" rel="self" type="application/atom+xml" />
<link href="https://team.example/page2.xml" rel="next" />
<updated>2025-12-06T15:38:11+08:00</updated><id>https://team.example/feed.xml</id><title type="html">研究团队</title>
<entry><title type="html">腾讯控股：游戏&amp;广告双增长</title>
<link href="/2025/12/06/tencent.html" rel="alternate" type="text/html" />
<published>2025-12-06T15:38:11+08:00</published><updated>2025-12-06T15:38:11+08:00</updated>
<id>https://team.example/2025/12/06/tencent</id>
<content type="html" xml:base="/2025/12/06/tencent.html">&lt;h2&gt;简要部分&lt;/h2&gt;&lt;p&gt;腾讯控股（00700.HK）&amp;amp; more&lt;/p&gt;</content>
<category term="broker" /><category term="港股" /><summary type="html">short</summary></entry>
<entry><title>No content</title><link href="https://team.example/a.html"/><id>tag:a</id><updated>bad date</updated><summary>plain summary</summary></entry>
</feed>`;

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Notes</title><link>https://team.example/</link>
<item><title>Amazon note</title><link>https://team.example/amzn</link><guid isPermaLink="false">amzn-1</guid>
<pubDate>Sat, 06 Dec 2025 15:38:11 +0800</pubDate><category>US</category>
<description>short</description><content:encoded><![CDATA[<p>Amazon (NASDAQ: AMZN) <b>grew</b></p>]]></content:encoded></item>
<item><title>Only a link</title><link>https://team.example/b</link></item>
</channel></rss>`;

describe('parseXmlFeed', () => {
  test('reads a jekyll-feed Atom document', () => {
    const feed = parseXmlFeed(JEKYLL_ATOM, BASE);
    expect(feed).toMatchObject({ kind: 'atom', title: '研究团队', next: 'https://team.example/page2.xml' });
    expect(feed.entries[0]).toEqual({
      id: 'https://team.example/2025/12/06/tencent',
      title: '腾讯控股：游戏&广告双增长',
      link: 'https://team.example/2025/12/06/tencent.html',
      published: '2025-12-06T15:38:11+08:00',
      rawDate: '2025-12-06T15:38:11+08:00',
      categories: ['broker', '港股'],
      html: '<h2>简要部分</h2><p>腾讯控股（00700.HK）&amp; more</p>',
    });
    expect(feed.entries[1]).toMatchObject({ id: 'tag:a', published: undefined, rawDate: 'bad date', text: 'plain summary' });
  });

  test('reads RSS 2.0 with content:encoded', () => {
    const feed = parseXmlFeed(RSS, BASE);
    expect(feed.kind).toBe('rss');
    expect(feed.entries[0]).toMatchObject({
      id: 'amzn-1',
      link: 'https://team.example/amzn',
      published: '2025-12-06T15:38:11+08:00',
      categories: ['US'],
      html: '<p>Amazon (NASDAQ: AMZN) <b>grew</b></p>',
    });
    expect(feed.entries[1]).toMatchObject({ id: 'https://team.example/b', html: undefined });
  });

  test.each([
    [
      'entity declarations',
      '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa">]><feed><title>&a;</title></feed>',
      /declares XML entities/,
    ],
    ['not well formed', '<feed><entry></feed>', /not well-formed XML/],
    ['another XML document', '<html><body>hi</body></html>', /neither an Atom feed/],
    ['javascript: links are no links', '<rss><channel><item><link>javascript:alert(1)</link><guid>x</guid></item></channel></rss>', null],
  ])('%s', (_, xml, error) => {
    if (error) expect(() => parseXmlFeed(xml, BASE)).toThrow(error);
    else expect(parseXmlFeed(xml, BASE).entries[0]!.link).toBeUndefined();
  });

  test('errors are FeedErrors', () => expect(() => parseXmlFeed('<x', BASE)).toThrow(FeedError));
});

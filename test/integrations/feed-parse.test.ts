import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from '../../worker/integrations/feed-parse';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with CDATA, entities, guids and relative links', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- a comment with <item> inside -->
<rss version="2.0"><channel><title>News &amp; Views</title>
  <item><title><![CDATA[Minister says <b>exports</b> </item> doubled]]></title>
    <link>https://news.example.com/a?x=1&amp;y=2</link><guid isPermaLink="false">id-1</guid></item>
  <item><title>L&#233;gende &#x27;quoted&#x27;</title><link>/b.html</link></item>
  <item><title>no link, no guid</title></item>
  <item><title>same guid again</title><link>https://news.example.com/c</link><guid>id-1</guid></item>
</channel></rss>`;
    const feed = parseFeed(xml, 'https://news.example.com/feed.xml');
    expect(feed).toEqual({
      kind: 'rss',
      title: 'News & Views',
      items: [
        {
          key: 'id-1',
          link: 'https://news.example.com/a?x=1&y=2',
          title: 'Minister says <b>exports</b> </item> doubled',
        },
        {
          key: 'https://news.example.com/b.html',
          link: 'https://news.example.com/b.html',
          title: "Légende 'quoted'",
        },
      ],
    });
  });

  it('reads Atom entries: the alternate link, the id as key', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom news</title>
  <entry><id>urn:uuid:1</id><title>First</title>
    <link rel="edit" href="https://news.example.com/edit/1"/>
    <link rel="alternate" type="text/html" href="https://news.example.com/1?a=1&amp;b=2"/></entry>
  <entry><id>urn:uuid:2</id><title>Second</title><link href="/2"/></entry>
  <entry><id>urn:uuid:3</id><title>javascript link</title><link href="javascript:alert(1)"/></entry>
</feed>`;
    const feed = parseFeed(xml, 'https://news.example.com/atom');
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('Atom news');
    expect(feed.items).toEqual([
      { key: 'urn:uuid:1', link: 'https://news.example.com/1?a=1&b=2', title: 'First' },
      { key: 'urn:uuid:2', link: 'https://news.example.com/2', title: 'Second' },
      { key: 'urn:uuid:3', link: null, title: 'javascript link' },
    ]);
  });

  it('refuses what is not a feed', () => {
    expect(() =>
      parseFeed('<!doctype html><html><body><item>x</item></body></html>', 'https://a.example/'),
    ).toThrow(FeedParseError);
    expect(() => parseFeed('{"items": []}', 'https://a.example/')).toThrow(FeedParseError);
  });
});

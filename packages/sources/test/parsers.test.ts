import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFeed, parseFeed, parseListing, parseSitemap } from '../src/index';

const fixture = (name: string) => readFile(resolve(import.meta.dirname, 'fixtures', name), 'utf8');

describe('hostile or broken input never throws', () => {
  const junk = [
    '',
    'not xml at all',
    '<rss><channel><item><link>javascript:alert(1)</link></item>',
    '<urlset><url><loc>file:///etc/passwd</loc></url><url><loc>',
    '<feed><entry><link href="data:text/html,x"/></entry></feed>',
    '\u0000\u0001<<<>>>&&&;;',
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title><link>https://e.example/a</link></item></channel></rss>',
  ];

  it('parseFeed, parseSitemap and parseListing return only http(s) links for every sample', () => {
    for (const text of junk) {
      const found = [
        ...parseFeed(text, 'https://e.example/feed'),
        ...(() => {
          const s = parseSitemap(text, 'https://e.example/sitemap.xml');
          return s.type === 'urlset' ? s.articles : [];
        })(),
        ...parseListing(text, 'https://e.example/list', 'a'),
      ];
      for (const article of found) expect(article.url).toMatch(/^https?:\/\//);
    }
  });

  it('does not expand internal entities (no billion-laughs growth)', () => {
    const items = parseFeed(junk[6] ?? '', 'https://e.example/feed');
    expect(items).toHaveLength(1);
    expect((items[0]?.title ?? '').length).toBeLessThan(100);
  });

  it('gives a null date for an unreadable one instead of a wrong one', () => {
    const items = parseFeed(
      '<rss><channel><item><link>https://e.example/a</link><pubDate>yesterday-ish</pubDate></item></channel></rss>',
      'https://e.example/feed',
    );
    expect(items[0]?.publishedAt).toBeNull();
  });
});

describe('recognising documents', () => {
  it('tells feeds from sitemaps', async () => {
    expect(isFeed(await fixture('bloomberg-politics.rss'))).toBe(true);
    expect(isFeed(await fixture('generic-blog-atom.xml'))).toBe(true);
    expect(isFeed(await fixture('bloomberg-sitemap-news.xml'))).toBe(false);
    expect(parseSitemap(await fixture('mfa-ua-sitemap.xml'), 'https://mfa.gov.ua/sitemap.xml').type).toBe(
      'index',
    );
  });
});

const FEED = 'https://e.example/feed/main.xml';
const feedOf = (items: string) => parseFeed(`<rss><channel>${items}</channel></rss>`, FEED);
const urlset = (xml: string) => {
  const parsed = parseSitemap(xml, 'https://e.example/maps/sitemap.xml');
  return parsed.type === 'urlset' ? parsed.articles : [];
};

describe('feeds are read as XML', () => {
  it('decodes XML and numeric entities in titles and links, and leaves HTML-only names as written', () => {
    const [item] = feedOf(
      '<item><title>Tom &amp; Jerry &lt;3&gt; &#8217;s &#x2019; &quot;q&quot; &nbsp;x</title><link>https://e.example/a?x=1&amp;y=2</link></item>',
    );
    expect(item?.title).toBe('Tom & Jerry <3> ’s ’ "q" &nbsp;x');
    expect(item?.url).toBe('https://e.example/a?x=1&y=2');
  });

  it('reads CDATA as text: markup and entities inside it are kept as written', () => {
    const [item] = feedOf(
      '<item><title><![CDATA[Putin & Xi <b>meet</b> &amp; talk]]></title><link><![CDATA[https://e.example/cdata?a=1&b=2]]></link><pubDate><![CDATA[2024-09-03T10:00:00Z]]></pubDate></item>',
    );
    expect(item).toMatchObject({
      url: 'https://e.example/cdata?a=1&b=2',
      title: 'Putin & Xi <b>meet</b> &amp; talk',
      publishedAt: '2024-09-03T10:00:00.000Z',
    });
  });

  it('does not take an <item> inside CDATA (content:encoded) or a comment for an entry', () => {
    const items = feedOf(
      '<item><title>Real</title><link>https://e.example/real</link><content:encoded><![CDATA[<item><link>https://e.example/fake</link></item>]]></content:encoded></item><!-- <item><link>https://e.example/commented</link></item> -->',
    );
    expect(items.map((i) => i.url)).toEqual(['https://e.example/real']);
  });

  it('reads RSS 1.0 rdf:about and dc:date, and skips a guid that is not a permalink', () => {
    const rdf = parseFeed(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item rdf:about="https://e.example/rdf1"><title>R1</title><dc:date>2024-09-01T00:00:00+03:00</dc:date></item></rdf:RDF>',
      FEED,
    );
    expect(rdf).toEqual([
      { url: 'https://e.example/rdf1', title: 'R1', publishedAt: '2024-08-31T21:00:00.000Z', foundAt: FEED },
    ]);
    const guids = feedOf(
      '<item><guid isPermaLink="false">https://e.example/nope</guid></item><item><guid>https://e.example/yes</guid></item>',
    );
    expect(guids.map((i) => i.url)).toEqual([FEED, 'https://e.example/yes']);
  });

  it('in Atom, takes the alternate link over rel="self", resolved against the feed URL, else the first link', () => {
    const entries = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">A &amp;amp; B</title><link rel="self" href="/self"/><link rel="alternate" href="2024/a.html"/></entry><entry><link rel="enclosure" href="/enc"/><updated>2024-09-04</updated></entry></feed>',
      FEED,
    );
    expect(entries.map((e) => [e.url, e.title, e.publishedAt])).toEqual([
      ['https://e.example/feed/2024/a.html', 'A &amp; B', null],
      ['https://e.example/enc', null, '2024-09-04T00:00:00.000Z'],
    ]);
  });
});

describe('sitemaps are read as XML, namespaced tags by their full name', () => {
  it('does not take <image:loc> or <image:title> for the page’s <loc> or title', () => {
    expect(
      urlset(
        '<urlset xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://e.example/page</loc><image:image><image:loc>https://e.example/pic.jpg</image:loc><image:title>Pic</image:title></image:image><lastmod>2024-09-01</lastmod></url></urlset>',
      ),
    ).toEqual([
      {
        url: 'https://e.example/page',
        title: null,
        publishedAt: '2024-09-01T00:00:00.000Z',
        foundAt: 'https://e.example/maps/sitemap.xml',
      },
    ]);
  });

  it('takes title and date from <news:news>, entities decoded, over <lastmod>', () => {
    const [article] = urlset(
      '<urlset><url><loc>https://e.example/q?a=1&amp;b=2</loc><news:news><news:publication><news:name>E</news:name></news:publication><news:publication_date>2024-09-02T10:00:00+08:00</news:publication_date><news:title>Putin &amp; Khurelsukh &#8217;talk&#8217;</news:title></news:news><lastmod>2024-09-05</lastmod></url></urlset>',
    );
    expect(article).toMatchObject({
      url: 'https://e.example/q?a=1&b=2',
      title: 'Putin & Khurelsukh ’talk’',
      publishedAt: '2024-09-02T02:00:00.000Z',
    });
  });

  it('reads a <loc> in CDATA, and resolves a relative one in an index against the sitemap URL', () => {
    expect(urlset('<urlset><url><loc><![CDATA[https://e.example/cd?a=1&b=2]]></loc></url></urlset>')).toEqual(
      [expect.objectContaining({ url: 'https://e.example/cd?a=1&b=2' })],
    );
    expect(
      parseSitemap(
        '<sitemapindex><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>',
        'https://e.example/maps/x.xml',
      ),
    ).toEqual({ type: 'index', sitemaps: [{ url: 'https://e.example/s2.xml', lastModified: null }] });
  });
});

describe('listing pages are read as forgiving HTML', () => {
  const PAGE = 'https://e.example/section/list/';
  const listed = (html: string, selector: string, pageUrl = PAGE) =>
    parseListing(html, pageUrl, selector).map((a) => [a.url, a.title, a.publishedAt]);

  it('resolves relative links against the listing page, or its <base href>', () => {
    expect(
      listed(
        '<ul class="l"><li><a href="/news/a">A</a><li><a href="b">B</a><li><a href="../up">Up</a></ul>',
        '.l a',
      ),
    ).toEqual([
      ['https://e.example/news/a', 'A', null],
      ['https://e.example/section/list/b', 'B', null],
      ['https://e.example/section/up', 'Up', null],
    ]);
    expect(listed('<head><base href="/base/dir/"></head><body><a href="x">X</a></body>', 'a')).toEqual([
      ['https://e.example/base/dir/x', 'X', null],
    ]);
  });

  it('gives each item of a list with unclosed <li> and <p> its own date', () => {
    expect(
      listed(
        '<ul class="news"><li><a href="/a">A</a> <time datetime="2024-09-01T10:00:00Z">1 Sep</time><li><a href="/b">B</a> <time datetime="2024-09-02T10:00:00Z">2 Sep</time><li><a href="/c">C</a></ul>',
        '.news a',
      ),
    ).toEqual([
      ['https://e.example/a', 'A', '2024-09-01T10:00:00.000Z'],
      ['https://e.example/b', 'B', '2024-09-02T10:00:00.000Z'],
      ['https://e.example/c', 'C', null],
    ]);
    expect(
      listed(
        '<div class="x"><p><a href="/p1">P1</a><time datetime="2024-09-01">x</time><div><a href="/p2">P2</a></div><p><a href="/p3">P3</a><time datetime="2024-09-03">y</time></div>',
        '.x a',
      ),
    ).toEqual([
      ['https://e.example/p1', 'P1', '2024-09-01T00:00:00.000Z'],
      ['https://e.example/p2', 'P2', null],
      ['https://e.example/p3', 'P3', '2024-09-03T00:00:00.000Z'],
    ]);
  });

  it('survives a missing </a>, stray closing tags, nested links and upper-case markup', () => {
    expect(
      listed(
        '</div></span><div class="item"><h3><a href="/m1">M1</h3><time datetime="2024-09-01">d</time></div><div class="item"><h3><a href="/m2">M2</a></h3></div>',
        '.item h3 a',
      ),
    ).toEqual([
      ['https://e.example/m1', 'M1', '2024-09-01T00:00:00.000Z'],
      ['https://e.example/m2', 'M2', null],
    ]);
    expect(
      listed('<div class="r"><a href="/outer">Outer <a href="/inner">Inner</a> tail</a></div>', '.r a'),
    ).toEqual([
      ['https://e.example/outer', 'Outer', null],
      ['https://e.example/inner', 'Inner', null],
    ]);
    expect(listed('<DIV CLASS="U"><A HREF="/up" TITLE="Upper Title">x</A></DIV>', '.U a')).toEqual([
      ['https://e.example/up', 'Upper Title', null],
    ]);
  });

  it('decodes entities in attributes as HTML does, legacy names before "=" left alone', () => {
    expect(
      listed('<a href="/q?x=1&amp;y=2" title="Tom &amp; Jerry">t</a><a href="/q?x=1&copy=2">l</a>', 'a'),
    ).toEqual([
      ['https://e.example/q?x=1&y=2', 'Tom & Jerry', null],
      ['https://e.example/q?copy=2&x=1', 'l', null],
    ]);
  });

  it('does not count links in <noscript>, comments or <textarea>', () => {
    expect(
      listed(
        '<noscript><a href="/ns">NS</a></noscript><!-- <a href="/c">c</a> --><textarea><a href="/ta">ta</a></textarea><a href="/ok">OK</a>',
        'a',
      ),
    ).toEqual([['https://e.example/ok', 'OK', null]]);
  });
});

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

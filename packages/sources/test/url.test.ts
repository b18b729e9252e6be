import { describe, expect, it } from 'vitest';
import { ArticleUrlSet, canonicalLink, normalizeArticleUrl } from '../src/index';

describe('normalizeArticleUrl', () => {
  it('drops utm_*, fbclid, gclid and friends, and the fragment, keeping real parameters', () => {
    expect(
      normalizeArticleUrl(
        'https://www.example.com/news/story?id=42&utm_source=twitter&utm_medium=social&fbclid=IwAR0&gclid=Cj0K#comments',
      ),
    ).toBe('https://www.example.com/news/story?id=42');
  });

  it('lower-cases the host, drops the default port and sorts the remaining parameters', () => {
    expect(normalizeArticleUrl('HTTPS://News.Example.COM:443/a?b=2&a=1')).toBe(
      'https://news.example.com/a?a=1&b=2',
    );
  });

  it('resolves relative links against a base', () => {
    expect(normalizeArticleUrl('../2024/09/story/', 'https://blog.example/feeds/main/')).toBe(
      'https://blog.example/feeds/2024/09/story/',
    );
  });

  it('returns null for mailto:, javascript:, data: and junk instead of throwing', () => {
    for (const href of [
      'mailto:editor@example.com',
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'http://[::1',
      '',
    ]) {
      expect(normalizeArticleUrl(href)).toBeNull();
    }
  });
});

describe('canonicalLink', () => {
  it('reads <link rel="canonical"> in either attribute order, resolved and normalised', () => {
    expect(
      canonicalLink(
        '<head><link href="/news/story-1?utm_source=rss&amp;page=2" rel="canonical"></head>',
        'https://www.example.com/amp/news/story-1',
      ),
    ).toBe('https://www.example.com/news/story-1?page=2');
    expect(
      canonicalLink("<link rel='canonical' href='https://m.example.com/x'>", 'https://example.com/'),
    ).toBe('https://m.example.com/x');
  });

  it('is null without a canonical link', () => {
    expect(canonicalLink('<link rel="alternate" href="/feed">', 'https://example.com/')).toBeNull();
  });
});

describe('ArticleUrlSet', () => {
  it('counts two spellings of one article once', () => {
    const set = new ArticleUrlSet();
    expect(set.add('https://unuudur.mn/a/putin-interview?utm_source=fb')).toBe(true);
    expect(set.add('https://UNUUDUR.mn/a/putin-interview#top')).toBe(false);
    expect(set.size).toBe(1);
  });

  it('learns canonical links: an AMP URL and its canonical page are one article', () => {
    const set = new ArticleUrlSet();
    expect(set.add('https://example.com/amp/story-7', 'https://example.com/story-7')).toBe(true);
    expect(set.add('https://example.com/story-7')).toBe(false);
    expect(set.has('https://example.com/amp/story-7')).toBe(true);
  });

  it('refuses non-http URLs', () => {
    expect(new ArticleUrlSet().add('javascript:void(0)')).toBe(false);
  });
});

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOOMBERG, readPublicMetadata } from '../src/index';

const URL_WITH_TRACKING =
  'https://www.bloomberg.com/news/articles/2024-09-03/putin-visits-mongolia-in-defiance-of-icc-arrest-warrant?srnd=politics-vp&utm_source=feed';

const html = await readFile(resolve(import.meta.dirname, 'fixtures/bloomberg-article.html'), 'utf8');

describe('readPublicMetadata on a paywalled Bloomberg article', () => {
  const meta = readPublicMetadata(html, URL_WITH_TRACKING);

  it('reads headline, dates, authors and section from the NewsArticle JSON-LD, skipping the broken block', () => {
    expect(meta.headline).toBe('Putin Visits Mongolia in Defiance of ICC Arrest Warrant');
    expect(meta.publishedAt).toBe('2024-09-03T09:41:12.352Z');
    expect(meta.modifiedAt).toBe('2024-09-03T11:02:41.004Z');
    expect(meta.authors).toEqual(['Anthony Halpin', 'Khaliun Bayartsogt']);
    expect(meta.section).toBe('Politics');
    expect(meta.lang).toBe('en');
  });

  it('sees the paywall the publisher declares, and the selector of the paywalled part', () => {
    expect(meta.accessibleForFree).toBe(false);
    expect(meta.paywalledSelectors).toEqual(['.body-content--paywall']);
  });

  it('gives the canonical URL without tracking parameters', () => {
    expect(meta.canonicalUrl).toBe(
      'https://www.bloomberg.com/news/articles/2024-09-03/putin-visits-mongolia-in-defiance-of-icc-arrest-warrant',
    );
  });

  it('the profile’s extraction hints already drop that paywall element', () => {
    expect(BLOOMBERG.extraction.remove).toContain('[data-component="paywall"]');
  });
});

describe('readPublicMetadata fallbacks', () => {
  it('uses Open Graph and <meta> when a page has no JSON-LD', () => {
    const meta = readPublicMetadata(
      `<html lang="mn"><head><title>Сайт</title>
      <meta property="og:title" content="Ерөнхийлөгч хэлэлцээ хийлээ">
      <meta property="article:published_time" content="2024-09-03T14:40:00+08:00">
      <meta name="author" content="Хэвлэлийн алба"></head><body></body></html>`,
      'https://president.mn/2024/09/03/x/',
    );
    expect(meta.headline).toBe('Ерөнхийлөгч хэлэлцээ хийлээ');
    expect(meta.publishedAt).toBe('2024-09-03T06:40:00.000Z');
    expect(meta.authors).toEqual(['Хэвлэлийн алба']);
    expect(meta.lang).toBe('mn');
    expect(meta.accessibleForFree).toBeNull();
    expect(meta.canonicalUrl).toBeNull();
  });

  it('finds the article inside an @graph, and never throws on junk', () => {
    const meta = readPublicMetadata(
      '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":["NewsArticle"],"headline":"In a graph","author":{"name":"A. Writer"}}]}</script>',
      'https://e.example/a',
    );
    expect(meta.headline).toBe('In a graph');
    expect(meta.authors).toEqual(['A. Writer']);
    for (const junk of [
      '',
      '<script type="application/ld+json">null</script>',
      '<script type="application/ld+json">[1,"x",{"@type":42}]</script>',
    ]) {
      expect(() => readPublicMetadata(junk, 'https://e.example/')).not.toThrow();
    }
  });
});

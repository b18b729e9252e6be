import { isoDate } from '@parallax/core';
import { load } from 'cheerio';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';

/** True when the document is an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom feed. */
export function isFeed(xml: string): boolean {
  return /<(rss|feed|rdf:RDF)\b/i.test(xml.slice(0, 4096));
}

/**
 * Article links of an RSS 2.0, RSS 1.0 or Atom feed, resolved against the feed URL. Entries without a
 * usable http(s) link are skipped; a feed that is not XML at all gives an empty list.
 */
export function parseFeed(xml: string, feedUrl: string): DiscoveredArticle[] {
  const $ = load(xml, { xml: true });
  const out: DiscoveredArticle[] = [];
  $('item').each((_, el) => {
    const item = $(el);
    const link =
      item.children('link').first().text() ||
      item.attr('rdf:about') ||
      (item.children('guid').attr('isPermaLink') !== 'false' ? item.children('guid').first().text() : '');
    const url = normalizeArticleUrl(link, feedUrl);
    if (!url) return;
    out.push({
      url,
      title: clean(item.children('title').first().text()),
      publishedAt: isoDate(
        item.children('pubDate').first().text() || item.children('dc\\:date').first().text(),
      ),
      foundAt: feedUrl,
    });
  });
  $('entry').each((_, el) => {
    const entry = $(el);
    const links = entry.children('link');
    const alternate =
      links
        .filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate')
        .first()
        .attr('href') ?? links.first().attr('href');
    const url = alternate ? normalizeArticleUrl(alternate, feedUrl) : null;
    if (!url) return;
    out.push({
      url,
      title: clean(entry.children('title').first().text()),
      publishedAt: isoDate(
        entry.children('published').first().text() || entry.children('updated').first().text(),
      ),
      foundAt: feedUrl,
    });
  });
  return out;
}

export function clean(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

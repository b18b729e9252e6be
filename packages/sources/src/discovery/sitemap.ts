import { isoDate } from '@parallax/core';
import { load } from 'cheerio';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';
import { clean } from './feed';

export interface SitemapReference {
  url: string;
  lastModified: string | null;
}

export type ParsedSitemap =
  | { type: 'index'; sitemaps: SitemapReference[] }
  | { type: 'urlset'; articles: DiscoveredArticle[] };

/**
 * An XML sitemap: either an index of further sitemaps or a URL set. For news sitemaps
 * (xmlns:news) the publication date and title come from <news:news>; otherwise <lastmod> stands in
 * for the date.
 */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const $ = load(xml, { xml: true });
  if ($('sitemapindex').length > 0) {
    const sitemaps: SitemapReference[] = [];
    $('sitemapindex > sitemap').each((_, el) => {
      const url = normalizeArticleUrl($(el).children('loc').text(), sitemapUrl);
      if (url) sitemaps.push({ url, lastModified: isoDate($(el).children('lastmod').text()) });
    });
    return { type: 'index', sitemaps };
  }
  const articles: DiscoveredArticle[] = [];
  $('urlset > url').each((_, el) => {
    const entry = $(el);
    const url = normalizeArticleUrl(entry.children('loc').text(), sitemapUrl);
    if (!url) return;
    const news = entry.children('news\\:news');
    articles.push({
      url,
      title: clean(news.find('news\\:title').first().text()),
      publishedAt: isoDate(
        news.find('news\\:publication_date').first().text() || entry.children('lastmod').text(),
      ),
      foundAt: sitemapUrl,
    });
  });
  return { type: 'urlset', articles };
}

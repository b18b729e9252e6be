import { isoDate } from '@parallax/core';
import { selectAll, selectOne } from 'css-select';
import { textContent } from 'domutils';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';
import { clean } from './feed';
import { childrenNamed, parseXml, XML } from './markup';

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
 * for the date. Other namespaced children (<image:loc>, <video:…>) are not the page's <loc>.
 */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const doc = parseXml(xml);
  const text = (parent: Parameters<typeof childrenNamed>[0], name: string) =>
    textContent(childrenNamed(parent, name));
  if (selectOne('sitemapindex', doc, XML)) {
    const sitemaps: SitemapReference[] = [];
    for (const el of selectAll('sitemapindex > sitemap', doc, XML)) {
      const url = normalizeArticleUrl(text(el, 'loc'), sitemapUrl);
      if (url) sitemaps.push({ url, lastModified: isoDate(text(el, 'lastmod')) });
    }
    return { type: 'index', sitemaps };
  }
  const articles: DiscoveredArticle[] = [];
  for (const entry of selectAll('urlset > url', doc, XML)) {
    const url = normalizeArticleUrl(text(entry, 'loc'), sitemapUrl);
    if (!url) continue;
    const news = childrenNamed(entry, 'news:news');
    const newsText = (name: string) => {
      const found = selectOne(name, news, XML);
      return found ? textContent(found) : '';
    };
    articles.push({
      url,
      title: clean(newsText('news\\:title')),
      publishedAt: isoDate(newsText('news\\:publication_date') || text(entry, 'lastmod')),
      foundAt: sitemapUrl,
    });
  }
  return { type: 'urlset', articles };
}

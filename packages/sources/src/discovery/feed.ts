import { isoDate } from '@parallax/core';
import { selectAll } from 'css-select';
import { textContent } from 'domutils';
import { normalizeArticleUrl } from '../url';
import type { DiscoveredArticle } from './discovered';
import { childrenNamed, childText, parseXml, XML } from './markup';

/** True when the document is an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom feed. */
export function isFeed(xml: string): boolean {
  return /<(rss|feed|rdf:RDF)\b/i.test(xml.slice(0, 4096));
}

/**
 * Article links of an RSS 2.0, RSS 1.0 or Atom feed, resolved against the feed URL. Entries without a
 * usable http(s) link are skipped; a feed that is not XML at all gives an empty list.
 */
export function parseFeed(xml: string, feedUrl: string): DiscoveredArticle[] {
  const doc = parseXml(xml);
  const out: DiscoveredArticle[] = [];
  for (const item of selectAll('item', doc, XML)) {
    const [guid] = childrenNamed(item, 'guid');
    const link =
      childText(item, 'link') ||
      item.attribs['rdf:about'] ||
      (guid && guid.attribs.isPermaLink !== 'false' ? textContent(guid) : '');
    const url = normalizeArticleUrl(link, feedUrl);
    if (!url) continue;
    out.push({
      url,
      title: clean(childText(item, 'title')),
      publishedAt: isoDate(childText(item, 'pubDate') || childText(item, 'dc:date')),
      foundAt: feedUrl,
    });
  }
  for (const entry of selectAll('entry', doc, XML)) {
    const links = childrenNamed(entry, 'link');
    const alternate =
      links.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate')?.attribs.href ??
      links[0]?.attribs.href;
    const url = alternate ? normalizeArticleUrl(alternate, feedUrl) : null;
    if (!url) continue;
    out.push({
      url,
      title: clean(childText(entry, 'title')),
      publishedAt: isoDate(childText(entry, 'published') || childText(entry, 'updated')),
      foundAt: feedUrl,
    });
  }
  return out;
}

export function clean(text: string): string | null {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

import type { SourceKind } from '@parallax/core';
import type { DiscoveryEndpoint, SourceProfile } from './profile';

/**
 * Profiles of the sources Parallax is named for. Endpoints are the sites' public feeds, sitemaps and
 * listing pages; selectors are hints, and extraction must work without them.
 */
export const BLOOMBERG: SourceProfile = {
  id: 'bloomberg',
  name: 'Bloomberg',
  kind: 'outlet',
  lang: 'en',
  homepage: 'https://www.bloomberg.com/',
  discovery: [
    { type: 'feed', url: 'https://feeds.bloomberg.com/politics/news.rss' },
    { type: 'feed', url: 'https://feeds.bloomberg.com/markets/news.rss' },
    { type: 'sitemap', url: 'https://www.bloomberg.com/sitemaps/news/latest.xml' },
  ],
  articlePatterns: [
    '^https://www\\.bloomberg\\.com/news/(articles|features)/\\d{4}-\\d{2}-\\d{2}/[a-z0-9-]+$',
  ],
  extraction: {
    body: ['[data-component="body-content"]', '.body-content', 'article .body-copy'],
    remove: ['[data-component="paywall"]', '.paywall', '[data-component="newsletter-signup"]', 'aside'],
    title: 'h1[data-component="headline"]',
    byline: '[data-component="byline"]',
    publishedAt: 'time[datetime]',
  },
  notes:
    'Paywalled: only what the site serves to an anonymous reader is used (headline, summary, JSON-LD, the free part of the body). No login, no paywall workarounds, robots.txt obeyed.',
};

export const UNUUDUR: SourceProfile = {
  id: 'unuudur',
  name: 'Өнөөдөр (Unuudur)',
  kind: 'outlet',
  lang: 'mn',
  homepage: 'https://unuudur.mn/',
  discovery: [
    { type: 'feed', url: 'https://unuudur.mn/rss' },
    {
      type: 'listing',
      url: 'https://unuudur.mn/category/uls-tur',
      linkSelector: '.news-list .news-item h3 a',
    },
  ],
  articlePatterns: ['^https://(www\\.)?unuudur\\.mn/a/[\\w-]+$'],
  extraction: {
    body: ['.article-content', '.news-detail__body'],
    remove: ['.share-buttons', '.related-news', '.banner'],
    title: 'h1.news-detail__title',
    publishedAt: '.news-detail__date time',
  },
};

export const KREMLIN_EN: SourceProfile = {
  id: 'kremlin-en',
  name: 'President of Russia (Kremlin, English)',
  kind: 'official',
  lang: 'en',
  homepage: 'http://en.kremlin.ru/',
  discovery: [
    { type: 'feed', url: 'http://en.kremlin.ru/events/president/news/feed' },
    { type: 'feed', url: 'http://en.kremlin.ru/events/president/transcripts/feed' },
  ],
  articlePatterns: ['^https?://en\\.kremlin\\.ru/events/president/(news|transcripts)/\\d+$'],
  extraction: {
    body: ['.entry-content', '.read__content'],
    remove: ['.read__bottommeta', '.read__tags', '.print_hidden'],
    title: 'h1.entry-title',
    publishedAt: 'time.read__published',
  },
};

export const KREMLIN_RU: SourceProfile = {
  id: 'kremlin-ru',
  name: 'Президент России (Kremlin, Russian transcripts)',
  kind: 'official',
  lang: 'ru',
  homepage: 'http://kremlin.ru/',
  discovery: [{ type: 'feed', url: 'http://kremlin.ru/events/president/transcripts/feed' }],
  articlePatterns: ['^https?://kremlin\\.ru/events/president/(news|transcripts)/\\d+$'],
  extraction: KREMLIN_EN.extraction,
};

export const UKRAINE_MFA: SourceProfile = {
  id: 'mfa-ua',
  name: 'Ministry of Foreign Affairs of Ukraine',
  kind: 'official',
  lang: 'en',
  homepage: 'https://mfa.gov.ua/en',
  discovery: [
    {
      type: 'listing',
      url: 'https://mfa.gov.ua/en/news',
      linkSelector: '.news-list__item .news-list__title a',
    },
    { type: 'sitemap', url: 'https://mfa.gov.ua/sitemap.xml' },
  ],
  articlePatterns: ['^https://mfa\\.gov\\.ua/(en/)?news/[a-z0-9%-]+$'],
  extraction: {
    body: ['.article__body', '.news-detail__text'],
    remove: ['.share', '.article__tags'],
    title: 'h1.article__title',
    publishedAt: '.article__date time',
  },
};

export const ICC: SourceProfile = {
  id: 'icc',
  name: 'International Criminal Court',
  kind: 'official',
  lang: 'en',
  homepage: 'https://www.icc-cpi.int/',
  discovery: [
    { type: 'listing', url: 'https://www.icc-cpi.int/news', linkSelector: '.views-row .field--name-title a' },
    { type: 'sitemap', url: 'https://www.icc-cpi.int/sitemap.xml' },
  ],
  articlePatterns: ['^https://www\\.icc-cpi\\.int/news/[a-z0-9-]+$'],
  extraction: {
    body: ['.field--name-body', 'article .node__content'],
    remove: ['.field--name-field-related-content', '.social-share'],
    title: 'h1.page-title',
    publishedAt: '.field--name-field-date time',
  },
};

export const US_EMBASSY_MONGOLIA: SourceProfile = {
  id: 'usembassy-mn',
  name: 'U.S. Embassy in Mongolia',
  kind: 'official',
  lang: 'en',
  homepage: 'https://mn.usembassy.gov/',
  discovery: [
    { type: 'feed', url: 'https://mn.usembassy.gov/feed/' },
    { type: 'sitemap', url: 'https://mn.usembassy.gov/post-sitemap.xml' },
  ],
  // WordPress permalinks: one slug under the root (or /mn/ for the Mongolian pages).
  articlePatterns: ['^https://mn\\.usembassy\\.gov/(mn/)?(?!category/|tag/|wp-|feed/)[a-z0-9-]+/$'],
  extraction: {
    body: ['.entry-content', 'article .mo-page-content'],
    remove: ['.sharedaddy', '.jp-relatedposts', '.post-navigation'],
    title: 'h1.entry-title',
    publishedAt: 'time.entry-date',
  },
};

export const MONGOLIA_PRESIDENT: SourceProfile = {
  id: 'president-mn',
  name: 'Монгол Улсын Ерөнхийлөгчийн Тамгын газар (President of Mongolia)',
  kind: 'official',
  lang: 'mn',
  homepage: 'https://president.mn/',
  discovery: [
    { type: 'feed', url: 'https://president.mn/feed/' },
    { type: 'listing', url: 'https://president.mn/category/medee/', linkSelector: '.post-list article h2 a' },
  ],
  articlePatterns: ['^https://president\\.mn/(en/)?(\\d{4}/\\d{2}/\\d{2}/[\\w%-]+|\\d+)/$'],
  extraction: {
    body: ['.entry-content', '.single-post__content'],
    remove: ['.share-post', '.related-posts'],
    title: 'h1.entry-title',
    publishedAt: 'time.entry-date',
  },
};

/** Every named profile, by id. */
export const PROFILES: ReadonlyMap<string, SourceProfile> = new Map(
  [BLOOMBERG, UNUUDUR, KREMLIN_EN, KREMLIN_RU, UKRAINE_MFA, ICC, US_EMBASSY_MONGOLIA, MONGOLIA_PRESIDENT].map(
    (p) => [p.id, p],
  ),
);

/**
 * A profile for any news site: its feed and sitemap at the usual WordPress/CMS places unless given,
 * any URL on its site counted as an article, no selector hints (extraction's generic path).
 */
export function genericProfile(input: {
  id: string;
  homepage: string;
  name?: string;
  kind?: SourceKind;
  lang?: string;
  discovery?: DiscoveryEndpoint[];
  articlePatterns?: string[];
}): SourceProfile {
  const home = new URL(input.homepage);
  return {
    id: input.id,
    name: input.name ?? home.hostname,
    kind: input.kind ?? 'outlet',
    lang: input.lang ?? 'und',
    homepage: home.href,
    discovery: input.discovery ?? [
      { type: 'feed', url: new URL('/feed', home).href },
      { type: 'sitemap', url: new URL('/sitemap.xml', home).href },
    ],
    articlePatterns: input.articlePatterns ?? [],
    extraction: {},
  };
}

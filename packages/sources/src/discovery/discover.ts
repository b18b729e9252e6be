import { isParallaxError } from '@parallax/core';
import type { PoliteFetcher } from '@parallax/fetch';
import type { DiscoveryEndpoint, SourceProfile } from '../profile';
import { ArticleUrlSet } from '../url';
import type { DiscoveredArticle } from './discovered';
import { isFeed, parseFeed } from './feed';
import { parseListing } from './listing';
import { parseSitemap, type SitemapReference } from './sitemap';

/** Fetches a feed, sitemap or listing page and returns its decoded text and final URL. */
export type FetchDocument = (url: string) => Promise<{ text: string; finalUrl: string }>;

export interface DiscoveryOptions {
  fetchDocument: FetchDocument;
  /** Only articles published at or after this instant (undated ones are kept unless keepUndated is false). */
  since?: Date;
  /** Only articles published at or before this instant. */
  until?: Date;
  keepUndated?: boolean;
  /** Child sitemaps followed from a sitemap index, newest first. Default 10. */
  maxChildSitemaps?: number;
  /** URLs seen in earlier runs (or by other endpoints); they are skipped and the new ones added. */
  seen?: ArticleUrlSet;
  /**
   * The sitemaps the site's robots.txt lists (PoliteFetcher.robotsSitemaps); they are read as well as
   * the profile's own endpoints.
   */
  robotsSitemaps?: (origin: string) => Promise<string[]>;
}

/** An endpoint that could not be read: the run goes on with the others. */
export interface DiscoveryFailure {
  endpoint: string;
  code: string;
  message: string;
}

export interface DiscoveryResult {
  articles: DiscoveredArticle[];
  failures: DiscoveryFailure[];
}

type ProfileForDiscovery = Pick<SourceProfile, 'discovery' | 'articlePatterns' | 'homepage'>;

/** The document fetcher discovery uses in production: the polite fetcher, so robots.txt and host limits apply. */
export function politeDocumentFetcher(fetcher: PoliteFetcher): FetchDocument {
  return async (url) => {
    const result = await fetcher.fetch(url);
    if (result.kind !== 'fetched') throw new Error(`unexpected ${result.kind} for ${url}`);
    return { text: result.page.text, finalUrl: result.page.snapshot.finalUrl };
  };
}

/** A matcher for article URLs: the profile's patterns, or any URL on the homepage's site when it has none. */
export function articleUrlMatcher(
  profile: Pick<SourceProfile, 'articlePatterns' | 'homepage'>,
): (url: string) => boolean {
  if (profile.articlePatterns.length > 0) {
    const patterns = profile.articlePatterns.map((p) => new RegExp(p));
    return (url) => patterns.some((p) => p.test(url));
  }
  const site = new URL(profile.homepage).hostname.replace(/^www\./, '');
  return (url) => {
    const host = new URL(url).hostname;
    return host === site || host.endsWith(`.${site}`);
  };
}

/**
 * New article links of a source, from each of its feeds, sitemaps (indexes followed) and listing
 * pages: kept when they match the profile's article patterns and fall in the date window, deduplicated
 * by normalised URL, newest first. An endpoint that fails is reported in `failures`, never thrown.
 */
export async function discoverArticles(
  profile: ProfileForDiscovery,
  options: DiscoveryOptions,
): Promise<DiscoveryResult> {
  const isArticle = articleUrlMatcher(profile);
  const seen = options.seen ?? new ArticleUrlSet();
  const failures: DiscoveryFailure[] = [];
  const found: DiscoveredArticle[] = [];
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const keepUndated = options.keepUndated ?? true;
  const inWindow = (iso: string | null): boolean => {
    if (iso === null) return keepUndated;
    const t = Date.parse(iso);
    return t >= since && t <= until;
  };

  const read = async (url: string): Promise<{ text: string; finalUrl: string } | null> => {
    try {
      return await options.fetchDocument(url);
    } catch (error) {
      failures.push({
        endpoint: url,
        code: isParallaxError(error) ? error.code : 'PARALLAX_DISCOVERY_FAILED',
        message: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  };

  const fromEndpoint = async (endpoint: DiscoveryEndpoint): Promise<DiscoveredArticle[]> => {
    const doc = await read(endpoint.url);
    if (!doc) return [];
    if (endpoint.type === 'listing') return parseListing(doc.text, doc.finalUrl, endpoint.linkSelector);
    if (isFeed(doc.text)) return parseFeed(doc.text, doc.finalUrl);
    const sitemap = parseSitemap(doc.text, doc.finalUrl);
    if (sitemap.type === 'urlset') return sitemap.articles;
    const children = pickChildSitemaps(sitemap.sitemaps, since, options.maxChildSitemaps ?? 10);
    const out: DiscoveredArticle[] = [];
    for (const child of children) {
      const childDoc = await read(child.url);
      if (!childDoc) continue;
      const parsed = parseSitemap(childDoc.text, childDoc.finalUrl);
      // One level of nesting only: an index of indexes is not followed further.
      if (parsed.type === 'urlset') out.push(...parsed.articles);
    }
    return out;
  };

  const endpoints = [...profile.discovery];
  if (options.robotsSitemaps) {
    const origin = new URL(profile.homepage).origin;
    try {
      for (const url of await options.robotsSitemaps(origin)) {
        if (!endpoints.some((e) => e.url === url)) endpoints.push({ type: 'sitemap', url });
      }
    } catch (error) {
      failures.push({
        endpoint: `${origin}/robots.txt`,
        code: isParallaxError(error) ? error.code : 'PARALLAX_DISCOVERY_FAILED',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  const foundByUrl = new Map<string, DiscoveredArticle>();
  for (const endpoint of endpoints) {
    for (const article of await fromEndpoint(endpoint)) {
      if (!isArticle(article.url) || !inWindow(article.publishedAt)) continue;
      const earlier = foundByUrl.get(article.url);
      if (earlier) {
        // A listing page often has no date where the sitemap or feed has one: keep what is known.
        earlier.publishedAt ??= article.publishedAt;
        earlier.title ??= article.title;
      } else if (seen.add(article.url)) {
        const copy = { ...article };
        foundByUrl.set(article.url, copy);
        found.push(copy);
      }
    }
  }
  const time = (a: DiscoveredArticle) =>
    a.publishedAt ? Date.parse(a.publishedAt) : Number.NEGATIVE_INFINITY;
  found.sort((a, b) => time(b) - time(a));
  return { articles: found, failures };
}

/** Child sitemaps worth reading: modified since the window opened (or undated), newest first, capped. */
function pickChildSitemaps(sitemaps: SitemapReference[], since: number, max: number): SitemapReference[] {
  const time = (s: SitemapReference) =>
    s.lastModified ? Date.parse(s.lastModified) : Number.POSITIVE_INFINITY;
  return sitemaps
    .filter((s) => time(s) >= since)
    .sort((a, b) => time(b) - time(a))
    .slice(0, max);
}

import { load } from 'cheerio';
import { isoDate } from './discovery/discovered';
import { normalizeArticleUrl } from './url';

/**
 * What a page says about itself in public markup (JSON-LD, Open Graph, <meta>, canonical link): all
 * that Parallax reads of a paywalled page beyond the part served to anonymous readers.
 */
export interface PublicMetadata {
  canonicalUrl: string | null;
  headline: string | null;
  description: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  authors: string[];
  section: string | null;
  lang: string | null;
  /** false when the publisher marks the article as paywalled (schema.org isAccessibleForFree). */
  accessibleForFree: boolean | null;
  /** CSS selectors the publisher marks as paywalled parts (schema.org hasPart cssSelector). */
  paywalledSelectors: string[];
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|WebPage|Report|ScholarlyArticle|AdvertiserContentArticle)$/;

function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (value && typeof value === 'object') {
    const object = value as JsonObject;
    return [object, ...asObjects(object['@graph'])];
  }
  return [];
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.replace(/\s+/g, ' ').trim();
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as JsonObject).name);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(text).filter((n): n is string => n !== null);
}

function accessible(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'False' || value === 'false') return false;
  if (value === 'True' || value === 'true') return true;
  return null;
}

/**
 * Reads a page's public metadata. JSON-LD article objects win over Open Graph and <meta> tags; a
 * JSON-LD block that is not valid JSON is skipped (pages ship broken ones), never thrown.
 */
export function readPublicMetadata(html: string, pageUrl: string): PublicMetadata {
  const $ = load(html);
  const jsonLd: JsonObject[] = [];
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      jsonLd.push(...asObjects(JSON.parse($(el).text())));
    } catch {
      // A broken block says nothing; the other sources of metadata still count.
    }
  });
  const article =
    jsonLd.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)) && types(o)[0] !== 'WebPage') ??
    jsonLd.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  const meta = (selector: string) => text($(selector).first().attr('content'));
  const canonicalHref = $('link[rel="canonical"]').first().attr('href') ?? meta('meta[property="og:url"]');
  const paywalled = asObjects(article?.hasPart)
    .filter((part) => accessible(part.isAccessibleForFree) === false)
    .flatMap((part) => names(part.cssSelector));
  const authors = names(article?.author);
  const metaAuthor = meta('meta[name="author"]');
  return {
    canonicalUrl: canonicalHref ? normalizeArticleUrl(canonicalHref, pageUrl) : null,
    headline: text(article?.headline) ?? meta('meta[property="og:title"]') ?? text($('title').first().text()),
    description:
      text(article?.description) ??
      meta('meta[name="description"]') ??
      meta('meta[property="og:description"]'),
    publishedAt: isoDate(text(article?.datePublished) ?? meta('meta[property="article:published_time"]')),
    modifiedAt: isoDate(text(article?.dateModified) ?? meta('meta[property="article:modified_time"]')),
    authors: authors.length > 0 ? authors : metaAuthor ? [metaAuthor] : [],
    section: text(article?.articleSection) ?? meta('meta[property="article:section"]'),
    lang: text(article?.inLanguage) ?? text($('html').attr('lang')),
    accessibleForFree: accessible(article?.isAccessibleForFree),
    paywalledSelectors: paywalled,
  };
}

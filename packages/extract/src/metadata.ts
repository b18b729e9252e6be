import { isoDate } from '@parallax/core/dates';
import { findFirst, type HtmlElement, type ParsedPage, parsePage, textOf } from './dom';
import { primaryLanguageTag } from './language';
import type { ElementTest } from './selector';

export interface PageMetadata {
  title: string;
  byline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  declaredLang: string | undefined;
  /** schema.org `articleBody` from JSON-LD, when the page publishes one. */
  ldArticleBody: string | undefined;
}

export interface MetadataHints {
  title?: ElementTest;
  byline?: ElementTest;
  publishedAt?: ElementTest;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

type LdObject = Record<string, unknown>;

/**
 * The objects of a page's JSON-LD blocks, `@graph` members included. A broken block is common on
 * real pages and says nothing; the meta tags and the body still count.
 */
function jsonLdObjects(blocks: readonly string[]): LdObject[] {
  const out: LdObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as LdObject;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block));
    } catch {
      // A broken block: skipped.
    }
  }
  return out;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AdvertiserContentArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|PressRelease|WebPage)$/;

function ldTypes(obj: LdObject): string[] {
  const type = obj['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

const isArticle = (obj: LdObject) => ldTypes(obj).some((t) => ARTICLE_TYPES.test(t));

/** The page's article object: an article type other than a bare WebPage first, else any of them. */
function articleObject(ld: readonly LdObject[]): LdObject | undefined {
  return ld.find((o) => isArticle(o) && ldTypes(o)[0] !== 'WebPage') ?? ld.find(isArticle);
}

/** A JSON-LD text value (a string, the first of a list, or an object's name), whitespace collapsed. */
function ldText(value: unknown): string | null {
  if (typeof value === 'string') return collapse(value) || null;
  if (Array.isArray(value)) return ldText(value[0]);
  if (value && typeof value === 'object') return ldText((value as LdObject).name);
  return null;
}

/** Every name of a JSON-LD value that may be one or a list (authors). */
function ldNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .flatMap((item) => (Array.isArray(item) ? ldNames(item) : [ldText(item)]))
    .filter((name): name is string => name !== null);
}

function firstMeta(meta: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key)?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Strips a trailing " | Site" / " - Site" from a <title>. */
function cleanDocumentTitle(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' - ') : title;
}

function hinted(root: HtmlElement, test: ElementTest | undefined): HtmlElement | undefined {
  return test ? findFirst(root, test) : undefined;
}

/** Title, byline, dates and declared language: JSON-LD first, then meta tags, then the markup, then the URL. */
export function readMetadata(
  page: ParsedPage,
  url: string | undefined,
  hints: MetadataHints = {},
): PageMetadata {
  const ld = jsonLdObjects(page.jsonLd);
  const article = articleObject(ld) ?? ld[0];
  const { meta, root } = page;

  const titleHint = hinted(root, hints.title);
  const h1 = findFirst(root, (el) => el.tag === 'h1');
  const title = collapse(
    (titleHint && textOf(titleHint)) ||
      ldText(article?.headline) ||
      firstMeta(meta, ['og:title', 'twitter:title']) ||
      (h1 && textOf(h1)) ||
      cleanDocumentTitle(page.documentTitle),
  );

  const bylineHint = hinted(root, hints.byline);
  const bylineElement = findFirst(
    root,
    (el) =>
      el.attrs.rel === 'author' ||
      el.attrs.itemprop === 'author' ||
      /(^|\s)byline(\s|$)/.test(el.attrs.class ?? ''),
  );
  const byline =
    collapse(
      (bylineHint && textOf(bylineHint)) ||
        ldNames(article?.author).join(', ') ||
        firstMeta(meta, ['author', 'article:author', 'dc.creator', 'byl']) ||
        (bylineElement && textOf(bylineElement)) ||
        '',
    ) || null;

  const dateHint = hinted(root, hints.publishedAt);
  const urlDate = url?.match(/\/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:\/|$|[-_])/);
  const publishedAt =
    isoDate(dateHint && (dateHint.attrs.datetime ?? dateHint.attrs.content ?? textOf(dateHint))) ??
    isoDate(ldText(article?.datePublished)) ??
    isoDate(
      firstMeta(meta, [
        'article:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'og:published_time',
        'sailthru.date',
      ]),
    ) ??
    isoDate(page.firstTimeDatetime) ??
    (urlDate ? isoDate(`${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`) : null);
  const modifiedAt =
    isoDate(ldText(article?.dateModified)) ??
    isoDate(firstMeta(meta, ['article:modified_time', 'datemodified', 'og:updated_time', 'last-modified']));

  const declaredLang =
    primaryLanguageTag(page.htmlLang) ??
    primaryLanguageTag(firstMeta(meta, ['og:locale', 'content-language', 'language', 'dc.language'])) ??
    primaryLanguageTag(ldText(article?.inLanguage) ?? undefined);

  const body = article?.articleBody;
  return {
    title,
    byline,
    publishedAt,
    modifiedAt,
    declaredLang,
    ldArticleBody: typeof body === 'string' ? body : undefined,
  };
}

/**
 * What a page says about itself in public markup (JSON-LD, Open Graph, <meta>, canonical link): all
 * that Parallax reads of a paywalled page beyond the part served to anonymous readers.
 */
export interface PublicMetadata {
  /** The canonical link's href as written (resolve it against the page's URL). */
  canonicalHref: string | null;
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

function accessible(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'False' || value === 'false') return false;
  if (value === 'True' || value === 'true') return true;
  return null;
}

function asObjects(value: unknown): LdObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  return value && typeof value === 'object' ? [value as LdObject] : [];
}

/**
 * A page's public metadata, from the same parse and JSON-LD reading as extraction: JSON-LD article
 * objects win over Open Graph and <meta> tags; a block that is not valid JSON is skipped, never thrown.
 */
export function readPublicMetadata(html: string): PublicMetadata {
  const page = parsePage(html);
  const article = articleObject(jsonLdObjects(page.jsonLd));
  const meta = (key: string) => {
    const value = page.meta.get(key);
    return value === undefined ? null : collapse(value) || null;
  };
  const canonical = findFirst(page.root, (el) => el.tag === 'link' && el.attrs.rel === 'canonical');
  const authors = ldNames(article?.author);
  const metaAuthor = meta('author');
  return {
    canonicalHref: canonical?.attrs.href ?? meta('og:url'),
    headline: ldText(article?.headline) ?? meta('og:title') ?? (collapse(page.documentTitle) || null),
    description: ldText(article?.description) ?? meta('description') ?? meta('og:description'),
    publishedAt: isoDate(ldText(article?.datePublished) ?? meta('article:published_time')),
    modifiedAt: isoDate(ldText(article?.dateModified) ?? meta('article:modified_time')),
    authors: authors.length > 0 ? authors : metaAuthor ? [metaAuthor] : [],
    section: ldText(article?.articleSection) ?? meta('article:section'),
    lang: ldText(article?.inLanguage) ?? (page.htmlLang ? collapse(page.htmlLang) || null : null),
    accessibleForFree: accessible(article?.isAccessibleForFree),
    paywalledSelectors: asObjects(article?.hasPart)
      .filter((part) => accessible(part.isAccessibleForFree) === false)
      .flatMap((part) => ldNames(part.cssSelector)),
  };
}

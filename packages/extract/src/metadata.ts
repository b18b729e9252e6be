import { findFirst, type HtmlElement, type ParsedPage, textOf } from './dom';
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

type LdObject = Record<string, unknown>;

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
      // A broken JSON-LD block is common on real pages; the meta tags and the body still count.
    }
  }
  return out;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|PressRelease|WebPage)$/;

function isArticle(obj: LdObject): boolean {
  const type = obj['@type'];
  return Array.isArray(type)
    ? type.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))
    : typeof type === 'string' && ARTICLE_TYPES.test(type);
}

function ldString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(ldString).filter((v): v is string => Boolean(v));
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value)
    return ldString((value as { name: unknown }).name);
  return undefined;
}

/** Any parseable date → ISO 8601 with offset; unparseable → null. */
export function toIsoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!/\d{4}/.test(trimmed)) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
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

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

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
  const article = ld.find(isArticle) ?? ld[0];
  const { meta, root } = page;

  const titleHint = hinted(root, hints.title);
  const h1 = findFirst(root, (el) => el.tag === 'h1');
  const title = collapse(
    (titleHint && textOf(titleHint)) ||
      ldString(article?.headline) ||
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
        ldString(article?.author) ||
        firstMeta(meta, ['author', 'article:author', 'dc.creator', 'byl']) ||
        (bylineElement && textOf(bylineElement)) ||
        '',
    ) || null;

  const dateHint = hinted(root, hints.publishedAt);
  const urlDate = url?.match(/\/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:\/|$|[-_])/);
  const publishedAt =
    toIsoDate(dateHint && (dateHint.attrs.datetime ?? dateHint.attrs.content ?? textOf(dateHint))) ??
    toIsoDate(ldString(article?.datePublished)) ??
    toIsoDate(
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
    toIsoDate(page.firstTimeDatetime) ??
    (urlDate ? toIsoDate(`${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`) : null);
  const modifiedAt =
    toIsoDate(ldString(article?.dateModified)) ??
    toIsoDate(firstMeta(meta, ['article:modified_time', 'datemodified', 'og:updated_time', 'last-modified']));

  const declaredLang =
    primaryLanguageTag(page.htmlLang) ??
    primaryLanguageTag(firstMeta(meta, ['og:locale', 'content-language', 'language', 'dc.language'])) ??
    primaryLanguageTag(ldString(article?.inLanguage));

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

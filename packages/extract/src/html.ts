import type { Article } from '@parallax/core';
import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { detectLanguage, primaryLanguageTag } from './language';
import { ArticleTextBuilder, collapseWhitespace } from './text-builder';

export interface HtmlExtractOptions {
  /** The page's URL, used only as a last resort for a date (`/2024/09/03/`). */
  url?: string;
}

/** Elements that never hold article text. */
const NEVER_CONTENT =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, textarea, nav, footer, aside, dialog, figure, figcaption, [hidden], [aria-hidden="true"], [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

/**
 * Class/id words of page furniture: cookie banners, share bars, related links, newsletter boxes,
 * comments, ads. Matched as whole words of the class or id (split on - _ and spaces).
 */
const FURNITURE_WORDS = new Set([
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'banner',
  'newsletter',
  'signup',
  'subscribe',
  'subscription',
  'paywall',
  'share',
  'sharing',
  'social',
  'related',
  'recommended',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'sponsored',
  'comments',
  'comment',
  'breadcrumb',
  'breadcrumbs',
  'menu',
  'sidebar',
  'footer',
  'header',
  'masthead',
  'toolbar',
  'tags',
  'caption',
  'credit',
  'byline',
  'author',
  'dateline',
  'timestamp',
  'skip',
  'modal',
  'popup',
  'readmore',
  'more',
]);

const BLOCK_SELECTOR = 'p, h2, h3, h4, blockquote, li';

function furnitureScore(el: Element): boolean {
  const words = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words.some((w) => FURNITURE_WORDS.has(w));
}

function jsonLdObjects($: CheerioAPI): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()));
    } catch {
      // A broken JSON-LD block is common on real pages; the meta tags and the body still count.
    }
  });
  return out;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|PressRelease)$/;

function ldString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return ldString(value[0]);
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

function metaContent($: CheerioAPI, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const content = $(selector).first().attr('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** Strips a trailing " | Site" / " - Site" from a <title>. */
function cleanDocumentTitle(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? parts.slice(0, -1).join(' - ') : title;
}

/**
 * Picks the element that holds the article: an explicit article-body marker when the page has one,
 * otherwise the element whose paragraphs carry the most text (each paragraph credits its parent
 * fully and its grandparent by half, as Readability does).
 */
function findContentRoot($: CheerioAPI): Element | undefined {
  const explicit = $('[itemprop="articleBody"], article').toArray() as Element[];
  const best = explicit
    .map((el) => ({ el, length: $(el).find('p').text().length }))
    .sort((a, b) => b.length - a.length)[0];
  if (best && best.length > 200) return best.el;

  const scores = new Map<Element, number>();
  $('p').each((_, p) => {
    const length = collapseWhitespace($(p).text()).length;
    if (length < 25) return;
    const parent = p.parent as Element | null;
    if (parent?.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent?.parent as Element | null;
    if (grandparent?.type === 'tag') scores.set(grandparent, (scores.get(grandparent) ?? 0) + length / 2);
  });
  let root: Element | undefined;
  let top = 0;
  for (const [el, score] of scores) {
    if (score > top) {
      root = el;
      top = score;
    }
  }
  return root ?? ($('body').get(0) as Element | undefined);
}

function linkDensity($: CheerioAPI, el: AnyNode, textLength: number): number {
  if (textLength === 0) return 0;
  return collapseWhitespace($(el).find('a').text()).length / textLength;
}

/** HTML → Article: title, byline, dates, language and the body as blocks, furniture removed. */
export function extractArticle(html: string, options: HtmlExtractOptions = {}): Article {
  const $ = load(html);
  const ld = jsonLdObjects($);
  const articleLd = ld.find((o) => typeof o['@type'] === 'string' && ARTICLE_TYPES.test(o['@type'])) ?? ld[0];

  const title = collapseWhitespace(
    ldString(articleLd?.headline) ??
      metaContent($, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
      ($('h1').first().text() || cleanDocumentTitle($('title').first().text())),
  );
  const byline =
    ldString(articleLd?.author) ??
    metaContent($, ['meta[name="author"]', 'meta[property="article:author"]']) ??
    (collapseWhitespace($('[rel="author"], .byline').first().text()) || null);
  const urlDate = options.url?.match(/\/(20\d\d)[/-](\d\d)[/-](\d\d)\//);
  const publishedAt =
    toIsoDate(ldString(articleLd?.datePublished)) ??
    toIsoDate(
      metaContent($, [
        'meta[property="article:published_time"]',
        'meta[name="pubdate"]',
        'meta[name="date"]',
        'meta[itemprop="datePublished"]',
        'meta[name="dc.date"]',
      ]),
    ) ??
    toIsoDate($('time[datetime]').first().attr('datetime')) ??
    (urlDate ? toIsoDate(`${urlDate[1]}-${urlDate[2]}-${urlDate[3]}`) : null);
  const declaredLang =
    primaryLanguageTag($('html').attr('lang')) ??
    primaryLanguageTag(metaContent($, ['meta[property="og:locale"]', 'meta[http-equiv="content-language"]']));

  $(NEVER_CONTENT).remove();
  $('*').each((_, el) => {
    if (el.type === 'tag' && el.tagName !== 'html' && el.tagName !== 'body' && el.tagName !== 'article') {
      if (furnitureScore(el)) $(el).remove();
    }
  });

  const builder = new ArticleTextBuilder();
  builder.setHeadline(title);
  const root = findContentRoot($);
  if (root) {
    const headingTags = new Set(['h2', 'h3', 'h4']);
    $(root)
      .find(BLOCK_SELECTOR)
      .each((_, el) => {
        // A block inside another block (a <p> in a <blockquote> or <li>) is emitted by its ancestor.
        if ($(el).parents(BLOCK_SELECTOR).length > 0) return;
        const text = collapseWhitespace($(el).text());
        if (!text || text === title) return;
        if (linkDensity($, el, text.length) > 0.5) return;
        if (el.tagName === 'li' && text.length < 40) return;
        const type = headingTags.has(el.tagName)
          ? 'heading'
          : el.tagName === 'blockquote'
            ? 'quote'
            : el.tagName === 'li'
              ? 'list'
              : 'paragraph';
        builder.append(type, text);
      });
  }
  const draft = builder.build({ title, byline, publishedAt, lang: 'und' });
  return { ...draft, lang: declaredLang ?? detectLanguage(draft.text) };
}

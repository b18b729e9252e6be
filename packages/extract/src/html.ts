import type { Article, ExtractionHints } from '@parallax/core';
import { extractBody } from './content';
import { type HtmlElement, parsePage } from './dom';
import { detectLanguage } from './language';
import { readMetadata } from './metadata';
import { compileSelector } from './selector';
import { ArticleTextBuilder, collapseWhitespace } from './text-builder';

export interface HtmlExtractOptions {
  /** The page's URL, used only as a last resort for a date (`/2024/09/03/`). */
  url?: string;
  /** Selectors from the outlet's source profile; extraction stands on its own without them. */
  hints?: ExtractionHints;
}

function compileAll(selectors: readonly string[] | undefined) {
  if (!selectors?.length) return undefined;
  return selectors.map(compileSelector);
}

/** HTML → Article: title, byline, dates, language and the body as blocks, furniture removed. */
export function extractArticle(html: string, options: HtmlExtractOptions = {}): Article {
  const page = parsePage(html);
  const hints = options.hints;
  const meta = readMetadata(page, options.url, {
    title: hints?.title ? compileSelector(hints.title) : undefined,
    byline: hints?.byline ? compileSelector(hints.byline) : undefined,
    publishedAt: hints?.publishedAt ? compileSelector(hints.publishedAt) : undefined,
  });

  const removeTests = compileAll(hints?.remove);
  const remove = removeTests && ((el: HtmlElement) => removeTests.some((test) => test(el)));
  const blocks = extractBody(page.root, meta.ldArticleBody, { body: compileAll(hints?.body), remove });

  const builder = new ArticleTextBuilder();
  builder.setHeadline(meta.title);
  const title = collapseWhitespace(meta.title);
  for (const block of blocks) {
    if (block.text === title) continue;
    builder.append(block.type, block.text);
  }
  const draft = builder.build({ title, byline: meta.byline, publishedAt: meta.publishedAt, lang: 'und' });
  const article: Article = { ...draft, lang: meta.declaredLang ?? detectLanguage(draft.text) };
  return meta.modifiedAt ? { ...article, modifiedAt: meta.modifiedAt } : article;
}

import type { Article, TextBlock } from '@parallax/core';
import { detectLanguage } from './language';

/**
 * A plain-text document taken as it is: `text` is the input unchanged, so every offset refers to the
 * file's own characters. Its first line is the headline when a blank line follows it.
 */
export function articleFromText(
  text: string,
  options: { lang?: string; publishedAt?: string } = {},
): Article {
  const blocks: TextBlock[] = [];
  const paragraph = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index + lead;
    blocks.push({ type: 'paragraph', start, end: start + trimmed.length });
  }
  const first = blocks[0];
  let headlineEnd = 0;
  let title = '';
  if (first && blocks.length > 1 && !text.slice(first.start, first.end).includes('\n')) {
    first.type = 'title';
    headlineEnd = first.end;
    title = text.slice(first.start, first.end);
  }
  return {
    title,
    byline: null,
    publishedAt: options.publishedAt ?? null,
    lang: options.lang ?? detectLanguage(text),
    text,
    blocks,
    headlineEnd,
  };
}

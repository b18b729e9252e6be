import type { Article, TextBlock } from '@parallax/core';

type BlockType = TextBlock['type'];

/** Whitespace inside one block collapses to single spaces; blocks are separated by a blank line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Builds the document text that all offsets refer to: headline, blank line, blocks. */
export class ArticleTextBuilder {
  private text = '';
  private readonly blocks: TextBlock[] = [];
  private headlineEnd = 0;

  setHeadline(title: string): void {
    const headline = collapseWhitespace(title);
    if (!headline) return;
    this.append('title', headline);
    this.headlineEnd = headline.length;
  }

  append(type: BlockType, raw: string): void {
    const block = collapseWhitespace(raw);
    if (!block) return;
    if (this.text) this.text += '\n\n';
    const start = this.text.length;
    this.text += block;
    this.blocks.push({ type, start, end: this.text.length });
  }

  build(meta: Pick<Article, 'title' | 'byline' | 'publishedAt' | 'lang'>): Article {
    return { ...meta, text: this.text, blocks: this.blocks, headlineEnd: this.headlineEnd };
  }
}

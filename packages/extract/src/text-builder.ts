import type { Article, TextBlock } from '@parallax/core';

type BlockType = TextBlock['type'];

const WHITESPACE = /[\s\u00a0\u200b]+/;
/** Whitespace other than single spaces: what collapsing would change. */
const NEEDS_COLLAPSE = /[^\S ]|[\u00a0\u200b]| {2}/;

/**
 * Whitespace inside one block collapses to single spaces; blocks are separated by a blank line.
 * split/join rather than a global replace: on a long paragraph, V8's replace result costs about 15
 * bytes a character on the heap, a joined string two; text already single-spaced is not copied.
 */
export function collapseWhitespace(text: string): string {
  return (NEEDS_COLLAPSE.test(text) ? text.split(WHITESPACE).join(' ') : text).trim();
}

/** Builds the document text that all offsets refer to: headline, blank line, blocks. */
export class ArticleTextBuilder {
  /** The text's pieces, joined once in build(): one flat string instead of a rope of every block. */
  private readonly parts: string[] = [];
  private length = 0;
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
    if (this.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const start = this.length;
    this.parts.push(block);
    this.length += block.length;
    this.blocks.push({ type, start, end: this.length });
  }

  build(meta: Pick<Article, 'title' | 'byline' | 'publishedAt' | 'lang'>): Article {
    return { ...meta, text: this.parts.join(''), blocks: this.blocks, headlineEnd: this.headlineEnd };
  }
}

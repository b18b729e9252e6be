import type { Span } from './sentences';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when the quote is never closed). */
  close: number;
  /** The quoted words, without marks and without trailing attribution punctuation. */
  contentStart: number;
  contentEnd: number;
  mark: string;
}

/** Opening mark → the marks that may close it. */
const PAIRS: Record<string, string> = {
  '“': '”',
  '«': '»',
  '„': '“”',
  '"': '"',
};

/** Longest quote we accept; longer runs are unbalanced marks, not quotes. */
const MAX_QUOTE_LENGTH = 3_000;

function isOpeningStraightQuote(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : (text[i - 1] as string);
  const after = text[i + 1] ?? ' ';
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}

/**
 * Top-level quotations in a paragraph. Marks nested inside a quotation belong to it. A quotation
 * still open at the paragraph's end closes there (news style reopens a continuing quote in the next
 * paragraph with a fresh opening mark). Never throws on unbalanced marks.
 */
export function findQuotes(text: string, paragraph: Span): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let i = paragraph.start;
  while (i < paragraph.end) {
    const ch = text[i] as string;
    const closers = PAIRS[ch];
    if (!closers || (ch === '"' && !isOpeningStraightQuote(text, i))) {
      i++;
      continue;
    }
    const limit = Math.min(paragraph.end, i + MAX_QUOTE_LENGTH);
    let j = i + 1;
    let depth = 0;
    while (j < limit) {
      const c = text[j] as string;
      if (ch === '„' && c === '„') depth++;
      else if (closers.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if (ch !== '“' && ch !== '"' && c === ch) depth++;
      j++;
    }
    const closed = j < limit;
    if (!closed && limit < paragraph.end) {
      // Unbalanced mark in a long paragraph: not a quotation.
      i++;
      continue;
    }
    let contentStart = i + 1;
    let contentEnd = j;
    while (contentStart < contentEnd && /\s/.test(text[contentStart] as string)) contentStart++;
    while (contentEnd > contentStart && /[\s,;:]/.test(text[contentEnd - 1] as string)) contentEnd--;
    if (contentEnd > contentStart) {
      out.push({ open: i, close: closed ? j + 1 : j, contentStart, contentEnd, mark: ch });
    }
    i = closed ? j + 1 : j;
  }
  return out;
}

import { communicationVerb } from './lexicon';
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
  // Single marks: British primary quotes and German/Polish ‚…‘; also the CJK corner brackets.
  '‘': '’',
  // Typed straight single marks ('feat of diplomacy'), as British and wire copy print them.
  "'": "'",
  '‚': '‘’',
  '「': '」',
  '『': '』',
};

/** Marks that double as apostrophes ("don’t", "O’Keeffe", "farmers’"): they open and close only at word edges. */
const APOSTROPHE_LIKE = new Set(['‘', '’', "'"]);

/** Longest quote we accept; longer runs are unbalanced marks, not quotes. */
const MAX_QUOTE_LENGTH = 3_000;
/**
 * A straight single mark is more often an apostrophe ("the '90s", "rock 'n' roll"): it opens only
 * before a letter, must close within the paragraph and within this many characters.
 */
const MAX_STRAIGHT_SINGLE_LENGTH = 600;

function isOpeningStraightQuote(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : (text[i - 1] as string);
  const after = text[i + 1] ?? ' ';
  return /[\s([{—–:-]/.test(before) && !/\s/.test(after);
}

/** A closing single mark ends a word and is not followed by a letter (else it is an apostrophe). */
function isClosingSingleQuote(text: string, i: number): boolean {
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/**
 * An opening curly mark typed where the closing one belongs, or the other style's closing mark:
 * right after the quotation's last punctuation and before a space (“It was unusual,“ she said;
 * “It was unusual," she said): it closes the quotation.
 */
function mistypedClose(text: string, i: number, mark: string): boolean {
  const ch = text[i];
  // Mixed styles: “…," she said / "…” he said — the other style's closing mark after punctuation.
  if (!((mark === '“' && (ch === '“' || ch === '"')) || (mark === '"' && ch === '”'))) return false;
  return /[,.!?]/.test(text[i - 1] ?? '') && (i + 1 >= text.length || /\s/.test(text[i + 1] as string));
}

function opensAt(text: string, i: number, ch: string): boolean {
  if (!PAIRS[ch]) return false;
  // Two straight single marks are a typed double one (''…''), read as neither.
  if (ch === "'" && (!/\p{L}/u.test(text[i + 1] ?? '') || text[i - 1] === "'")) return false;
  if (ch === '"' || APOSTROPHE_LIKE.has(ch)) return isOpeningStraightQuote(text, i);
  return true;
}

/**
 * Top-level quotations in a paragraph, in one pass. Marks nested inside a quotation belong to it. A
 * quotation still open at the paragraph's end closes there (news style reopens a continuing quote in
 * the next paragraph with a fresh opening mark). A mark left open longer than MAX_QUOTE_LENGTH is an
 * unbalanced mark, not a quotation: it is dropped and scanning goes on from where it stands, so
 * hostile text costs linear time and never throws.
 */
export function findQuotes(text: string, paragraph: Span): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  let mark = '';
  let depth = 0;
  const emit = (closeAt: number, closed: boolean) => {
    let contentStart = open + 1;
    let contentEnd = closeAt;
    while (contentStart < contentEnd && /\s/.test(text[contentStart] as string)) contentStart++;
    while (contentEnd > contentStart && /[\s,;:]/.test(text[contentEnd - 1] as string)) contentEnd--;
    // "rock 'n' roll": a straight single mark round one letter is two apostrophes.
    const tooShort = mark === "'" && !/\p{L}{2}/u.test(text.slice(contentStart, contentEnd));
    if (contentEnd > contentStart && !tooShort)
      out.push({ open, close: closed ? closeAt + 1 : closeAt, contentStart, contentEnd, mark });
    open = -1;
  };
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i] as string;
    if (open < 0) {
      if (opensAt(text, i, ch)) {
        open = i;
        mark = ch;
        depth = 0;
      }
      continue;
    }
    if (i - open > (mark === "'" ? MAX_STRAIGHT_SINGLE_LENGTH : MAX_QUOTE_LENGTH)) {
      open = -1;
      i--; // look at this character again as a possible opening mark
      continue;
    }
    // A line opening with the same mark while a quotation is open: the open one was never closed
    // (news style reopens a continuing quotation on the next line; a forgotten mark reads the same).
    if (ch === mark && text[i - 1] === '\n' && (mark === '“' || mark === '«' || mark === '„')) {
      const lineEnd = i - 1;
      const tag = forgottenClose(text, open + 1, lineEnd);
      emit(tag >= 0 ? tag : lineEnd, false);
      open = i;
      depth = 0;
      continue;
    }
    const closers = PAIRS[mark] as string;
    if (
      (closers.includes(ch) &&
        (!APOSTROPHE_LIKE.has(ch) ||
          (isClosingSingleQuote(text, i) &&
            !(ch === "'" && (text[i + 1] === "'" || text[i - 1] === "'"))))) ||
      mistypedClose(text, i, mark)
    ) {
      if (depth === 0) emit(i, true);
      else depth--;
    } else if (ch === mark && mark !== '"' && mark !== "'" && mark !== '“' && opensAt(text, i, ch)) {
      depth++;
    }
  }
  if (open >= 0 && mark !== "'" && paragraph.end - open <= MAX_QUOTE_LENGTH) {
    const tag = forgottenClose(text, open + 1, paragraph.end);
    if (tag >= 0) emit(tag, false);
    else emit(paragraph.end, false);
  }
  return out;
}

/** The attribution that ends a paragraph: ", SPEAKER (…) said (in a statement)." — at most this many words. */
const MAX_TAG_WORDS = 25;

/**
 * Where a quotation left open ends when its closing mark was forgotten before the attribution
 * ("“… all for doing his job, Editor in Chief Emma Tucker said in a statement."): the comma before
 * a closing tag of capitalised words and a verb of saying in the past; -1 when there is none (a
 * quotation continued in the next paragraph, news style, runs to the paragraph's end).
 */
function forgottenClose(text: string, from: number, end: number): number {
  const comma = text.lastIndexOf(', ', end);
  if (comma <= from) return -1;
  const tail = text.slice(comma + 2, end).trim();
  const words = tail.split(/\s+/);
  if (words.length < 2 || words.length > MAX_TAG_WORDS || !/^\p{Lu}/u.test(tail) || !/[.!]$/.test(tail))
    return -1;
  if (/[“”"«»„]/u.test(tail)) return -1;
  const verb = words.findIndex((w) => communicationVerb(w.replace(/[.,;:!]+$/, '')) !== null);
  // The speaker before the verb: capitalised words (a name, a title), at least one.
  if (verb < 1 || !words.slice(0, verb).some((w) => /^\p{Lu}/u.test(w))) return -1;
  const before = text.slice(from, comma).trim().split(/\s+/).length;
  return before >= 3 ? comma : -1;
}

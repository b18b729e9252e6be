export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

/** Abbreviations that end in a period without ending a sentence (lowercase, without the period). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'sen',
  'rep',
  'gov',
  'pres',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'approx',
  'est',
  'т',
  'г',
  'гг',
  'им',
]);

/** Paragraphs: runs of text separated by blank lines, as offsets into `text`. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  // A line of spaces, tabs or a lone carriage return is blank: CRLF files split like LF files.
  for (const match of text.matchAll(/[^\n]+(?:\n(?![ \t\r]*(?:\n|$))[^\n]*)*/g)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
  }
  return out;
}

const CLOSERS = '"”’»“)]';

/**
 * Sentences inside paragraphs. A sentence ends at . ! ? or … (plus any closing quotes or brackets)
 * followed by whitespace and an upper-case letter, digit or opening quote — unless the word before
 * the period is a known abbreviation or a single initial ("V. Putin").
 */
const LIST_ITEM = /^[^\S\n]*[•·▪►■*–—-][^\S\n]/u;

export function splitSentences(text: string, paragraphs: Span[] = splitParagraphs(text)): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((para, paragraph) => {
    let start = para.start;
    let i = para.start;
    while (i < para.end) {
      const ch = text[i] as string;
      // A list item on its own line is a sentence of its own, punctuated or not ("• Ferry services
      // cancelled\n• More than 40,000 homes without power, says SSEN").
      if (ch === '\n' && LIST_ITEM.test(text.slice(i + 1, Math.min(para.end, i + 4)))) {
        let end = i;
        while (end > start && /\s/.test(text[end - 1] as string)) end--;
        if (end > start) out.push({ start, end, paragraph });
        start = i + 1;
        i++;
        continue;
      }
      if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
        let end = i + 1;
        while (end < para.end && (text[end] === '.' || CLOSERS.includes(text[end] as string))) end++;
        let next = end;
        while (next < para.end && /\s/.test(text[next] as string)) next++;
        const following = text[next];
        const boundary =
          next > end &&
          following !== undefined &&
          /[\p{Lu}\p{N}"“«„‘(]/u.test(following) &&
          !(ch === '.' && isAbbreviation(text, start, i));
        if (boundary || end >= para.end) {
          out.push({ start, end, paragraph });
          start = next;
          i = next;
          continue;
        }
        i = end;
        continue;
      }
      i++;
    }
    if (start < para.end) {
      const chunk = text.slice(start, para.end);
      if (chunk.trim()) out.push({ start, end: para.end, paragraph });
    }
  });
  return out;
}

function isAbbreviation(text: string, sentenceStart: number, periodIndex: number): boolean {
  let j = periodIndex;
  while (j > sentenceStart && /[\p{L}.]/u.test(text[j - 1] as string)) j--;
  const word = text.slice(j, periodIndex).toLowerCase();
  if (!word) return false;
  if (/^\p{L}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word);
}

/**
 * The bounds of the clause that carries a partial quote (English), as PARC 3.0 and PolNeAR mark a
 * content span: it opens after the cue nearest the fragment ("… and called the plan “a disaster”" →
 * "the plan “a disaster”") and ends where a coordinated or participial cue opens the next
 * attribution ("“a disaster,” saying that …", "… and said …").
 */
import { CUE_VERBS } from './attribution';
import { communicationLemma, communicationVerb } from './lexicon';

const VERB_BEFORE = /^(?:is|are|was|were|been|be|by|statement|post|tweet|letter|report|release)$/;

const WORD = /\p{L}[\p{L}’'-]*/gu;

/** A word that is a cue in the running text of an English sentence (lower case). */
function isCue(word: string): boolean {
  return word === word.toLowerCase() && (CUE_VERBS.has(word) || communicationVerb(word) !== null);
}

/**
 * The offset just after the last cue verb in masked[from, to) (quotations already masked), or -1.
 * "according to" counts as one cue; a cue with its particle ("referred to", "pointed out") ends after it.
 */
export function cueEndBefore(text: string, masked: string, from: number, to: number): number {
  const slice = masked.slice(from, to);
  let end = -1;
  let previous = '';
  for (const m of slice.matchAll(WORD)) {
    const word = m[0];
    const before = previous;
    previous = word.toLowerCase();
    // An -ing or -s form is a verb after an auxiliary, "by" or a comma, or after a noun that speaks
    // ("is telling", "by saying", ", urging", "the statement declares").
    const verbal =
      VERB_BEFORE.test(before) ||
      /,[”"’]?\s*$/.test(text.slice(Math.max(0, from + m.index - 4), from + m.index));
    if (!isCue(word) && !(verbal && word === word.toLowerCase() && communicationLemma(word))) continue;
    end = from + m.index + word.length;
    const rest = slice.slice(m.index + word.length);
    // "… telling reporters that “…”": the clause opens at "that".
    const that = /\bthat\s/.exec(rest);
    const particle = /^\s+(?:to|out|of|on|about|back)\b/.exec(rest);
    if (that) end += that.index;
    else if (particle && /^(?:refer|point|spoke|speak|talk|wrote|fire|shot)/.test(word))
      end += particle[0].length;
  }
  return end;
}

/** A coordinated or participial cue that opens another attribution: ", saying", " and said", " but warned". */
const NEXT_CUE = /(?:,\s+|\s+(?:and|but)\s+)(?:(?:also|then|later|again)\s+)?(\p{Ll}[\p{L}’'-]*)/gu;
const PARTICIPLES =
  /^(?:saying|adding|calling|claiming|telling|insisting|arguing|warning|noting|describing|accusing|urging|declaring|vowing|promising|asking|suggesting|predicting|stressing|explaining)$/;

const CLAUSE_AFTER = /^,?\s+\p{Ll}+ing\s|^,\s+(?:an?)\s|^\s*[–—]\s/u;

/** Where the clause that holds masked[from…] ends before another attribution begins, or -1. */
export function nextAttributionStart(text: string, masked: string, from: number, to: number): number {
  // Bounded: the next attribution is near, and a sentence may be a megabyte long.
  const slice = masked.slice(from, Math.min(to, from + 400));
  // A quotation that ends in a comma inside its marks (“…,” telling …) leaves the comma behind it.
  const comma = /[,，]\s*[”"»’]$/.test(text.slice(Math.max(0, from - 3), from));
  const participle = comma ? /^\s+(\p{Ll}+)/u.exec(slice) : null;
  if (participle && PARTICIPLES.test(participle[1] as string)) return from;
  // The fragment closes its clause when what follows it opens another: a participle (", referring
  // to …"), an apposition (", a swipe at …") or a dash — unless another fragment follows in the
  // sentence. (A coordinated clause, "“…” and fought back", stays: PolNeAR keeps it as often as not.)
  if (CLAUSE_AFTER.test(slice) && !/[“"«„]/.test(slice)) return from;
  for (const m of slice.matchAll(NEXT_CUE)) {
    const word = m[1] as string;
    if (PARTICIPLES.test(word) || (!m[0].startsWith(',') && isCue(word))) return from + m.index;
  }
  return -1;
}

import { isFunctionWord, snowballStemmer } from './lexicon';

/** Zero-width, bidi-control and other invisible characters that hostile or sloppy pages carry. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Canonical text for comparison: Unicode NFKC, invisible characters removed, every quotation mark,
 * apostrophe and dash variant unified, lower case, whitespace collapsed.
 */
export function canonicalText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds Latin diacritics (Khürelsükh → Khurelsukh); Cyrillic letters are kept. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

// Initialisms keep their periods (u.s., u.n.) and grouped numbers their commas (1,500), so neither
// reads as a sentence end or two words.
const WORD = /(?:\p{L}\.){2,}(?!\p{L})|\d{1,3}(?:,\d{3})+(?!\d)|[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*|[.!?]/gu;

/**
 * Words of a text in canonical form, with sentence-final punctuation kept as its own token so that a
 * diff can tell a cut at a sentence boundary from a cut mid-sentence.
 */
export function words(text: string): string[] {
  return canonicalText(text).match(WORD) ?? [];
}

const EN_STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just may me might more most must
my myself no nor not of off on once only or other our ours ourselves out over own same shall she should so
some such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours yourself
yourselves said says say told according`.split(/\s+/),
);
const RU_STOPWORDS = new Set(
  'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между'.split(
    ' ',
  ),
);
const MN_STOPWORDS = new Set(
  'ба болон нь бол юм байна байсан байх гэж гэв гэжээ энэ тэр бид та би мөн ч харин хэмээн дээр тул учир гэсэн гэх зэрэг их маш бас ийм тийм өөр'.split(
    ' ',
  ),
);

export function isStopword(word: string): boolean {
  return EN_STOPWORDS.has(word) || RU_STOPWORDS.has(word) || MN_STOPWORDS.has(word);
}

/**
 * A light English stemmer: enough to match "supplying" with "supply", "warrants" with "warrant" and
 * "Mongolian" with "Mongolia" (demonyms fold to the country). Other scripts are returned unchanged.
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (!/^[a-z0-9-]+$/.test(w)) return w;
  if (w.length > 5 && w.endsWith('ian')) return w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ians')) return w.slice(0, -2); // plural demonyms fold the same way
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/**
 * Stems of the content words (no stopwords, no punctuation). With a language other than English
 * that Snowball knows (see lexicon.ts), its words are stemmed by that language's rules; English and
 * unknown languages get the light English stemmer.
 */
export function contentStems(text: string, lang?: string): string[] {
  return contentStemsOf(words(text), lang);
}

/** contentStems over words already split (see words). */
export function contentStemsOf(list: readonly string[], lang?: string): string[] {
  const snowball = lang && !lang.startsWith('en') ? snowballStemmer(lang) : null;
  return list
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !isStopword(w) && !isFunctionWord(w, lang))
    .map(snowball ? (w) => (/^\d/.test(w) ? w : snowball(w)) : stem);
}

/** Numbers written in a text, as digit strings ("1,500" → "1500"). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) =>
    m[0].replace(/,(?=\d{3})/g, '').replace(/,$/, ''),
  );
}

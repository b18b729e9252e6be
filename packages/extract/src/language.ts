/**
 * Script- and stopword-based language identification, enough to route text to the right statement
 * rules (English, Russian, Mongolian, Ukrainian). Returns a BCP 47 primary tag, or 'und'.
 */
const MONGOLIAN_LETTERS = /[өүӨҮ]/g;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/g;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

const LATIN_STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'for', 'was', 'on', 'said']),
  de: new Set(['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'auf', 'ein', 'eine']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que', 'qui']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'que', 'en', 'del', 'por', 'una', 'para']),
};

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cyrillic = count(sample, CYRILLIC);
  const latin = count(sample, LATIN);
  if (cyrillic === 0 && latin === 0) return 'und';
  if (cyrillic > latin) {
    const mongolian = count(sample, MONGOLIAN_LETTERS);
    const ukrainian = count(sample, UKRAINIAN_LETTERS);
    if (mongolian / cyrillic > 0.01) return 'mn';
    if (ukrainian / cyrillic > 0.01) return 'uk';
    return 'ru';
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'en';
  let bestHits = 0;
  for (const [lang, stopwords] of Object.entries(LATIN_STOPWORDS)) {
    let hits = 0;
    for (const word of words) if (stopwords.has(word)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}

/** `en-US` → `en`; anything unusable → undefined. */
export function primaryLanguageTag(tag: string | undefined | null): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

import { franc } from 'franc';

/**
 * Language identification, enough to route text to the right statement rules, dictionaries and
 * translators: franc's trigram models (MIT; trained on the Universal Declaration of Human Rights in
 * hundreds of languages), limited to the languages Parallax reads, with two script rules franc's
 * short samples get wrong — Mongolian Cyrillic has ө and ү, Ukrainian і, ї, є and ґ. Returns a
 * BCP 47 primary tag, or 'und'.
 */
const MONGOLIAN_LETTERS = /[өүӨҮ]/g;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/g;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LETTERS = /\p{L}/gu;

/** franc's ISO 639-3 codes of the languages Parallax reads → their ISO 639-1 tags. */
const TAGS: Record<string, string> = {
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  tur: 'tr',
  nld: 'nl',
  ron: 'ro',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  fin: 'fi',
  hun: 'hu',
  ces: 'cs',
  slk: 'sk',
  slv: 'sl',
  hrv: 'hr',
  est: 'et',
  lit: 'lt',
  lvs: 'lv',
  isl: 'is',
  ind: 'id',
  rus: 'ru',
  bul: 'bg',
  mkd: 'mk',
  srp: 'sr',
  ell: 'el',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  heb: 'he',
  pes: 'fa',
};
/** Cyrillic text is Russian unless franc says Bulgarian or Macedonian (Serbian it confuses with Russian). */
const CYRILLIC_CANDIDATES = ['rus', 'bul', 'mkd'];
const OTHER_CANDIDATES = Object.keys(TAGS).filter(
  (code) => !CYRILLIC_CANDIDATES.includes(code) && code !== 'srp',
);
/** Enough text to tell languages apart; more only costs time (a page is read once per language call). */
const SAMPLE = 2_000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const letters = count(sample, LETTERS);
  if (letters === 0) return 'und';
  const cyrillic = count(sample, CYRILLIC);
  if (cyrillic > letters / 2) {
    if (count(sample, MONGOLIAN_LETTERS) / cyrillic > 0.01) return 'mn';
    if (count(sample, UKRAINIAN_LETTERS) / cyrillic > 0.01) return 'uk';
    const code = franc(sample, { only: CYRILLIC_CANDIDATES, minLength: 10 });
    return TAGS[code] ?? 'ru';
  }
  const code = franc(sample, { only: OTHER_CANDIDATES, minLength: 10 });
  // Too little text to tell: Latin script reads as English, as before; any other script is unknown.
  return TAGS[code] ?? (count(sample, /\p{Script=Latin}/gu) > letters / 2 ? 'en' : 'und');
}

/** `en-US` → `en`; anything unusable → undefined. */
export function primaryLanguageTag(tag: string | undefined | null): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

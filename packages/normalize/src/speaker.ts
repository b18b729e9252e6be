import { countryOf, isPlaceName } from './countries';
import { isSpeakerNoun, labelWord } from './lexicon';
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
  /** The countries its words stand for (ISO 3166-1 alpha-2, sorted): see countries.ts. */
  countries: string[];
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

/** Bodies and offices in transliterated Russian, whatever their case ending (Кремля → kremlya). */
const ORG_PREFIXES = /^(?:kreml|prezident|ministerstv|pravitelstv|press-sluzhb|posolstv|vedomstv|ofis)/;
/** Those bodies under their English descriptors, so that "пресс-служба Кремля" meets "the Kremlin". */
const RUSSIAN_BODIES: Array<[RegExp, string[]]> = [
  [/^kreml/, ['kremlin']],
  [/^prezident/, ['president']],
  [/^ministerstv/, ['ministry']],
  [/^pravitelstv/, ['government']],
  [/^press-sluzhb/, ['press', 'service']],
  [/^posolstv/, ['embassy']],
  [/^vedomstv/, ['department']],
];

/** Mongolian genitive endings on patronymics ("Ukhnaagiin" → "ukhnaa"). */
function stripPatronymic(token: string): string {
  return token.length > 6 ? token.replace(/(?:giin|iin|yn)$/, '') : token;
}

export function canonicalSpeaker(label: string): CanonicalSpeaker {
  const raw = tokensOf(label);
  const countries = countriesIn(label);
  const body = namesABody(label, raw);
  const person: string[] = [];
  const descriptors: string[] = [];
  // A capitalised run right after "of" ("representative of the Social Democrats", "President of
  // Russia") is the body a role belongs to, never a person's name.
  let ofBody = false;
  for (const token of raw) {
    const lower = token.toLowerCase().replace(/-(?:yn|ын|iin)$/, '');
    if (lower === 'of') {
      ofBody = true;
      continue;
    }
    if (lower === 'the' && ofBody) continue;
    const capitalised = /^\p{Lu}/u.test(token);
    if (!capitalised) ofBody = false;
    if (DROP.has(lower.replace(/\.$/, ''))) continue;
    const isName =
      !body &&
      !ofBody &&
      !ORG_PREFIXES.test(lower) &&
      capitalised &&
      !ORG_WORDS.has(lower) &&
      !ORG_KEYS.has(nameKey(lower)) &&
      !/^\p{Lu}\.?$/u.test(token) &&
      lower.length > 1;
    if (isName && !/^\p{Lu}{2,}$/u.test(token)) person.push(stripPatronymic(lower.replace(/\.$/, '')));
    else {
      const expanded =
        SYNONYMS[lower] ??
        RUSSIAN_BODIES.find(([re]) => re.test(lower))?.[1] ??
        (lower === 'foreign' ? ['foreign', 'affairs'] : [lower.replace(/\.$/, '')]);
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
  return { key, name, person, descriptors: uniqueDescriptors, countries };
}

/** The countries a label's words stand for ("Russia’s", "Turkish", "Ankara", "МИД России"), as ISO codes. */
function countriesIn(label: string): string[] {
  const words = label.split(/[\s,]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    // Where a body sits is not whose it is: "the Russian Embassy in Ulaanbaatar" is Russia's.
    if (/^(?:in|at|в|во)$/iu.test(words[i] as string)) {
      i += /^the$/i.test(words[i + 1] ?? '') ? 2 : 1;
      continue;
    }
    // Two-word names first ("United States", "South Africa", "North Korea").
    const pair = i + 1 < words.length ? countryOf(`${words[i]} ${words[i + 1]}`) : null;
    const code = pair ?? countryOf(words[i] as string);
    if (code) out.add(code);
    if (pair) i++;
  }
  return [...out].sort();
}

/**
 * Whether a label names a body, though capitalised like a name ("The Border Service", "Danish
 * authorities", "Federation of Ohio Farmers", "Copenhagen"): every capitalised word is a
 * country, a known body or title word, or a common English word (WordNet), none a word WordNet
 * knows only as a name — and either the label opens with an article or one word is a country, an
 * institution or an adjective (not a kind of person: "Baker" is a surname too).
 */
function namesABody(label: string, raw: string[]): boolean {
  let evidence = /^(?:the|a|an)\s/i.test(label.trim());
  let capitals = 0;
  for (const token of raw) {
    if (!/^\p{Lu}/u.test(token) || /^\p{Lu}{2,}$/u.test(token)) continue;
    const lower = token.toLowerCase().replace(/\.$/, '');
    if (DROP.has(lower)) continue;
    capitals++;
    if (ORG_WORDS.has(lower) || countryOf(token)) {
      evidence = true;
      continue;
    }
    if (!/^[\p{Script=Latin}'’.-]+$/u.test(token)) return false;
    const known = labelWord(lower);
    if (!known.common) return false;
    if (known.person && !/^(?:the|a|an)\s/i.test(label.trim())) return false;
    if (known.kind === 'body' || known.kind === 'adjective') evidence = true;
  }
  return capitals > 0 && evidence;
}

/** Whether a descriptor names a country ("russia", "us", "turkish"): see countries.ts. */
function isCountryWord(token: string): boolean {
  return isPlaceName(token.charAt(0).toUpperCase() + token.slice(1));
}

/** Two speakers placed in countries, none in common: never one speaker. */
function otherCountries(a: CanonicalSpeaker, b: CanonicalSpeaker): boolean {
  return (
    a.countries.length > 0 && b.countries.length > 0 && !a.countries.some((c) => b.countries.includes(c))
  );
}

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
  if (otherCountries(a, b)) return false;
  return overlapRatio(aCore, bCore) >= 0.5;
}

/**
 * A script-neutral key for one name token: transliterated to Latin, diacritics folded, spelled
 * tolerantly (see nameKey) and cut to its first five letters, so that inflected forms in Russian and
 * Mongolian ("Путины", "Монголын") and other scripts' spellings ("Морикава" ~ "Morikawa") meet. The
 * one such key in the project: blocking in align, names in events, holders of offices in compare.
 */
export function nameStem(token: string): string {
  return spelling(
    nameKey(
      foldDiacritics(transliterate(token))
        .toLowerCase()
        .replace(/['’]s$/, ''),
    ),
  ).slice(0, 5);
}

/**
 * One name as the languages of Europe spell it, reduced to what they share: German and Polish write
 * w for v and j for y (Nawalnaja ~ Navalnaya, Selenskyj ~ Zelensky), French ï (Navalnaïa) and i for
 * y, German sch for sh. For comparing two spellings (sameName, nameStem), never shown.
 */
function spelling(key: string): string {
  return key
    .replace(/sch/g, 'sh')
    .replace(/w/g, 'v')
    .replace(/[jy]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Pronouns that stand for a speaker named elsewhere (English, Russian, Mongolian, German, French…). */
const ANAPHORS = new Set(
  'he she they it we i you him her his hers them their its он она они оно мы я вы тэр тэд би бид er sie il elle ils elles lui él ella ellos lei egli esso o onlar'.split(
    ' ',
  ),
);

/** Whether a label is only a pronoun ("he", "She", "они"): it names no one by itself. */
export function isAnaphor(label: string | null | undefined): boolean {
  if (!label) return false;
  const tokens = label.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return tokens.length > 0 && tokens.every((t) => ANAPHORS.has(t));
}

/** Words that show a label is a piece of the sentence, not a speaker ("Previously", "Quote", "Read more"). */
const NOT_A_SPEAKER = new Set(
  'quote quoted read more also earlier previously meanwhile however later video photo update updated watch listen lese-tipp tipp is was are were has have had will would body says said told'.split(
    ' ',
  ),
);

/**
 * Whether a label plausibly names who spoke: not a pronoun, not a possessive ("Navalny’s" is what
 * the words are about), not an adverb or gerund that opened the sentence ("Previously", "Calling
 * Putin…"), not a fragment with a verb in it.
 */
const speakerLabels = new Map<string, boolean>();

export function isSpeakerLabel(label: string | null | undefined): boolean {
  if (!label) return false;
  let known = speakerLabels.get(label);
  if (known === undefined) {
    known = looksLikeSpeaker(label);
    if (speakerLabels.size < 100_000) speakerLabels.set(label, known);
  }
  return known;
}

/** What carries words, not who says them: "the statement", "a report", "the letter". */
const DOCUMENT_NOUNS = new Set(
  'the a an this that statement statements report reports post letter communique communiqué release text message note document'.split(
    ' ',
  ),
);

function looksLikeSpeaker(label: string): boolean {
  if (isAnaphor(label)) return false;
  const tokens = label.match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  if (tokens.length === 0) return false;
  if (tokens.every((t) => DOCUMENT_NOUNS.has(t.toLowerCase()))) return false;
  const first = (tokens[0] as string).toLowerCase();
  const last = (tokens[tokens.length - 1] as string).toLowerCase();
  if (/['’]s?$/.test(last)) return false;
  if (tokens.length <= 3 && /^\p{Lu}/u.test(tokens[0] as string) && /(?:ly|ing)$/.test(first)) return false;
  return !tokens.some((t) => NOT_A_SPEAKER.has(t.toLowerCase()));
}

/** Levenshtein distance, stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/**
 * Whether two name tokens are one name spelled two ways: equal under nameKey, or one letter apart
 * in a name of five letters or more (Navalnaya ~ Navalnya, Tykhyi ~ Tykhii, Kareem ~ Karim after the
 * doubled letter folds). A feminine form stays apart: Petrov and Petrova are two people.
 */
const latinKeys = new Map<string, string>();
function latinKey(token: string): string {
  let key = latinKeys.get(token);
  if (key === undefined) {
    key = spelling(nameKey(foldDiacritics(transliterate(token)).toLowerCase()));
    if (latinKeys.size < 100_000) latinKeys.set(token, key);
  }
  return key;
}

export function sameName(a: string, b: string): boolean {
  const x = latinKey(a);
  const y = latinKey(b);
  if (x === y) return true;
  // A Russian surname's feminine form is the masculine plus -a (Petrov, Petrova): two people.
  if (x === `${y}a` || y === `${x}a`) return false;
  return Math.min(x.length, y.length) >= 5 && editDistance(x, y, 1) <= 1;
}

/** Offices held by one person at a time: "the Secretary-General" names whoever holds the office. */
const TITLES = new Set(
  'secretary-general secretary general president prezident prime minister chancellor premier pope king queen emperor chairman chairwoman chair governor mayor'.split(
    ' ',
  ),
);
/** Words that make a label an institution rather than a person or a title. */
const BODY_WORDS = new Set(
  'office ministry embassy service press kremlin government agency department council court administration house cabinet authorities committee commission'.split(
    ' ',
  ),
);
/** A body named by its kind alone ("the department", "the ministry", "authorities"): anyone's. */
const GENERIC_CORE = new Set(
  'office ministry department agency service government administration authorities official officials sources source press court embassy council committee commission foreign affairs'.split(
    ' ',
  ),
);

function core(speaker: CanonicalSpeaker): string[] {
  return speaker.descriptors.filter((t) => !ROLE_WORDS.has(t) && !TITLES.has(t));
}

/** Words that qualify a title without naming its holder ("the U.N. Secretary-General"). */
const QUALIFIERS = new Set(['the', 'u.n', 'u.n.', 'un', 'us', 'u.s', 'u.s.', 'eu', 'nato', 'uk']);
/** Offices a person is described by that are not one-holder titles. */
const OTHER_OFFICES = new Set(
  'spokesperson spokesman spokeswoman aide adviser advisor minister ambassador envoy deputy secretary official'.split(
    ' ',
  ),
);

function isTitleOnly(speaker: CanonicalSpeaker): boolean {
  const tokens = [...speaker.person, ...speaker.descriptors];
  return (
    speaker.person.every((t) => TITLES.has(t) || QUALIFIERS.has(t)) &&
    tokens.some((t) => TITLES.has(t)) &&
    !tokens.some((t) => BODY_WORDS.has(t))
  );
}

/**
 * The person a batch's labels give each one-holder title ("the US president" → "President Joe
 * Biden"): among the people described by that title, the one of the title's country when it names
 * one, or the only one when it names none. Unknown (null) when nobody or more than one person holds
 * it. `holderOf` answers for any speaker (a non-title too, with null).
 */
export function titleHolders(
  speakers: Iterable<CanonicalSpeaker>,
): (speaker: CanonicalSpeaker) => CanonicalSpeaker | null {
  const holders = new Map<string, CanonicalSpeaker[]>();
  for (const s of speakers) {
    if (s.person.length === 0 || isTitleOnly(s)) continue;
    for (const t of s.descriptors) {
      if (!TITLES.has(t)) continue;
      const list = holders.get(t) ?? [];
      const surname = s.person[s.person.length - 1] as string;
      if (!list.some((h) => sameName(h.person[h.person.length - 1] as string, surname))) list.push(s);
      holders.set(t, list);
    }
  }
  const answers = new Map<CanonicalSpeaker, CanonicalSpeaker | null>();
  return (speaker) => {
    if (!isTitleOnly(speaker)) return null;
    const known = answers.get(speaker);
    if (known !== undefined) return known;
    const titles = [...speaker.person, ...speaker.descriptors].filter((t) => TITLES.has(t));
    const candidates = [...new Set(titles.flatMap((t) => holders.get(t) ?? []))];
    const placed =
      speaker.countries.length > 0
        ? candidates.filter((c) => c.countries.some((x) => speaker.countries.includes(x)))
        : candidates;
    const answer = placed.length === 1 ? (placed[0] as CanonicalSpeaker) : null;
    answers.set(speaker, answer);
    return answer;
  };
}

/**
 * How two speaker labels relate, the one rule align and compare both use:
 * - `same`: one person (surnames spelled alike, in any script: see sameName) or one body;
 * - `related`: a person and the body he speaks for ("Kremlin spokesman Dmitry Peskov" and "the
 *   Kremlin"), a title and a holder it may name ("the president" and "Joe Biden"), a body and a bare
 *   kind of body ("the department", "authorities"): not different speakers, not proof of one;
 * - `different`: two people, or two bodies (of different countries, or sharing no word), or a person
 *   whose own descriptors place him in another body than the one named;
 * - `unknown`: nothing tells (a person with no descriptors against a body).
 */
export type SpeakerRelation = 'same' | 'related' | 'different' | 'unknown';

/** Relations already worked out, per pair of speaker objects (callers reuse one object per label). */
const relations = new WeakMap<CanonicalSpeaker, Map<CanonicalSpeaker, SpeakerRelation>>();

export function speakerRelation(a: CanonicalSpeaker, b: CanonicalSpeaker): SpeakerRelation {
  let known = relations.get(a);
  const cached = known?.get(b);
  if (cached !== undefined) return cached;
  const relation = relationOf(a, b);
  if (!known) {
    known = new Map();
    relations.set(a, known);
  }
  if (known.size < 10_000) known.set(b, relation);
  return relation;
}

function relationOf(a: CanonicalSpeaker, b: CanonicalSpeaker): SpeakerRelation {
  const aTitle = isTitleOnly(a);
  const bTitle = isTitleOnly(b);
  if (aTitle || bTitle) {
    if (aTitle && bTitle) return overlapRatio(a.descriptors, b.descriptors) > 0 ? 'same' : 'unknown';
    // A person described by another office ("Kremlin spokesman Dmitry Peskov" against "President of
    // Russia") cannot be the title's holder.
    // The American president is not Ankara's.
    if (otherCountries(a, b)) return 'different';
    const [title, other] = aTitle ? [a, b] : [b, a];
    const titles = [...title.person, ...title.descriptors].filter((t) => TITLES.has(t));
    const roles = other.descriptors.filter((t) => TITLES.has(t) || OTHER_OFFICES.has(t));
    return roles.length === 0 || roles.some((t) => titles.includes(t)) ? 'related' : 'different';
  }
  if (a.person.length > 0 && b.person.length > 0) {
    const aLast = a.person[a.person.length - 1] as string;
    const bLast = b.person[b.person.length - 1] as string;
    if (b.person.some((t) => sameName(t, aLast)) || a.person.some((t) => sameName(t, bLast))) return 'same';
    return 'different';
  }
  const ac = core(a);
  const bc = core(b);
  if (a.person.length > 0 || b.person.length > 0) {
    // A person and a body.
    // What a person is ("politician", "lawyer", "activist": a kind of person in WordNet) says
    // nothing of the body he belongs to: only his other descriptors can place him outside it.
    const [personal, body] = a.person.length > 0 ? [ac, bc] : [bc, ac];
    const person = personal.filter((t) => !isSpeakerNoun(t));
    if (body.length === 0 || body.every((t) => GENERIC_CORE.has(t) || isCountryWord(t))) {
      if (otherCountries(a, b)) return 'different';
      // A person placed in no country against a country's body ("Kremlin spokesman Peskov" or "EU
      // spokesperson Anna Lindqvist" against "Russia" or "Germany's Foreign Office"): nothing says
      // whether he speaks for that country.
      const personal = a.person.length > 0 ? a : b;
      const country = personal === a ? b : a;
      return personal.countries.length === 0 && country.countries.length > 0 ? 'unknown' : 'related';
    }
    // The person's label names the body ("Acme Gazette editor Jo Bloggs" against "Acme Gazette").
    const named = (a.person.length > 0 ? a : b).person;
    if (body.every((t) => named.includes(t))) return 'related';
    if (person.length === 0) return 'unknown';
    if (overlapRatio(person, body) > 0) return 'related';
    return 'different';
  }
  // Two bodies (or roles).
  if (sameSpeaker(a, b)) return 'same';
  if (otherCountries(a, b)) return 'different';
  if (ac.length === 0 || bc.length === 0) return 'related';
  const specific = (s: string[]) => s.filter((t) => !GENERIC_CORE.has(t) && !isCountryWord(t));
  const as = specific(ac);
  const bs = specific(bc);
  if (as.length === 0 || bs.length === 0) return 'related';
  return overlapRatio(as, bs) > 0 ? 'related' : 'different';
}

/** Collectives that name no one: "authorities", "officials", "sources". */
const COLLECTIVES = new Set(['authorities', 'officials', 'sources']);
const COLLECTIVE_QUALIFIERS = new Set(['the', 'some', 'local', 'senior', 'several']);

/** "Authorities", "officials", "sources": the reporter's unnamed collective for whoever spoke. */
const collectives = new Map<string, boolean>();

export function isUnnamedCollective(label: string | null | undefined): boolean {
  if (!label) return false;
  let known = collectives.get(label);
  if (known === undefined) {
    known = collectiveOnly(label);
    if (collectives.size < 100_000) collectives.set(label, known);
  }
  return known;
}

function collectiveOnly(label: string): boolean {
  const tokens = label.toLowerCase().match(/\p{L}+/gu) ?? [];
  return (
    tokens.some((t) => COLLECTIVES.has(t)) &&
    tokens.every((t) => COLLECTIVES.has(t) || COLLECTIVE_QUALIFIERS.has(t))
  );
}

/**
 * Whether the words are credited to different speakers, as an analyst may act on: both labels name
 * someone as written (a pronoun, however resolved, or a fragment misread as a label does not), and
 * the two are different persons or bodies (see speakerRelation). Across languages, surnames that
 * meet on their script-neutral stem (see nameStem) are one person.
 */
export function differentSpeakers(
  a: { label: string | null; speaker: CanonicalSpeaker | null },
  b: { label: string | null; speaker: CanonicalSpeaker | null },
  crossLanguage = false,
): boolean {
  if (!a.speaker || !b.speaker || !a.label || !b.label) return false;
  const key = `${crossLanguage ? 1 : 0}${a.label}\u0000${b.label}`;
  let known = differing.get(key);
  if (known === undefined) {
    known = differ(a, b, crossLanguage);
    if (differing.size < 100_000) differing.set(key, known);
  }
  return known;
}

/** Answers of differentSpeakers by label pair: the labels decide it (each label has one canonical form). */
const differing = new Map<string, boolean>();

function differ(
  a: { label: string | null; speaker: CanonicalSpeaker | null },
  b: { label: string | null; speaker: CanonicalSpeaker | null },
  crossLanguage: boolean,
): boolean {
  if (!a.speaker || !b.speaker || !isSpeakerLabel(a.label) || !isSpeakerLabel(b.label)) return false;
  if (isUnnamedCollective(a.label) || isUnnamedCollective(b.label)) return false;
  if (crossLanguage) {
    const x = a.speaker.person[a.speaker.person.length - 1];
    const y = b.speaker.person[b.speaker.person.length - 1];
    if (x && y && nameStem(x) === nameStem(y)) return false;
  }
  return speakerRelation(a.speaker, b.speaker) === 'different';
}

/**
 * The speaker to block and group statements by: a person by the script-neutral stem of the surname
 * (see nameStem), a body by its canonical key.
 */
export function speakerBlock(speaker: CanonicalSpeaker): string {
  const surname = speaker.person[speaker.person.length - 1];
  return surname ? `p:${nameStem(surname)}` : speaker.key;
}

/**
 * Person names in news text, in Latin and Cyrillic script: who a label names, the name without its
 * titles, and the earlier full name a bare surname or a role stands for.
 */

import { isSpeakerNoun, isStopword } from '@parallax/normalize';
import { isGivenName } from './anaphora';
import { ruleTitles } from './rules';

/** Words that are titles, roles or honorifics in front of a name, never part of it (lower case). */
const TITLE_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'capt',
  'sir',
  'dame',
  'lord',
  'prince',
  'princess',
  'king',
  'queen',
  'pope',
  'cardinal',
  'bishop',
  'sheikh',
  'president',
  'vice',
  'prime',
  'minister',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'governor',
  'mayor',
  'judge',
  'justice',
  'chancellor',
  'chairman',
  'chairwoman',
  'chair',
  'chief',
  'executive',
  'officer',
  'director',
  'general',
  'major',
  'deputy',
  'assistant',
  'senator',
  'congressman',
  'congresswoman',
  'commissioner',
  'aide',
  'presidential',
  'foreign',
  'interior',
  'finance',
  'defence',
  'defense',
  'energy',
  'agriculture',
  'transport',
  'economy',
  'trade',
  'justice',
  'health',
  'education',
  'culture',
  'kremlin',
  'state',
  'government',
  'coach',
  'manager',
  'head',
  'international',
  'master',
  'grandmaster',
  'race',
  'u.s.',
  'eu',
  'un',
  'icc',
  // Russian and Mongolian titles written with a capital at the start of a sentence.
  'президент',
  'президента',
  'президентом',
  'министра',
  'премьер-министр',
  'министр',
  'глава',
  'губернатор',
  'посол',
  'помощник',
  'пресс-секретарь',
  'директор',
  'председатель',
  'адвокат',
  'ерөнхийлөгч',
  'сайд',
  'дарга',
  'элчин',
  'аварга',
]);

/** Capitalised words that make a run of capitals an organisation, event or place, not a person. */
const NON_PERSON_WORDS = new Set([
  'ministry',
  'embassy',
  'court',
  'bank',
  'agency',
  'office',
  'university',
  'association',
  'federation',
  'party',
  'council',
  'committee',
  'union',
  'republic',
  'airport',
  'company',
  'group',
  'news',
  'championship',
  'cup',
  'summit',
  'government',
  'parliament',
  'assembly',
  'organization',
  'organisation',
  'institute',
  'service',
  'department',
  'directorate',
  'bureau',
  'authority',
  'corporation',
  'inc',
  'llc',
  'ltd',
  'city',
  'province',
  'region',
  'district',
  'square',
  'street',
  'river',
  'lake',
  'sea',
  'ocean',
  'mountains',
  'house',
  'forum',
  'statute',
  'warrant',
  'times',
  'post',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'the',
  'a',
  'an',
  'this',
  'that',
  'in',
  'on',
  'at',
  'but',
  'and',
  'as',
  'after',
  'before',
  'when',
  'while',
  'if',
  'it',
  'he',
  'she',
  'we',
  'they',
  'i',
  'our',
  'his',
  'her',
  'their',
  'its',
  'there',
  'asked',
  'speaking',
  'with',
  'according',
  'for',
  'from',
  'by',
  'to',
  'of',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'national',
  'state',
  'states',
  'united',
  'european',
  'international',
  'world',
  'global',
  'new',
  'mongolia',
  'russia',
  'china',
  'ukraine',
  'japan',
  'kenya',
  'israel',
  'hungary',
  'turkey',
  'germany',
  'chile',
  'brazil',
  'india',
  'moscow',
  'kyiv',
  'beijing',
  'tokyo',
  'washington',
  'ulaanbaatar',
  'brussels',
  'budapest',
  'mongolian',
  'russian',
  'chinese',
  'ukrainian',
  'american',
  'japanese',
  'european',
  'kenyan',
  'israeli',
  'hungarian',
  'turkish',
  'german',
  'british',
  'french',
  'indian',
  'asian',
  'swiss',
  'irish',
  'saudi',
  'palestinian',
  'continental',
  'chess',
  'sanctions',
  'ceasefire',
  // Cyrillic organisation heads and common capitalised non-names.
  'министерство',
  'правительство',
  'посольство',
  'суд',
  'банк',
  'агентство',
  'служба',
  'комитет',
  'федерация',
  'республика',
  'россия',
  'россии',
  'монголии',
  'украины',
  'сша',
  'китая',
  'кремля',
  'монголия',
  'украина',
  'москва',
  'кремль',
  'мид',
  'яам',
  'газар',
  'хороо',
  'засгийн',
  'монгол',
  'улс',
  'улсын',
  'об',
  'по',
  'как',
  'на',
  'в',
  'мы',
  'он',
  'она',
  'они',
  'это',
  'бид',
  'тэрээр',
  'энэ',
]);

/** Heads of organisation names: a label holding one names a body, not a person. */
const ORGANISATION_HEADS = new Set([
  'ministry',
  'embassy',
  'court',
  'bank',
  'agency',
  'office',
  'university',
  'association',
  'federation',
  'party',
  'council',
  'committee',
  'union',
  'airport',
  'company',
  'group',
  'news',
  'government',
  'parliament',
  'assembly',
  'organization',
  'organisation',
  'institute',
  'service',
  'department',
  'directorate',
  'bureau',
  'authority',
  'corporation',
  'inc',
  'llc',
  'ltd',
  'affairs',
  'airlines',
  // Bodies that speak in crime, health and energy news: "Sussex Police", "Avon and Somerset Police".
  'police',
  'constabulary',
  'networks',
  'reserve',
  'министерство',
  'правительство',
  'посольство',
  'суд',
  'агентство',
  'служба',
  'комитет',
  'мид',
  'яам',
  'газар',
  'хороо',
  'байгууллага',
  'компани',
  'агентлаг',
]);

const CONNECTOR_WORDS = new Set([
  'bin',
  'ibn',
  'al',
  'el',
  'de',
  'da',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'le',
  'la',
  'аль',
  'ибн',
  'бин',
]);

// Double names and Irish/Arabic prefixes keep their inner capitals: "Ж.Бат-Эрдэнэ", "O'Keeffe", "Jean-Pierre".
const NAME_TOKEN =
  /^(?:\p{Lu}\.){1,2}\p{Lu}[\p{Ll}\p{M}'’-]+(?:(?<=[-'’])\p{Lu}[\p{Ll}\p{M}'’-]+)*$|^\p{Lu}[\p{Ll}\p{M}'’-]*(?:-\p{L}[\p{Ll}\p{M}'’-]*|(?<=['’])\p{Lu}[\p{Ll}\p{M}'’-]+)*$|^\p{Lu}\.$/u;

function bare(token: string): string {
  return token
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[.,]$/, '');
}

export function isNameToken(token: string): boolean {
  if (/^[IVX]{1,4}$/.test(token)) return true; // a regnal number: "Leo XIV"
  if (!NAME_TOKEN.test(token)) return false;
  const b = bare(token);
  // A headline's capitalised function word ("Navalny’s Body Is Finally Released") is no name,
  // unless it is also a given name ("Will", "May").
  if (isStopword(b) && !isGivenName(b)) return false;
  return !TITLE_WORDS.has(b) && !NON_PERSON_WORDS.has(b) && !ruleTitles().has(b);
}

/**
 * The person's name inside a speaker label: the last run of name tokens, titles and roles dropped
 * ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov"; "Сангийн сайд Б.Жавхлан" → "Б.Жавхлан"), or
 * undefined when the label names no person ("Ukraine’s Ministry of Foreign Affairs", "ICC
 * spokesperson"). All-capital labels from transcripts ("SEN. JEANNE SHAHEEN") come back title-cased.
 */
export function personName(label: string): string | undefined {
  // "the spokesman (Dmitry Peskov)": the description's resolution, when it is a name.
  const inner = /\(([^()]+)\)\s*$/u.exec(label)?.[1]?.trim();
  // ("Jason Chaffetz (R-Utah)": a party and state, not a name.)
  if (inner && !/^\p{Lu}{1,2}-/u.test(inner) && personName(inner) === inner) return inner;
  // "Marta Lindqvist, the activist’s widow": the name before its apposition.
  const comma = label.indexOf(', ');
  const beforeComma = comma > 0 ? personName(label.slice(0, comma)) : undefined;
  if (beforeComma) return beforeComma;
  const cased = /\p{Ll}/u.test(label)
    ? label
    : label.toLowerCase().replace(/(^|[\s.-])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
  const tokens = cased
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const end = tokens.length;
  if (end === 0 || !isNameToken((tokens[end - 1] as string).replace(/[,.]$/, ''))) return undefined;
  let start = end;
  while (start > 0) {
    const t = (tokens[start - 1] as string).replace(/,$/, '');
    // A possessive before the name is whose it is, not part of it ("Michigan's Paul Whelan").
    if (start < end && /\p{L}['’]s$/u.test(t)) break;
    if (isNameToken(t) || (CONNECTOR_WORDS.has(t.toLowerCase()) && start < end)) start--;
    else break;
  }
  // A body's words are no name ("Ministry of Foreign Affairs"), and a body named before the name is
  // the speaker's employer only where a role stands between ("Harbour Authority spokeswoman Ines
  // Morales"), not where it opens the label ("Authority Ines Morales").
  const lastOrganisation = tokens.findLastIndex((t) => ORGANISATION_HEADS.has(bare(t)));
  if (lastOrganisation >= start) return undefined;
  if (
    lastOrganisation >= 0 &&
    !tokens
      .slice(lastOrganisation + 1, start)
      .some((t) => TITLE_WORDS.has(bare(t)) || ruleTitles().has(bare(t)) || isSpeakerNoun(bare(t)))
  )
    return undefined;
  // What stands before the name must be a title, a role or a possessive ("Kenya's Jacob Kiplimo");
  // a capitalised word of another kind makes the run an organisation ("Turkish Airlines").
  const before = tokens[start - 1];
  if (before !== undefined) {
    const b = bare(before);
    // A preposition makes the name a complement, not the one named ("spokeswoman for Hillary
    // Clinton", "a lawyer of Ivan Petrov").
    const b2 = tokens[start - 2];
    if (PREPOSITIONS.has(b) || (DETERMINERS.has(b) && b2 !== undefined && PREPOSITIONS.has(bare(b2))))
      return undefined;
    const introduces =
      TITLE_WORDS.has(b) ||
      ruleTitles().has(b) ||
      /^\p{Ll}/u.test(before) ||
      /['’]s$/.test(before) ||
      /^\p{Lu}{2,}$/u.test(before);
    if (!introduces) return undefined;
  }
  if (end - start === 1 && start === 0 && tokens.length > 1) return undefined;
  return tokens
    .slice(start, end)
    .join(' ')
    .replace(/['’]s$/, '')
    .replace(/,$/, '');
}

/** Prepositions that make the name after them a complement of the label ("spokeswoman for …"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);
const PREPOSITIONS = new Set(['for', 'of', 'to', 'with', 'from', 'by', 'at', 'on', 'about', 'against']);

/** A surname without its Russian case ending, for matching "Ушакова"/"Ушакову" to "Ушаков". */
function surnameStem(word: string): string {
  const lower = bare(word);
  if (!/\p{Script=Cyrillic}/u.test(lower) || lower.length < 5) return lower;
  return lower.replace(/(?:ого|ому|ым|ом|ой|ою|ая|ую|ий|ый|а|у|е|ы)$/u, '');
}

export interface NameMention {
  name: string;
  start: number;
  end: number;
}

// A name never runs over a line break (a headline's last word is not a first name: "… and Europe\n\nLiisa");
// a capital after a hyphen or apostrophe stays in the name ("Ж.Бат-Эрдэнэ", "O’Connor").
const MENTION =
  /(?:(?:\p{Lu}\.){1,2}[^\S\n]?)?\p{Lu}[\p{Ll}\p{M}'’-]+(?:(?<=[-'’])\p{Lu}[\p{Ll}\p{M}'’-]+)*(?:[^\S\n]+(?:(?:bin|ibn|al|el|de|da|do|van|von|der|аль)[^\S\n]+)?(?:\p{Lu}\.[^\S\n]?)?\p{Lu}[\p{Ll}\p{M}'’-]+(?:(?<=[-'’])\p{Lu}[\p{Ll}\p{M}'’-]+)*){0,5}|(?:\p{Lu}\.){1,2}[^\S\n]?\p{Lu}[\p{Ll}\p{M}'’-]+(?:(?<=[-'’])\p{Lu}[\p{Ll}\p{M}'’-]+)*/gu;

/** Before a capitalised run, words that make it a place: "in Kot Addu", "the village of Blatten". */
const LOCATIVE_BEFORE =
  /(?:\b(?:in|at|near|into|outside|across|inside)(?:\s+the)?|\b(?:village|town|city|province|region|district|county|state)\s+of)\s+$/iu;
/** "His stablemaster, Tatsunami, was …": one capitalised word set off by commas after a role noun. */
const APPOSED_SINGLE_NAME = /\p{Ll},\s(\p{Lu}\p{Ll}+),/gu;

/** Person-name mentions in a text, in order: capitalised runs that are not titles, bodies or places. */
export function nameMentions(text: string): NameMention[] {
  const out: NameMention[] = [];
  for (const m of text.matchAll(APPOSED_SINGLE_NAME)) {
    const name = m[1] as string;
    const at = m.index + 3;
    if (isNameToken(name)) out.push({ name, start: at, end: at + name.length });
  }
  for (const m of text.matchAll(MENTION)) {
    if (LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    let name = personName(m[0]);
    // Russian puts the body in the genitive straight before the name ("председатель Банка России
    // Эльвира Набиуллина"): the run is no person, but its last two words are.
    if (!name && /\p{Script=Cyrillic}/u.test(m[0])) {
      const tail = /(?:^|\s)(\p{Lu}[\p{Ll}-]+\s+\p{Lu}[\p{Ll}-]+)$/u.exec(m[0]);
      const prior = tail ? m[0].slice(0, tail.index).trim().split(/\s+/).pop() : undefined;
      if (tail?.[1] && prior && /(?:а|я|и|ы)$/u.test(prior)) name = personName(tail[1]);
    }
    if (!name) continue;
    const single = !name.includes(' ') && !/\./.test(name);
    if (single) continue; // one capitalised word alone is too often a place or a sentence opener
    // The name is the run's last words (what introduced it dropped): it starts at the first of them,
    // not wherever its first word's letters last occur ("Gov. Chris Christie", "Mourad Mourad"), and
    // ends where the run does, less the possessive personName strips.
    const words = [...m[0].matchAll(/\S+/g)];
    const first = words[words.length - name.split(' ').length]?.index ?? 0;
    const written = m[0].slice(first).replace(/['’]s$/, '');
    out.push({ name, start: m.index + first, end: m.index + first + written.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The full name a short mention stands for: a bare surname ("Peskov", "Ушакова", "Lkhagvasuren") or
 * an initialled name ("В.Путин") tied to the longest earlier-or-later mention ending in that surname.
 */
export function fullNameFor(short: string, mentions: ReadonlyArray<NameMention>): string | undefined {
  const tokens = short.split(/[\s.]+/).filter(Boolean);
  const last = tokens[tokens.length - 1];
  if (!last) return undefined;
  const exact = bare(last);
  const stem = surnameStem(last);
  // A surname already in the nominative matches only itself; an inflected one ("Ушакова") its stem.
  const inflected = stem !== exact;
  let best: string | undefined;
  for (const m of mentions) {
    const parts = m.name.split(/[\s.]+/).filter(Boolean);
    if (parts.length < 2) continue;
    const surname = parts[parts.length - 1] as string;
    const hit =
      parts.some((p) => bare(p) === exact) ||
      (inflected &&
        surnameStem(surname) === stem &&
        bare(surname) !== exact &&
        // the nominative is the stem itself (Ушаков) or, for a woman, the stem and -а (Набиуллина)
        (surnameStem(surname) === bare(surname) || bare(surname) === `${stem}а`));
    if (!hit) continue;
    if (!best || m.name.length > best.length) best = m.name;
  }
  return best;
}

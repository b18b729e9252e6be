import { isFunctionWord, isPlaceName } from '@parallax/normalize';
import type { Attribution } from './attribution';
import type { Span } from './sentences';

/**
 * Who a quotation is credited to in a language without attribution rules of its own (Spanish,
 * German, Bulgarian, Italian …), read from the shape every newswire shares rather than from a
 * language's words: the closing mark, a comma, a verb and a name ("…», dijo Pérez.", "…“, sagte
 * Müller, …", "…", заяви Петров."), or a name opening the sentence whose verb leads to the
 * quotation ("La ministra Ana Pérez declaró: «…»"). Only the language's function words are known
 * (stopwords-iso, see normalize's isFunctionWord): a name after a preposition or an article
 * ("…», en Madrid", "…», a la Casa Blanca") is where, not who. A quotation neither shape fits
 * keeps no speaker (it is never guessed).
 */
export type UniversalAttribution = Omit<Attribution, 'pronoun'>;

/** A capitalised word of a name: "Biden", "Kara-Murza", "O’Neill", "Байдън", "J." */
const NAME_WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)`;
/** A lower-case word: a verb, an auxiliary ("ha", "hat"), a noun of the reporter's sentence. */
const LOWER_WORD = String.raw`\p{Ll}[\p{Ll}\p{M}'’-]*`;
/** Particles inside names ("van der", "de", "bin", "аль"): the only lower-case words a name holds. */
const PARTICLE = '(?:van|von|der|den|de|da|del|della|di|do|dos|du|la|le|bin|ibn|al|el|аль|ван|фон)';
const NAME = String.raw`${NAME_WORD}(?:[^\S\n]+(?:${PARTICLE}[^\S\n]+)?${NAME_WORD}){0,3}`;

/** After the closing mark: a comma or dash, one to three lower-case words, then the name and the clause's end. */
const CUE_THEN_NAME = new RegExp(
  String.raw`^[^\S\n]*[,–—][^\S\n]*((?:${LOWER_WORD}[^\S\n]+){0,2}${LOWER_WORD})[^\S\n]+(${NAME})(?=[^\S\n]*(?:[.,;!?(]|$)|[^\S\n]+\p{Ll})`,
  'u',
);

/** A name set off by commas straight after a role ("…de Pesca, Tomás Rivera, calificó"). */
const APPOSED_NAME = new RegExp(String.raw`^,[^\S\n]*(${NAME}),(?=[^\S\n]+\p{Ll})`, 'u');
/** A run of capitalised words, anywhere. */
const NAME_RUN = new RegExp(NAME, 'gu');
/** After the sentence's name: a parenthesis ("(FSB)"), an apposition (", the minister,"), then its verb. */
const THEN_VERB = new RegExp(
  String.raw`^(?:[^\S\n]*\([^)\n]{1,40}\))?(?:,[^,\n]{1,80},|,)?[^\S\n]+(${LOWER_WORD})`,
  'u',
);

/**
 * A word that cannot be the verb before a name: a short function word (a preposition, an article, a
 * conjunction: "en", "a", "la", "und", "на"). The stop lists also hold the commonest verbs ("dijo",
 * "sagte", "disse"), which are longer: a longer listed word may be the verb.
 */
function closedClass(word: string, lang: string): boolean {
  return [...word].length <= 3 && isFunctionWord(word.toLowerCase(), lang);
}

/**
 * Languages that capitalise every noun: there a capitalised word alone ("Demokratie") is a name only
 * where the text also gives it after a first name or a title ("Olaf Scholz", "Kanzler Scholz").
 */
const NOUNS_CAPITALISED: ReadonlySet<string> = new Set(['de', 'lb']);

/**
 * Whether a run of capitalised words can be a speaker: not a place, not opened by a function word
 * ("El", "Die"), and in a language that capitalises nouns, a name the text gives in full.
 */
function speakerLike(name: string, lang: string, text: string): boolean {
  const tokens = name.split(/\s+/);
  if (isFunctionWord((tokens[0] as string).toLowerCase(), lang)) return false;
  if (tokens.some((w) => isPlaceName(w))) return false;
  if (tokens.length === 1 && NOUNS_CAPITALISED.has(lang.slice(0, 2))) return givenInFull(name, lang, text);
  return true;
}

/** Per text (the last one asked about), the single words it gives after a first name or a title. */
let fullNamesOf: { text: string; lang: string; words: Set<string> } | null = null;

function givenInFull(word: string, lang: string, text: string): boolean {
  if (fullNamesOf?.text !== text || fullNamesOf.lang !== lang) {
    const words = new Set<string>();
    for (const m of text.matchAll(FULL_NAME))
      if (!isFunctionWord((m[1] as string).toLowerCase(), lang)) words.add(m[2] as string);
    fullNamesOf = { text, lang, words };
  }
  return fullNamesOf.words.has(word);
}

/** A capitalised word straight after another on one line: "Olaf Scholz", "Kanzler Scholz". */
const FULL_NAME = /(\p{Lu}[\p{Ll}-]+)[^\S\n]+(?=(\p{Lu}[\p{Ll}\p{M}'’-]+))/gu;

/** "…», dijo Biden en un comunicado." → Biden, "dijo". */
function cueThenName(text: string, after: Span, lang: string): UniversalAttribution | undefined {
  const tail = text.slice(after.start, after.end);
  const m = CUE_THEN_NAME.exec(tail);
  if (!m) return undefined;
  const cue = m[1] as string;
  const name = m[2] as string;
  const cueWords = cue.split(/\s+/);
  // The word before the name is its verb, never a preposition or an article ("…», en Madrid",
  // "…», según la agencia"); and the cue holds a word that is not a function word.
  if (closedClass(cueWords[cueWords.length - 1] as string, lang)) return undefined;
  if (cueWords.every((w) => closedClass(w, lang))) return undefined;
  if (!speakerLike(name, lang, text)) return undefined;
  const cueStart = after.start + tail.indexOf(cue, m[0].indexOf(cue));
  const speakerStart = after.start + m[0].lastIndexOf(name);
  return {
    speaker: name,
    speakerStart,
    speakerEnd: speakerStart + name.length,
    cue,
    cueStart,
    cueEnd: cueStart + cue.length,
  };
}

/**
 * "El presidente estadounidense, Joe Biden, calificó el pacto de «…»", "Scholz sagte am Donnerstag:
 * „…“": the sentence's first name, its verb straight after it (or after an apposition), and no other
 * name on the way to the quotation — unless a colon introduces it (German capitalises every noun).
 */
function nameOpening(text: string, before: Span, lang: string): UniversalAttribution | undefined {
  // The sentence as it stands on its line (a line break ends a headline or a paragraph).
  const line = text.lastIndexOf('\n', before.end - 1) + 1;
  const from = Math.max(before.start, line);
  const raw = text.slice(from, before.end);
  const colon = /:\s*$/.test(raw);
  for (const m of raw.matchAll(NAME_RUN)) {
    let name = m[0];
    let at = m.index;
    // The sentence's first word is capitalised whatever it is ("El", "Por", "Die"): a function word
    // there is passed over; any other capitalised word is the sentence's name, or there is none.
    const opening = raw.slice(0, at).trim() === '';
    const first = name.split(/\s/)[0] as string;
    if (opening && isFunctionWord(first.toLowerCase(), lang)) {
      if (first === name) continue;
      at += name.indexOf(' ', first.length) + 1;
      name = name.slice(at - m.index).trimStart();
    }
    // A role naming its holder in apposition ("El ministro de Pesca, Tomás Rivera, calificó"): the
    // holder is the speaker.
    const apposed = APPOSED_NAME.exec(raw.slice(at + name.length));
    if (apposed && speakerLike(apposed[1] as string, lang, text)) {
      at += name.length + apposed[0].indexOf(apposed[1] as string);
      name = apposed[1] as string;
    } else if (!speakerLike(name, lang, text)) return undefined;
    const after = raw.slice(at + name.length);
    const v = THEN_VERB.exec(after);
    const verb = v?.[1];
    if (!v || !verb || closedClass(verb, lang)) return undefined;
    const rest = after.slice(v[0].length);
    const restWords = rest.trim() ? rest.trim().split(/\s+/) : [];
    // No other name on the way to the quotation, and a short way — unless a colon introduces it.
    if (restWords.length > (colon ? 12 : 8) || /[.!?;]/.test(rest)) return undefined;
    if (!colon && restWords.some((w) => /^\p{Lu}/u.test(w))) return undefined;
    const speakerStart = from + at;
    const cueStart = from + at + name.length + v[0].length - verb.length;
    return {
      speaker: name,
      speakerStart,
      speakerEnd: speakerStart + name.length,
      cue: verb,
      cueStart,
      cueEnd: cueStart + verb.length,
    };
  }
  return undefined;
}

/**
 * The speaker of a quotation in a language without rules, by the shapes above: after the quotation
 * first (the commoner and the surer), then the sentence's opening name.
 */
export function universalQuoteAttribution(
  text: string,
  before: Span,
  after: Span,
  lang: string,
): UniversalAttribution | undefined {
  return cueThenName(text, after, lang) ?? nameOpening(text, before, lang);
}

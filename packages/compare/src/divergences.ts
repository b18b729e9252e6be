import type { DiffOp, Divergence, DivergenceType, Fact, StatementKind } from '@parallax/core';
import { type CanonicalSpeaker, differentSpeakers, isAnaphor, isStopword, stem } from '@parallax/normalize';
import { diffArrays } from 'diff';
import { diffTokens, ELISION, isEditorial } from './tokens';

export interface ComparableRendition {
  documentId: string;
  text: string;
  kind: StatementKind;
  lang: string;
  speakerLabel: string | null;
  speaker: CanonicalSpeaker | null;
  /**
   * The label as the document wrote it at the statement, when speakerLabel was resolved from
   * elsewhere: a pronoun's resolution (or an attribution carried over to a statement with none) is a
   * guess, never grounds for a misattribution; a name the resolution only completed ("Morikawa" →
   * "Kenji Morikawa") is the document's. Undefined: speakerLabel is as written.
   */
  writtenLabel?: string | null;
  /** Facts whose offsets fall inside the rendition (numbers, dates, places it states). */
  facts: Fact[];
}

export interface CompareOptions {
  /** Cap on the diff's edit distance (jsdiff maxEditLength); beyond it the texts count as rewritten. */
  maxEditLength?: number;
  /** Cap on the diff's time in ms (jsdiff timeout). */
  timeoutMs?: number;
}

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  "n't",
  'cannot',
  'nor',
  'none',
  'neither',
  'не',
  'нет',
  'ни',
  'биш',
  'үгүй',
  'бус',
]);
const SENTENCE_END = new Set(['.', '!', '?']);

/** `words` keeps contractions whole ("won't", "doesn't"), so the "n't" negator is a word ending. */
function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

interface Op {
  op: DiffOp['op'];
  words: string[];
}

function wordDiff(a: string[], b: string[], options: CompareOptions): Op[] {
  const changes = diffArrays(a, b, {
    maxEditLength: options.maxEditLength ?? 2_000,
    timeout: options.timeoutMs ?? 200,
  });
  if (!changes) {
    // Too different to diff within the limits: everything of a was replaced by everything of b.
    return [
      { op: 'delete', words: a },
      { op: 'insert', words: b },
    ].filter((o) => o.words.length > 0) as Op[];
  }
  const ops: Op[] = changes.map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    words: c.value,
  }));
  // An editor's bracketed note closing a quotation of a's first sentences ("The ruling does not cancel
  // any existing licence [held by foreign investors]" of a two-sentence quote): a's next sentences are
  // the cut, after the note. (A bracket in place of a's last words — "[the Kremlin]" for "them" —
  // stands in for them and stays a replacement.)
  const last = ops[ops.length - 1];
  const beforeLast = ops[ops.length - 2];
  if (
    last?.op === 'insert' &&
    beforeLast?.op === 'delete' &&
    last.words.every(isEditorial) &&
    SENTENCE_END.has(beforeLast.words[0] as string)
  ) {
    ops.splice(ops.length - 2, 2, last, beforeLast);
  }
  return ops;
}

/** Ops rendered for the report: words joined by spaces, sentence punctuation attached. */
function toDiffOps(ops: Op[]): DiffOp[] {
  return ops.map((o) => ({ op: o.op, text: o.words.join(' ').replace(/ ([.!?])/g, '$1') }));
}

function contentOf(list: string[]): string[] {
  return list.filter((w) => /[\p{L}\p{N}]/u.test(w) && !isStopword(w));
}

function factValues(facts: Fact[], kind: Fact['kind']): Set<string> {
  return new Set(facts.filter((f) => f.kind === kind).map((f) => f.value));
}

/** A value replaced by another: each side states something the other does not (omission alone is not disagreement). */
function setsDiffer(a: Set<string>, b: Set<string>): boolean {
  return [...a].some((x) => !b.has(x)) && [...b].some((x) => !a.has(x));
}

/**
 * The places `from` states that `other` does not account for. A place is accounted for when the other
 * rendition states it too, states a place in the same country (a city and its country, "Ulaanbaatar"
 * and "Mongolia", are one location at two scales, not a disagreement), or names it in its words,
 * adjectives included ("Russian gas" speaks of Russia). What is left is a place replaced by another:
 * The Hague where the original says Kyzyl. Two cities of one country are not told apart here; the
 * headline-vs-body check works on countries too.
 */
function placesNotIn(from: ComparableRendition, other: ComparableRendition): string[] {
  const otherPlaces = other.facts.filter((f) => f.kind === 'place');
  const values = new Set(otherPlaces.map((f) => f.value));
  const countries = new Set(otherPlaces.flatMap((f) => (f.country ? [f.country] : [])));
  const found: string[] = [];
  for (const f of from.facts) {
    if (f.kind !== 'place' || found.includes(f.value)) continue;
    if (values.has(f.value) || (f.country !== undefined && countries.has(f.country))) continue;
    if (mentions(other.text, f.value)) continue;
    found.push(f.value);
  }
  return found;
}

/** Whether `text` names `place` or an adjective made from it (Mongolia → Mongolian, Ukraine → Ukrainian). */
function mentions(text: string, place: string): boolean {
  // The name without its final vowels is the stem adjectives and case endings grow from.
  const stem = place.length >= 5 ? place.replace(/[aeiouy]+$/i, '') : place;
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'iu').test(text);
}

function quoteWords(list: string[]): string {
  const text = list.join(' ').replace(/ ([.!?])/g, '$1');
  return text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`;
}

const labelWords = (label: string) => label.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];

/**
 * Whether a written label names the speaker it was resolved to: a word of it is a word of the
 * resolved label, or its inflection ("Morikawa" → "Kenji Morikawa", "Ушакова" → "Юрий Ушаков").
 */
function labelNames(written: string, resolved: string | null): boolean {
  if (resolved === null) return true;
  const theirs = labelWords(resolved);
  return labelWords(written).some((w) =>
    theirs.some((t) => {
      const n = Math.min(w.length, t.length);
      let k = 0;
      while (k < n && w[k] === t[k]) k++;
      return k >= 4 && k >= n - 2;
    }),
  );
}

/**
 * How rendition b differs from the reference a. Always one textual verdict (verbatim, truncated,
 * elided, extended, reworded, paraphrased or, across languages, translated) carrying the word diff,
 * plus one entry for each other difference found: misattributed, negation, number, date, place.
 */
export function compareRenditions(
  a: ComparableRendition,
  b: ComparableRendition,
  options: CompareOptions = {},
): Divergence[] {
  const out: Divergence[] = [];
  const base = { a: a.documentId, b: b.documentId };

  if (a.lang !== b.lang) {
    out.push({
      type: 'translated',
      ...base,
      note: `b renders a's statement in ${b.lang} (a is in ${a.lang}); no word diff across languages`,
    });
  } else {
    out.push(textualDivergence(a, b, options));
  }

  // Misattributed only when both documents name the speaker themselves and the two are different
  // persons or bodies (normalize's speakerRelation): not a pronoun however resolved, not a title
  // and its holder, not a person and the body he speaks for, not an unnamed collective.
  // A written label the resolution replaced by someone it does not name ("der SPD-Politiker" read
  // as Olaf Scholz) is a description resolved like a pronoun: a guess too.
  const written = (r: ComparableRendition) =>
    r.writtenLabel === undefined ||
    r.writtenLabel === r.speakerLabel ||
    (r.writtenLabel !== null && !isAnaphor(r.writtenLabel) && labelNames(r.writtenLabel, r.speakerLabel));
  if (
    written(a) &&
    written(b) &&
    differentSpeakers(
      { label: a.speakerLabel, speaker: a.speaker },
      { label: b.speakerLabel, speaker: b.speaker },
      a.lang !== b.lang,
    )
  ) {
    out.push({
      type: 'misattributed',
      ...base,
      note: `a gives these words to ${a.speakerLabel ?? a.speaker?.name}; b gives them to ${b.speakerLabel ?? b.speaker?.name}`,
    });
  }

  if (a.lang === b.lang) {
    const negation = negationChange(a, b, options);
    if (negation) out.push({ type: 'negation', ...base, note: negation });
  }

  for (const kind of ['number', 'date'] as const) {
    const av = factValues(a.facts, kind);
    const bv = factValues(b.facts, kind);
    if (setsDiffer(av, bv)) {
      const type: DivergenceType = kind;
      out.push({ type, ...base, note: `a states ${[...av].join(', ')}; b states ${[...bv].join(', ')}` });
    }
  }
  const placesOnlyInA = placesNotIn(a, b);
  const placesOnlyInB = placesNotIn(b, a);
  if (placesOnlyInA.length > 0 && placesOnlyInB.length > 0) {
    out.push({
      type: 'place',
      ...base,
      note: `a states ${placesOnlyInA.join(', ')}; b states ${placesOnlyInB.join(', ')}`,
    });
  }
  if (a.lang === b.lang) {
    // Figures and calendar words swapped inside the quoted words count even when fact extraction
    // found no fact there ("within five years" → "within six years", "on Tuesday" → "on Wednesday").
    const swapped = swappedValues(a, b, options);
    for (const kind of ['number', 'date'] as const) {
      if (out.some((d) => d.type === kind)) continue;
      const { removed, added } = swapped[kind];
      if (removed.length > 0 && added.length > 0) {
        out.push({
          type: kind,
          ...base,
          note: `a says ${removed.join(', ')} where b says ${added.join(', ')}`,
        });
      }
    }
  }
  return out;
}

/**
 * Words for diffing: canonical words with elision marks and editors' insertions as single tokens (see
 * tokens.ts), without the final full stop that quoting conventions add or drop.
 */
function diffWords(text: string): string[] {
  const list = diffTokens(text);
  while (list.length > 0 && SENTENCE_END.has(list[list.length - 1] as string)) list.pop();
  return list;
}

/** The stretch of the diff that b covers: a's words before and after it are context b leaves out. */
function coveredOps(ops: Op[]): { leading: string[]; trailing: string[]; inner: Op[] } {
  let first = 0;
  let last = ops.length - 1;
  // A deletion that b replaces with its own words at the very start is a change, not a cut.
  const replacedAtStart = ops[0]?.op === 'delete' && ops[1]?.op === 'insert';
  while (!replacedAtStart && first <= last && (ops[first] as Op).op === 'delete') first++;
  while (last >= first && (ops[last] as Op).op === 'delete') last--;
  return {
    leading: first > 0 ? (ops[0] as Op).words : [],
    trailing: last < ops.length - 1 ? (ops[ops.length - 1] as Op).words : [],
    inner: ops.slice(first, last + 1),
  };
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
};
const CALENDAR =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

function numberValue(word: string): string | undefined {
  if (/^\d[\d,.]*$/.test(word)) return word.replace(/,(?=\d{3})/g, '');
  return NUMBER_WORDS[word];
}

/**
 * Figures and calendar words that b puts where a has others, within the words b covers: each side's
 * values that the other side lacks. ("May" the month and "may" the verb are the same word here, so a
 * calendar word counts only when the other side swaps in another calendar word.)
 */
function swappedValues(a: ComparableRendition, b: ComparableRendition, options: CompareOptions) {
  const { inner } = coveredOps(wordDiff(diffWords(a.text), diffWords(b.text), options));
  const removedWords = inner.filter((o) => o.op === 'delete').flatMap((o) => o.words);
  const addedWords = inner.filter((o) => o.op === 'insert').flatMap((o) => o.words);
  const values = (list: string[], pick: (w: string) => string | undefined) => [
    ...new Set(list.map(pick).filter((v): v is string => v !== undefined)),
  ];
  const numbersRemoved = values(removedWords, numberValue);
  const numbersAdded = values(addedWords, numberValue);
  const datesRemoved = values(removedWords, (w) => (CALENDAR.test(w) ? w : undefined));
  const datesAdded = values(addedWords, (w) => (CALENDAR.test(w) ? w : undefined));
  return {
    number: {
      removed: numbersRemoved.filter((v) => !numbersAdded.includes(v)),
      added: numbersAdded.filter((v) => !numbersRemoved.includes(v)),
    },
    date: {
      removed: datesRemoved.filter((v) => !datesAdded.includes(v)),
      added: datesAdded.filter((v) => !datesRemoved.includes(v)),
    },
  };
}

/**
 * A negator that one side has and the other lacks, within the words b covers. Only where the words it
 * negates survive the change ("does not intend" → "intends", "will not hand over" → "will hand over"):
 * a paraphrase that replaces the negated words with an antonym ("not to return to damaged buildings"
 * → "to stay out of damaged buildings") says the same thing and is no flip.
 */
function negationChange(
  a: ComparableRendition,
  b: ComparableRendition,
  options: CompareOptions,
): string | undefined {
  const { inner } = coveredOps(wordDiff(diffWords(a.text), diffWords(b.text), options));
  const removed: string[] = [];
  const added: string[] = [];
  const stems = (list: string[]) =>
    [...new Set(contentOf(list.filter((w) => !isNegator(w))).map(stem))].sort().join(' ');
  for (let i = 0; i < inner.length; ) {
    if ((inner[i] as Op).op === 'equal') {
      i++;
      continue;
    }
    // One change: the deletions and insertions between two stretches of equal words.
    const deleted: string[] = [];
    const inserted: string[] = [];
    // Equal function words between two changes ("not [to] return to" → "[to] stay out of") do not
    // end the change: the negator and the words it negates are read together.
    for (; i < inner.length; i++) {
      const o = inner[i] as Op;
      if (o.op === 'equal') {
        const next = inner[i + 1];
        if (!next || contentOf(o.words).length > 0) break;
        continue;
      }
      (o.op === 'delete' ? deleted : inserted).push(...o.words);
    }
    const lost = deleted.filter(isNegator);
    const gained = inserted.filter(isNegator);
    if (lost.length === gained.length || stems(deleted) !== stems(inserted)) continue;
    removed.push(...lost);
    added.push(...gained);
  }
  if (removed.length === added.length) return undefined;
  return removed.length > added.length
    ? `b drops the negation (${removed.join(', ')}) that a has`
    : `b adds a negation (${added.join(', ')}) that a does not have`;
}

function textualDivergence(
  a: ComparableRendition,
  b: ComparableRendition,
  options: CompareOptions,
): Divergence {
  const aw = diffWords(a.text);
  const bwAll = diffWords(b.text);
  const allOps = wordDiff(aw, bwAll, options);
  const diff = toDiffOps(allOps);
  const base = { a: a.documentId, b: b.documentId, diff };
  if (diff.every((o) => o.op === 'equal')) return { type: 'verbatim', ...base, note: 'same words' };

  // b's elision marks say where b left words out; the verdict is reached without them, and a cut
  // that b marks is an elision, not a truncation passed off as the whole.
  const aMarks = aw.filter((w) => w === ELISION).length;
  const bMarks = bwAll.filter((w) => w === ELISION).length;
  const marked = bMarks > aMarks;
  const bw = marked ? bwAll.filter((w) => w !== ELISION) : bwAll;
  const ops = marked ? wordDiff(aw, bw, options) : allOps;
  const verdict = classify(a, b, aw, bw, ops, base);
  if (marked && (verdict.type === 'truncated' || verdict.type === 'elided')) {
    const gaps = ops.filter((o) => o.op === 'delete').map((o) => quoteWords(o.words));
    return {
      ...verdict,
      type: 'elided',
      note: `b marks ${bMarks - aMarks} elision(s) (…) where a has ${gaps.join(', ')}`,
    };
  }
  return verdict;
}

function classify(
  a: ComparableRendition,
  b: ComparableRendition,
  aw: string[],
  bw: string[],
  ops: Op[],
  base: { a: string; b: string; diff: DiffOp[] },
): Divergence {
  const changed = ops.filter((o) => o.op !== 'equal');
  if (changed.length === 0) {
    return { type: 'verbatim', ...base, note: 'same words' };
  }

  const { leading, trailing, inner } = coveredOps(ops);
  const innerInserts = inner.filter((o) => o.op === 'insert');
  const innerDeletes = inner.filter((o) => o.op === 'delete');
  const cut = leading.length + trailing.length;
  // b's own final stop is dropped by diffWords, so a's stop at the cut opens the trailing words.
  const cutAtSentenceBoundary =
    (leading.length === 0 || SENTENCE_END.has(leading[leading.length - 1] as string)) &&
    (trailing.length === 0 || SENTENCE_END.has(trailing[0] as string));

  if (innerInserts.length === 0 && innerDeletes.length === 0) {
    // b is a contiguous stretch of a.
    if (b.kind === 'partial' || b.kind === 'indirect') {
      return {
        type: 'verbatim',
        ...base,
        note: `b's ${b.kind} quotation repeats ${bw.length} of a's ${aw.length} words exactly`,
      };
    }
    if (cutAtSentenceBoundary) {
      return {
        type: 'verbatim',
        ...base,
        note: `b quotes whole sentences of a exactly (${bw.length} of ${aw.length} words)`,
      };
    }
    const dropped = [...leading, ...trailing];
    return {
      type: 'truncated',
      ...base,
      note: `b presents as a full quotation ${bw.length} of a's ${aw.length} words, cutting ${quoteWords(dropped)}`,
    };
  }

  const bothWays = innerInserts.length > 0 && innerDeletes.length > 0;
  const aStems = new Set(contentOf(aw).map(stem));
  const insertedContent = contentOf(innerInserts.flatMap((o) => o.words));
  const moved = insertedContent.filter((w) => aStems.has(stem(w)));
  const kindsDiffer = (a.kind === 'indirect') !== (b.kind === 'indirect');

  if (kindsDiffer) {
    const how =
      b.kind === 'indirect'
        ? 'b turns a quotation into reported speech'
        : 'b puts reported speech in quotation marks';
    return { type: 'paraphrased', ...base, note: `${how}${cut ? ` and leaves out ${cut} words of a` : ''}` };
  }
  if (moved.length > 0) {
    return {
      type: 'paraphrased',
      ...base,
      note: `b rearranges or re-inflects a's words (${moved.slice(0, 4).join(', ')}) inside ${b.kind === 'indirect' ? 'reported speech' : 'quotation marks'}`,
    };
  }
  if (!bothWays && innerDeletes.length > 0) {
    const gaps = innerDeletes.map((o) => quoteWords(o.words)).join(', ');
    return { type: 'elided', ...base, note: `b omits ${gaps} from inside a's words` };
  }
  const editorial = innerInserts.flatMap((o) => o.words).filter(isEditorial);
  if (!bothWays && innerInserts.length > 0) {
    const added = innerInserts.map((o) => quoteWords(o.words)).join(', ');
    const whose = editorial.length > 0 ? ` (an editor's bracketed insertion inside the quotation)` : '';
    return { type: 'extended', ...base, note: `b adds ${added} to a's words${whose}` };
  }
  const equal = inner.filter((o) => o.op === 'equal').reduce((n, o) => n + o.words.length, 0);
  const innerA = inner.filter((o) => o.op !== 'insert').reduce((n, o) => n + o.words.length, 0);
  const innerB = inner.filter((o) => o.op !== 'delete').reduce((n, o) => n + o.words.length, 0);
  const similarity = (2 * equal) / (innerA + innerB);
  const swaps = innerDeletes
    .map((d, i) => `${quoteWords(d.words)} → ${quoteWords(innerInserts[i]?.words ?? [])}`)
    .slice(0, 3)
    .join('; ');
  if (similarity >= 0.5) {
    const whose = editorial.length > 0 ? ` (an editor's bracketed insertion stands in for a's words)` : '';
    return { type: 'reworded', ...base, note: `b changes a's words: ${swaps}${whose}` };
  }
  return {
    type: 'paraphrased',
    ...base,
    note: `only ${Math.round(similarity * 100)}% of the words agree: b restates a in other words`,
  };
}

import type { DiffOp, Divergence, DivergenceType, Fact, StatementKind } from '@parallax/core';
import { type CanonicalSpeaker, isStopword, sameSpeaker, stem, words } from '@parallax/normalize';
import { diffArrays } from 'diff';

export interface ComparableRendition {
  documentId: string;
  text: string;
  kind: StatementKind;
  lang: string;
  speakerLabel: string | null;
  speaker: CanonicalSpeaker | null;
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
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', words: c.value }));
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

function quoteWords(list: string[]): string {
  const text = list.join(' ').replace(/ ([.!?])/g, '$1');
  return text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`;
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

  if (a.speaker && b.speaker && !sameSpeaker(a.speaker, b.speaker)) {
    out.push({
      type: 'misattributed',
      ...base,
      note: `a gives these words to ${a.speakerLabel ?? a.speaker.name}; b gives them to ${b.speakerLabel ?? b.speaker.name}`,
    });
  }

  if (a.lang === b.lang) {
    const negation = negationChange(a, b, options);
    if (negation) out.push({ type: 'negation', ...base, note: negation });
  }

  for (const kind of ['number', 'date', 'place'] as const) {
    const av = factValues(a.facts, kind);
    const bv = factValues(b.facts, kind);
    if (setsDiffer(av, bv)) {
      const type: DivergenceType = kind;
      out.push({ type, ...base, note: `a states ${[...av].join(', ')}; b states ${[...bv].join(', ')}` });
    }
  }
  return out;
}

/** Words for diffing: canonical words, without the final full stop that quoting conventions add or drop. */
function diffWords(text: string): string[] {
  const list = words(text);
  while (list.length > 0 && SENTENCE_END.has(list[list.length - 1] as string)) list.pop();
  return list;
}

/** The stretch of the diff that b covers: a's words before and after it are context b leaves out. */
function coveredOps(ops: Op[]): { leading: string[]; trailing: string[]; inner: Op[] } {
  let first = 0;
  let last = ops.length - 1;
  while (first <= last && (ops[first] as Op).op === 'delete') first++;
  while (last >= first && (ops[last] as Op).op === 'delete') last--;
  return {
    leading: first > 0 ? (ops[0] as Op).words : [],
    trailing: last < ops.length - 1 ? (ops[ops.length - 1] as Op).words : [],
    inner: ops.slice(first, last + 1),
  };
}

/** A negator that one side has and the other lacks, within the words b covers. */
function negationChange(
  a: ComparableRendition,
  b: ComparableRendition,
  options: CompareOptions,
): string | undefined {
  const { inner } = coveredOps(wordDiff(diffWords(a.text), diffWords(b.text), options));
  const removed = inner.filter((o) => o.op === 'delete').flatMap((o) => o.words.filter(isNegator));
  const added = inner.filter((o) => o.op === 'insert').flatMap((o) => o.words.filter(isNegator));
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
  const bw = diffWords(b.text);
  const ops = wordDiff(aw, bw, options);
  const diff = toDiffOps(ops);
  const base = { a: a.documentId, b: b.documentId, diff };

  const changed = ops.filter((o) => o.op !== 'equal');
  if (changed.length === 0) return { type: 'verbatim', ...base, note: 'same words' };

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
  if (!bothWays && innerInserts.length > 0) {
    const added = innerInserts.map((o) => quoteWords(o.words)).join(', ');
    return { type: 'extended', ...base, note: `b adds ${added} to a's words` };
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
    return { type: 'reworded', ...base, note: `b changes a's words: ${swaps}` };
  }
  return {
    type: 'paraphrased',
    ...base,
    note: `only ${Math.round(similarity * 100)}% of the words agree: b restates a in other words`,
  };
}

import type { DiffOp, Divergence } from '@parallax/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ComparableRendition, compareRenditions } from '../src/index';

/**
 * Word-level properties of the textual verdict. Texts are built from token arrays: words from a
 * news vocabulary plus arbitrary lower-case words, and sentence punctuation as tokens of its own,
 * written the way `words` reads them back (punctuation attached to the word before it).
 */
const NEWS_WORDS = [
  'the',
  'court',
  'ruled',
  'that',
  'warrant',
  'remains',
  'valid',
  'putin',
  'will',
  'not',
  'travel',
  'to',
  'mongolia',
  'summit',
  'talks',
  'gas',
  'pipeline',
  'ministry',
  'said',
  'on',
  'tuesday',
  'we',
  'are',
  'ready',
  'supply',
  'member',
  'states',
  '124',
  '2024',
  'no',
  'never',
  'arrest',
  'and',
  'president',
];
const PUNCTUATION = ['.', '?', '!'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS_WORDS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{1,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...PUNCTUATION) },
);
// Three full stops in a row are written "...", an elision mark (one token of its own, see tokens.ts),
// not three sentence ends: such arrays are not texts of the words they list.
const tokens = fc
  .array(token, { maxLength: 24 })
  .filter((t) => !t.some((w, i) => w === '.' && t[i + 1] === '.' && t[i + 2] === '.'));
/** Token arrays whose text has at least one word. */
const sentence = tokens.filter((t) => t.some((w) => !PUNCTUATION.includes(w)));

/** The text a page would carry: capitalised, punctuation attached, sometimes in curly quotes. */
function render(list: string[], quoted = false): string {
  const body = list.join(' ').replace(/ ([.!?])/g, '$1');
  const text = body.charAt(0).toUpperCase() + body.slice(1);
  return quoted ? `“${text}”` : text;
}

/** The words a diff works on: the tokens, minus the sentence punctuation that ends the text. */
function diffable(list: string[]): string[] {
  const out = [...list];
  while (out.length > 0 && PUNCTUATION.includes(out[out.length - 1] as string)) out.pop();
  return out;
}

/** Splits a diff op's text back into tokens ("project. we" → project, ., we). */
function tokensOf(text: string): string[] {
  return text.match(/[a-z0-9]+|[.!?]/g) ?? [];
}

function r(documentId: string, text: string): ComparableRendition {
  return { documentId, text, kind: 'direct', lang: 'en', speakerLabel: null, speaker: null, facts: [] };
}

function textualDiff(a: string, b: string): DiffOp[] {
  const textual = compareRenditions(r('a', a), r('b', b))[0] as Divergence;
  expect(textual.diff).toBeDefined();
  return textual.diff as DiffOp[];
}

function side(diff: DiffOp[], keep: DiffOp['op']): string[] {
  return diff.filter((o) => o.op === 'equal' || o.op === keep).flatMap((o) => tokensOf(o.text));
}

/** Runs of changes between equal stretches as "-deleted+inserted", in order; equals as "=text". */
function segments(diff: DiffOp[], mirror: boolean): string[] {
  const out: string[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length > 0 || inserted.length > 0) out.push(`-${deleted.join(' ')}+${inserted.join(' ')}`);
    deleted = [];
    inserted = [];
  };
  for (const { op, text } of diff) {
    const as = mirror && op !== 'equal' ? (op === 'insert' ? 'delete' : 'insert') : op;
    if (as === 'equal') {
      flush();
      out.push(`=${text}`);
    } else if (as === 'delete') deleted.push(text);
    else inserted.push(text);
  }
  flush();
  return out;
}

const equalWords = (diff: DiffOp[]) =>
  diff.filter((o) => o.op === 'equal').flatMap((o) => tokensOf(o.text)).length;

describe('compareRenditions: properties of the word diff', () => {
  it('equal+delete ops give back a’s words and equal+insert ops give back b’s', () => {
    fc.assert(
      fc.property(tokens, tokens, fc.boolean(), (a, b, quoted) => {
        const diff = textualDiff(render(a, quoted), render(b));
        expect(side(diff, 'delete')).toEqual(diffable(a));
        expect(side(diff, 'insert')).toEqual(diffable(b));
        for (const op of diff) expect(op.text.length).toBeGreaterThan(0);
      }),
    );
  });

  it('a text compared with itself is verbatim, with nothing else to report', () => {
    fc.assert(
      fc.property(sentence, (list) => {
        const text = render(list);
        const result = compareRenditions(r('a', text), r('b', text));
        expect(result).toHaveLength(1);
        expect(result[0]?.type).toBe('verbatim');
        expect(result[0]?.diff?.every((o) => o.op === 'equal')).toBe(true);
      }),
    );
  });

  it('swapping a and b mirrors the ops when the alignment is unambiguous', () => {
    // Distinct words in a and fresh words inserted into b make the longest common subsequence
    // unique, so both directions must align the same words.
    const edited = fc
      .uniqueArray(fc.stringMatching(/^[a-z]{2,9}$/), { minLength: 1, maxLength: 16 })
      .chain((a) =>
        fc
          .tuple(
            fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length }),
            fc.array(fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }), {
              minLength: a.length + 1,
              maxLength: a.length + 1,
            }),
          )
          .map(([keep, inserts]) => {
            const b: string[] = [];
            a.forEach((w, i) => {
              const fresh = inserts[i];
              if (fresh !== undefined) b.push(`${fresh}x${i}`);
              if (keep[i]) b.push(w);
            });
            const last = inserts[a.length];
            if (last !== undefined) b.push(`${last}x${a.length}`);
            return [a, b] as const;
          }),
      );
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const ab = textualDiff(render(a), render(b));
        const ba = textualDiff(render(b), render(a));
        expect(segments(ba, false)).toEqual(segments(ab, true));
      }),
    );
  });

  it('swapping a and b keeps the number of equal words and exchanges the two sides', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const ab = textualDiff(render(a), render(b));
        const ba = textualDiff(render(b), render(a));
        expect(equalWords(ba)).toBe(equalWords(ab));
        expect(side(ba, 'delete')).toEqual(side(ab, 'insert'));
        expect(side(ba, 'insert')).toEqual(side(ab, 'delete'));
      }),
    );
  });
});

import type { DiffOp, Divergence } from '@parallax/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ComparableRendition, compareRenditions } from '../src/index';
import { diffTokens } from '../src/tokens';

/**
 * Properties over arbitrary text — any Unicode, curly quotes, elision marks, editors' brackets — not
 * just the word lists of divergences.property.test.ts: the diff is over diffTokens, and its ops must
 * give back both token lists exactly.
 */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('Putin', 'Mongolia', '124', 'warrant', 'not', 'the', 'ICC’s', '1,500'),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('…', '[…]', '...', '(…)', '[Russia’s – ed.]', '“', '”', '. ', '? ', ' — '),
  },
);
const text = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(' '));

function r(documentId: string, t: string): ComparableRendition {
  return { documentId, text: t, kind: 'direct', lang: 'en', speakerLabel: null, speaker: null, facts: [] };
}

/** Diff tokens of a text as the diff sees them: without the sentence stops that end it. */
function diffable(t: string): string[] {
  const list = diffTokens(t);
  while (list.length > 0 && ['.', '!', '?'].includes(list[list.length - 1] as string)) list.pop();
  return list;
}

function textual(a: string, b: string): Divergence {
  return compareRenditions(r('a', a), r('b', b))[0] as Divergence;
}

/** One side's ops joined back into text, written as the ops write words: spaced, stops attached. */
function sideText(diff: DiffOp[], keep: DiffOp['op']): string {
  return diff
    .filter((o) => o.op === 'equal' || o.op === keep)
    .map((o) => o.text)
    .join(' ')
    .replace(/ ([.!?])/g, '$1');
}

function joined(tokens: string[]): string {
  return tokens.join(' ').replace(/ ([.!?])/g, '$1');
}

describe('compareRenditions on arbitrary text', () => {
  it('never throws, and equal+delete ops give back a’s tokens, equal+insert ops b’s', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const verdict = textual(a, b);
        const diff = verdict.diff ?? [];
        expect(sideText(diff, 'delete')).toBe(joined(diffable(a)));
        expect(sideText(diff, 'insert')).toBe(joined(diffable(b)));
      }),
      { numRuns: 300 },
    );
  });

  it('a text compared with itself is verbatim', () => {
    fc.assert(
      fc.property(text, (a) => {
        expect(textual(a, a).type).toBe('verbatim');
      }),
      { numRuns: 300 },
    );
  });

  it('swapping a and b mirrors the ops: inserts become deletes and the equal words stay', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = textual(a, b).diff ?? [];
        const ba = textual(b, a).diff ?? [];
        expect(sideText(ba, 'delete')).toBe(sideText(ab, 'insert'));
        expect(sideText(ba, 'insert')).toBe(sideText(ab, 'delete'));
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { pageCounts, scorePages, shingles, tokenize } from '../bench/shingle-score';

describe('benchmark metric: tokens and shingles', () => {
  it("tokenises like Python's re \\w+: runs of letters, digits and underscores in any script", () => {
    expect(tokenize('Putin’s visit, 3 Sept. — snake_case; Улаанбаатар-д ирлээ')).toEqual([
      'Putin',
      's',
      'visit',
      '3',
      'Sept',
      'snake_case',
      'Улаанбаатар',
      'д',
      'ирлээ',
    ]);
    // Python's \w leaves combining marks out (they are not alphanumeric), so a decomposed accent
    // splits its word: the published scores are only reproduced with this behaviour.
    expect(tokenize('cafe\u0301 noir')).toEqual(['cafe', 'noir']);
  });

  it('makes consecutive four-token shingles, one shingle for 1–3 tokens and none for an empty text', () => {
    expect([...shingles('one two three four five').keys()]).toEqual([
      'one two three four',
      'two three four five',
    ]);
    expect([...shingles('Breaking news today').entries()]).toEqual([['Breaking news today', 1]]);
    expect(shingles('  — ,, ').size).toBe(0);
  });

  it('counts repeated shingles with their multiplicity', () => {
    const counts = shingles('a b c d a b c d');
    expect(counts.get('a b c d')).toBe(2);
    expect(counts.get('b c d a')).toBe(1);
  });
});

describe('benchmark metric: per-page counts and averages', () => {
  it('counts shared, predicted-only and expected-only shingles', () => {
    expect(pageCounts('the cat sat on the mat', 'the cat sat on the rug')).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(pageCounts('a b c d a b c d', 'a b c d')).toEqual({ tp: 1, fp: 0, fn: 4 });
    expect(pageCounts('', 'some boilerplate text here')).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('averages precision over pages with a prediction and recall over pages with a truth', () => {
    const score = scorePages([
      { tp: 3, fp: 1, fn: 0 },
      { tp: 0, fp: 0, fn: 5 },
      { tp: 0, fp: 0, fn: 0 },
    ]);
    expect(score.precision).toBeCloseTo(0.75, 10);
    expect(score.recall).toBeCloseTo(0.5, 10);
    expect(score.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 10);
  });

  it('scores nothing predicted as zero, not as a division error', () => {
    expect(scorePages([{ tp: 0, fp: 0, fn: 4 }])).toEqual({ precision: 0, recall: 0, f1: 0, pages: 1 });
  });
});

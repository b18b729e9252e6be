import { describe, expect, it } from 'vitest';
import { canonicalValue, figures, type Gold, type Prediction, scoreEvent } from '../bench/scorer';

const texts = new Map([
  ['a.txt', 'Talks held\n\n“We agreed on the railway. The loan is 200 million dollars,” the minister said.'],
  ['b.txt', 'Loan agreed\n\n“We agreed on the railway,” the minister said. The loan is 300 million dollars.'],
  ['c.txt', 'Loan agreed\n\n“We agreed on the railway,” the minister said. The loan is 300 million dollars.'],
  ['d.txt', 'Other story\n\n“We will work for peace,” the envoy said.'],
]);

const gold: Gold = {
  event: 'hand-built',
  split: 'dev',
  partition: [['a.txt', 'b.txt', 'c.txt'], ['d.txt']],
  statements: [
    {
      id: 'railway',
      members: [
        {
          file: 'a.txt',
          quote: 'We agreed on the railway. The loan is 200 million dollars',
          reference: true,
        },
        { file: 'b.txt', quote: 'We agreed on the railway', types: ['verbatim'] },
        { file: 'c.txt', quote: 'We agreed on the railway', types: ['truncated|elided'] },
      ],
    },
    { id: 'peace', members: [{ file: 'd.txt', quote: 'We will work for peace', reference: true }] },
  ],
  copies: { 'c.txt': 'b.txt' },
  factConflicts: [
    {
      kind: 'number',
      subject: 'loan',
      values: [
        ['a.txt', '200'],
        ['b.txt', '300'],
      ],
    },
  ],
};

const span = (file: string, quote: string) => {
  const start = (texts.get(file) as string).indexOf(quote);
  return { file, start, end: start + quote.length };
};

describe('the compare dev-set scorer', () => {
  it('counts pairs, merges, types, conflicts, copies and the partition of a hand-built prediction', () => {
    const prediction: Prediction = {
      events: [
        ['a.txt', 'b.txt'],
        ['c.txt', 'd.txt'],
      ],
      statements: [
        {
          renditions: [
            { ...span('a.txt', 'We agreed on the railway. The loan is 200 million dollars'), types: [] },
            // Found and verbatim.
            { ...span('b.txt', 'We agreed on the railway'), types: ['verbatim'] },
          ],
        },
        {
          renditions: [
            // c's rendition is wrongly merged with the peace statement and not aligned with a or b.
            { ...span('c.txt', 'We agreed on the railway'), types: [] },
            { ...span('d.txt', 'We will work for peace'), types: ['paraphrased'] },
          ],
        },
      ],
      copies: { 'c.txt': 'b.txt', 'b.txt': 'a.txt' },
      factConflicts: [
        {
          kind: 'number',
          values: [
            { file: 'a.txt', value: '200 million' },
            { file: 'b.txt', value: '300' },
          ],
        },
        { kind: 'date', values: [{ file: 'a.txt', value: '2025-01-01' }] },
      ],
    };
    const counts = scoreEvent(gold, texts, prediction);
    expect(counts).toMatchObject({
      members: 4,
      membersFound: 4,
      goldPairs: 3,
      pairsFound: 1,
      judgedPredictedPairs: 2,
      wronglyMerged: 1,
      differing: 1,
      differingRight: 0,
      differingJudged: 0,
      differingSpurious: 0,
      identical: 1,
      identicalRight: 1,
      goldConflicts: 1,
      conflictsFound: 1,
      predictedConflicts: 2,
      predictedConflictsRight: 1,
      goldCopies: 1,
      copiesFound: 1,
      predictedCopies: 2,
      predictedCopiesRight: 1,
      // Pairs a-b, a-c, a-d, b-c, b-d, c-d: together/apart as gold says for a-b, a-d, b-d.
      docPairs: 6,
      docPairsAgreeing: 3,
      partitionsExact: 0,
    });
    const f = figures(counts);
    expect(f.pairRecall).toBeCloseTo(1 / 3);
    expect(f.wronglyMerged).toBe(0.5);
    expect(f.conflictPrecision).toBe(0.5);
    expect(f.copyPrecision).toBe(0.5);
    expect(f.partitionPairs).toBe(0.5);
  });

  it('counts a differing rendition right when it carries the expected type, and extra when it carries more', () => {
    const prediction: Prediction = {
      events: [['a.txt', 'b.txt', 'c.txt'], ['d.txt']],
      statements: [
        {
          renditions: [
            { ...span('a.txt', 'We agreed on the railway. The loan is 200 million dollars'), types: [] },
            { ...span('b.txt', 'We agreed on the railway'), types: ['verbatim', 'misattributed'] },
            { ...span('c.txt', 'We agreed on the railway'), types: ['elided', 'negation'] },
          ],
        },
        { renditions: [{ ...span('d.txt', 'We will work for peace'), types: [] }] },
      ],
      copies: {},
      factConflicts: [],
    };
    const counts = scoreEvent(gold, texts, prediction);
    expect(counts).toMatchObject({
      pairsFound: 3,
      wronglyMerged: 0,
      // b is not "verbatim and nothing else"; c has its type and an extra negation.
      identicalRight: 0,
      differingRight: 1,
      differingJudged: 1,
      differingSpurious: 1,
      partitionsExact: 1,
    });
  });

  it('reads figures by their significant digits whatever their notation and scale', () => {
    expect(canonicalValue('56,3%')).toBe(canonicalValue('56.3'));
    expect(canonicalValue('1,280 households')).toBe(canonicalValue('1280'));
    expect(canonicalValue('4.2')).toBe(canonicalValue('4200000000'));
    expect(canonicalValue('200')).toBe(canonicalValue('200000000'));
    expect(canonicalValue('200')).not.toBe(canonicalValue('300'));
    expect(canonicalValue('2025-07-09')).toBe('2025-07-09');
  });
});

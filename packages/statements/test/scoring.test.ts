import { describe, expect, it } from 'vitest';
import {
  type GoldDocument,
  matchSpans,
  scoreDocument,
  scoresOf,
  spansMatch,
  speakerMatches,
} from '../src/index';

describe('spansMatch: overlap of at least half of each span', () => {
  it('accepts spans that differ by their marks or final punctuation', () => {
    expect(spansMatch({ start: 10, end: 60 }, { start: 11, end: 59 })).toBe(true);
  });

  it('rejects a short span inside a long one (half of the long span is not covered)', () => {
    expect(spansMatch({ start: 0, end: 100 }, { start: 40, end: 60 })).toBe(false);
  });

  it('rejects disjoint and empty spans', () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(spansMatch({ start: 5, end: 5 }, { start: 5, end: 5 })).toBe(false);
  });
});

describe('matchSpans', () => {
  it('pairs each gold span with at most one prediction, the larger overlap first', () => {
    const gold = [
      { start: 0, end: 40 },
      { start: 50, end: 90 },
    ];
    const predicted = [
      { start: 0, end: 45 },
      { start: 2, end: 40 },
      { start: 52, end: 88 },
    ];
    // Gold 0–40 overlaps prediction 0–45 by 40 characters and prediction 2–40 by 38: the first wins.
    expect(matchSpans(gold, predicted)).toEqual([
      [0, 0],
      [1, 2],
    ]);
  });
});

describe('speakerMatches', () => {
  it('matches a person across titles and scripts, and not a different person', () => {
    expect(speakerMatches('Kremlin spokesman Dmitry Peskov', 'Дмитрий Песков')).toBe(true);
    expect(speakerMatches('Ukhnaagiin Khurelsukh', 'Khurelsukh Ukhnaa')).toBe(true);
    expect(speakerMatches('Presidential aide Yuri Ushakov', 'Dmitry Peskov')).toBe(false);
  });

  it('never credits a body or role where the gold names a person', () => {
    expect(speakerMatches('Kremlin', 'Dmitry Peskov')).toBe(false);
    expect(speakerMatches(null, 'Dmitry Peskov')).toBe(false);
  });

  it('matches one body written two ways, and not two countries’ ministries', () => {
    expect(speakerMatches('Ukraine’s Foreign Ministry', 'Ministry of Foreign Affairs of Ukraine')).toBe(true);
    expect(speakerMatches('Russian Foreign Ministry', 'Ministry of Foreign Affairs of Ukraine')).toBe(false);
  });
});

describe('scoreDocument and scoresOf', () => {
  const gold: GoldDocument = {
    id: 'x',
    file: 'docs/x.txt',
    lang: 'en',
    split: 'dev',
    statements: [
      { start: 0, end: 40, kind: 'direct', speaker: 'Dmitry Peskov' },
      { start: 50, end: 90, kind: 'indirect', speaker: 'Yuri Ushakov' },
      { start: 100, end: 120, kind: 'partial', speaker: null },
    ],
  };

  it('counts matched spans, false alarms and speakers on matched spans only', () => {
    const tally = scoreDocument(gold, [
      { start: 1, end: 39, speaker: 'Peskov', resolvedSpeaker: 'Kremlin spokesman Dmitry Peskov' },
      { start: 50, end: 90, speaker: 'Peskov', resolvedSpeaker: null },
      { start: 200, end: 230, speaker: null },
    ]);
    expect(tally).toEqual({ gold: 3, predicted: 3, matched: 2, speakerGold: 2, speakerCorrect: 1 });
    const scores = scoresOf(tally);
    expect(scores.precision).toBeCloseTo(2 / 3);
    expect(scores.recall).toBeCloseTo(2 / 3);
    expect(scores.f1).toBeCloseTo(2 / 3);
    expect(scores.speakerAccuracy).toBeCloseTo(1 / 2);
  });

  it('scores zero, not NaN, when nothing is predicted', () => {
    expect(scoresOf(scoreDocument(gold, []))).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
      speakerAccuracy: 0,
    });
  });
});

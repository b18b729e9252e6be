import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { alignStatements } from '../src/index';

const statement = (id: string, text: string, speaker: string): Statement => ({
  id,
  text,
  kind: 'direct',
  speaker,
  resolvedSpeaker: speaker,
  cue: 'said',
  lang: 'en',
  start: 0,
  end: text.length,
});

describe('alignStatements: reworded renditions', () => {
  it('aligns a quotation whose adjectives an outlet swapped for WordNet synonyms', () => {
    const a = statement('a', 'These are unfounded and vulgar claims from a rival.', 'Councillor Rhea Lund');
    const b = statement('b', 'These are baseless and crude claims from a rival.', 'Rhea Lund');
    // The same frame with other words is another statement.
    const other = statement('c', 'These are welcome and timely claims from a rival.', 'Rhea Lund');
    const groups = alignStatements([
      { id: 'd1', kind: 'outlet', lang: 'en', statements: [a] },
      { id: 'd2', kind: 'outlet', lang: 'en', statements: [b] },
      { id: 'd3', kind: 'outlet', lang: 'en', statements: [other] },
    ]);
    const ids = groups.map((g) => g.renditions.map((r) => r.statement.id).sort());
    expect(ids).toContainEqual(['a', 'b']);
    expect(ids).toContainEqual(['c']);
  });
});

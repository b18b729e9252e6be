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

const anon = (id: string, text: string, kind: Statement['kind'] = 'direct'): Statement => ({
  ...statement(id, text, ''),
  kind,
  speaker: null,
  resolvedSpeaker: null,
});
const docs = (...statements: Statement[]) =>
  statements.map((s, i) => ({ id: `d${i}`, kind: 'outlet' as const, lang: 'en', statements: [s] }));
const grouped = (groups: ReturnType<typeof alignStatements>) =>
  groups.map((g) => g.renditions.map((r) => r.statement.id).sort());

describe('alignStatements: evidence beyond shared words', () => {
  it('aligns a short exclamation repeated word for word, and not another one', () => {
    const groups = alignStatements(
      docs(
        anon('a', 'Come home soon, Mira!'),
        anon('b', 'Come home soon, Mira!'),
        anon('c', 'Mira, stay strong!'),
      ),
    );
    expect(grouped(groups)).toContainEqual(['a', 'b']);
    expect(grouped(groups)).toContainEqual(['c']);
  });

  it('aligns a rewrite that keeps the figure and little else of the words', () => {
    const a = anon(
      'a',
      'This shameful verdict comes after Mira has spent 412 days in a cell, unjustly held, far from her parents, all for doing her work.',
    );
    const b = anon(
      'b',
      'The verdict arrives once Mira endured 412 days locked up, kept away from loved ones, merely for performing her duties.',
    );
    const c = anon(
      'c',
      'The verdict arrives once Mira endured many days locked up, kept away from loved ones, merely for performing her duties.',
    );
    expect(grouped(alignStatements(docs(a, b)))).toContainEqual(['a', 'b']);
    // Without the figure the same rewrite shares too few words.
    expect(grouped(alignStatements(docs(a, c)))).not.toContainEqual(['a', 'c']);
  });

  it('keeps a short clause with no speaker out of a long statement it shares the event’s words with', () => {
    const long = statement(
      'long',
      'We negotiated for months with our partners, and tonight the exchange of prisoners held in five countries is complete; the aircraft carrying them landed safely and every family has been told. Tomorrow our embassy staff will brief journalists on the medical care the returnees receive.',
      'Foreign Minister Ana Ruiz',
    );
    const clause = anon(
      'clause',
      'the exchange of prisoners included dissidents and a journalist from five countries',
      'indirect',
    );
    expect(grouped(alignStatements(docs(long, clause)))).toContainEqual(['clause']);
  });
});

describe('alignStatements: occasions and doubtful speakers', () => {
  const said = (id: string, text: string, speaker: string | null, resolved: string | null = speaker) => ({
    ...statement(id, text, speaker ?? ''),
    speaker,
    resolvedSpeaker: resolved,
  });
  const at = (id: string, occasion: string, publishedAt: string, s: Statement) => ({
    id,
    kind: 'outlet' as const,
    lang: 'en',
    statements: [s],
    occasion,
    publishedAt,
  });

  it('keeps the same words said on another occasion days earlier apart, but not on the same day', () => {
    const quake = said(
      'quake',
      'Crews have reached all nine damaged villages. The search will go on through the night.',
      'Dara Holm',
    );
    const flood = said('flood', 'The search will go on through the night.', 'Dara Holm');
    const early = alignStatements([
      at('q', 'quake', '2025-07-09T10:00:00Z', quake),
      at('f', 'flood', '2025-07-07T09:00:00Z', flood),
    ]);
    expect(grouped(early)).toContainEqual(['flood']);
    const sameDay = alignStatements([
      at('q', 'quake', '2025-07-09T10:00:00Z', quake),
      at('f', 'other-cluster', '2025-07-09T15:00:00Z', flood),
    ]);
    expect(grouped(sameDay)).toContainEqual(['flood', 'quake']);
  });

  it('does not let a pronoun resolved to the person the words are about keep a quotation from its speaker', () => {
    const a = said('a', 'Make no error: the governor is responsible for Ilse Marr’s dismissal.', 'Tom Reyl');
    // "he" resolved to the person the quotation names in the third person: a wrong antecedent.
    const b = said(
      'b',
      'Make no mistake: the governor answers for Ilse Marr’s dismissal.',
      'he',
      'Ilse Marr',
    );
    expect(grouped(alignStatements(docs(a, b)))).toContainEqual(['a', 'b']);
  });

  it('keeps two speakers’ stock appeal in their own words apart', () => {
    const a = said(
      'a',
      'We will keep working closely with Norway for peace and calm in the Arctic.',
      'Minister Ana Ruiz',
    );
    const b = said(
      'b',
      'Norway will keep working closely with Spain for peace and calm in the region.',
      'Lars Eid',
    );
    expect(grouped(alignStatements(docs(a, b)))).toContainEqual(['a']);
  });
});

describe('alignStatements: fragments of another speaker’s words', () => {
  it('does not take a partial fragment named for one speaker into another’s statement', () => {
    const long = statement(
      'long',
      'Today four citizens who were held unjustly abroad are finally coming home to their families.',
      'Governor Ilse Marr',
    );
    const fragment = {
      ...statement('fragment', 'finally coming home', 'Senator Tom Reyl'),
      kind: 'partial' as const,
    };
    expect(grouped(alignStatements(docs(long, fragment)))).toContainEqual(['fragment']);
    // A whole quotation credited to someone else is still one statement (a misattribution).
    const whole = statement(
      'whole',
      'We have a fine dialogue with our partners from Norway',
      'Aide Lars Eid',
    );
    const original = statement(
      'original',
      'We have a fine dialogue with our partners from Norway',
      'Ilse Marr',
    );
    expect(grouped(alignStatements(docs(original, whole)))).toContainEqual(['original', 'whole']);
  });
});

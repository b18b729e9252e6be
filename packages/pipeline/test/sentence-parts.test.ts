import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { sentenceParts } from '../src/stages';

const text =
  'Intro.\n\n“The northern quay has been neglected for twenty years and the fishing fleet paid for it. Never again. Today we signed the contract that will finally dredge the whole northern basin by next spring,” the minister said.';
const start = text.indexOf('The northern');
const end = text.indexOf(',” the');
const statement = (kind: Statement['kind']): Statement => ({
  id: 'st_1',
  text: text.slice(start, end),
  kind,
  speaker: 'the minister',
  resolvedSpeaker: 'the minister',
  cue: 'said',
  lang: 'en',
  start,
  end,
  quoted: [{ start, end, text: text.slice(start, end) }],
});

describe('sentenceParts: a quotation aligned sentence by sentence', () => {
  it('cuts a quotation into its sentences, a sentence too short to tell apart kept with the one before', () => {
    const parts = sentenceParts(statement('direct'), text);
    expect(parts.map((p) => p.text)).toEqual([
      'The northern quay has been neglected for twenty years and the fishing fleet paid for it. Never again.',
      'Today we signed the contract that will finally dredge the whole northern basin by next spring',
    ]);
    // Offsets, quoted spans and ids stay true to the page.
    for (const p of parts) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.quoted?.map((q) => text.slice(q.start, q.end))).toEqual([p.text]);
    }
    expect(new Set(parts.map((p) => p.id)).size).toBe(2);
  });

  it('keeps reported speech and one-sentence quotations whole', () => {
    expect(sentenceParts(statement('indirect'), text)).toHaveLength(1);
    const one = { ...statement('direct'), end: text.indexOf(' Never again.') };
    expect(sentenceParts(one, text)).toEqual([one]);
  });
});

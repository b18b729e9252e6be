import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '@parallax/core';
import { setApertium, setDictionaryDirectory } from '@parallax/normalize';
import { afterEach, describe, expect, it } from 'vitest';
import { type AlignDocument, alignStatements } from '../src/index';

// Fixtures of our own; the dictionaries are Debian's FreeDict ones (scripts/bootstrap.sh installs
// them on the test path), and so are Apertium's pairs.
const DICTD = '/usr/share/dictd';
const MODES = '/usr/share/apertium/modes';

const statement = (id: string, text: string, lang: string, speaker: string | null = null): Statement => ({
  id,
  text,
  kind: 'direct',
  speaker,
  resolvedSpeaker: speaker,
  cue: speaker ? 'said' : null,
  lang,
  start: 0,
  end: text.length,
});
const doc = (id: string, lang: string, ...statements: Statement[]): AlignDocument => ({
  id,
  kind: 'outlet',
  lang,
  statements,
});
const groupsOf = (documents: AlignDocument[]) =>
  alignStatements(documents).map((g) => g.renditions.map((r) => r.statement.id).sort());

const ENGLISH = statement(
  'en',
  'The widow said the prisoner was murdered in the penal colony and the guards lied about his heart.',
  'en',
  'Marta Lindqvist',
);
const GERMAN = statement(
  'de',
  'Der Gefangene wurde in der Strafkolonie ermordet, die Wächter logen über sein Herz, sagte die Witwe.',
  'de',
);

describe('alignStatements: translations through bilingual dictionaries', () => {
  afterEach(() => setDictionaryDirectory(DICTD));

  it('aligns a German translation without a speaker with the English original', () => {
    setDictionaryDirectory(DICTD);
    const other = statement(
      'en2',
      'The chancellor announced new sanctions against the regime and its banks on Friday.',
      'en',
      'Olaf Brenner',
    );
    expect(groupsOf([doc('d1', 'en', ENGLISH, other), doc('d2', 'de', GERMAN)])).toContainEqual(['de', 'en']);
  });

  it('aligns a French translation naming the same speaker', () => {
    setDictionaryDirectory(DICTD);
    const english = statement(
      'en',
      'The widow demanded justice and the truth about the death in prison.',
      'en',
      'Marta Lindqvist',
    );
    const french = statement(
      'fr',
      'La veuve a exigé la justice et la vérité sur la mort en prison.',
      'fr',
      'Marta Lindqvist',
    );
    expect(groupsOf([doc('d1', 'en', english), doc('d2', 'fr', french)])).toContainEqual(['en', 'fr']);
  });

  it('matches the words no dictionary translates by their cognates in the English batch', () => {
    setDictionaryDirectory(DICTD);
    const english = statement(
      'en',
      'The agency played a decisive mediation role in this complex evacuation operation of the refugees.',
      'en',
    );
    const french = statement(
      'fr',
      "L'agence a joué un rôle décisif de médiation dans cette opération complexe d'évacuation des réfugiés.",
      'fr',
    );
    const other = statement('fr2', "L'agence publiera son rapport annuel sur les réfugiés en janvier.", 'fr');
    const groups = groupsOf([doc('d1', 'en', english), doc('d2', 'fr', french), doc('d3', 'fr', other)]);
    expect(groups).toContainEqual(['en', 'fr']);
    expect(groups).toContainEqual(['fr2']);
  });

  it('keeps a German statement of other words apart, and never merges two speakers', () => {
    setDictionaryDirectory(DICTD);
    // Same topic, few words in common: another statement.
    const otherWords = statement('de2', 'Die Regierung kündigte neue Sanktionen gegen die Banken an.', 'de');
    // The same words credited to another named speaker: a translation does not prove a misattribution.
    const otherSpeaker = statement(
      'de3',
      'Der Gefangene wurde in der Strafkolonie ermordet, die Wächter logen über sein Herz.',
      'de',
      'Olaf Brenner',
    );
    const groups = groupsOf([
      doc('d1', 'en', ENGLISH),
      doc('d2', 'de', otherWords),
      doc('d3', 'de', otherSpeaker),
    ]);
    expect(groups).toContainEqual(['en']);
    expect(groups).toContainEqual(['de2']);
  });

  it('does not make a misattribution across languages through a translation of the same words', () => {
    setDictionaryDirectory(DICTD);
    // Word for word the translation the group holds, credited to another named speaker: within its
    // language that would be a misattribution's evidence; against an English group it is not.
    const credited = { ...GERMAN, id: 'de-other', speaker: 'Olaf Brenner', resolvedSpeaker: 'Olaf Brenner' };
    const groups = groupsOf([doc('d1', 'en', ENGLISH), doc('d2', 'de', GERMAN), doc('d3', 'de', credited)]);
    expect(groups).toContainEqual(['de', 'en']);
    expect(groups).toContainEqual(['de-other']);
  });

  it('aligns as before, without error, when the dictionary is not installed', () => {
    setDictionaryDirectory(mkdtempSync(join(tmpdir(), 'no-dictd-')));
    const groups = groupsOf([doc('d1', 'en', ENGLISH), doc('d2', 'de', GERMAN)]);
    expect(groups).toContainEqual(['en']);
    expect(groups).toContainEqual(['de']);
  });
});

describe('alignStatements: a short statement and its Russian translation', () => {
  afterEach(() => setDictionaryDirectory(DICTD));

  it('aligns them on two rare words when the speaker agrees', () => {
    setDictionaryDirectory(DICTD);
    // Two of its three words have their translation in the other (the dictionary lacks the third).
    const english = statement('en', 'The motherland honours its mariners.', 'en', 'Admiral Pavel Sorin');
    const russian = statement('ru', 'Родина чтит своих моряков.', 'ru', 'Адмирал Павел Сорин');
    const other = statement(
      'en2',
      'The fleet will sail to the northern ports in spring.',
      'en',
      'Admiral Pavel Sorin',
    );
    expect(groupsOf([doc('d1', 'en', english, other), doc('d2', 'ru', russian)])).toContainEqual([
      'en',
      'ru',
    ]);
  });
});

describe('alignStatements: translations Apertium carries into English', () => {
  afterEach(() => {
    setDictionaryDirectory(DICTD);
    setApertium({ modes: MODES });
  });
  const english = statement(
    'en',
    'The negotiations with the neighbours were very difficult, but the border will open in the spring.',
    'en',
    'Ines Morales',
  );
  const spanish = statement(
    'es',
    'Las negociaciones con los vecinos fueron muy difíciles, pero la frontera se abrirá en la primavera.',
    'es',
    'Ines Morales',
  );
  const unrelated = statement(
    'en2',
    'The harvest was poor this year and the farmers want help from the state.',
    'en',
    'Ines Morales',
  );

  it('aligns a Spanish rendition with its English original with no dictionary installed', () => {
    setDictionaryDirectory(mkdtempSync(join(tmpdir(), 'no-dictd-')));
    setApertium({ modes: MODES });
    const groups = groupsOf([doc('d1', 'en', english, unrelated), doc('d2', 'es', spanish)]);
    expect(groups).toContainEqual(['en', 'es']);
    expect(groups).toContainEqual(['en2']);
  });

  it('falls back to the dictionaries when Apertium has no pair for the language', () => {
    setDictionaryDirectory(mkdtempSync(join(tmpdir(), 'no-dictd-')));
    setApertium({ modes: mkdtempSync(join(tmpdir(), 'no-apertium-')) });
    const groups = groupsOf([doc('d1', 'en', english, unrelated), doc('d2', 'es', spanish)]);
    expect(groups).toContainEqual(['es']);
  });
});

describe('alignStatements: one sentence of a long quotation, translated', () => {
  afterEach(() => setDictionaryDirectory(DICTD));

  it('finds the quotation through one rare word when the same person is credited with both', () => {
    setDictionaryDirectory(DICTD);
    const english = statement(
      'en',
      'Some of these farmers have been unfairly jailed for years. All have endured hunger, cold and uncertainty. Today their ordeal is over, and the villages of the valley will see them home.',
      'en',
      'Ana Lind',
    );
    const russian = statement('ru', 'Некоторые из этих фермеров годами сидели в тюрьме.', 'ru', 'Ана Линд');
    const other = statement(
      'other',
      'The farmers of the valley want new roads and schools for their children.',
      'en',
      'Ana Lind',
    );
    expect(groupsOf([doc('a', 'en', english), doc('b', 'ru', russian), doc('c', 'en', other)])).toEqual([
      ['en', 'ru'],
      ['other'],
    ]);
  });
});

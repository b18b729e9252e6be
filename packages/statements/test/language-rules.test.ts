import { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements, RULE_LANGUAGES } from '../src/index';
import { genericRules } from '../src/rules';

// Fixtures written for these tests, in the manner of wire copy in each language.
function run(text: string, lang: string) {
  const warnings: string[] = [];
  const out = extractStatements(`Titel\n\n${text}`, {
    lang,
    units: 'attribution',
    onWarning: (m) => warnings.push(m),
  });
  for (const s of out) expect(Statement.parse(s)).toEqual(s);
  expect(warnings).toEqual([]);
  return out.map((s) => ({ kind: s.kind, speaker: s.speaker, cue: s.cue, text: s.text }));
}

describe('the registry of language rules', () => {
  it('lists the languages read by modules of their own and those read from data files', () => {
    for (const l of ['en', 'ru', 'mn', 'de', 'fr', 'es', 'it', 'pt'])
      expect(RULE_LANGUAGES.has(l)).toBe(true);
    expect(RULE_LANGUAGES.has('nl')).toBe(false);
    const de = genericRules('de-AT');
    expect(de?.strong.has('sagte')).toBe(true);
    expect(de?.tag.has('so')).toBe(true);
    expect(de?.complementizers.has('dass')).toBe(true);
    expect(genericRules('nl')).toBeUndefined();
  });
});

describe('generic passes over the data', () => {
  it('German: inverted tag, cue and complementizer, "laut", a comma clause and the reportive mood', () => {
    const out = run(
      [
        '„Das war keine leichte Wahl“, sagte Bundeskanzlerin Petra Lindner am Montag in Kiel.',
        'Die Ministerin erklärte, dass die Verhandlungen noch Wochen dauern würden.',
        'Laut Lindner ist die Lage an der Küste weiterhin angespannt.',
        'Lindner sagte, die Regierung habe keine andere Wahl gehabt. Es sei bitter, wie lange alles gedauert habe.',
        'Die Preise würden bald wieder fallen, sagte Jonas Wirth von der Landesbank.',
      ].join('\n\n'),
      'de',
    );
    expect(out).toEqual([
      {
        kind: 'direct',
        speaker: 'Bundeskanzlerin Petra Lindner',
        cue: 'sagte',
        text: 'Das war keine leichte Wahl',
      },
      {
        kind: 'indirect',
        speaker: 'Ministerin',
        cue: 'erklärte',
        text: 'dass die Verhandlungen noch Wochen dauern würden',
      },
      {
        kind: 'indirect',
        speaker: 'Lindner',
        cue: 'Laut',
        text: 'ist die Lage an der Küste weiterhin angespannt',
      },
      {
        kind: 'indirect',
        speaker: 'Lindner',
        cue: 'sagte',
        text: 'die Regierung habe keine andere Wahl gehabt',
      },
      {
        kind: 'indirect',
        speaker: 'Lindner',
        cue: null,
        text: 'Es sei bitter, wie lange alles gedauert habe',
      },
      {
        kind: 'indirect',
        speaker: 'Jonas Wirth',
        cue: 'sagte',
        text: 'Die Preise würden bald wieder fallen',
      },
    ]);
  });

  it('French: a role with the name in apposition, "a-t-elle", "que" and "selon"', () => {
    const out = run(
      [
        '« Nous resterons prudents », a déclaré la gouverneure de la banque, Claire Dumas, mardi.',
        'Dumas a affirmé que la hausse avait été votée sans opposition.',
        'Selon Marc Olivier, les loyers restent le premier risque pour les ménages.',
        '« Ce n’est qu’un début », a-t-elle ajouté.',
      ].join('\n\n'),
      'fr',
    );
    expect(out.slice(0, 3)).toEqual([
      { kind: 'direct', speaker: 'Claire Dumas', cue: 'déclaré', text: 'Nous resterons prudents' },
      {
        kind: 'indirect',
        speaker: 'Dumas',
        cue: 'affirmé',
        text: 'que la hausse avait été votée sans opposition',
      },
      {
        kind: 'indirect',
        speaker: 'Marc Olivier',
        cue: 'Selon',
        text: 'les loyers restent le premier risque pour les ménages',
      },
    ]);
    expect(out[3]).toMatchObject({ kind: 'direct', speaker: 'elle', cue: 'a-t-elle' });
  });

  it('Spanish and Italian: a tag after the quotation and a closing tag on reported speech', () => {
    expect(run('“Vamos a esperar”, dijo Lucía Ferrer en Madrid.', 'es')[0]).toMatchObject({
      kind: 'direct',
      speaker: 'Lucía Ferrer',
      cue: 'dijo',
    });
    expect(run('I tassi scenderanno entro la fine di ottobre, ha detto Paolo Ricci.', 'it')[0]).toMatchObject(
      {
        kind: 'indirect',
        speaker: 'Paolo Ricci',
        text: 'I tassi scenderanno entro la fine di ottobre',
      },
    );
  });
});

describe('more data files', () => {
  it('reads the registry folder: Polish, Ukrainian, Bulgarian and Turkish have rules', () => {
    for (const l of ['pl', 'uk', 'bg', 'tr']) expect(RULE_LANGUAGES.has(l)).toBe(true);
  });

  it('Turkish: a verb-final tag names the speaker before the quotation', () => {
    expect(run('Demir, "Bu konu kapanmıştır" dedi.', 'tr')[0]).toMatchObject({
      kind: 'direct',
      speaker: 'Demir',
      cue: 'dedi',
    });
  });

  it('Polish and Bulgarian: an inverted tag after the quotation', () => {
    expect(run('„To był trudny dzień” – powiedział Adam Lis.', 'pl')[0]).toMatchObject({
      speaker: 'Adam Lis',
    });
    expect(run('"Положението е сериозно", заяви Петър Колев.', 'bg')[0]).toMatchObject({
      speaker: 'Петър Колев',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

/** [speaker as written, resolved speaker, cue, first words] per statement. */
function attributions(text: string, lang: string) {
  return extractStatements(`Titular\n\n${text}`, { lang }).map((s) => [
    s.speaker,
    s.resolvedSpeaker,
    s.cue,
    s.text.split(' ').slice(0, 3).join(' '),
  ]);
}

describe('quotations in a language without rules: the newswire shapes every language shares', () => {
  it('takes the name after the closing mark, a comma and a verb, and its full name from the text', () => {
    expect(
      attributions(
        'Burgemeester Marta Ibáñez bezocht de haven. „We openen de kades voor de winter”, verklaarde Ibáñez tegenover de pers.',
        'nl',
      ),
    ).toEqual([['Ibáñez', 'Burgemeester Marta Ibáñez', 'verklaarde', 'We openen de']]);
  });

  it('takes the name apposed to a role opening the sentence when its verb leads to the quotation', () => {
    expect(
      attributions(
        'De minister van Visserij, Tomas Rivera, noemde het akkoord „een historische stap”.',
        'nl',
      ),
    ).toEqual([['Tomas Rivera', 'Tomas Rivera', 'noemde', 'een historische stap']]);
  });

  it('reads Cyrillic the same way', () => {
    expect(attributions('"Лука ће бити отворена до зиме", изјавио Петровић новинарима.', 'sr')).toEqual([
      ['Петровић', 'Петровић', 'изјавио', 'Лука ће бити'],
    ]);
  });

  it('never takes a place after a preposition for the speaker', () => {
    const out = attributions(
      '„De haven gaat voor de winter weer open”, in Zeeland wacht men al maanden op dat nieuws.',
      'nl',
    );
    expect(out.length).toBeGreaterThan(0);
    expect(out.map((s) => s[0]).filter((speaker) => speaker !== null)).toEqual([]);
  });

  it('in a language that capitalises its nouns, takes a single capitalised word only when the text gives it as a name', () => {
    const out = attributions(
      'Buergermeeschter Anna Keller besicht den Hafen. „Mir maachen d’Kaien op virum Wanter“, sot Keller. „Dat ass e grousse Succès fir d’Stad“, schreift Zeitung.',
      'lb',
    );
    expect(out.map((s) => s[0])).toEqual(['Keller', null]);
    expect(out[0]?.[1]).toBe('Buergermeeschter Anna Keller');
  });
});

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
        'La alcaldesa Marta Ibáñez visitó el puerto. “Vamos a reabrir los muelles antes del invierno”, afirmó Ibáñez ante la prensa.',
        'es',
      ),
    ).toEqual([['Ibáñez', 'Marta Ibáñez', 'afirmó', 'Vamos a reabrir']]);
  });

  it('takes the name opening the sentence when its verb leads to the quotation', () => {
    expect(
      attributions(
        'El ministro de Pesca, Tomás Rivera, calificó el acuerdo de «un paso histórico».\nPor su parte, el Ayuntamiento expresó su «profundo malestar con la decisión».',
        'es',
      ),
    ).toEqual([
      ['Tomás Rivera', 'Tomás Rivera', 'calificó', 'un paso histórico'],
      ['Ayuntamiento', 'Ayuntamiento', 'expresó', 'profundo malestar con'],
    ]);
  });

  it('reads Cyrillic the same way', () => {
    expect(
      attributions('"Пристанището ще бъде отворено до зимата", заяви Петров пред журналисти.', 'bg'),
    ).toEqual([['Петров', 'Петров', 'заяви', 'Пристанището ще бъде']]);
  });

  it('never takes a place after a preposition, or a name that is not the subject, for the speaker', () => {
    const out = attributions(
      '«Il porto riaprirà prima dell’inverno», in Sicilia da mesi si attende la notizia. Secondo il sindaco il governo di Roma ha promesso «una soluzione rapida».',
      'it',
    );
    expect(out.length).toBeGreaterThan(0);
    expect(out.map((s) => s[0]).filter((speaker) => speaker !== null)).toEqual([]);
  });

  it('in a language that capitalises its nouns, takes a single capitalised word only when the text gives it as a name', () => {
    const out = attributions(
      'Bürgermeisterin Anna Keller besuchte den Hafen. „Wir öffnen die Kais vor dem Winter“, sagte Keller. „Das ist ein Erfolg für die Stadt“, schrieb Zeitung am Abend.',
      'de',
    );
    expect(out.map((s) => s[0])).toEqual(['Keller', null]);
    expect(out[0]?.[1]).toBe('Bürgermeisterin Anna Keller');
  });
});

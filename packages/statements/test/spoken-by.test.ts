import { describe, expect, it } from 'vitest';
import { spokenBy } from '../src/index';

describe('spokenBy', () => {
  it('gives a pronoun’s resolution, and the label as written otherwise', () => {
    expect(spokenBy({ speaker: 'he', resolvedSpeaker: 'Joe Biden' })).toBe('Joe Biden');
    expect(spokenBy({ speaker: 'Она', resolvedSpeaker: 'Мария Захарова' })).toBe('Мария Захарова');
    // A named or described speaker is the page's own: never replaced by a guess.
    expect(spokenBy({ speaker: 'the ministry', resolvedSpeaker: 'Ministry of Foreign Affairs' })).toBe(
      'the ministry',
    );
    expect(spokenBy({ speaker: 'Peskov', resolvedSpeaker: 'Kremlin spokesman Dmitry Peskov' })).toBe(
      'Peskov',
    );
    // A description the page gives, resolved to a person, is that person; resolved to a body, it keeps
    // its words beside the body's name.
    expect(spokenBy({ speaker: 'the spokesman', resolvedSpeaker: 'Dmitry Peskov' })).toBe('Dmitry Peskov');
    expect(spokenBy({ speaker: 'the daily', resolvedSpeaker: 'The Harbour Courier' })).toBe(
      'the daily (The Harbour Courier)',
    );
    // Words the page credits to no one at the spot take the speaker they were resolved to.
    expect(spokenBy({ speaker: null, resolvedSpeaker: 'Olaf Scholz' })).toBe('Olaf Scholz');
    // Unresolved, the pronoun stays; nothing at all, no speaker.
    expect(spokenBy({ speaker: 'she', resolvedSpeaker: null })).toBe('she');
    expect(spokenBy({ speaker: null, resolvedSpeaker: null })).toBeNull();
  });

  it('names the person a label denotes, without the titles and roles given with the name', () => {
    const by = (speaker: string) => spokenBy({ speaker, resolvedSpeaker: null });
    expect(by('Harbour Authority spokeswoman Ines Morales')).toBe('Ines Morales');
    expect(by('Former Prime Minister Aarne Lindqvist')).toBe('Aarne Lindqvist');
    expect(by('Marta Lindqvist, the activist’s widow')).toBe('Marta Lindqvist');
    expect(by('President Okafor')).toBe('Okafor');
    expect(by('Министр иностранных дел Сергей Лавров')).toBe('Сергей Лавров');
    expect(by('John F. Kennedy')).toBe('John F. Kennedy');
    // Titles other languages write capitalised come from their rule files (packages/statements/rules).
    expect(by('Bundeskanzlerin Petra Holm')).toBe('Petra Holm');
    expect(by('Dışişleri Bakanı Mert Aydın')).toBe('Mert Aydın');
    expect(by('Harbour Board Chairman Aarne Lindqvist (R-Ore.)')).toBe('Aarne Lindqvist');
    // A name after a preposition is not the one who spoke; two speakers are two.
    expect(by('spokeswoman for Ines Morales')).toBe('spokeswoman for Ines Morales');
    expect(by('Mr. Lindqvist of the Harbour Club')).toBe('Mr. Lindqvist of the Harbour Club');
    expect(by('Mr. Okafor and Ms. Morales')).toBe('Mr. Okafor and Ms. Morales');
    // A body, a role alone or a pronoun names no person: the label stays.
    expect(by('IMF')).toBe('IMF');
    expect(by('Tax Policy Institute')).toBe('Tax Policy Institute');
    expect(by('Russia’s Foreign Ministry')).toBe('Russia’s Foreign Ministry');
    expect(by('the harbour master')).toBe('the harbour master');
    expect(by('she')).toBe('she');
  });
});

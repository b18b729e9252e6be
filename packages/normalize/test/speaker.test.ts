import { describe, expect, it } from 'vitest';
import { canonicalSpeaker, nameKey, sameSpeaker } from '../src/index';

function same(a: string, b: string): boolean {
  const x = canonicalSpeaker(a);
  const y = canonicalSpeaker(b);
  const forward = sameSpeaker(x, y);
  // The relation is symmetric: a test that only holds one way would hide an ordering bug.
  expect(sameSpeaker(y, x)).toBe(forward);
  return forward;
}

describe('canonicalSpeaker', () => {
  it('keys a titled person by surname and keeps the title as descriptors', () => {
    expect(canonicalSpeaker('Kremlin spokesman Dmitry Peskov')).toEqual({
      key: 'person:peskov',
      name: 'Kremlin spokesman Dmitry Peskov',
      person: ['dmitry', 'peskov'],
      descriptors: ['kremlin', 'spokesperson'],
      // The Kremlin is in Moscow (WordNet).
      countries: ['RU'],
    });
  });

  it('transliterates Cyrillic names', () => {
    expect(canonicalSpeaker('Дмитрий Песков')).toMatchObject({
      key: 'person:peskov',
      person: ['dmitrii', 'peskov'],
    });
    expect(canonicalSpeaker('В.Путин')).toMatchObject({ key: 'person:putin', person: ['putin'] });
  });

  it('places a label in the countries its words stand for, in any case and script', () => {
    expect(canonicalSpeaker('the Turkish presidency').countries).toEqual(['TR']);
    expect(canonicalSpeaker('Ankara').countries).toEqual(['TR']);
    expect(canonicalSpeaker('МИД России').countries).toEqual(['RU']);
    expect(canonicalSpeaker('the American president').countries).toEqual(['US']);
    expect(canonicalSpeaker('Chinese Foreign Ministry spokesperson').countries).toEqual(['CN']);
    // Where a body sits is not whose it is.
    expect(canonicalSpeaker('the Russian Embassy in Ulaanbaatar').countries).toEqual(['RU']);
    // A surname is no country.
    expect(canonicalSpeaker('Ross').countries).toEqual([]);
  });

  it('reads a capitalised label of common words as a body, never a surname', () => {
    for (const label of [
      'The Border Service',
      'Danish authorities',
      'The Danish',
      'Jewish Federations of Ohio',
    ])
      expect(canonicalSpeaker(label).person, label).toEqual([]);
    // Surnames that are common words too stay people.
    for (const label of ['Baker', 'Ms. Harris', 'Jake Tapper', 'Hunter Biden'])
      expect(canonicalSpeaker(label).person.length, label).toBeGreaterThan(0);
    expect(canonicalSpeaker('Ms. Harris').person).toEqual(['harris']);
  });

  it('keys a body by its descriptors and drops leading articles from the display name', () => {
    expect(canonicalSpeaker('Ukraine’s Foreign Ministry')).toEqual({
      key: 'org:affairs foreign ministry ukraine',
      name: 'Ukraine’s Foreign Ministry',
      person: [],
      descriptors: ['affairs', 'foreign', 'ministry', 'ukraine'],
      countries: ['UA'],
    });
    expect(canonicalSpeaker('an ICC spokesperson')).toMatchObject({
      key: 'org:icc spokesperson',
      name: 'ICC spokesperson',
      person: [],
    });
  });

  it('gives "Foreign Ministry" and "Ministry of Foreign Affairs" one key', () => {
    expect(canonicalSpeaker('Foreign Ministry').key).toBe('org:affairs foreign ministry');
    expect(canonicalSpeaker('the Ministry of Foreign Affairs').key).toBe('org:affairs foreign ministry');
  });

  it('strips the Mongolian genitive from a patronymic', () => {
    expect(canonicalSpeaker('Ukhnaagiin Khürelsükh').person).toEqual(['ukhnaa', 'khurelsukh']);
  });
});

describe('sameSpeaker', () => {
  it('matches one person’s surname across scripts and name orders', () => {
    expect(same('В.Путин', 'Vladimir Putin')).toBe(true);
    expect(same('Путин', 'Russian President Vladimir Putin')).toBe(true);
    expect(same('Дмитрий Песков', 'Kremlin spokesman Dmitry Peskov')).toBe(true);
    expect(same('Хүрэлсүх', 'Mongolian President Khurelsukh Ukhnaa')).toBe(true);
    expect(same('Ukhnaagiin Khürelsükh', 'President Khurelsukh Ukhnaa')).toBe(true);
  });

  it('tells different people apart, even of one body', () => {
    expect(same('Kremlin spokesman Dmitry Peskov', 'Kremlin aide Yuri Ushakov')).toBe(false);
    expect(same('Vladimir Putin', 'Kremlin spokesman Dmitry Peskov')).toBe(false);
    expect(same('В.Путин', 'Ushakov')).toBe(false);
  });

  it('matches a role with the named person holding it for the same body', () => {
    expect(same('an ICC spokesperson', 'ICC Spokesperson Fadi El Abdallah')).toBe(true);
    expect(same('Kremlin spokesman', 'Kremlin spokesman Dmitry Peskov')).toBe(true);
  });

  it('matches one body under its different names', () => {
    expect(same('Foreign Ministry', 'Ministry of Foreign Affairs')).toBe(true);
    expect(same('Ukraine’s Foreign Ministry', 'Ministry of Foreign Affairs of Ukraine')).toBe(true);
    expect(same('Ukrainian MFA', 'the Ministry of Foreign Affairs of Ukraine')).toBe(true);
    expect(same('a spokesperson from the U.S. Embassy in Ulaanbaatar', 'US Embassy spokeswoman')).toBe(true);
  });

  it('keeps spokespeople of different bodies apart', () => {
    expect(same('an ICC spokesperson', 'Kremlin spokesman')).toBe(false);
    expect(same('an ICC spokesperson', 'a spokesperson from the U.S. Embassy in Ulaanbaatar')).toBe(false);
    expect(same('State Department spokesperson', 'Foreign Ministry spokesperson')).toBe(false);
  });

  it('keeps the same kind of body of two different countries apart', () => {
    expect(same('Ukraine’s Foreign Ministry', 'Russian Foreign Ministry')).toBe(false);
    expect(same('Russian Foreign Ministry spokeswoman', 'Ukrainian Foreign Ministry spokesperson')).toBe(
      false,
    );
    expect(
      same('a spokesperson from the U.S. Embassy in Ulaanbaatar', 'the Russian Embassy in Ulaanbaatar'),
    ).toBe(false);
    expect(same('the American Embassy', 'the Russian Embassy')).toBe(false);
    expect(same('the American Embassy in Ulaanbaatar', 'a U.S. Embassy spokesperson')).toBe(true);
    // One side naming no country is not a contradiction.
    expect(same('Foreign Ministry', 'Russian Foreign Ministry')).toBe(true);
  });

  it('compares bare roles by the role itself', () => {
    expect(same('a spokesperson', 'a spokeswoman')).toBe(true);
    expect(same('a spokesperson', 'an aide')).toBe(false);
  });
});

describe('romanisations of one Cyrillic name', () => {
  it('matches the spellings the issue names across scripts and word orders', () => {
    expect(same('Khurelsukh Ukhnaa', 'Ukhnaagiin Khürelsükh')).toBe(true);
    expect(same('Khurelsukh Ukhnaa', 'Ухнаагийн Хүрэлсүх')).toBe(true);
    expect(same('President Ukhnaa', 'Ерөнхийлөгч У.Хүрэлсүх')).toBe(false);
    expect(same('Kremlin spokesman Dmitry Peskov', 'Д.Песков')).toBe(true);
  });

  it('matches the newspaper Unuudur, Onoodor and Өнөөдөр as one body', () => {
    expect(same('Unuudur', 'Өнөөдөр')).toBe(true);
    expect(same('Onoodor', 'Өнөөдөр')).toBe(true);
    expect(same('the Unuudur newspaper', 'Onoodor')).toBe(true);
  });

  it('matches -y, -i and -ii endings and single for double letters, and keeps different people apart', () => {
    expect(same('Volodymyr Zelensky', 'Владимир Зеленский')).toBe(true);
    expect(same('Yuri Ushakov', 'Юрий Ушаков')).toBe(true);
    expect(same('Yuri Ushakov', 'Дмитрий Песков')).toBe(false);
    expect(same('Sergei Lavrov', 'Сергей Шойгу')).toBe(false);
  });
});

describe('nameKey', () => {
  it('gives one key to the romanisations of one name and different keys to different names', () => {
    expect(nameKey('unuudur')).toBe(nameKey('onoodor'));
    expect(nameKey('zelensky')).toBe(nameKey('zelenskii'));
    expect(nameKey('putin')).not.toBe(nameKey('peskov'));
  });
});

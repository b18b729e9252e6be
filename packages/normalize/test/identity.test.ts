import { describe, expect, it } from 'vitest';
import {
  canonicalSpeaker,
  contentStems,
  differentSpeakers,
  isAnaphor,
  isSpeakerLabel,
  nameStem,
  sameName,
  speakerBlock,
  speakerRelation,
  synonyms,
  titleHolders,
} from '../src/index';

const relation = (a: string, b: string) => {
  const forward = speakerRelation(canonicalSpeaker(a), canonicalSpeaker(b));
  expect(speakerRelation(canonicalSpeaker(b), canonicalSpeaker(a))).toBe(forward);
  return forward;
};
const differ = (a: string, b: string) =>
  differentSpeakers({ label: a, speaker: canonicalSpeaker(a) }, { label: b, speaker: canonicalSpeaker(b) });

describe('one speaker, many names', () => {
  it('meets a spokesman under his name, his surname alone and his name in Cyrillic', () => {
    for (const b of ['Peskov', 'Dmitry Peskov', 'Песков', 'Дмитрий Песков'])
      expect(relation('Kremlin spokesman Dmitry Peskov', b)).toBe('same');
    expect(speakerBlock(canonicalSpeaker('Песков'))).toBe(speakerBlock(canonicalSpeaker('Dmitry Peskov')));
  });

  it('relates a person to the body he speaks for, and a title to a holder', () => {
    expect(relation('Kremlin spokesman Dmitry Peskov', 'the Kremlin')).toBe('related');
    expect(relation('Foreign Ministry spokesman Oleh Hrytsenko', 'the department')).toBe('related');
    expect(relation('Ministry of Foreign Affairs of Ukraine', 'the ministry')).not.toBe('different');
    expect(relation('the president', 'Joe Biden')).toBe('related');
    expect(relation('пресс-служба Кремля', 'Kremlin')).not.toBe('different');
  });

  it('meets spelling variants of one name, but keeps a feminine surname apart', () => {
    expect(sameName('Hrytsenkyi', 'Hrytsenkii')).toBe(true);
    expect(sameName('Kareem', 'Karim')).toBe(true);
    expect(sameName('Josep', 'Joseph')).toBe(true);
    expect(sameName('Ivanova', 'Ivanov')).toBe(false);
    expect(relation('Judge Kareem Osei', 'Karim Osei')).toBe('same');
    expect(relation('Anna Petrova', 'Ivan Petrov')).toBe('different');
  });

  it('meets a name as German, Polish and French spell it (w for v, j for y, ï)', () => {
    expect(sameName('Wolkowa', 'Volkova')).toBe(true);
    expect(sameName('Jakowlew', 'Yakovlev')).toBe(true);
    expect(sameName('Kowalenkyj', 'Kovalenky')).toBe(true);
    expect(sameName('Sokolovaïa', 'Sokolovaya')).toBe(true);
    expect(relation('Bürgermeisterin Julija Wolkowa', 'Yuliya Volkova')).toBe('same');
    expect(sameName('Wolkowa', 'Volkov')).toBe(false);
  });

  it('keeps two people, and two countries’ ministries, apart', () => {
    expect(relation('Joe Biden', 'Volodymyr Zelensky')).toBe('different');
    expect(relation('Ukraine’s Foreign Ministry', 'Russian Foreign Ministry')).toBe('different');
    expect(relation('President of Russia', 'Kremlin spokesman Dmitry Peskov')).toBe('different');
    expect(relation('a representative of the Green Party', 'Marta Kowal')).not.toBe('different');
    // What a person is says nothing of his party: a politician may be its representative.
    expect(relation('a representative of the Green Party', 'politician Marta Kowal')).not.toBe('different');
  });

  it('keeps bodies and titles of different countries apart, however the country is written', () => {
    expect(relation('Moscow', 'the Turkish presidency')).toBe('different');
    expect(relation('Ankara', 'the American president')).toBe('different');
    expect(relation('МИД России', 'Danish authorities')).toBe('different');
    expect(relation('Copenhagen', 'Danish authorities')).not.toBe('different');
  });

  it('never calls a pronoun, a possessive or a sentence opener a different speaker', () => {
    expect(isAnaphor('he')).toBe(true);
    expect(isAnaphor('Она')).toBe(true);
    expect(isAnaphor('Peskov')).toBe(false);
    for (const label of [
      'she',
      'Petrov’s',
      'Previously',
      'Calling Moscow',
      'Quote',
      'Petrov’s Body Is',
      'the statement',
    ])
      expect(isSpeakerLabel(label)).toBe(false);
    expect(isSpeakerLabel('Kremlin spokesman Dmitry Peskov')).toBe(true);
    expect(differ('Joe Biden', 'he')).toBe(false);
    expect(differ('Joe Biden', 'Previously')).toBe(false);
    expect(differ('Joe Biden', 'Ivan Petrov')).toBe(true);
  });

  it('gives every script one key for a surname', () => {
    expect(nameStem('Зеленский')).toBe(nameStem('Zelensky'));
    expect(nameStem('Путины')).toBe(nameStem('Putin'));
  });
});

describe('lexical resources', () => {
  it('stems Russian and German words by their own language’s Snowball rules', () => {
    expect(contentStems('поручений', 'ru')).toEqual(contentStems('поручения', 'ru'));
    expect(contentStems('Entscheidungen', 'de')).toEqual(contentStems('Entscheidung', 'de'));
    // English keeps the light stemmer: demonyms fold to the country.
    expect(contentStems('Mongolian', 'en')).toEqual(['mongolia']);
  });

  it('finds English synonyms in WordNet, and not between unrelated words', () => {
    expect(synonyms('unfounded', 'baseless')).toBe(true);
    expect(synonyms('vulgar', 'crude')).toBe(true);
    expect(synonyms('baseless', 'groundless')).toBe(true);
    expect(synonyms('table', 'election')).toBe(false);
  });
});

describe('a person whose label names the body he speaks for', () => {
  it('is related to that body, not unknown', () => {
    expect(
      relation('Harbour Street Journal', 'Harbour Street Journal Publisher Ann Vale and Editor Bo Lind'),
    ).toBe('related');
    expect(relation('Harbour Street Journal', 'Hill Valley Gazette editor Bo Lind')).not.toBe('related');
  });
});

describe('a Bulgarian name with the schwa ъ', () => {
  it('meets the English spelling of a foreign name', () => {
    expect(relation('Джо Байдън', 'Joe Biden')).toBe('same');
    expect(relation('Тръмп', 'Trump')).toBe('same');
    expect(relation('Байдън', 'Bolton')).toBe('different');
  });
});

describe('titleHolders: the person a batch gives a one-holder title', () => {
  const batch = ['U.S. President Tom Hale', 'Russian President Ivan Orlov', 'activist Ana Lind'].map((s) =>
    canonicalSpeaker(s),
  );
  const holderOf = titleHolders(batch);

  it('is the one person of the title’s country', () => {
    expect(holderOf(canonicalSpeaker('US president'))?.name).toBe('U.S. President Tom Hale');
    expect(holderOf(canonicalSpeaker('the Russian president'))?.name).toBe('Russian President Ivan Orlov');
  });

  it('is nobody when the title names no country and two people hold it, or for a non-title', () => {
    expect(holderOf(canonicalSpeaker('the president'))).toBeNull();
    expect(holderOf(canonicalSpeaker('Ana Lind'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  canonicalText,
  contentStems,
  foldDiacritics,
  isStopword,
  numbersIn,
  stem,
  transliterate,
  words,
} from '../src/index';

describe('canonicalText', () => {
  it('unifies curly quotes, guillemets and apostrophes', () => {
    expect(canonicalText('“We will not be intimidated,” the minister’s aide said.')).toBe(
      '"we will not be intimidated," the minister\'s aide said.',
    );
    expect(canonicalText('Peskov called it «an unfriendly step» and ‘regrettable’.')).toBe(
      'peskov called it "an unfriendly step" and \'regrettable\'.',
    );
    expect(canonicalText('„Wir respektieren das Gericht“, sagte er.')).toBe(
      '"wir respektieren das gericht", sagte er.',
    );
  });

  it('unifies dash variants and the ellipsis character', () => {
    expect(canonicalText('The talks — held behind closed doors – ended early… a 2024‑2025 plan')).toBe(
      'the talks - held behind closed doors - ended early... a 2024-2025 plan',
    );
    expect(canonicalText('temperatures of −30 degrees')).toBe('temperatures of -30 degrees');
  });

  it('removes zero-width, soft-hyphen, byte-order and bidi control characters', () => {
    const dressed =
      '\ufeffThe court in Ulaan\u200bbaatar issued a state\u00adment \u202eon Monday\u202c \u2066today\u2069.\u200f';
    expect(canonicalText(dressed)).toBe('the court in ulaanbaatar issued a statement on monday today.');
  });

  it('applies NFKC: full-width letters, ligatures and no-break spaces become plain text', () => {
    expect(canonicalText('The ＩＣＣ issued its ﬁnal ruling\u00a0on Tuesday')).toBe(
      'the icc issued its final ruling on tuesday',
    );
  });

  it('lower-cases and collapses whitespace so that two dressings of one sentence are equal', () => {
    const web = '  Mongolia  has\tan obligation\n to execute the warrant, the ICC’s spokesperson said. ';
    const wire = "Mongolia has an obligation to execute the warrant, the ICC's spokesperson said.";
    expect(canonicalText(web)).toBe(
      "mongolia has an obligation to execute the warrant, the icc's spokesperson said.",
    );
    expect(canonicalText(web)).toBe(canonicalText(wire));
  });
});

describe('words', () => {
  it('keeps sentence punctuation as its own token and drops the rest', () => {
    expect(words('The court’s ruling is final. Will Mongolia comply? “No!” said the envoy: never.')).toEqual([
      'the',
      "court's",
      'ruling',
      'is',
      'final',
      '.',
      'will',
      'mongolia',
      'comply',
      '?',
      'no',
      '!',
      'said',
      'the',
      'envoy',
      'never',
      '.',
    ]);
  });

  it('keeps hyphenated words and figures whole', () => {
    expect(
      words('A well-founded claim about the Power of Siberia 2 pipeline — 50 billion cubic metres.'),
    ).toEqual([
      'a',
      'well-founded',
      'claim',
      'about',
      'the',
      'power',
      'of',
      'siberia',
      '2',
      'pipeline',
      '50',
      'billion',
      'cubic',
      'metres',
      '.',
    ]);
  });

  it('tokenises Cyrillic text too', () => {
    expect(words('Песков заявил: «Мы не видим проблем». Визит состоится.')).toEqual([
      'песков',
      'заявил',
      'мы',
      'не',
      'видим',
      'проблем',
      '.',
      'визит',
      'состоится',
      '.',
    ]);
  });

  it('returns nothing for text without words', () => {
    expect(words(' — “” ')).toEqual([]);
  });
});

describe('stem', () => {
  it('folds the inflections news copy uses', () => {
    expect(stem('supplying')).toBe('supply');
    expect(stem('warrants')).toBe('warrant');
    expect(stem('countries')).toBe('country');
    expect(stem('discussed')).toBe('discuss');
    expect(stem("putin's")).toBe('putin');
  });

  it('folds demonyms to the country, singular and plural alike', () => {
    expect(stem('mongolian')).toBe('mongolia');
    expect(stem('mongolians')).toBe('mongolia');
    expect(stem('russian')).toBe('russia');
    expect(words('Mongolian').map(stem)).toEqual(['mongolia']);
  });

  it('leaves short words, double-s endings and other scripts alone', () => {
    expect(stem('press')).toBe('press');
    expect(stem('gas')).toBe('gas');
    expect(stem('путина')).toBe('путина');
  });
});

describe('contentStems and isStopword', () => {
  it('keeps stemmed content words and figures, without stopwords or punctuation', () => {
    expect(contentStems('Russia may supply gas to Mongolia, supplying 50 billion cubic metres.')).toEqual([
      'russia',
      'supply',
      'gas',
      'mongolia',
      'supply',
      '50',
      'billion',
      'cubic',
      'metre',
    ]);
  });

  it('knows English, Russian and Mongolian function words', () => {
    expect(isStopword('according')).toBe(true);
    expect(isStopword('что')).toBe(true);
    expect(isStopword('гэж')).toBe(true);
    expect(isStopword('warrant')).toBe(false);
  });

  it('drops the function words of other languages, with or without their accents', () => {
    expect(contentStems('Der Gefangene wurde in der Strafkolonie ermordet', 'de')).toEqual([
      'gefang',
      'strafkoloni',
      'ermordet',
    ]);
    expect(contentStems('Ο πρόεδρος είπε ότι η επίθεση ήταν τρομερή', 'el')).not.toContain('ότι');
    // Without a language, only the English, Russian and Mongolian lists apply: "die" is English.
    expect(contentStems('die Witwe')).toContain('die');
  });
});

describe('numbersIn', () => {
  it('reads figures as digit strings, dropping thousands separators', () => {
    expect(numbersIn('The ICC has 124 member states; 1,500 troops and 3.5 percent, in 2024.')).toEqual([
      '124',
      '1500',
      '3.5',
      '2024',
    ]);
  });
});

describe('transliterate', () => {
  it('spells Russian and Mongolian names the way English-language news does', () => {
    expect(transliterate('Путин')).toBe('Putin');
    expect(transliterate('Песков')).toBe('Peskov');
    expect(transliterate('Хүрэлсүх')).toBe('Khurelsukh');
    expect(transliterate('Өнөөдөр')).toBe('Onoodor');
    expect(transliterate('Ушаков')).toBe('Ushakov');
  });

  it('drops the Russian hard sign and writes the Bulgarian schwa as a vowel', () => {
    expect(transliterate('объявил')).toBe('obyavil');
    expect(transliterate('Байдън')).toBe('Baiden');
  });

  it('keeps case, punctuation and Latin text', () => {
    expect(transliterate('В.Путин и Xi Jinping')).toBe('V.Putin i Xi Jinping');
    expect(transliterate('ЦИК России')).toBe('TsIK Rossii');
  });
});

describe('foldDiacritics', () => {
  it('folds Latin diacritics but keeps Cyrillic letters', () => {
    expect(foldDiacritics('Khürelsükh Ukhnaagiin, Öndör-Gegeen')).toBe('Khurelsukh Ukhnaagiin, Ondor-Gegeen');
    expect(foldDiacritics('Дмитрий Хүрэлсүх')).toBe('Дмитрий Хүрэлсүх');
  });
});

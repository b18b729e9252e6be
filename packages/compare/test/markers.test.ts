import { canonicalSpeaker } from '@parallax/normalize';
import { describe, expect, it } from 'vitest';
import { type ComparableRendition, compareRenditions } from '../src/index';

function rendition(
  documentId: string,
  text: string,
  kind: ComparableRendition['kind'] = 'direct',
): ComparableRendition {
  return {
    documentId,
    text,
    kind,
    lang: 'en',
    speakerLabel: 'Ministry of Foreign Affairs of Ukraine',
    speaker: canonicalSpeaker('Ministry of Foreign Affairs of Ukraine'),
    facts: [],
  };
}

/** The Ukrainian foreign ministry's statement of 30 August 2024, as its own page gives it. */
const MINISTRY = rendition(
  'mfa-ukraine',
  'We call on the Mongolian side to execute the binding international arrest warrant and transfer Putin to the International Criminal Court in The Hague. We hope that the Government of Mongolia is aware of the fact that Vladimir Putin is a war criminal.',
);

describe('compareRenditions: elision marks and editors’ insertions', () => {
  it('elided: an outlet that marks its cut with […] — one elision token in the diff', () => {
    const outlet = rendition(
      'outlet',
      '“We call on the Mongolian side to execute the binding international arrest warrant […] We hope that the Government of Mongolia is aware of the fact that Vladimir Putin is a war criminal.”',
    );
    const [verdict] = compareRenditions(MINISTRY, outlet);
    expect(verdict?.type).toBe('elided');
    expect(verdict?.note).toContain('marks 1 elision');
    expect(verdict?.diff).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: 'and transfer putin to the international criminal court in the hague.' },
        { op: 'insert', text: '…' },
      ]),
    );
  });

  it('elided, not truncated: a quotation that marks where it stops with "..."', () => {
    const outlet = rendition(
      'outlet',
      'We call on the Mongolian side to execute the binding international arrest warrant...',
    );
    const [verdict] = compareRenditions(MINISTRY, outlet);
    expect(verdict?.type).toBe('elided');
    // Without the mark the same cut is passed off as the whole statement.
    const unmarked = rendition(
      'outlet',
      'We call on the Mongolian side to execute the binding international arrest warrant',
    );
    expect(compareRenditions(MINISTRY, unmarked)[0]?.type).toBe('truncated');
  });

  it('reworded: an editor’s bracketed insertion standing in for a word of the speaker’s', () => {
    const reference = rendition(
      'kremlin',
      'Our position on the warrant has not changed and will not change.',
    );
    const outlet = rendition(
      'outlet',
      '[Russia’s – ed.] position on the warrant has not changed and will not change.',
    );
    const [verdict] = compareRenditions(reference, outlet);
    expect(verdict?.type).toBe('reworded');
    expect(verdict?.note).toContain('editor');
    expect(verdict?.diff).toEqual([
      { op: 'delete', text: 'our' },
      { op: 'insert', text: "[russia's - ed.]" },
      { op: 'equal', text: 'position on the warrant has not changed and will not change' },
    ]);
  });

  it('extended: an editor’s clarification added next to the speaker’s words', () => {
    const reference = rendition('kremlin', 'We have no worries about the visit.');
    const outlet = rendition('outlet', 'We [the Kremlin] have no worries about the visit.');
    const [verdict] = compareRenditions(reference, outlet);
    expect(verdict?.type).toBe('extended');
    expect(verdict?.note).toContain("editor's bracketed insertion");
  });

  it('extended: an editor’s note closing a quotation of the first of two sentences', () => {
    // A court spokesperson's two sentences; a trade site quotes the first and glosses it in brackets.
    const spokesperson = rendition(
      'court',
      'The ruling does not cancel any existing licence. Companies operating in deposits of strategic importance may continue their work while parliament revises the law.',
    );
    const outlet = rendition(
      'trade-site',
      'The ruling does not cancel any existing licence [held by foreign investors].',
    );
    const [verdict] = compareRenditions(spokesperson, outlet);
    expect(verdict?.type).toBe('extended');
    expect(verdict?.note).toContain("editor's bracketed insertion");
  });

  it('reworded: a bracket in place of the quotation’s last words stands in for them', () => {
    const reference = rendition('kremlin', 'The decision on the visit was taken by them.');
    const outlet = rendition('outlet', 'The decision on the visit was taken by [the Mongolian authorities].');
    expect(compareRenditions(reference, outlet)[0]?.type).toBe('reworded');
  });
});

describe('compareRenditions: figures and calendar words without extracted facts', () => {
  const reference = rendition(
    'kremlin',
    'The pipeline will carry up to 50 billion cubic metres of gas a year, and construction will start within five years.',
  );

  it('number: a figure written as a word changed inside the quotation', () => {
    const outlet = rendition(
      'outlet',
      'The pipeline will carry up to 50 billion cubic metres of gas a year, and construction will start within six years.',
    );
    const types = compareRenditions(reference, outlet).map((d) => d.type);
    expect(types).toEqual(['reworded', 'number']);
    expect(compareRenditions(reference, outlet)[1]?.note).toBe('a says 5 where b says 6');
  });

  it('number: digits changed', () => {
    const outlet = rendition(
      'outlet',
      'The pipeline will carry up to 40 billion cubic metres of gas a year, and construction will start within five years.',
    );
    expect(compareRenditions(reference, outlet).map((d) => d.type)).toEqual(['reworded', 'number']);
  });

  it('date: a weekday swapped for another', () => {
    const a = rendition('kremlin', 'The talks will be held in Ulaanbaatar on Tuesday.');
    const b = rendition('outlet', 'The talks will be held in Ulaanbaatar on Wednesday.');
    expect(compareRenditions(a, b).map((d) => d.type)).toEqual(['reworded', 'date']);
  });

  it('no number or date when a figure is only left out, or "may" the verb meets "might"', () => {
    const cut = rendition('outlet', 'The pipeline will carry up to 50 billion cubic metres of gas a year.');
    expect(compareRenditions(reference, cut).map((d) => d.type)).toEqual(['truncated']);
    const a = rendition('kremlin', 'Russia may supply gas to Mongolia.');
    const b = rendition('outlet', 'Russia might supply gas to Mongolia.');
    expect(compareRenditions(a, b).map((d) => d.type)).toEqual(['reworded']);
  });
});

describe('compareRenditions: a title and its holder', () => {
  const words =
    'The United Nations stands ready to support the Government of Morocco in its efforts to assist the affected population.';
  const as = (documentId: string, label: string): ComparableRendition => ({
    ...rendition(documentId, words),
    speakerLabel: label,
    speaker: canonicalSpeaker(label),
  });

  it('does not call the Secretary-General’s words credited to Guterres misattributed', () => {
    const types = compareRenditions(
      as('un', 'the Secretary-General'),
      as('wire', 'U.N. Secretary-General Antonio Guterres'),
    );
    expect(types.map((d) => d.type)).toEqual(['verbatim']);
    expect(compareRenditions(as('un', 'the president'), as('wire', 'Guterres')).map((d) => d.type)).toEqual([
      'verbatim',
    ]);
    // An official page credits its own head by title: the president's words, named by an outlet.
    for (const holder of ['Vladimir Putin', 'Russian President Vladimir Putin']) {
      const result = compareRenditions(as('kremlin', 'President of Russia'), as('wire', holder));
      expect(result.map((d) => d.type)).toEqual(['verbatim']);
    }
  });

  it('does not call a leader’s words credited to the body he speaks for misattributed', () => {
    // A person and his office or press service are related, not two speakers: an analyst cannot act
    // on "the Kremlin press service said it" against "Putin said it".
    expect(
      compareRenditions(as('kremlin', 'Vladimir Putin'), as('outlet', 'the Kremlin press service')).map(
        (d) => d.type,
      ),
    ).toEqual(['verbatim']);
    expect(
      compareRenditions(as('mn', 'Office of the President of Mongolia'), as('outlet', 'Khurelsukh')).map(
        (d) => d.type,
      ),
    ).toEqual(['verbatim']);
    expect(
      compareRenditions(
        as('mfa', 'Foreign Ministry spokesman Heorhii Tykhyi'),
        as('outlet', 'the department'),
      ).map((d) => d.type),
    ).toEqual(['verbatim']);
  });

  it('still calls words credited to another person, or to an office its holder does not have, misattributed', () => {
    expect(
      compareRenditions(as('un', 'Antonio Guterres'), as('outlet', 'Amina Mohammed')).map((d) => d.type),
    ).toEqual(['verbatim', 'misattributed']);
    // A person described by another office cannot be the title's holder.
    const peskov = compareRenditions(
      as('kremlin', 'President of Russia'),
      as('outlet', 'Kremlin spokesman Dmitry Peskov'),
    );
    expect(peskov.map((d) => d.type)).toEqual(['verbatim', 'misattributed']);
    // Two bodies of different countries.
    expect(
      compareRenditions(
        as('mfa', 'Ukraine’s Foreign Ministry'),
        as('outlet', 'Russian Foreign Ministry'),
      ).map((d) => d.type),
    ).toEqual(['verbatim', 'misattributed']);
  });

  it('never calls a pronoun, a resolved pronoun or a misread label a different speaker', () => {
    const resolved = { ...as('outlet', 'Alexei Petrov'), writtenLabel: 'he' };
    expect(compareRenditions(as('wire', 'Joe Biden'), resolved).map((d) => d.type)).toEqual(['verbatim']);
    for (const label of ['he', 'Previously', 'Petrov’s', 'Calling Putin', 'Quote']) {
      expect(compareRenditions(as('wire', 'Joe Biden'), as('outlet', label)).map((d) => d.type)).toEqual([
        'verbatim',
      ]);
    }
    // Spelling variants of one surname are one person.
    expect(
      compareRenditions(as('wire', 'Yulia Navalnaya'), as('outlet', 'Navalnya')).map((d) => d.type),
    ).toEqual(['verbatim']);
  });
});

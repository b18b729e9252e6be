import type { Fact } from '@parallax/core';
import { canonicalSpeaker } from '@parallax/normalize';
import { describe, expect, it } from 'vitest';
import { type ComparableRendition, compareRenditions } from '../src/index';

interface RenditionInput {
  text: string;
  kind?: ComparableRendition['kind'];
  speaker?: string | null;
  lang?: string;
  facts?: Fact[];
}

function rendition(documentId: string, input: RenditionInput): ComparableRendition {
  const speakerLabel = input.speaker === undefined ? 'Vladimir Putin' : input.speaker;
  return {
    documentId,
    text: input.text,
    kind: input.kind ?? 'direct',
    lang: input.lang ?? 'en',
    speakerLabel,
    speaker: speakerLabel ? canonicalSpeaker(speakerLabel) : null,
    facts: input.facts ?? [],
  };
}

/** A fact found at `text` inside `documentText` (offsets taken from where it is written). */
function fact(
  documentText: string,
  text: string,
  fields: Pick<Fact, 'kind' | 'subject' | 'value'> & Partial<Fact>,
): Fact {
  const start = documentText.indexOf(text);
  if (start < 0) throw new Error(`fixture: "${text}" not in its document`);
  return { id: `fact-${fields.value}`, text, start, end: start + text.length, ...fields };
}

/** The Kremlin transcript's wording: the reference every outlet's version is compared against. */
const TRANSCRIPT =
  'Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project. We expect the first deliveries within five years.';
const reference = rendition('kremlin-transcript', { text: TRANSCRIPT });
const compare = (input: RenditionInput) => compareRenditions(reference, rendition('bloomberg', input));

describe('compareRenditions: textual verdicts', () => {
  it('verbatim: the same words, whatever the quotation marks, case, spacing and final stop', () => {
    const result = compare({
      text: '  RUSSIA is ready to supply natural gas to Mongolia as part of the “Power of Siberia 2” project.  We expect the first deliveries within five years',
    });
    expect(result).toEqual([
      {
        type: 'verbatim',
        a: 'kremlin-transcript',
        b: 'bloomberg',
        diff: [
          {
            op: 'equal',
            text: 'russia is ready to supply natural gas to mongolia as part of the power of siberia 2 project. we expect the first deliveries within five years',
          },
        ],
        note: 'same words',
      },
    ]);
  });

  it('verbatim: a partial quote that is an exact stretch of the reference', () => {
    const [textual, ...rest] = compare({ text: 'ready to supply natural gas to Mongolia', kind: 'partial' });
    expect(rest).toEqual([]);
    expect(textual).toMatchObject({ type: 'verbatim', a: 'kremlin-transcript', b: 'bloomberg' });
    expect(textual?.diff).toEqual([
      { op: 'delete', text: 'russia is' },
      { op: 'equal', text: 'ready to supply natural gas to mongolia' },
      {
        op: 'delete',
        text: 'as part of the power of siberia 2 project. we expect the first deliveries within five years',
      },
    ]);
    expect(textual?.note).toContain('7 of');
  });

  it('verbatim: a direct quote of whole sentences of the reference', () => {
    const first = compare({
      text: 'Russia is ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project.',
    });
    expect(first.map((d) => d.type)).toEqual(['verbatim']);
    expect(first[0]?.note).toMatch(/whole sentences/);
    const second = compare({ text: 'We expect the first deliveries within five years.' });
    expect(second.map((d) => d.type)).toEqual(['verbatim']);
    expect(second[0]?.diff?.[0]).toEqual({
      op: 'delete',
      text: 'russia is ready to supply natural gas to mongolia as part of the power of siberia 2 project.',
    });
  });

  it('truncated: a direct quote presented whole that stops mid-sentence', () => {
    const [textual] = compare({ text: 'Russia is ready to supply natural gas to Mongolia.' });
    expect(textual).toMatchObject({ type: 'truncated', a: 'kremlin-transcript', b: 'bloomberg' });
    expect(textual?.diff).toEqual([
      { op: 'equal', text: 'russia is ready to supply natural gas to mongolia' },
      {
        op: 'delete',
        text: 'as part of the power of siberia 2 project. we expect the first deliveries within five years',
      },
    ]);
    expect(textual?.note).toContain('as part of the power of siberia 2 project');
  });

  it('truncated: a direct quote that starts mid-sentence', () => {
    const [textual] = compare({ text: 'natural gas to Mongolia as part of the Power of Siberia 2 project.' });
    expect(textual?.type).toBe('truncated');
    expect(textual?.diff?.[0]).toEqual({ op: 'delete', text: 'russia is ready to supply' });
  });

  it('elided: words cut from inside the quotation', () => {
    const [textual] = compare({
      text: 'Russia is ready to supply natural gas to Mongolia. We expect the first deliveries within five years.',
    });
    expect(textual).toMatchObject({ type: 'elided', a: 'kremlin-transcript', b: 'bloomberg' });
    expect(textual?.diff).toEqual([
      { op: 'equal', text: 'russia is ready to supply natural gas to mongolia' },
      { op: 'delete', text: 'as part of the power of siberia 2 project' },
      { op: 'equal', text: '. we expect the first deliveries within five years' },
    ]);
    expect(textual?.note).toContain('“as part of the power of siberia 2 project”');
  });

  it('extended: words added inside the quotation', () => {
    const [textual] = compare({
      text: 'Russia is ready to supply cheap natural gas to Mongolia as part of the Power of Siberia 2 project. We expect the first deliveries within five years.',
    });
    expect(textual?.type).toBe('extended');
    expect(textual?.diff).toEqual([
      { op: 'equal', text: 'russia is ready to supply' },
      { op: 'insert', text: 'cheap' },
      {
        op: 'equal',
        text: 'natural gas to mongolia as part of the power of siberia 2 project. we expect the first deliveries within five years',
      },
    ]);
    expect(textual?.note).toBe("b adds “cheap” to a's words");
  });

  it('reworded: one word swapped for another', () => {
    const [textual, ...rest] = compare({
      text: 'Russia is prepared to supply natural gas to Mongolia as part of the Power of Siberia 2 project. We expect the first deliveries within five years.',
    });
    expect(rest).toEqual([]);
    expect(textual?.type).toBe('reworded');
    expect(textual?.diff).toEqual([
      { op: 'equal', text: 'russia is' },
      { op: 'delete', text: 'ready' },
      { op: 'insert', text: 'prepared' },
      {
        op: 'equal',
        text: 'to supply natural gas to mongolia as part of the power of siberia 2 project. we expect the first deliveries within five years',
      },
    ]);
    expect(textual?.note).toContain('“ready” → “prepared”');
  });

  it('paraphrased: a quotation turned into reported speech', () => {
    const [textual] = compare({
      text: 'Russia was ready to supply natural gas to Mongolia as part of the Power of Siberia 2 project',
      kind: 'indirect',
    });
    expect(textual?.type).toBe('paraphrased');
    expect(textual?.note).toMatch(/^b turns a quotation into reported speech/);
  });

  it('paraphrased: reported speech put inside quotation marks', () => {
    const reported = rendition('tass', {
      text: 'Mongolia would receive the first deliveries of Russian gas within five years',
      kind: 'indirect',
    });
    const quoted = rendition('daily', {
      text: 'Mongolia will receive the first deliveries of Russian gas within five years.',
    });
    const [textual] = compareRenditions(reported, quoted);
    expect(textual).toMatchObject({ type: 'paraphrased', a: 'tass', b: 'daily' });
    expect(textual?.note).toMatch(/^b puts reported speech in quotation marks/);
  });

  it('paraphrased: the reference’s words rearranged inside quotation marks', () => {
    const [textual] = compare({
      text: 'As part of the Power of Siberia 2 project, Russia is ready to supply Mongolia with natural gas. We expect the first deliveries within five years.',
    });
    expect(textual?.type).toBe('paraphrased');
    expect(textual?.note).toMatch(/rearranges or re-inflects/);
  });

  it('paraphrased: a restatement that shares few words', () => {
    const [textual] = compare({
      text: 'Moscow wants to sell its fuel to Ulaanbaatar. We expect the first deliveries soon.',
    });
    expect(textual?.type).toBe('paraphrased');
    expect(textual?.note).toMatch(/% of the words agree/);
  });
});

describe('compareRenditions: speakers', () => {
  it('misattributed: the same words given to a different person, next to the textual verdict', () => {
    const result = compare({ text: TRANSCRIPT, speaker: 'Kremlin aide Yuri Ushakov' });
    expect(result.map((d) => [d.type, d.a, d.b])).toEqual([
      ['verbatim', 'kremlin-transcript', 'bloomberg'],
      ['misattributed', 'kremlin-transcript', 'bloomberg'],
    ]);
    expect(result[1]?.note).toBe(
      'a gives these words to Vladimir Putin; b gives them to Kremlin aide Yuri Ushakov',
    );
    expect(result[1]).not.toHaveProperty('diff');
  });

  it('no misattribution for one speaker written two ways, or when b names nobody', () => {
    expect(compare({ text: TRANSCRIPT, speaker: 'В.Путин' }).map((d) => d.type)).toEqual(['verbatim']);
    expect(compare({ text: TRANSCRIPT, speaker: null }).map((d) => d.type)).toEqual(['verbatim']);
  });

  it('no misattribution when a description the page wrote was resolved to two different people', () => {
    // Both pages wrote "der SPD-Politiker"; which politician it is was the resolution's guess.
    const a = {
      ...rendition('a', { text: TRANSCRIPT, speaker: 'Karl Brenner' }),
      writtenLabel: 'SPD-Politiker',
    };
    const b = {
      ...rendition('b', { text: TRANSCRIPT, speaker: 'Hans Kolb' }),
      writtenLabel: 'SPD-Politiker',
    };
    expect(compareRenditions(a, b).map((d) => d.type)).toEqual(['verbatim']);
    // A surname the resolution completed is the page's own: still grounds for a misattribution.
    const c = { ...rendition('c', { text: TRANSCRIPT, speaker: 'Hans Kolb' }), writtenLabel: 'Kolb' };
    expect(compareRenditions(a, c).map((d) => d.type)).toEqual(['verbatim']);
    const d = { ...rendition('d', { text: TRANSCRIPT, speaker: 'Karl Brenner' }), writtenLabel: 'Brenner' };
    expect(compareRenditions(d, c).map((x) => x.type)).toEqual(['verbatim', 'misattributed']);
  });

  it('misattributed across bodies of different countries', () => {
    const kyiv = rendition('mfa-ukraine', {
      text: 'Mongolia must execute the binding international arrest warrant.',
      speaker: 'Ukraine’s Foreign Ministry',
    });
    const wire = rendition('wire', {
      text: 'Mongolia must execute the binding international arrest warrant.',
      speaker: 'Russian Foreign Ministry',
    });
    expect(compareRenditions(kyiv, wire).map((d) => d.type)).toEqual(['verbatim', 'misattributed']);
  });
});

describe('compareRenditions: speakers across scripts', () => {
  it('reads a surname romanised another way in a translation as the same speaker', () => {
    const en = rendition('ministry', {
      text: 'Japan will provide 200 million dollars in concessional loans for the modernisation of the Ulaanbaatar–Darkhan railway.',
      speaker: 'Minister Morikawa',
    });
    const ru = rendition('ru-agency', {
      text: 'Япония предоставит 200 миллионов долларов льготных кредитов на модернизацию железной дороги Улан-Батор — Дархан.',
      speaker: 'Морикава',
      lang: 'ru',
    });
    expect(compareRenditions(en, ru).map((d) => d.type)).toEqual(['translated']);
    // Another person in the translation is still misattributed.
    const other = rendition('ru-agency', { ...ru, text: ru.text, speaker: 'Ганзориг', lang: 'ru' });
    expect(compareRenditions(en, other).map((d) => d.type)).toEqual(['translated', 'misattributed']);
  });
});

describe('compareRenditions: negation', () => {
  const GOVERNMENT = 'Mongolia will not hand over any foreign head of state to the court in The Hague.';
  const government = rendition('mongolian-government', {
    text: GOVERNMENT,
    speaker: 'Mongolian government spokesperson',
  });

  it('flags b dropping the negation that a has', () => {
    const outlet = rendition('outlet', {
      text: 'Mongolia will hand over any foreign head of state to the court in The Hague.',
      speaker: 'Mongolian government spokesperson',
    });
    const result = compareRenditions(government, outlet);
    expect(result.map((d) => [d.type, d.a, d.b])).toEqual([
      ['elided', 'mongolian-government', 'outlet'],
      ['negation', 'mongolian-government', 'outlet'],
    ]);
    expect(result[1]?.note).toBe('b drops the negation (not) that a has');
  });

  it('flags b adding a negation that a lacks', () => {
    const positive = rendition('icc', {
      text: 'Mongolia will cooperate with the court.',
      speaker: 'ICC spokesperson',
    });
    const negative = rendition('blog', {
      text: 'Mongolia will not cooperate with the court.',
      speaker: 'ICC spokesperson',
    });
    const result = compareRenditions(positive, negative);
    expect(result.map((d) => d.type)).toEqual(['extended', 'negation']);
    expect(result[1]?.note).toBe('b adds a negation (not) that a does not have');
  });

  it('reads contractions: "won\'t" against "will" is a negation', () => {
    const contracted = rendition('mongolian-government', {
      text: 'Mongolia won’t hand over any foreign head of state to the court in The Hague.',
      speaker: 'Mongolian government spokesperson',
    });
    const affirmative = rendition('outlet', {
      text: 'Mongolia will hand over any foreign head of state to the court in The Hague.',
      speaker: 'Mongolian government spokesperson',
    });
    const result = compareRenditions(contracted, affirmative);
    expect(result.map((d) => d.type)).toEqual(['reworded', 'negation']);
    expect(result[1]?.note).toBe("b drops the negation (won't) that a has");
  });

  it('does not flag a negation spelled another way ("does not" → "doesn\'t")', () => {
    const full = rendition('ministry', {
      text: 'Mongolia does not intend to arrest the Russian president.',
      speaker: null,
    });
    const contracted = rendition('outlet', {
      text: 'Mongolia doesn’t intend to arrest the Russian president.',
      speaker: null,
    });
    expect(compareRenditions(full, contracted).map((d) => d.type)).toEqual(['reworded']);
  });

  it('flags a negation dropped from the second sentence of a quotation an aggregator cut', () => {
    // A foreign minister's two sentences; an aggregator quotes the second without its "does not".
    const minister = rendition('ministry', {
      text: 'Three diplomats have 72 hours to leave the country. Estonia does not intend to close its embassy in Moscow, and our channels of communication remain open.',
      speaker: 'Foreign Minister Kristjan Vaher',
    });
    const aggregator = rendition('aggregator', {
      text: 'Estonia intends to close its embassy in Moscow, and our channels of communication remain open.',
      speaker: 'Foreign Minister Kristjan Vaher',
    });
    const result = compareRenditions(minister, aggregator);
    expect(result.map((d) => d.type)).toContain('negation');
    expect(result.find((d) => d.type === 'negation')?.note).toBe('b drops the negation (not) that a has');
  });

  it('does not flag a paraphrase that replaces the negated words with their opposite', () => {
    // "not to return to damaged buildings" and "to stay out of damaged buildings" say the same thing.
    const agency = rendition('emergency-agency', {
      text: 'We urge residents of Khovd city not to return to damaged buildings until engineers have inspected them.',
      speaker: 'National Emergency Management Agency',
    });
    const aggregator = rendition('aggregator', {
      text: 'of Khovd city to stay out of damaged buildings until engineers have inspected them',
      kind: 'indirect',
      speaker: 'Authorities',
    });
    // Nor is the rewrite's unnamed "Authorities" another speaker than the agency.
    expect(compareRenditions(agency, aggregator).map((d) => d.type)).toEqual(['paraphrased']);
  });

  it('ignores a negation in the part of a that b does not quote', () => {
    const partial = rendition('outlet', {
      text: 'hand over any foreign head of state',
      kind: 'partial',
      speaker: 'Mongolian government spokesperson',
    });
    expect(compareRenditions(government, partial).map((d) => d.type)).toEqual(['verbatim']);
  });
});

describe('compareRenditions: facts inside the renditions', () => {
  const ICC_PAGE =
    'The Rome Statute has been ratified by 124 member states, the court said on 2 September in The Hague.';
  const OUTLET = 'The treaty has 125 member states, the court said on 3 September in Kyzyl.';
  const iccRendition = rendition('icc', {
    text: ICC_PAGE,
    speaker: 'ICC spokesperson',
    facts: [
      fact(ICC_PAGE, '124 member states', { kind: 'number', subject: 'member state', value: '124' }),
      fact(ICC_PAGE, '2 September', { kind: 'date', subject: 'statement', value: '2024-09-02' }),
      fact(ICC_PAGE, 'The Hague', { kind: 'place', subject: 'location', value: 'The Hague', country: 'NL' }),
    ],
  });

  it('number, date and place each get their own entry when the values are replaced', () => {
    const outlet = rendition('outlet', {
      text: OUTLET,
      speaker: 'ICC spokesperson',
      facts: [
        fact(OUTLET, '125 member states', { kind: 'number', subject: 'member state', value: '125' }),
        fact(OUTLET, '3 September', { kind: 'date', subject: 'statement', value: '2024-09-03' }),
        fact(OUTLET, 'Kyzyl', { kind: 'place', subject: 'location', value: 'Kyzyl', country: 'RU' }),
      ],
    });
    const result = compareRenditions(iccRendition, outlet).filter((d) =>
      ['number', 'date', 'place'].includes(d.type),
    );
    expect(result).toEqual([
      { type: 'number', a: 'icc', b: 'outlet', note: 'a states 124; b states 125' },
      { type: 'date', a: 'icc', b: 'outlet', note: 'a states 2024-09-02; b states 2024-09-03' },
      { type: 'place', a: 'icc', b: 'outlet', note: 'a states The Hague; b states Kyzyl' },
    ]);
  });

  it('omitting a fact or stating the same one is not a disagreement', () => {
    const SAME = 'The Rome Statute has been ratified by 124 member states, the court said.';
    const outlet = rendition('outlet', {
      text: SAME,
      speaker: 'ICC spokesperson',
      facts: [fact(SAME, '124 member states', { kind: 'number', subject: 'member state', value: '124' })],
    });
    const types = compareRenditions(iccRendition, outlet).map((d) => d.type);
    expect(types).not.toContain('number');
    expect(types).not.toContain('date');
    expect(types).not.toContain('place');
  });
});

describe('compareRenditions: places at two scales are not a disagreement', () => {
  // The Kremlin transcript of Putin's interview to Unuudur, and two outlets' shorter renditions of it.
  const KREMLIN =
    'As part of the Power of Siberia 2 project, we are also considering the possibility of supplying Russian gas to Mongolian consumers. Switching heating and power plants to natural gas would help to reduce air pollution in Ulaanbaatar, which is a serious problem for the city in winter.';
  const KYIV = 'may supply gas to Mongolia as part of the Power of Siberia 2 project.';
  const SEED = 'Russia may supply gas to Mongolia as part of this project';
  const kremlin = rendition('kremlin', {
    text: KREMLIN,
    facts: [
      fact(KREMLIN, 'Ulaanbaatar', {
        kind: 'place',
        subject: 'location',
        value: 'Ulaanbaatar',
        country: 'MN',
      }),
    ],
  });
  const placeOf = (text: string, name: string, country: string) =>
    fact(text, name, { kind: 'place', subject: 'location', value: name, country });

  it('a country for its capital, or a country the original names as an adjective, is the same location', () => {
    const kyiv = rendition('kyiv', { text: KYIV, kind: 'partial', facts: [placeOf(KYIV, 'Mongolia', 'MN')] });
    const seed = rendition('seed', {
      text: SEED,
      kind: 'indirect',
      speaker: 'Putin',
      facts: [placeOf(SEED, 'Russia', 'RU'), placeOf(SEED, 'Mongolia', 'MN')],
    });
    expect(compareRenditions(kremlin, kyiv).map((d) => d.type)).not.toContain('place');
    expect(compareRenditions(kremlin, seed).map((d) => d.type)).not.toContain('place');
  });

  it('a place in another country that the original never names is a replacement', () => {
    const MOVED =
      'Switching heating and power plants to natural gas would help to reduce air pollution in Kyzyl.';
    const moved = rendition('moved', {
      text: MOVED,
      kind: 'partial',
      facts: [placeOf(MOVED, 'Kyzyl', 'RU')],
    });
    expect(compareRenditions(kremlin, moved).filter((d) => d.type === 'place')).toEqual([
      { type: 'place', a: 'kremlin', b: 'moved', note: 'a states Ulaanbaatar; b states Kyzyl' },
    ]);
  });
});

describe('compareRenditions: across languages', () => {
  it('translated: no word diff, and no negation check across languages', () => {
    const russian = rendition('interfax', {
      text: 'Россия не готова поставлять природный газ в Монголию в рамках проекта «Сила Сибири 2».',
      speaker: 'Владимир Путин',
      lang: 'ru',
    });
    const result = compareRenditions(reference, russian);
    expect(result).toEqual([
      {
        type: 'translated',
        a: 'kremlin-transcript',
        b: 'interfax',
        note: "b renders a's statement in ru (a is in en); no word diff across languages",
      },
    ]);
  });

  it('still checks the speaker and the figures of a translation', () => {
    const EN = 'Our trade with Mongolia grew by 21 percent last year.';
    const RU = 'Товарооборот с Монголией в прошлом году вырос на 12 процентов.';
    const en = rendition('kremlin', {
      text: EN,
      facts: [fact(EN, '21 percent', { kind: 'number', subject: 'percent', value: '21' })],
    });
    const ru = rendition('ria', {
      text: RU,
      speaker: 'Дмитрий Песков',
      lang: 'ru',
      facts: [fact(RU, '12 процентов', { kind: 'number', subject: 'percent', value: '12' })],
    });
    expect(compareRenditions(en, ru).map((d) => [d.type, d.a, d.b])).toEqual([
      ['translated', 'kremlin', 'ria'],
      ['misattributed', 'kremlin', 'ria'],
      ['number', 'kremlin', 'ria'],
    ]);
  });
});

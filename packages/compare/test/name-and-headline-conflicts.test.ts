import type { Fact } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { findFactConflicts } from '../src/index';

function fact(
  documentText: string,
  text: string,
  fields: Pick<Fact, 'kind' | 'subject' | 'value'> & Partial<Fact>,
): Fact {
  const start = documentText.indexOf(text);
  if (start < 0) throw new Error(`fixture: "${text}" not in its document`);
  return { id: `${fields.kind}-${fields.value}-${start}`, text, start, end: start + text.length, ...fields };
}

describe('findFactConflicts: headline vs body', () => {
  const TEXT = `Mongolia defies 125 ICC members by hosting Putin

Mongolia, one of the court's 124 member states, gave Vladimir Putin a full ceremonial welcome in Ulaanbaatar on Tuesday.`;
  const headlineEnd = TEXT.indexOf('\n');
  const headline = fact(TEXT, '125 ICC members', {
    kind: 'number',
    subject: 'member state',
    value: '125',
    inHeadline: true,
  });
  const body = fact(TEXT, '124 member states', { kind: 'number', subject: 'member state', value: '124' });

  it('reports a headline figure that its own body contradicts, with both offsets', () => {
    expect(headline.end).toBeLessThanOrEqual(headlineEnd);
    const conflicts = findFactConflicts([{ documentId: 'outlet', facts: [headline, body], text: TEXT }]);
    expect(conflicts).toEqual([
      {
        kind: 'number',
        subject: 'member state: headline vs body',
        values: [
          {
            documentId: 'outlet',
            value: '125',
            text: '125 ICC members',
            start: headline.start,
            end: headline.end,
          },
          { documentId: 'outlet', value: '124', text: '124 member states', start: body.start, end: body.end },
        ],
      },
    ]);
    for (const v of conflicts[0]?.values ?? []) expect(TEXT.slice(v.start, v.end)).toBe(v.text);
  });

  it('is silent when the body repeats the headline’s figure too', () => {
    const again = fact(TEXT.replace('124 member', '125 member'), '125 member states', {
      kind: 'number',
      subject: 'member state',
      value: '125',
    });
    expect(findFactConflicts([{ documentId: 'outlet', facts: [headline, again, body] }])).toEqual([]);
  });
});

describe('findFactConflicts: names given to one office', () => {
  const BLOOMBERG = `Putin Gets Assurances He Won't Be Arrested on Mongolia Visit

"There are no worries," Kremlin spokesman Dmitry Peskov told reporters on Friday when asked about the warrant. Kremlin aide Yuri Ushakov said the talks would cover the Power of Siberia 2 pipeline.`;
  const AGGREGATOR = `Putin arrives in Ulaanbaatar

"We have a wonderful dialogue with our friends from Mongolia," Kremlin spokesman Yuri Ushakov said on Monday.`;
  const INTERFAX = `Putin in Mongolia

Kremlin spokesman Dmitry Peskov said on Monday that the Kremlin had no concerns about the ICC warrant, and Russian President Vladimir Putin met Mongolian President Ukhnaagiin Khurelsukh.`;
  const WIRE = `Mongolia welcomes Putin

Mongolian President Khurelsukh Ukhnaa received Russian President Vladimir Putin in Sukhbaatar Square; former Kremlin spokesman Sergei Yastrzhembsky was not involved.`;

  it('reports the office given to another person, with where each name is written', () => {
    const conflicts = findFactConflicts([
      { documentId: 'bloomberg', facts: [], text: BLOOMBERG },
      { documentId: 'aggregator', facts: [], text: AGGREGATOR },
      { documentId: 'interfax', facts: [], text: INTERFAX },
    ]);
    expect(conflicts).toHaveLength(1);
    const [conflict] = conflicts;
    expect(conflict?.kind).toBe('name');
    expect(conflict?.subject).toBe('kremlin spokesman');
    expect(conflict?.values.map((v) => [v.documentId, v.value])).toEqual([
      ['bloomberg', 'Dmitry Peskov'],
      ['aggregator', 'Yuri Ushakov'],
      ['interfax', 'Dmitry Peskov'],
    ]);
    const texts: Record<string, string> = {
      bloomberg: BLOOMBERG,
      aggregator: AGGREGATOR,
      interfax: INTERFAX,
    };
    for (const v of conflict?.values ?? []) expect(texts[v.documentId]?.slice(v.start, v.end)).toBe(v.value);
  });

  it('takes one person written in another order or spelling for the same holder, and ignores former holders', () => {
    expect(
      findFactConflicts([
        { documentId: 'interfax', facts: [], text: INTERFAX },
        { documentId: 'wire', facts: [], text: WIRE },
        { documentId: 'wire-2', facts: [], text: WIRE.replace('Khurelsukh Ukhnaa', 'Khürelsükh Ukhnaa') },
      ]),
    ).toEqual([]);
  });

  it('finds nothing without the documents’ text', () => {
    expect(
      findFactConflicts([
        { documentId: 'bloomberg', facts: [] },
        { documentId: 'aggregator', facts: [] },
      ]),
    ).toEqual([]);
  });
});

describe('findFactConflicts: figures that only look different', () => {
  const WIRE = `UN chief offers help after Morocco quake kills more than 2,000

The magnitude 6.8 quake struck late on Friday. Morocco's interior ministry said 2,012 people had been killed.`;
  const BROADCASTER = `Morocco earthquake: death toll passes 2,000

The death toll has risen to 2,012, the interior ministry says. The magnitude 6.9 earthquake hit the High Atlas mountains on Friday night.`;
  const UPDATE = `Morocco quake toll rises

The interior ministry first said 2,012 people had been killed; by Monday it said 2,497 people had been killed.`;
  const LATER = `Morocco quake toll rises again

By Monday the interior ministry said 2,497 people had been killed.`;
  const docs = {
    wire: {
      documentId: 'wire',
      text: WIRE,
      facts: [
        fact(WIRE, '2,000', { kind: 'number', subject: 'people killed', value: '2000', inHeadline: true }),
        fact(WIRE, '6.8 quake struck', { kind: 'number', subject: 'quake struck', value: '6.8' }),
        fact(WIRE, '2,012 people', { kind: 'number', subject: 'people killed', value: '2012' }),
      ],
    },
    broadcaster: {
      documentId: 'broadcaster',
      text: BROADCASTER,
      facts: [
        fact(BROADCASTER, '6.9 earthquake hit', { kind: 'number', subject: 'earthquake hit', value: '6.9' }),
      ],
    },
    update: {
      documentId: 'update',
      text: UPDATE,
      facts: [
        fact(UPDATE, '2,012 people', { kind: 'number', subject: 'people killed', value: '2012' }),
        fact(UPDATE, '2,497 people', { kind: 'number', subject: 'people killed', value: '2497' }),
      ],
    },
    later: {
      documentId: 'later',
      text: LATER,
      facts: [fact(LATER, '2,497 people', { kind: 'number', subject: 'people killed', value: '2497' })],
    },
  };

  it('meets "6.8 quake struck" and "6.9 earthquake hit" as one measure', () => {
    const conflicts = findFactConflicts([docs.wire, docs.broadcaster]);
    expect(conflicts.map((c) => [c.subject, c.values.map((v) => [v.documentId, v.value])])).toEqual([
      [
        'quake struck',
        [
          ['wire', '6.8'],
          ['broadcaster', '6.9'],
        ],
      ],
    ]);
  });

  it('does not set an approximation ("more than 2,000") against an exact figure', () => {
    const conflicts = findFactConflicts([docs.wire, docs.update]);
    expect(conflicts.filter((c) => c.values.some((v) => v.value === '2000'))).toEqual([]);
  });

  it('needs two documents with disjoint figures: one that gives both the toll and its update agrees with each', () => {
    expect(findFactConflicts([docs.wire, docs.update])).toEqual([]);
    const conflicts = findFactConflicts([docs.wire, docs.later]);
    expect(conflicts.map((c) => c.values.map((v) => v.value))).toEqual([['2012', '2497']]);
  });
});

describe('findFactConflicts: a country that acts in a headline is not where the event is', () => {
  const OUTLET = `Putin says Russia will not abandon Power of Siberia 2

Russian President Vladimir Putin said in Ulaanbaatar on Tuesday that Russia would go ahead with the pipeline through Mongolia.`;
  const SEED = `Vladimir Putin Visits Kyzyl Republic Of Tuva

Russian President Vladimir Putin arrived in Ulaanbaatar, Mongolia, on Monday.`;
  const place = (text: string, name: string, country: string, inHeadline: boolean, from = 0): Fact => {
    const start = text.indexOf(name, from);
    return {
      id: `${name}-${start}`,
      kind: 'place',
      subject: 'location',
      value: name,
      text: name,
      start,
      end: start + name.length,
      country,
      inHeadline,
    };
  };

  it('does not set a headline’s “Russia will not abandon” against a body set in Mongolia', () => {
    const facts = [
      place(OUTLET, 'Russia', 'RU', true),
      place(OUTLET, 'Ulaanbaatar', 'MN', false),
      place(OUTLET, 'Mongolia', 'MN', false, 60),
    ];
    expect(findFactConflicts([{ documentId: 'outlet', facts, text: OUTLET }])).toEqual([]);
    // Without the text to read the headline's verb, the place is taken as a location.
    expect(findFactConflicts([{ documentId: 'outlet', facts }])).toHaveLength(1);
  });

  it('still sets a headline that sends the visit to Kyzyl against the body’s Mongolia', () => {
    const facts = [
      place(SEED, 'Kyzyl', 'RU', true),
      place(SEED, 'Tuva', 'RU', true),
      place(SEED, 'Ulaanbaatar', 'MN', false),
      place(SEED, 'Mongolia', 'MN', false),
    ];
    const [conflict] = findFactConflicts([{ documentId: 'seed', facts, text: SEED }]);
    expect(conflict?.values.map((v) => v.value)).toEqual(['Kyzyl', 'Tuva', 'Ulaanbaatar']);
  });
});

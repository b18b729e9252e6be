import type { Fact } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { type FactDocument, findFactConflicts } from '../src/index';

/** A fact at the first place `text` is written in `documentText`, after `from`. */
function fact(
  documentText: string,
  text: string,
  fields: Pick<Fact, 'kind' | 'subject' | 'value'> & Partial<Fact>,
  from = 0,
): Fact {
  const start = documentText.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: "${text}" not in its document`);
  return { id: `${fields.kind}-${fields.value}-${start}`, text, start, end: start + text.length, ...fields };
}

const AGGREGATOR =
  'Neither Russia nor the U.S. are members of the ICC, which currently comprises 124 member states. Putin arrived on 2 September.';
const OUTLET =
  'The court, whose founding treaty has 125 member states, issued the warrant in March 2023. Putin landed in Ulaanbaatar on 3 September.';
const ICC_PAGE = 'The Rome Statute has 124 member states. The Assembly will meet in December 2024.';

const aggregatorMembers = fact(AGGREGATOR, '124 member states', {
  kind: 'number',
  subject: 'member state',
  value: '124',
});
const outletMembers = fact(OUTLET, '125 member states', {
  kind: 'number',
  subject: 'member state',
  value: '125',
});
const iccMembers = fact(ICC_PAGE, '124 member states', {
  kind: 'number',
  subject: 'member state',
  value: '124',
});

describe('findFactConflicts: numbers', () => {
  it('reports two documents disagreeing on a count, with where each value is written', () => {
    const conflicts = findFactConflicts([
      { documentId: 'aggregator', facts: [aggregatorMembers] },
      { documentId: 'outlet', facts: [outletMembers] },
    ]);
    expect(conflicts).toEqual([
      {
        kind: 'number',
        subject: 'member state',
        values: [
          { documentId: 'aggregator', value: '124', text: '124 member states', start: 78, end: 95 },
          { documentId: 'outlet', value: '125', text: '125 member states', start: 37, end: 54 },
        ],
      },
    ]);
    expect(AGGREGATOR.slice(78, 95)).toBe('124 member states');
    expect(OUTLET.slice(37, 54)).toBe('125 member states');
  });

  it('lists every document’s value, agreeing ones included', () => {
    const [conflict] = findFactConflicts([
      { documentId: 'aggregator', facts: [aggregatorMembers] },
      { documentId: 'icc', facts: [iccMembers] },
      { documentId: 'outlet', facts: [outletMembers] },
    ]);
    expect(conflict?.values.map((v) => [v.documentId, v.value])).toEqual([
      ['aggregator', '124'],
      ['icc', '124'],
      ['outlet', '125'],
    ]);
  });

  it('finds nothing when the documents agree', () => {
    expect(
      findFactConflicts([
        { documentId: 'aggregator', facts: [aggregatorMembers] },
        { documentId: 'icc', facts: [iccMembers] },
      ]),
    ).toEqual([]);
  });

  it('finds nothing when the two values come from one document', () => {
    const REVISED = 'The ICC had 123 member states until Armenia joined; it now has 124 member states.';
    const facts = [
      fact(REVISED, '123 member states', { kind: 'number', subject: 'member state', value: '123' }),
      fact(REVISED, '124 member states', { kind: 'number', subject: 'member state', value: '124' }),
    ];
    expect(findFactConflicts([{ documentId: 'explainer', facts }])).toEqual([]);
  });

  it('does not compare counts of different things', () => {
    const TROOPS = 'Mongolia deployed 125 police officers at the airport.';
    const police = fact(TROOPS, '125 police officers', {
      kind: 'number',
      subject: 'police officer',
      value: '125',
    });
    expect(
      findFactConflicts([
        { documentId: 'aggregator', facts: [aggregatorMembers] },
        { documentId: 'outlet', facts: [police] },
      ]),
    ).toEqual([]);
  });
});

describe('findFactConflicts: dates', () => {
  const arrivalA = fact(AGGREGATOR, '2 September', { kind: 'date', subject: 'arrival', value: '2024-09-02' });
  const arrivalB = fact(OUTLET, '3 September', { kind: 'date', subject: 'arrival', value: '2024-09-03' });

  it('reports close dates given for the same occurrence', () => {
    const conflicts = findFactConflicts([
      { documentId: 'aggregator', facts: [arrivalA] },
      { documentId: 'outlet', facts: [arrivalB] },
    ]);
    expect(conflicts).toEqual([
      {
        kind: 'date',
        subject: 'arrival',
        values: [
          {
            documentId: 'aggregator',
            value: '2024-09-02',
            text: '2 September',
            start: arrivalA.start,
            end: arrivalA.end,
          },
          {
            documentId: 'outlet',
            value: '2024-09-03',
            text: '3 September',
            start: arrivalB.start,
            end: arrivalB.end,
          },
        ],
      },
    ]);
  });

  it('treats dates months apart as different occurrences', () => {
    const JULY = 'Putin last arrived in the region on 3 July.';
    const july = fact(JULY, '3 July', { kind: 'date', subject: 'arrival', value: '2024-07-03' });
    expect(
      findFactConflicts([
        { documentId: 'aggregator', facts: [arrivalA] },
        { documentId: 'archive', facts: [july] },
      ]),
    ).toEqual([]);
  });

  it('does not compare dates of different subjects, or undescribed dates', () => {
    const talks = fact(OUTLET, '3 September', { kind: 'date', subject: 'talks', value: '2024-09-03' });
    expect(
      findFactConflicts([
        { documentId: 'aggregator', facts: [arrivalA] },
        { documentId: 'outlet', facts: [talks] },
      ]),
    ).toEqual([]);
    const bareA = { ...arrivalA, subject: 'date' };
    const bareB = { ...arrivalB, subject: 'date' };
    expect(
      findFactConflicts([
        { documentId: 'aggregator', facts: [bareA] },
        { documentId: 'outlet', facts: [bareB] },
      ]),
    ).toEqual([]);
  });

  it('does not compare a month with a day', () => {
    const month = fact(OUTLET, 'March 2023', { kind: 'date', subject: 'warrant', value: '2023-03' });
    const SEED = 'The warrant was issued on 17 March 2023.';
    const day = fact(SEED, '17 March 2023', { kind: 'date', subject: 'warrant', value: '2023-03-17' });
    expect(
      findFactConflicts([
        { documentId: 'outlet', facts: [month] },
        { documentId: 'seed', facts: [day] },
      ]),
    ).toEqual([]);
  });
});

describe('findFactConflicts: places', () => {
  const SEED = `Vladimir Putin Visits Kyzyl Republic Of Tuva

Following his arrival in Mongolia on Monday evening, Putin will meet with President Ukhnaa. As a signatory to the Rome Statute, Mongolia has an obligation to execute the warrant. Russia aims to build a pipeline traversing Mongolia.`;
  const headlineEnd = SEED.indexOf('\n');
  const place = (text: string, value: string, country: string, from = 0): Fact => {
    const f = fact(SEED, text, { kind: 'place', subject: 'location', value, country }, from);
    return { ...f, inHeadline: f.end <= headlineEnd };
  };
  const kyzyl = place('Kyzyl', 'Kyzyl', 'RU');
  const tuva = place('Tuva', 'Tuva', 'RU');
  const body = [
    place('Mongolia', 'Mongolia', 'MN', headlineEnd),
    place('Mongolia', 'Mongolia', 'MN', SEED.indexOf('signatory')),
    place('Mongolia', 'Mongolia', 'MN', SEED.indexOf('traversing')),
  ];

  it('reports a headline that names a place in another country than the body', () => {
    const conflicts = findFactConflicts([{ documentId: 'seed', facts: [kyzyl, tuva, ...body] }]);
    expect(conflicts).toEqual([
      {
        kind: 'place',
        subject: 'location: headline vs body',
        values: [
          { documentId: 'seed', value: 'Kyzyl', text: 'Kyzyl', start: 22, end: 27 },
          { documentId: 'seed', value: 'Tuva', text: 'Tuva', start: 40, end: 44 },
          {
            documentId: 'seed',
            value: 'Mongolia',
            text: 'Mongolia',
            start: body[0]?.start,
            end: body[0]?.end,
          },
        ],
      },
    ]);
    expect(SEED.slice(22, 27)).toBe('Kyzyl');
    expect(SEED.slice(40, 44)).toBe('Tuva');
  });

  it('accepts a headline naming a city in the body’s country', () => {
    const HEADLINE = 'Putin Lands in Ulaanbaatar';
    const ub = {
      ...fact(HEADLINE, 'Ulaanbaatar', {
        kind: 'place',
        subject: 'location',
        value: 'Ulaanbaatar',
        country: 'MN',
      }),
      inHeadline: true,
    };
    expect(findFactConflicts([{ documentId: 'seed', facts: [ub, ...body] }])).toEqual([]);
  });

  it('falls back on the other documents when the body names no place', () => {
    const HEADLINE_ONLY = 'Putin Visits Kyzyl';
    const headlineOnly = {
      ...fact(HEADLINE_ONLY, 'Kyzyl', { kind: 'place', subject: 'location', value: 'Kyzyl', country: 'RU' }),
      inHeadline: true,
    };
    const conflicts = findFactConflicts([
      { documentId: 'brief', facts: [headlineOnly] },
      { documentId: 'seed', facts: body },
    ]);
    expect(conflicts).toEqual([
      {
        kind: 'place',
        subject: 'location: headline vs other sources',
        values: [
          { documentId: 'brief', value: 'Kyzyl', text: 'Kyzyl', start: 13, end: 18 },
          {
            documentId: 'seed',
            value: 'Mongolia',
            text: 'Mongolia',
            start: body[0]?.start,
            end: body[0]?.end,
          },
        ],
      },
    ]);
  });

  it('ignores places that are affiliations, not locations', () => {
    const russian = { ...kyzyl, subject: 'affiliation' };
    expect(findFactConflicts([{ documentId: 'seed', facts: [russian, ...body] }])).toEqual([]);
  });

  it('finds nothing in documents without facts', () => {
    const docs: FactDocument[] = [
      { documentId: 'a', facts: [] },
      { documentId: 'b', facts: [] },
    ];
    expect(findFactConflicts(docs)).toEqual([]);
  });
});

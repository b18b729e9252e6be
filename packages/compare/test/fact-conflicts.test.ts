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

describe('findFactConflicts: figures as real coverage gives them', () => {
  const doc = (documentId: string, text: string, facts: Fact[]): FactDocument => ({
    documentId,
    text,
    facts,
  });
  const n = (text: string, written: string, subject: string, value: string, extra: Partial<Fact> = {}) =>
    fact(text, written, { kind: 'number', subject, value, ...extra });

  it('takes a figure that satisfies a bound as agreeing with it ("more than 90" and 97)', () => {
    const A = 'Officials said more than 90 people were killed.';
    const B = 'The ministry said 97 people were killed.';
    const conflicts = findFactConflicts([
      doc('a', A, [n(A, '90 people', 'people killed', '90', { low: 90 })]),
      doc('b', B, [n(B, '97 people', 'people killed', '97')]),
    ]);
    expect(conflicts).toEqual([]);
  });

  it('reports a figure outside the interval "about" allows', () => {
    const A = 'About 200 people were injured.';
    const B = 'The hospital said 75 people were injured.';
    const conflicts = findFactConflicts([
      doc('a', A, [n(A, '200 people', 'people injured', '200', { low: 180, high: 220 })]),
      doc('b', B, [n(B, '75 people', 'people injured', '75')]),
    ]);
    expect(conflicts.map((c) => c.values.map((v) => v.value))).toEqual([['200', '75']]);
  });

  it('shows a toll that rose as reports came in as an update, with when each figure was first reported', () => {
    const A = 'Rescuers said 12 people were killed.';
    const B = 'The toll rose: 31 people were killed.';
    const C = 'By evening 31 people were killed and the search went on.';
    const conflicts = findFactConflicts([
      doc('early', A, [n(A, '12 people', 'people killed', '12', { asOf: '2025-05-01T06:00:00.000Z' })]),
      doc('later', B, [n(B, '31 people', 'people killed', '31', { asOf: '2025-05-01T15:00:00.000Z' })]),
      doc('copy', C, [n(C, '31 people', 'people killed', '31', { asOf: '2025-05-01T20:00:00.000Z' })]),
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.update).toEqual([
      { value: '12', reportedAt: '2025-05-01T06:00:00.000Z' },
      { value: '31', reportedAt: '2025-05-01T15:00:00.000Z' },
    ]);
  });

  it('places an undated page’s figure in no step of an update', () => {
    const A = 'Rescuers said 12 people were killed.';
    const B = '31 people were killed.';
    const C = 'Officials said 20 people were killed.';
    const [conflict] = findFactConflicts([
      doc('early', A, [n(A, '12 people', 'people killed', '12', { asOf: '2025-05-01T06:00:00.000Z' })]),
      doc('later', B, [n(B, '31 people', 'people killed', '31', { asOf: '2025-05-02T06:00:00.000Z' })]),
      doc('undated', C, [n(C, '20 people', 'people killed', '20')]),
    ]);
    expect(conflict?.values.map((v) => v.value)).toEqual(['12', '31', '20']);
    expect(conflict?.update?.map((u) => u.value)).toEqual(['12', '31']);
  });

  it('leaves a toll reported higher before it was reported lower as a disagreement', () => {
    const A = '31 people were killed.';
    const B = '12 people were killed.';
    const [conflict] = findFactConflicts([
      doc('first', A, [n(A, '31 people', 'people killed', '31', { asOf: '2025-05-01T06:00:00.000Z' })]),
      doc('second', B, [n(B, '12 people', 'people killed', '12', { asOf: '2025-05-01T15:00:00.000Z' })]),
    ]);
    expect(conflict?.update).toBeUndefined();
  });

  it('never compares a part of a count or a bare unit ("including two children", "31 years")', () => {
    const A = 'Eleven captives were freed, including two children. She thanked him for 31 years.';
    const B = 'Nine captives were freed. He spent 4 years abroad.';
    const conflicts = findFactConflicts([
      doc('a', A, [n(A, 'two children', 'people', '2', { part: true }), n(A, '31 years', 'years', '31')]),
      doc('b', B, [n(B, '4 years', 'years', '4')]),
    ]);
    expect(conflicts).toEqual([]);
  });

  it('compares prison terms only when the sentences name the same person', () => {
    const person = (text: string, name: string) =>
      fact(text, name, { kind: 'name', subject: 'person', value: name });
    const A = 'The court gave Anna Berg a 12-year sentence.';
    const B = 'Anna Berg is serving a 14-year term.';
    const C = 'Tomas Lind is serving a 14-year term.';
    const term = (t: string, v: string) => n(t, `${v}-year`, 'prison sentence (years)', v);
    const same = findFactConflicts([
      doc('a', A, [person(A, 'Anna Berg'), term(A, '12')]),
      doc('b', B, [person(B, 'Anna Berg'), term(B, '14')]),
    ]);
    expect(same.map((c) => c.subject)).toEqual(['prison sentence (years)']);
    const different = findFactConflicts([
      doc('a', A, [person(A, 'Anna Berg'), term(A, '12')]),
      doc('c', C, [person(C, 'Tomas Lind'), term(C, '14')]),
    ]);
    expect(different).toEqual([]);
  });

  it('does not compare a rate the sentence does not name (a central bank has several)', () => {
    const A = 'The bank lowered rates to 2.5%.';
    const B = 'The bank lowered rates to 3.25%.';
    expect(
      findFactConflicts([
        doc('a', A, [n(A, '2.5%', 'rate (percent)', '2.5')]),
        doc('b', B, [n(B, '3.25%', 'rate (percent)', '3.25')]),
      ]),
    ).toEqual([]);
  });

  it('takes a point inside a range as agreeing, and two different ranges as a disagreement', () => {
    const A = 'The target range is 3.25–3.5 percent.';
    const B = 'The rate stands at 3.5 percent.';
    const C = 'The target range is 3.5–3.75 percent.';
    const range = (t: string, v: string, low: number, high: number) =>
      n(t, `${v} percent`, 'target range (percent)', v, { low, high });
    expect(
      findFactConflicts([
        doc('a', A, [range(A, '3.25–3.5', 3.25, 3.5)]),
        doc('b', B, [n(B, '3.5 percent', 'target range (percent)', '3.5')]),
      ]),
    ).toEqual([]);
    expect(
      findFactConflicts([
        doc('a', A, [range(A, '3.25–3.5', 3.25, 3.5)]),
        doc('c', C, [range(C, '3.5–3.75', 3.5, 3.75)]),
      ]),
    ).toHaveLength(1);
  });
});

describe('findFactConflicts: dates as real coverage gives them', () => {
  const doc = (documentId: string, text: string, facts: Fact[]): FactDocument => ({
    documentId,
    text,
    facts,
  });

  it('reports a weekday the calendar contradicts against a page that gives the right one', () => {
    const A = 'The plane landed late on Tuesday, August 8, at the base.';
    const B = 'Во вторник, 6 августа 2024 года, самолет приземлился.';
    const C = 'В четверг, 8 августа 2024 года, самолет приземлился.';
    const conflicts = findFactConflicts([
      doc('undated', A, [
        fact(A, 'Tuesday, August 8', {
          kind: 'date',
          subject: 'arrival',
          value: '--08-08',
          weekday: 'tuesday',
        }),
      ]),
      doc('other', B, [
        fact(B, 'вторник, 6 августа 2024 года', {
          kind: 'date',
          subject: 'arrival',
          value: '2024-08-06',
          weekday: 'tuesday',
        }),
      ]),
      doc('dated', C, [
        fact(C, 'четверг, 8 августа 2024 года', {
          kind: 'date',
          subject: 'arrival',
          value: '2024-08-08',
          weekday: 'thursday',
        }),
      ]),
    ]);
    const weekday = conflicts.filter((c) => c.subject.startsWith('weekday'));
    expect(weekday.map((c) => [c.subject, c.values.map((v) => v.documentId).sort()])).toEqual([
      ['weekday of 08-08 (a thursday)', ['dated', 'undated']],
    ]);
  });

  it('judges a weekday only by a year the page wrote, and keeps one day of different years apart', () => {
    const date = (t: string, w: string, value: string, weekday: string) =>
      fact(t, w, { kind: 'date', subject: 'arrival', value, weekday });
    // The year of "Thursday, 8 August" came from a page dated (wrongly) 2023: nothing to judge.
    const A = 'The plane landed on Thursday, 8 August.';
    const B = 'The plane landed on Tuesday, August 8.';
    expect(
      findFactConflicts([
        { documentId: 'a', text: A, facts: [date(A, 'Thursday, 8 August', '2023-08-08', 'thursday')] },
        { documentId: 'b', text: B, facts: [date(B, 'Tuesday, August 8', '--08-08', 'tuesday')] },
      ]),
    ).toEqual([]);
    const C = 'It landed on Wednesday, 8 August 2018.';
    const D = 'It landed on Thursday, 8 August 2024.';
    expect(
      findFactConflicts([
        { documentId: 'c', text: C, facts: [date(C, 'Wednesday, 8 August 2018', '2018-08-08', 'wednesday')] },
        { documentId: 'd', text: D, facts: [date(D, 'Thursday, 8 August 2024', '2024-08-08', 'thursday')] },
      ]).filter((c) => c.subject.startsWith('weekday')),
    ).toEqual([]);
  });

  it('compares a year with a month of another year for one person’s occurrence', () => {
    const name = (t: string) => fact(t, 'Ivo Marek', { kind: 'name', subject: 'person', value: 'Ivo Marek' });
    const A = 'The court convicted him of the 2017 killing of Ivo Marek in Vienna.';
    const B = 'He shot Ivo Marek in a park in May 2019, prosecutors said.';
    const C = 'Ivo Marek was shot in 2017.';
    const conflicts = findFactConflicts([
      doc('a', A, [name(A), fact(A, '2017', { kind: 'date', subject: 'killing', value: '2017' })]),
      doc('b', B, [name(B), fact(B, 'May 2019', { kind: 'date', subject: 'killing', value: '2019-05' })]),
      doc('c', C, [name(C), fact(C, '2017', { kind: 'date', subject: 'killing', value: '2017' })]),
    ]);
    expect(conflicts.map((c) => c.values.map((v) => v.value))).toEqual([['2017', '2019-05', '2017']]);
  });

  it('reads the same day a month off as a slip of the month ("3 February" for "3 March")', () => {
    const name = (t: string) => fact(t, 'Ivo Marek', { kind: 'name', subject: 'person', value: 'Ivo Marek' });
    const A = 'Ivo Marek died on 3 March 2025, the service said.';
    const B = 'The death of Ivo Marek became known on 3 February 2025.';
    const conflicts = findFactConflicts([
      doc('a', A, [
        name(A),
        fact(A, '3 March 2025', { kind: 'date', subject: 'death', value: '2025-03-03' }),
      ]),
      doc('b', B, [
        name(B),
        fact(B, '3 February 2025', { kind: 'date', subject: 'death', value: '2025-02-03' }),
      ]),
    ]);
    expect(conflicts.map((c) => c.values.map((v) => v.value))).toEqual([['2025-03-03', '2025-02-03']]);
  });

  it('sets an undated page’s day against a dated one only as a slip of the month', () => {
    const name = (t: string) => fact(t, 'Ivo Marek', { kind: 'name', subject: 'person', value: 'Ivo Marek' });
    const A = 'Ivo Marek died on 3 March 2025.';
    const B = 'On 3 February the service reported the death of Ivo Marek.';
    const C = 'On 4 March the service reported the death of Ivo Marek.';
    const died = (t: string, w: string, value: string) =>
      fact(t, w, { kind: 'date', subject: 'death', value });
    expect(
      findFactConflicts([
        doc('a', A, [name(A), died(A, '3 March 2025', '2025-03-03')]),
        doc('b', B, [name(B), died(B, '3 February', '--02-03')]),
      ]).map((c) => c.values.map((v) => v.value)),
    ).toEqual([['2025-03-03', '--02-03']]);
    expect(
      findFactConflicts([
        doc('a', A, [name(A), died(A, '3 March 2025', '2025-03-03')]),
        doc('c', C, [name(C), died(C, '4 March', '--03-04')]),
      ]),
    ).toEqual([]);
  });

  it('does not set a resolved weekday or "last year" against a date written out', () => {
    const A = 'Ivo Marek was arrested on Friday.';
    const B = 'Ivo Marek was arrested on 2 May 2025.';
    const name = (t: string) => fact(t, 'Ivo Marek', { kind: 'name', subject: 'person', value: 'Ivo Marek' });
    expect(
      findFactConflicts([
        doc('a', A, [name(A), fact(A, 'Friday', { kind: 'date', subject: 'arrest', value: '2025-05-09' })]),
        doc('b', B, [
          name(B),
          fact(B, '2 May 2025', { kind: 'date', subject: 'arrest', value: '2025-05-02' }),
        ]),
      ]),
    ).toEqual([]);
  });
});

describe('findFactConflicts: headline places', () => {
  it('does not take a country or a capital in a headline for where the story happened', () => {
    const TEXT = 'Norway brokers the swap\nThe exchange took place at an airport near Ankara in Turkey.';
    const headline = fact(TEXT, 'Norway', {
      kind: 'place',
      subject: 'location',
      value: 'Norway',
      country: 'NO',
      placeType: 'country',
      inHeadline: true,
    });
    const body = fact(TEXT, 'Turkey', {
      kind: 'place',
      subject: 'location',
      value: 'Turkey',
      country: 'TR',
      placeType: 'country',
    });
    expect(findFactConflicts([{ documentId: 'a', text: TEXT, facts: [headline, body] }])).toEqual([]);
  });
});

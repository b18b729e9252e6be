import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../src/index';

const seed = readFileSync(
  new URL('../../../test/corpus/putin-mongolia-2024/seed.txt', import.meta.url),
  'utf8',
);

describe('extractFacts', () => {
  const facts = extractFacts(seed, { headlineEnd: seed.indexOf('\n'), publishedAt: '2024-09-02T12:00:00Z' });

  it('finds the headline’s places and marks them as headline facts with their country', () => {
    const headline = facts.filter((f) => f.inHeadline);
    expect(headline.map((f) => [f.value, f.country])).toEqual([
      ['Kyzyl', 'RU'],
      ['Tuva', 'RU'],
    ]);
  });

  it('finds places in the body but not demonyms (Mongolian is not Mongolia)', () => {
    const body = facts.filter((f) => f.kind === 'place' && !f.inHeadline);
    expect(body.filter((f) => f.value === 'Mongolia').length).toBeGreaterThanOrEqual(5);
    for (const f of body) expect(seed.slice(f.start, f.end)).toBe(f.text);
    expect(body.some((f) => f.text === 'Mongolian')).toBe(false);
  });

  it('counts what a number counts', () => {
    const n = facts.find((f) => f.kind === 'number');
    expect(n).toMatchObject({ subject: 'member state', value: '124', text: '124 member states' });
  });

  it('dates an occurrence with its trigger word and the publication year', () => {
    const text =
      'Putin is due to arrive in Ulaanbaatar on Monday, September 2. The two leaders held talks on 3 September 2024.';
    const dates = extractFacts(text, { publishedAt: '2024-08-30T16:30:00Z' }).filter(
      (f) => f.kind === 'date',
    );
    expect(dates.map((d) => [d.subject, d.value, d.text])).toEqual([
      ['arrival', '2024-09-02', 'Monday, September 2'],
      ['talks', '2024-09-03', '3 September 2024'],
    ]);
  });

  it('reads multipliers and skips numbers that name things', () => {
    const text =
      'The pipeline will carry up to 50 billion cubic metres of gas a year under Chapter 9 of the deal, replacing 3 older lines.';
    const numbers = extractFacts(text).filter((f) => f.kind === 'number');
    expect(numbers.map((n) => [n.value, n.subject])).toEqual([
      ['50000000000', 'cubic metre'],
      ['3', 'older line'],
    ]);
  });

  it('treats places in titles as affiliation, not location', () => {
    const text =
      'President of the Russian Federation Vladimir Putin met officials in Ulaanbaatar. ОХУ-ын Ерөнхийлөгч ирэв.';
    const places = extractFacts(text).filter((f) => f.kind === 'place');
    expect(places.map((p) => [p.value, p.subject])).toEqual([
      ['Russia', 'affiliation'],
      ['Ulaanbaatar', 'location'],
      ['Russia', 'affiliation'],
    ]);
  });

  it('rejects impossible calendar dates', () => {
    expect(
      extractFacts('The summit was held on February 30, 2024.').filter((f) => f.kind === 'date'),
    ).toEqual([]);
  });
});

describe('relative dates resolved against the publication date', () => {
  // The seed was published on Monday 2 September 2024.
  const facts = extractFacts(seed, { headlineEnd: seed.indexOf('\n'), publishedAt: '2024-09-02T12:00:00Z' });
  const date = (text: string) => facts.find((f) => f.kind === 'date' && f.text === text);

  it('reads a weekday with its part of the day, past or coming by the tense', () => {
    expect(date('Monday evening')).toMatchObject({ subject: 'arrival', value: '2024-09-02' });
    // "will meet … on Tuesday": the coming Tuesday.
    expect(date('Tuesday')).toMatchObject({ subject: 'meeting', value: '2024-09-03' });
  });

  it('reads "last year" as the year before and "six months after X" as X six months earlier', () => {
    expect(facts.find((f) => f.text === 'last year' && f.subject === 'issuance')?.value).toBe('2023');
    expect(date('six months after')).toMatchObject({ subject: 'appointment', value: '2024-03' });
  });

  it('reads Russian and Mongolian relative dates', () => {
    const ru = extractFacts('Переговоры прошли в среду в Улан-Баторе, сообщили в Кремле вчера.', {
      publishedAt: '2024-09-05T08:00:00Z',
    });
    expect(ru.filter((f) => f.kind === 'date').map((f) => [f.text, f.value])).toEqual([
      ['среду', '2024-09-04'],
      ['вчера', '2024-09-04'],
    ]);
    const mn = extractFacts('Айлчлалын үеэр өчигдөр арван баримт бичигт гарын үсэг зурсан байна.', {
      publishedAt: '2024-09-04T08:00:00Z',
    });
    expect(mn.filter((f) => f.kind === 'date').map((f) => f.value)).toEqual(['2024-09-03']);
  });

  it('leaves relative dates out when the publication date is unknown or invalid', () => {
    for (const publishedAt of [undefined, 'not a date']) {
      const undated = extractFacts('Talks were held on Monday evening.', { publishedAt });
      expect(undated.filter((f) => f.kind === 'date')).toEqual([]);
    }
  });
});

describe('person names', () => {
  it('lists each person once, by the fullest name the body gives, not the title-case headline', () => {
    const facts = extractFacts(seed, { headlineEnd: seed.indexOf('\n') });
    const names = facts.filter((f) => f.kind === 'name').map((f) => f.value);
    expect(names).toContain('Vladimir Putin');
    expect(names).toContain('Khurelsukh Ukhnaa');
    expect(names.filter((n) => n.includes('Putin'))).toEqual(['Vladimir Putin']);
    expect(names.some((n) => n.includes('Visits'))).toBe(false);
  });
});

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
    const n = facts.find((f) => f.kind === 'number' && /\d/.test(f.text));
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

  it('places a name whose first word recurs inside it at that first word, as written', () => {
    // "Chris" also starts "Christie", "Mourad" is both names: the span once began at the later one
    // (and ended one character short of two spaces).
    const text =
      'Yesterday Gov. Chris Christie met the mayor. Police Sgt. Mourad Mourad was hurt. Aide Ann  Annan left.';
    const names = extractFacts(text).filter((f) => f.kind === 'name');
    for (const f of names) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(names.map((f) => [f.text, f.value])).toEqual([
      ['Chris Christie', 'Chris Christie'],
      ['Mourad Mourad', 'Mourad Mourad'],
      ['Ann  Annan', 'Ann Annan'],
    ]);
  });
});

describe('figures as real coverage writes them', () => {
  const numbers = (text: string, publishedAt = '2024-08-02T10:00:00Z') =>
    extractFacts(text, { publishedAt })
      .filter((f) => f.kind === 'number')
      .map((f) => ({
        subject: f.subject,
        value: f.value,
        text: f.text,
        ...(f.low !== undefined ? { low: f.low } : {}),
        ...(f.high !== undefined ? { high: f.high } : {}),
        ...(f.part ? { part: true } : {}),
      }));

  it('reads percentages with what they measure, and the level a cut started from is not a figure for now', () => {
    expect(numbers('The central bank cut its deposit rate to 3.5% from 3.75% on Thursday.')).toEqual([
      { subject: 'deposit rate (percent)', value: '3.5', text: '3.5%' },
    ]);
    expect(numbers('Turnout reached 61.2 percent, and the ruling party won 48 percent of the vote.')).toEqual(
      [
        { subject: 'turnout (percent)', value: '61.2', text: '61.2 percent' },
        { subject: 'vote (percent)', value: '48', text: '48 percent' },
      ],
    );
  });

  it('reads ranges with fractions and with percent signs as one interval', () => {
    const ranges = numbers(
      'The lending rate target was set at 3-1/4 to 3-1/2 percent; analysts had priced 3.25%–3.5%.',
    );
    expect(ranges.map((r) => [r.value, r.low, r.high])).toEqual([
      ['3.25–3.5', 3.25, 3.5],
      ['3.25–3.5', 3.25, 3.5],
    ]);
  });

  it('reads figures in words, "two dozen" but not "dozens", and "N and a half"', () => {
    expect(numbers('Two dozen detainees were freed at dawn while dozens of people waited.')).toEqual([
      { subject: 'people exchanged or freed', value: '24', text: 'Two dozen detainees' },
    ]);
    expect(numbers('A court sentenced her to four and a half years in prison.')).toEqual([
      { subject: 'prison sentence (years)', value: '4.5', text: 'four and a half years' },
    ]);
  });

  it('keeps "more than", "up to" and "about" as bounds of the figure', () => {
    expect(numbers('More than 90 people were killed and about 200 were injured in the blast.')).toEqual([
      { subject: 'people killed', value: '90', text: '90 people', low: 90 },
      { subject: 'people injured', value: '200', text: '200', low: 180, high: 220 },
    ]);
  });

  it('reads Russian and Mongolian figures with their multipliers', () => {
    expect(numbers('Стоимость моста составила 300 миллионов рублей.').map((n) => n.value)).toEqual([
      '300000000',
    ]);
    expect(numbers('В результате обмена освобождены 12 заключенных.')).toEqual([
      { subject: 'people exchanged or freed', value: '12', text: '12 заключенных' },
    ]);
    expect(numbers('Засгийн газар 3 тэрбум төгрөг хуваарилна.').map((n) => n.value)).toEqual(['3000000000']);
  });

  it('compares a count of people only with counts of the same thing done to them', () => {
    expect(numbers('The president pardoned 9 prisoners freed in the swap.').map((n) => n.subject)).toEqual([
      'people pardoned',
    ]);
    // A named group is not everyone counted; a part given beside the whole is marked as a part.
    expect(numbers('В результате обмена освобождены шесть граждан Польши.').map((n) => n.subject)).toEqual([
      'people',
    ]);
    expect(numbers('Eleven captives were released, including three children.')).toEqual([
      { subject: 'people exchanged or freed', value: '11', text: 'Eleven captives' },
      { subject: 'people', value: '3', text: 'three children', part: true },
    ]);
  });

  it('tells a prison term from other spans of years and from the term prosecutors sought', () => {
    expect(
      numbers(
        'The activist was serving a 14-year term. Another outlet wrote of a two-decade sentence. She thanked him for 31 years of marriage. Prosecutors had sought 17 years.',
      ).map((n) => [n.subject, n.value]),
    ).toEqual([
      ['prison sentence (years)', '14'],
      ['prison sentence (years)', '20'],
      ['years', '31'],
      ['prison sentence sought (years)', '17'],
    ]);
  });

  it('reads a toll given after "the death toll rose to", in English and Russian', () => {
    expect(numbers('The death toll rose to 71, the emergency ministry said.')).toEqual([
      { subject: 'people killed', value: '71', text: '71' },
    ]);
    // "выросло до" is "rose to", not "up to".
    expect(numbers('Число погибших выросло до 71 человека.')).toEqual([
      { subject: 'people killed', value: '71', text: '71' },
    ]);
    expect(
      numbers('При пожаре погибли 12 человек, еще 30 пострадали.').map((n) => [n.subject, n.value]),
    ).toEqual([
      ['people killed', '12'],
      ['people injured', '30'],
    ]);
  });

  it('reads a toll with words between its name and its verb, and a toll at the end of a clause', () => {
    expect(numbers('Число погибших при обрушении моста в районе возросло до 23 человек.')).toEqual([
      { subject: 'people killed', value: '23', text: '23' },
    ]);
    expect(numbers('The number of people killed in the storm has risen to 23, officials said.')).toEqual([
      { subject: 'people killed', value: '23', text: '23' },
    ]);
    expect(numbers('The storm hit the coast, killing 23 people and injuring more than 70.')).toEqual([
      { subject: 'people killed', value: '23', text: '23 people' },
      { subject: 'people injured', value: '70', text: '70', low: 70 },
    ]);
  });

  it('keys a count in a sentence dated to another year by that year (a past attack’s toll)', () => {
    expect(
      numbers(
        'It was the worst blast since the 1998 fire, when 58 people were killed.',
        '2025-05-01T10:00:00Z',
      ),
    ).toEqual([{ subject: 'people killed in 1998', value: '58', text: '58 people' }]);
  });

  it('keys a series (inflation, growth) by the period a figure is for, and leaves it out without one', () => {
    expect(
      numbers(
        'Staff now see inflation at 3.1% in 2026 and 2.4% in 2027; inflation stands at 3.3 percent.',
      ).map((n) => n.subject),
    ).toEqual(['inflation 2026 (percent)', 'inflation 2027 (percent)', 'percent']);
    expect(
      numbers(
        'The bank cut its key rates by 50 basis points, bringing the deposit facility rate to 2.5%.',
      ).map((n) => n.subject),
    ).toEqual(['key rate change (basis points)', 'deposit rate (percent)']);
  });

  it('gives a sum its currency and what it is', () => {
    expect(numbers('The carrier reported revenue of $2.7 billion for the quarter.')).toEqual([
      { subject: 'revenue (dollar)', value: '2700000000', text: '$2.7 billion' },
    ]);
  });
});

describe('dates as real coverage writes them', () => {
  const dates = (text: string, publishedAt?: string) =>
    extractFacts(text, { publishedAt })
      .filter((f) => f.kind === 'date')
      .map((f) => [f.subject, f.value, f.text, f.weekday]);

  it('reads Russian, German and Spanish dates, with the weekday when written beside them', () => {
    expect(dates('В пятницу, 9 августа 2024 года, состоялся обмен пленными.')).toEqual([
      ['exchange', '2024-08-09', 'пятницу, 9 августа 2024 года', 'friday'],
    ]);
    expect(
      dates('Die Maschine landete am Freitag, den 9 August 2024 in Köln.', undefined)[0]?.slice(1),
    ).toEqual(['2024-08-09', '9 August 2024', undefined]);
    expect(dates('El canje se realizó el 9 de agosto de 2024.')[0]?.slice(1, 3)).toEqual([
      '2024-08-09',
      '9 de agosto de 2024',
    ]);
  });

  it('keeps an undated page’s "Tuesday, August 6" as a day of the year with its weekday', () => {
    expect(dates('The plane landed late on Tuesday, August 6, at the airport.')).toEqual([
      ['arrival', '--08-06', 'late on Tuesday, August 6', 'tuesday'],
    ]);
    expect(dates('6 августа самолет приземлился в аэропорту.')).toEqual([
      ['arrival', '--08-06', '6 августа', undefined],
    ]);
  });

  it('dates the occurrence a year qualifies ("the 2017 killing"), and not a bare year', () => {
    expect(
      dates('He was jailed for the 2017 killing in Vienna. Vision 2030 was adopted.', '2024-08-02T10:00:00Z'),
    ).toEqual([['killing', '2017', '2017', undefined]]);
  });

  it('dates the occurrence a sentence names after a date at its head', () => {
    expect(dates('On 3 March 2025, the prison service reported the death of the activist.')).toEqual([
      ['death', '2025-03-03', '3 March 2025', undefined],
    ]);
    expect(dates('3 марта 2025 года ведомство сообщило о смерти заключенного.')).toEqual([
      ['death', '2025-03-03', '3 марта 2025 года', undefined],
    ]);
  });

  it('skips the page’s own "Published" line', () => {
    expect(
      dates('Published August 9, 2024 Freed prisoners landed on 8 August 2024.', '2024-08-09T10:00:00Z'),
    ).toEqual([['arrival', '2024-08-08', '8 August 2024', undefined]]);
  });
});

describe('places from the country names package', () => {
  it('does not take a country’s name inside a longer proper name for the country', () => {
    const places = extractFacts('Chad Smith and Jordan Peterson spoke in Jersey City about Chad.')
      .filter((f) => f.kind === 'place')
      .map((f) => f.text);
    expect(places).toEqual(['Chad']);
  });

  it('finds countries named in the languages of the coverage, inflected in Russian', () => {
    const places = (text: string) =>
      extractFacts(text)
        .filter((f) => f.kind === 'place')
        .map((f) => [f.value, f.country]);
    expect(places('Le Danemark et la Pologne ont participé.')).toEqual([
      ['Denmark', 'DK'],
      ['Poland', 'PL'],
    ]);
    expect(places('Самолет прилетел из Турции в Норвегию.')).toEqual([
      ['Turkey', 'TR'],
      ['Norway', 'NO'],
    ]);
  });
});

import { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

function en(text: string): Statement[] {
  const out = extractStatements(text, { lang: 'en', units: 'attribution' });
  for (const s of out) {
    expect(Statement.parse(s)).toEqual(s);
    for (const q of s.quoted ?? []) expect(text.slice(q.start, q.end)).toBe(q.text);
    if (s.source) expect(text.slice(s.source.start, s.source.end)).toBe(s.source.text);
    if (s.cueSpan) expect(text.slice(s.cueSpan.start, s.cueSpan.end)).toBe(s.cueSpan.text);
  }
  return out;
}

describe('source – cue – content spans', () => {
  it('gives a direct quote its quotation, source and cue spans', () => {
    const [s] = en('Filler line.\n\n“The bridge will reopen in May,” Mayor Ana Ruiz said.');
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Mayor Ana Ruiz', cue: 'said' });
    expect(s?.quoted?.map((q) => q.text)).toEqual(['The bridge will reopen in May']);
    expect(s?.source?.text).toBe('Mayor Ana Ruiz');
    expect(s?.cueSpan?.text).toBe('said');
  });

  it('reads a quotation split by its tag as one attribution with two quotations', () => {
    const text =
      'Filler line.\n\n“We are not leaving,” the union leader said. “We will stay until the mill reopens.”';
    const out = en(text);
    expect(out).toHaveLength(1);
    expect(out[0]?.quoted?.map((q) => q.text)).toEqual([
      'We are not leaving',
      'We will stay until the mill reopens.',
    ]);
    expect(out[0]?.speaker).toMatch(/union leader$/);
  });

  it('keeps two quotations apart when narrative stands between them', () => {
    const text =
      'Filler line.\n\n“We are not leaving,” Ruiz said. Workers cheered outside the gates. “We will stay until the mill reopens.”';
    expect(en(text).length).toBe(2);
  });

  it('gives a partial quote its clause as content and the fragment as quotation', () => {
    const text = 'Filler line.\n\nThe governor said the budget was “dead on arrival” in the state senate.';
    const [s] = en(text);
    expect(s?.kind).toBe('partial');
    expect(s?.text).toBe('the budget was “dead on arrival” in the state senate');
    expect(s?.quoted?.map((q) => q.text)).toEqual(['dead on arrival']);
  });

  it('keeps a partial quote’s quotations inside its clause when a mark is left open', () => {
    // The quotation runs to the paragraph's end, past the clause's full stop; a stray mark at the
    // very end quoted only that full stop, outside the clause.
    const [open] = en(
      'Filler line.\n\nThe spokesman said the images were “horrible and hard to watch.\n\nMore.',
    );
    expect(open).toMatchObject({ kind: 'partial', text: 'the images were “horrible and hard to watch' });
    expect(open?.quoted?.map((q) => q.text)).toEqual(['horrible and hard to watch']);
    const [stray] = en('Filler line.\n\nAs Anna Kim noted, the issue will be reviewed on March 12 “.');
    expect(stray).toMatchObject({ kind: 'indirect', text: 'the issue will be reviewed on March 12 “' });
    expect(stray?.quoted).toBeUndefined();
    const ru = extractStatements('Вводная строка.\n\nКак отметила Анна Климова, вопрос будет рассмотрен‚.', {
      lang: 'ru',
      units: 'attribution',
    });
    expect(ru.length).toBeGreaterThan(0);
    for (const s of ru)
      for (const q of s.quoted ?? []) expect(q.start >= s.start && q.end <= s.end).toBe(true);
  });
});

describe('the tag after a quotation', () => {
  it('takes a described speaker in lower case ("the Ohio senator said", "one voter wrote")', () => {
    const out = en(
      'Filler line.\n\n“It was late,” the Ohio senator said.\n\n“Nobody came,” one voter wrote.',
    );
    expect(out.map((s) => s.speaker)).toEqual([
      expect.stringMatching(/Ohio senator$/),
      expect.stringMatching(/voter$/),
    ]);
  });

  it('reads the tag across the sentence break a question mark makes', () => {
    const [s] = en('Filler line.\n\n“Where were the buses?” Okafor asked.');
    expect(s).toMatchObject({ speaker: 'Okafor', cue: 'asked' });
  });

  it('reads an inverted tag with a verb of reaction ("reacted Jones")', () => {
    const [s] = en('Filler line.\n\n"Nothing will change for the farmers," reacted Dana Jones.');
    expect(s).toMatchObject({ speaker: 'Dana Jones', cue: 'reacted' });
  });

  it('takes a title with a full stop whole ("former Rep. Tom Hale"), never the title alone', () => {
    const [s] = en(
      'Filler line.\n\n“The vote was rigged from the start,” said former Rep. Tom Hale, a Democrat.',
    );
    expect(s?.speaker).toContain('Tom Hale');
  });

  it('makes a capitalised quotation after a comma direct ("telling reporters, “…”")', () => {
    const [s] = en(
      'Filler line.\n\nHale left early, telling reporters, “The vote was rigged from the start.”',
    );
    expect(s?.kind).toBe('direct');
  });
});

describe('the default units: one statement per quotation, spans beside it', () => {
  it('keeps a split quotation as two statements and reported speech with a short quotation indirect, with quoted and source spans', () => {
    const text =
      'Filler line.\n\n“We are not leaving,” the union leader said. “We will stay until the mill reopens.”\n\nThe governor said the budget was “dead on arrival” in the state senate.';
    const out = extractStatements(text, { lang: 'en' });
    expect(out.map((s) => [s.kind, s.text])).toEqual([
      ['direct', 'We are not leaving'],
      ['direct', 'We will stay until the mill reopens.'],
      ['indirect', 'the budget was “dead on arrival” in the state senate'],
    ]);
    expect(out[0]?.quoted?.[0]?.text).toBe('We are not leaving');
    expect(out[0]?.source?.text).toMatch(/union leader$/);
    expect(out[2]?.source?.text).toBe('governor');
  });

  it('reads the tag after a quotation in the default units too', () => {
    const [s] = extractStatements('Filler line.\n\n“Where were the buses?” Okafor asked.', { lang: 'en' });
    expect(s).toMatchObject({ speaker: 'Okafor', cue: 'asked' });
  });
});

describe('reported speech with a that-clause the subject does not stand next to', () => {
  it('gives "X did something and said that …" to the clause’s subject', () => {
    const [s] = extractStatements(
      'Filler line.\n\nOkonkwo denied the charges and said that she would appeal the ruling next week.',
      { lang: 'en' },
    );
    expect(s).toMatchObject({
      kind: 'indirect',
      speaker: 'Okonkwo',
      text: 'she would appeal the ruling next week',
    });
  });

  it('takes a described plural body opening the sentence ("Local authorities stressed that …")', () => {
    const [s] = extractStatements(
      'Filler line.\n\nLocal authorities stressed that the water supply had been restored in every district.',
      { lang: 'en' },
    );
    expect(s?.speaker).toBe('Local authorities');
    expect(s?.text).toBe('the water supply had been restored in every district');
  });

  it('does not read a noun ("aware of reports that …") as a cue', () => {
    const out = extractStatements(
      'Filler line.\n\nThe embassy is aware of reports that the minister will travel to the capital next week.',
      { lang: 'en' },
    );
    expect(out).toEqual([]);
  });

  it('reads no statement from a that-clause without a speech verb', () => {
    const out = extractStatements(
      'Filler line.\n\nThe bridge that the council built in 1990 was closed on Monday.',
      {
        lang: 'en',
      },
    );
    expect(out).toEqual([]);
  });
});

describe('the subject opening a quotation’s sentence', () => {
  it('gives a quotation to the name that opens its sentence before a verb ("X asked, “…”", "X then interjected")', () => {
    const out = extractStatements(
      'Filler line.\n\nNadia Petrov asked, “Will the plant close before winter?”\n\nOkafor then interjected, calling the plan “a giveaway to landlords.”',
      { lang: 'en' },
    );
    expect(out.map((s) => s.speaker)).toEqual(['Nadia Petrov', 'Okafor']);
  });

  it('takes a described subject ("The ad claims “…”") and leaves a term in quotation marks alone', () => {
    const out = extractStatements(
      'Filler line.\n\nThe ad claims “the mayor is the candidate you can trust.”\n\nThe council passed the so-called “green” budget.',
      { lang: 'en' },
    );
    expect(out.map((s) => s.speaker)).toEqual(['The ad']);
  });

  it('does not take a place or an adverbial opening the sentence for a speaker', () => {
    const [s] = extractStatements(
      'Filler line.\n\nIn Ohio, the crowd chanted “four more years” until midnight.',
      {
        lang: 'en',
      },
    );
    expect(s?.speaker ?? null).not.toBe('In Ohio');
  });
});

describe('a language without rules of its own', () => {
  it('gets its quotations by their marks, no English rules, and one warning', () => {
    const warnings: string[] = [];
    const text = 'Filler line.\n\n„Wij blijven hier tot de fabriek weer opengaat“ Jansen said gisteravond.';
    const out = extractStatements(text, { lang: 'nl', onWarning: (m) => warnings.push(m) });
    expect(out.map((s) => [s.kind, s.text, s.speaker])).toEqual([
      ['direct', 'Wij blijven hier tot de fabriek weer opengaat', null],
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"nl"');
  });

  it('warns about no language that has rules', () => {
    const warnings: string[] = [];
    for (const lang of ['en', 'ru', 'mn', 'de', 'fr', 'es', 'it', 'pt'])
      extractStatements('“We will stay,” Ruiz said.', { lang, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });
});

describe('speakers resolved to a compatible antecedent', () => {
  it('resolves "the daily" to the publication that spoke before, not to a person', () => {
    const out = extractStatements(
      'Filler line.\n\nThe Morning Herald reported that the talks had stalled. The daily said that a deal was unlikely this year.',
      { lang: 'en' },
    );
    expect(out.map((s) => [s.speaker, s.resolvedSpeaker])).toEqual([
      ['Morning Herald', 'Morning Herald'],
      ['daily', 'Morning Herald'],
    ]);
  });

  it('takes "The influential US daily" whole, not its capitalised word', () => {
    const [s] = extractStatements(
      'Filler line.\n\nThe influential US daily wrote that the talks had stalled.',
      {
        lang: 'en',
      },
    );
    expect(s?.speaker).toBe('US daily');
  });

  it('resolves a role to the person named in that role in apposition, and keeps an unmatched role as itself', () => {
    const out = extractStatements(
      'Filler line.\n\nMaria Lopez, the governor of the province, visited the site. “We will rebuild,” the governor said.\n\n“We are not leaving,” the union leader said.\n\nThe mayor said the budget was balanced this year.',
      { lang: 'en' },
    );
    expect(out.map((s) => s.resolvedSpeaker)).toEqual(['Maria Lopez', 'union leader', 'mayor']);
  });
});

describe('a short quotation after a participle of calling', () => {
  it('keeps “…” after ", calling it" as words someone said, not a term', () => {
    const out = extractStatements(
      'Filler line.\n\nThe ministry rejected the report, calling it “entirely baseless.”\n\nThe council passed the “green” budget.',
      { lang: 'en' },
    );
    expect(out.map((s) => s.text)).toEqual(['entirely baseless.']);
  });
});

describe('reported speech inside a split quotation’s tag', () => {
  it('joins “…,” X said, according to a pool report. “…” into one attribution', () => {
    const text =
      'Filler line.\n\n“They do not care about the polls,” Ruiz said of the families, according to a pool report. “Neither do I.”';
    const out = extractStatements(text, { lang: 'en', units: 'attribution' });
    expect(out).toHaveLength(1);
    expect(out[0]?.quoted?.map((q) => q.text)).toEqual(['They do not care about the polls', 'Neither do I.']);
  });
});

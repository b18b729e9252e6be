import { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';
import { communicationLemma, communicationVerb } from '../src/lexicon';

// Fixtures written for these tests, in the manner of the failures read on real news (issue 12).
function en(text: string): Statement[] {
  const out = extractStatements(`Filler headline\n\n${text}`, { lang: 'en', units: 'attribution' });
  for (const s of out) expect(Statement.parse(s)).toEqual(s);
  return out;
}

describe('verbs of communication from WordNet', () => {
  it('knows past forms of saying that no cue list holds, and not modals or nouns', () => {
    expect(communicationVerb('barked')).toBe('bark');
    expect(communicationVerb('quipped')).toBe('quip');
    expect(communicationVerb('told')).toBe('tell');
    expect(communicationVerb('would')).toBeNull();
    expect(communicationVerb('signs')).toBeNull();
    expect(communicationVerb('walked')).toBeNull();
    expect(communicationLemma('telling')).toBe('tell');
  });

  it('reads a tag whose verb is one of them', () => {
    const [s] = en('“We will not back down,” Okafor barked.');
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Okafor', cue: 'barked' });
  });
});

describe('quotation marks', () => {
  it('takes an opening mark typed after the last comma for the closing one', () => {
    const out = en('“That is rare,“ said Tom Vance, a lawyer at the guild. “It is hard to do well.”');
    expect(out).toHaveLength(1);
    expect(out[0]?.speaker).toBe('Tom Vance');
    expect(out[0]?.quoted?.map((q) => q.text)).toEqual(['That is rare', 'It is hard to do well.']);
  });
});

describe('mixed quotation marks', () => {
  it('closes a curly quotation with a straight mark after its last comma, and the reverse', () => {
    const out = en('“We will file by Friday," Vance said. "The court has the papers,” he added.');
    expect(out.map((s) => s.quoted?.[0]?.text)).toEqual([
      'We will file by Friday',
      'The court has the papers',
    ]);
    expect(out.map((s) => s.speaker)).toEqual(['Vance', 'he']);
  });
});

describe('the clause of a partial quote', () => {
  it('opens after the cue nearest the fragment', () => {
    const [s] = en('Rosa Imbert toured the plant in Lyon and called the merger “a gift to nobody.”');
    expect(s?.kind).toBe('partial');
    expect(s?.text).toBe('the merger “a gift to nobody.”');
    expect(s?.speaker).toBe('Rosa Imbert');
  });

  it('opens at "that" after a progressive cue and its addressee', () => {
    const [s] = en('The governor is telling donors at a lakeside lunch that “the seat is ours.”');
    expect(s?.text).toBe('that “the seat is ours.”');
  });

  it('ends where a participial cue opens the next attribution', () => {
    const out = en(
      'The senator hailed the verdict as “a clear win,” telling reporters on Friday that the jury had been “brave.”',
    );
    expect(out.map((s) => s.text)).toEqual([
      'the verdict as “a clear win,”',
      'that the jury had been “brave.”',
    ]);
    expect(out.every((s) => s.speaker === 'senator' || s.speaker === 'The senator')).toBe(true);
  });
});

describe('cues the lists miss', () => {
  it('reads a progressive cue and an -s cue right after a name', () => {
    const [a] = en('The candidate is telling crowds that the levy is “theft” in every county.');
    expect(a).toMatchObject({ kind: 'partial', cue: 'telling' });
    expect(a?.text.startsWith('that the levy is “theft”')).toBe(true);
    const [b] = en('Ortiz refers to the council as “the club.”');
    expect(b).toMatchObject({ kind: 'partial', speaker: 'Ortiz', cue: 'refers' });
  });
});

describe('titles are not speech', () => {
  it('skips a work’s title in quotation marks that no cue introduces', () => {
    expect(en('Vance later joined the cast of the cooking show “Kitchen Wars Tonight.”')).toEqual([]);
  });

  it('keeps a title-case question a cue gives a speaker', () => {
    const [s] = en('The clerk looked up at him: “Mr. Vance?”');
    expect(s?.quoted?.[0]?.text).toBe('Mr. Vance?');
  });

  it('keeps a title-case headline out of the statements', () => {
    const out = extractStatements(
      'Vance: We Will Win Every County In The State.\n\nThe campaign opened an office in Reno on Monday.',
      { lang: 'en', units: 'attribution', headlineEnd: 45 },
    );
    expect(out).toEqual([]);
  });
});

describe('more cues and bounds', () => {
  it('reads a "that" clause after any past verb of communication', () => {
    const [s] = en('The Herald reiterated its view that the audit had found no fault.');
    expect(s).toMatchObject({ kind: 'indirect', cue: 'reiterated' });
    expect(s?.text.endsWith('the audit had found no fault')).toBe(true);
  });

  it('ends a partial clause before a participle that opens a new one', () => {
    const [s] = en('Vance said the deal “will hold through winter,” pointing to the summit in Oslo.');
    expect(s?.text).toBe('the deal “will hold through winter,”');
  });

  it('takes a show’s title after a possessive for no speech, even beside a cue', () => {
    const out = en('Vance said Sunday on Channel 9’s “Morning Desk Live,” that he would run again.');
    expect(out.some((s) => s.quoted?.some((q) => q.text.startsWith('Morning Desk')))).toBe(false);
  });
});

describe('speakers of tags and participles', () => {
  it('reads a name ending in -ly as a name, not an adverb, before a lexicon cue', () => {
    const [s] = en('“You have insulted every nurse in this state,” Beverly charged.');
    expect(s).toMatchObject({ speaker: 'Beverly', cue: 'charged' });
  });

  it('gives a participle of calling to the subject after an introductory phrase', () => {
    const [s] = en(
      'Addressing supporters in a Reno gym, Vance turned on Ortiz, calling him “a fraud from day one.”',
    );
    expect(s).toMatchObject({ kind: 'partial', speaker: 'Vance', cue: 'calling' });
  });

  it('drops a capitals heading before the dash from a label', () => {
    const [s] = en('WHAT THE NUMBERS MISS - Ann Lee and Bo Park: “Turnout models need more data.”');
    expect(s?.speaker).toBe('Ann Lee and Bo Park');
  });
});

describe('a name before the colon', () => {
  it('gives the quotation to the full name that ends the lead before its colon', () => {
    const [s] = en(
      'None of this shocks the veteran strategist Ann Lee: “Undecided voters always move late.”',
    );
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Ann Lee' });
  });
});

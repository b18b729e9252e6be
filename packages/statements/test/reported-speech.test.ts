import type { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

function read(text: string): Array<[string, string, string | null]> {
  const statements: Statement[] = extractStatements(text, { lang: 'en', headlineEnd: 0 });
  for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.text);
  return statements.map((s) => [s.kind, s.text, s.speaker]);
}

describe('English reported speech', () => {
  it('reads a clause without "that" after a time adverbial', () => {
    expect(read('The ministry said on Tuesday new border checks were needed to stop smuggling.')).toEqual([
      ['indirect', 'new border checks were needed to stop smuggling', 'ministry'],
    ]);
    expect(read('The union said last week wages had fallen for three years.')).toEqual([
      ['indirect', 'wages had fallen for three years', 'union'],
    ]);
  });

  it('keeps a circumstance after the time adverbial out of reported speech', () => {
    expect(read('The mayor said on Monday in a brief video message.')).toEqual([]);
  });

  it('reads an acronym speaker with an appositive before the cue', () => {
    expect(
      read('The OSCE, the main monitoring body in the region, said the vote had been deeply flawed.'),
    ).toEqual([['indirect', 'the vote had been deeply flawed', 'OSCE']]);
  });

  it('credits words an agency quoted someone as saying to the one quoted', () => {
    expect(
      read('The agencies quoted Minister Lena Varga as saying that the talks would resume in spring.'),
    ).toEqual([['indirect', 'the talks would resume in spring', 'Minister Lena Varga']]);
    expect(read('Local radio cited the harbour master as saying the pier was closed.')).toEqual([
      ['indirect', 'the pier was closed', 'harbour master'],
    ]);
  });

  it('reads a second coordinated speech verb of the same subject', () => {
    expect(read('Kowalczyk denied the charges and said he will appeal the verdict.')).toEqual([
      ['indirect', 'he will appeal the verdict', 'Kowalczyk'],
    ]);
  });

  it('never takes the object before "and said" for the speaker', () => {
    const found = read('The senator thanked voters and said he will fight the charges in court.');
    expect(found.map((f) => f[2])).not.toContain('voters');
  });

  it('reads ", adding that" after a quotation tag', () => {
    expect(
      read(
        '“We will not bargain in public,” Kowalski said on Monday, adding that any leak would harm the talks.',
      ),
    ).toEqual([
      ['direct', 'We will not bargain in public', 'Kowalski'],
      ['indirect', 'any leak would harm the talks', 'Kowalski'],
    ]);
  });

  it('reads a plural subject with "both"', () => {
    expect(read('Novak and Petrov both said they had been threatened by guards.')).toEqual([
      ['indirect', 'they had been threatened by guards', 'Novak and Petrov'],
    ]);
  });

  it('keeps reported speech on a line of its own between two quotations', () => {
    const text =
      '“The cells were cold all winter,” Novak said.\nNovak and Petrov both said they had refused to sign any confession.\n“I would not bow to them,” Petrov said.';
    const statements = extractStatements(text, { lang: 'en', headlineEnd: 0, units: 'attribution' });
    expect(statements.map((s) => [s.kind, s.text])).toContainEqual([
      'indirect',
      'they had refused to sign any confession',
    ]);
  });

  it('reads "described X as Y" and "spoke of Y", and only in that frame', () => {
    expect(read('The minister described the agreement as a painful compromise.')).toEqual([
      ['indirect', 'the agreement as a painful compromise', 'minister'],
    ]);
    expect(read('She spoke of a duty to defend the constitution.')).toEqual([
      ['indirect', 'a duty to defend the constitution', 'She'],
    ]);
    expect(read('He was described as a loner by neighbours.')).toEqual([]);
    expect(read('The police described the scene in detail.')).toEqual([]);
    expect(read('She spoke about the weather for an hour.')).toEqual([]);
  });

  it('reads a coordinated cue after "spoke" out of its frame', () => {
    expect(
      read(
        'Mayor Anna Berg spoke out on Tuesday about the floods in the north, arguing that the city needed more help.',
      ),
    ).toEqual([['indirect', 'the city needed more help', 'Mayor Anna Berg']]);
  });

  it('reads reported speech on the line after a headline without a full stop', () => {
    expect(
      read('Minister says talks have failed\nThe union said the strike would go ahead on Monday.'),
    ).toContainEqual(['indirect', 'the strike would go ahead on Monday', 'union']);
  });

  it('reads "deny" with a clause, never with an object', () => {
    // (The speaker phrase reaches back over "pilots", a kind of person; not yet over the comma.)
    expect(read('The airline, its pilots and the regulator all deny it was at fault.')).toEqual([
      ['indirect', 'it was at fault', 'pilots and the regulator'],
    ]);
    expect(read('The firm denies the charges brought against its founder.')).toEqual([]);
  });

  it('reads the subject of a relative clause before a coordinated cue', () => {
    expect(
      read(
        'The hall was packed, where Mayor Anna Berg thanked the volunteers and announced that they would receive medals.',
      ),
    ).toEqual([['indirect', 'they would receive medals', 'Mayor Anna Berg']]);
  });

  it('reads a cue after a dash', () => {
    expect(read('The talks began in March – Berg said the deal was close.')).toEqual([
      ['indirect', 'the deal was close', 'Berg'],
    ]);
  });

  it('reads "that" after a parenthetical between the cue and the clause', () => {
    expect(read('Police claimed, without offering any evidence, that he was carrying explosives.')).toEqual([
      ['indirect', 'he was carrying explosives', 'Police'],
    ]);
  });

  it('reads "revealed to X that" and a time word between speaker and cue', () => {
    expect(read('A senior source revealed to the BBC that the deal was the largest in a decade.')).toEqual([
      ['indirect', 'the deal was the largest in a decade', 'senior source'],
    ]);
    expect(read('The broadcaster today said it was welcoming home two of its reporters.')).toEqual([
      ['indirect', 'it was welcoming home two of its reporters', 'broadcaster'],
    ]);
  });

  it('reads a gerund of speech after a clause holding a quotation', () => {
    expect(
      read('Nowak accused the board of “recklessly” wasting money, saying the budget was out of control.'),
    ).toContainEqual(['indirect', 'the budget was out of control', 'Nowak']);
  });

  it('reads reported speech after a clause holding a quotation that is no tag', () => {
    expect(
      read(
        'But while he once promised “sweeping” reforms to the health system, the minister admitted there was little money left.',
      ),
    ).toContainEqual(['indirect', 'there was little money left', 'minister']);
  });

  it('reads "reiterated"', () => {
    expect(read('Kowalska reiterated that the clinic had denied him medical care.')).toEqual([
      ['indirect', 'the clinic had denied him medical care', 'Kowalska'],
    ]);
  });

  it('reads "demanded" with a clause, never with an object', () => {
    expect(read('Borowski demanded that the vote be held again.')).toEqual([
      ['indirect', 'the vote be held again', 'Borowski'],
    ]);
    expect(read('The union demanded higher wages for its members.')).toEqual([]);
  });

  it('reads a bare day name before the clause, and keeps a day that is the subject', () => {
    expect(read('Chancellor Weber said Wednesday that Russia must answer serious questions.')).toEqual([
      ['indirect', 'Russia must answer serious questions', 'Chancellor Weber'],
    ]);
    expect(read('The ministry said Tuesday night the border would stay closed.')).toEqual([
      ['indirect', 'the border would stay closed', 'ministry'],
    ]);
    expect(read('Berg said Monday was the worst day of her life.')).toEqual([
      ['indirect', 'Monday was the worst day of her life', 'Berg'],
    ]);
  });

  it('gives a "who said that" clause to the name before "who"', () => {
    expect(
      read(
        'The spokesman responded to the opposition leader Anna Berg, who claimed that the vote had been rigged.',
      ),
    ).toEqual([['indirect', 'the vote had been rigged', 'Anna Berg']]);
  });

  it('never takes an opening adverbial for the statement when the cue has a clause of its own', () => {
    expect(
      read('After a long night of talks, the ministry said on Thursday new checks were needed.'),
    ).toEqual([['indirect', 'new checks were needed', 'ministry']]);
    expect(
      read(
        'The border will stay closed until further notice, the ministry said in a statement that was posted online.',
      ),
    ).toEqual([['indirect', 'The border will stay closed until further notice', 'ministry']]);
  });

  it('reads a speaker after "after", "because" or "since"', () => {
    expect(read('Shares fell sharply after the company said profits would halve this year.')).toEqual([
      ['indirect', 'profits would halve this year', 'company'],
    ]);
  });
});

describe('English speakers named by a kind of person', () => {
  it('takes an unnamed person the page places ("someone in the courtroom") as the speaker', () => {
    expect(read('After the verdict, someone in the courtroom shouted, “We love you, Anna!”')).toEqual([
      ['direct', 'We love you, Anna!', 'someone in the courtroom'],
    ]);
    expect(read('“We will hold the line,” an officer from the unit said.')).toEqual([
      ['direct', 'We will hold the line', 'officer from the unit'],
    ]);
    // A place after a thing is no speaker.
    expect(read('The talks in the capital said, “Nothing has changed.”').map((s) => s[2])).toEqual([null]);
  });

  it('takes a noun WordNet has first as a person as the speaker ("the widow", "traders")', () => {
    expect(read('The widow said the guards had lied about his heart.')).toEqual([
      ['indirect', 'the guards had lied about his heart', 'widow'],
    ]);
    expect(read('Traders said the bank would cut rates again in the autumn.')).toEqual([
      ['indirect', 'the bank would cut rates again in the autumn', 'Traders'],
    ]);
  });

  it('never takes a noun that is first a thing or a collection ("data", "figures")', () => {
    expect(read('The data said nothing about the harvest.')).toEqual([]);
  });
});

describe('a described speaker taken whole, not its head noun', () => {
  it('keeps the lower-case modifiers and the possessive that open the description', () => {
    expect(read('The prison service said the inmate had felt unwell after a walk.')).toEqual([
      ['indirect', 'the inmate had felt unwell after a walk', 'prison service'],
    ]);
    expect(read('Norway’s federal penitentiary service says the prisoner died on Friday.')).toEqual([
      ['indirect', 'the prisoner died on Friday', 'Norway’s federal penitentiary service'],
    ]);
    expect(read('The country’s central bank said the rate would stay at nine percent.')).toEqual([
      ['indirect', 'the rate would stay at nine percent', 'country’s central bank'],
    ]);
  });
});

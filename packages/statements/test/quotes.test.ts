import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/quotes';

const quoted = (text: string) =>
  findQuotes(text, { start: 0, end: text.length }).map((q) => text.slice(q.contentStart, q.contentEnd));

describe('straight single quotation marks', () => {
  it('reads typed single marks as a quotation where they open before a word and close after one', () => {
    expect(quoted("Mayor Tom Baker described the rescue as an 'incredible relief' for the town.")).toEqual([
      'incredible relief',
    ]);
    expect(quoted("'We did it one step at a time,' she said.")).toEqual(['We did it one step at a time']);
  });

  it('leaves apostrophes alone: contractions, possessives, decades, and a mark never closed', () => {
    expect(quoted("The farmers' union said it won't sign, as in the '90s.")).toEqual([]);
    expect(quoted("They played rock 'n' roll all night.")).toEqual([]);
    expect(quoted("The 'claim was never closed in this paragraph.")).toEqual([]);
  });

  it('does not read a typed double mark of two single ones as two single quotations', () => {
    expect(quoted("He said ''it is over'' and left.")).toEqual([]);
  });
});

describe('a quotation whose closing mark was forgotten', () => {
  it('ends before the attribution that closes its paragraph', () => {
    expect(
      quoted(
        '“This shameful verdict comes after 300 days in prison, all for doing his job, Daily Courier Editor in Chief Kira Holm said in a statement.',
      ),
    ).toEqual(['This shameful verdict comes after 300 days in prison, all for doing his job']);
  });

  it('ends at its line when the next line opens a quotation with the same mark', () => {
    expect(
      quoted(
        '“This shameful verdict comes after 300 days in prison, Editor Kira Holm claimed in a declaration.\n“We will keep pressing for his release,” the statement said.',
      ),
    ).toEqual([
      'This shameful verdict comes after 300 days in prison',
      'We will keep pressing for his release',
    ]);
    expect(quoted('“We will not stop.\n“Nor will we rest,” she said.')).toEqual([
      'We will not stop.',
      'Nor will we rest',
    ]);
  });

  it('runs to the paragraph end when no attribution closes it (continued in the next paragraph)', () => {
    expect(quoted('“We will keep going, and the work continues, Monday to Friday.')).toEqual([
      'We will keep going, and the work continues, Monday to Friday.',
    ]);
  });
});

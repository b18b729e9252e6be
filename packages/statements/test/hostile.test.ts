import { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

/** Every statement must satisfy the schema and slice its own words out of the text. */
function checked(text: string, lang: string): Statement[] {
  const statements = extractStatements(text, { lang });
  for (const s of statements) {
    expect(Statement.parse(s)).toEqual(s);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  return statements;
}

const LANGS = ['en', 'ru', 'mn', 'und'];

describe('hostile text never throws and keeps offsets exact', () => {
  it('survives a megabyte of quotation marks of every style, open and closed', () => {
    const inputs = [
      '“'.repeat(1_000_000),
      '«'.repeat(500_000) + '»'.repeat(500_000),
      '“a” '.repeat(250_000),
      '"'.repeat(1_000_000),
      '‘’'.repeat(500_000),
    ];
    for (const text of inputs) for (const lang of LANGS) checked(text, lang);
  });

  it('extracts every one of 20,000 quotations in a megabyte-long transcript of real sentences', () => {
    const text = '«Мы не выйдем из переговоров сегодня», — сказал Сергей Лавров. '.repeat(16_000);
    const statements = checked(text, 'ru');
    expect(statements).toHaveLength(16_000);
    expect(new Set(statements.map((s) => s.resolvedSpeaker))).toEqual(new Set(['Сергей Лавров']));
  });

  it('reads a quotation through zero-width and bidi control characters, offsets unchanged', () => {
    const text =
      'The spokes\u200bman said\u202e that \u2066“the talks will resume next week in Geneva,”\u2069 he added.\u200d';
    const statements = checked(text, 'en');
    expect(statements.some((s) => s.text.includes('the talks will resume next week in Geneva'))).toBe(true);
  });

  it('handles unbalanced and mismatched marks without losing the sentences around them', () => {
    const text = [
      'He said “this never closes. And the paragraph goes on without an end',
      "»«»«„“”\"''‚‘’ 「」『』",
      '“The ministry will respond,” Foreign Minister Battsetseg Batmunkh said.',
    ].join('\n\n');
    const statements = checked(text, 'en');
    expect(statements.map((s) => s.text)).toContain('The ministry will respond');
  });

  it('handles mixed scripts, surrogate pairs and control characters in one paragraph', () => {
    const text =
      '«Бид хэлэлцээг үргэлжлүүлнэ» гэж Ерөнхийлөгч У.Хүрэлсүх хэлэв, said “Putin 👋🏽 \u0000\u0007 Путин” 「東京」 — заявил Песков.';
    for (const lang of LANGS) checked(text, lang);
  });

  it('returns nothing for empty, whitespace-only and punctuation-only input', () => {
    for (const text of ['', ' \n\n \t', '...!!!???', '— — —', ':'])
      for (const lang of LANGS) expect(checked(text, lang)).toEqual([]);
  });

  it('handles a megabyte with no punctuation and a megabyte of one-line paragraphs', () => {
    const inputs = [
      'said Peskov Kremlin spokesman '.repeat(35_000),
      'Peskov: We will see.\n\n'.repeat(45_000),
    ];
    for (const text of inputs) for (const lang of LANGS) checked(text, lang);
  });

  it('stays linear on half a megabyte of list items, dialogue dashes, colon labels and document quotes', () => {
    const inputs = [
      '• Name Name, in a statement: “We will see.”\n'.repeat(12_000),
      '— Вопрос?\n\n— Ответ, — сказал он.\n\n-Асуулт уу?\n\n'.repeat(8_000),
      'Anna Lind put it bluntly: x “a b c d e” y: '.repeat(12_000),
      'The Big Org (BO) says which read: “ the statement read Сайд Б.Бат-Эрдэнэ гэв. '.repeat(6_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      for (const lang of LANGS) checked(text, lang);
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });
});

describe('long runs stay linear', () => {
  // Each took seconds to minutes before: a pattern tried from every capital of an all-caps run (the
  // English appositive "NAME, the …, said", the acronym definition "Full Name (FN)"), and each unclosed
  // « scanning to the end for its » (Russian cue words).
  it.each([
    ['en', 'capitals', `Officials said ${'Я'.repeat(100_000)} on Monday.`],
    ['de', 'capitals before an acronym', `Das Komitee ${'ABCDEFGHIJ'.repeat(10_000)}(tagte) (UN) am Montag.`],
    [
      'ru',
      'unclosed guillemets',
      `${'«'.repeat(100_000)} — заявил министр Игорь Ветров, что переговоры продолжатся.`,
    ],
  ])('%s: 100,000 %s in well under 3 s', (lang, _what, text) => {
    const started = performance.now();
    checked(text, lang);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('line endings', () => {
  it('reads a CRLF file like its LF twin, offsets into its own text', () => {
    const lf = [
      'Q: How exposed is the economy to coal prices?',
      'Byadran Lkhagvasuren: Very exposed. Coal exports account for a quarter of revenue.',
      '"We are building up reserves while prices are good," Lkhagvasuren said.',
    ].join('\n\n');
    const crlf = lf.replaceAll('\n', '\r\n');
    const a = checked(lf, 'en');
    const b = checked(crlf, 'en');
    expect(b.map((s) => [s.kind, s.text, s.resolvedSpeaker])).toEqual(
      a.map((s) => [s.kind, s.text, s.resolvedSpeaker]),
    );
    expect(a).toHaveLength(2);
  });
});

describe('a rule that throws', () => {
  it('is caught and told through onWarning, never thrown', () => {
    const warnings: string[] = [];
    const out = extractStatements(null as unknown as string, {
      lang: 'en',
      onWarning: (m) => warnings.push(m),
    });
    expect(out).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^attribution rules failed on this text \(.+\): quotations found by their marks only$/,
    );
  });
});

import { readFileSync } from 'node:fs';
import { Statement } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/index';

const seed = readFileSync(
  new URL('../../../test/corpus/putin-mongolia-2024/seed.txt', import.meta.url),
  'utf8',
);
const headlineEnd = seed.indexOf('\n');

function find(statements: Statement[], fragment: string): Statement {
  const found = statements.find((s) => s.text.includes(fragment));
  if (!found)
    throw new Error(`no statement containing “${fragment}” in:\n${statements.map((s) => s.text).join('\n')}`);
  return found;
}

describe('English news prose (the seed story)', () => {
  const statements = extractStatements(seed, { lang: 'en', headlineEnd });

  it('satisfies the core schema, with offsets that slice the exact words', () => {
    for (const s of statements) {
      expect(Statement.parse(s)).toEqual(s);
      expect(seed.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('finds a partial quote after a cue phrase with the organisation as speaker', () => {
    const s = find(statements, 'execute the binding international arrest warrant');
    expect(s.kind).toBe('partial');
    expect(s.speaker).toBe('Ukraine’s Ministry of Foreign Affairs');
    expect(s.text).toBe(
      'execute the binding international arrest warrant and transfer Putin to the International Criminal Court in The Hague.',
    );
  });

  it('gives both partial quotes of one sentence to the role named before the cue', () => {
    expect(find(statements, 'have the obligation to cooperate').speaker).toBe('ICC spokesperson');
    const second = find(statements, 'including in relation to arrest warrants');
    expect(second.speaker).toBe('ICC spokesperson');
    expect(second.kind).toBe('partial');
  });

  it('carries the previous attribution over to a quote with no cue of its own', () => {
    const s = find(statements, 'take any measure it deems appropriate');
    expect(s.speaker).toBeNull();
    expect(s.resolvedSpeaker).toBe('ICC spokesperson');
  });

  it('extracts reported speech with its complement, not the framing clause', () => {
    const bloomberg = find(statements, 'Putin received assurances');
    expect(bloomberg).toMatchObject({ kind: 'indirect', speaker: 'Bloomberg News', cue: 'reported' });
    const embassy = find(statements, 'should not be given a platform');
    expect(embassy.speaker).toBe('spokesperson from the U.S. Embassy in Ulaanbaatar');
    expect(embassy.text).toBe('Putin should not be given a platform to promote aggression against Ukraine');
    const gas = find(statements, 'supply gas to Mongolia');
    expect(gas).toMatchObject({
      speaker: 'Putin',
      cue: 'mentioned',
      text: 'Russia may supply gas to Mongolia as part of this project',
    });
  });

  it('keeps a short quotation inside reported speech as part of that statement', () => {
    const s = find(statements, 'issues of relations and cooperation');
    expect(s).toMatchObject({ kind: 'indirect', speaker: 'Mongolian government', cue: 'stated' });
    expect(s.text.startsWith('the two leaders will discuss')).toBe(true);
  });

  it('does not turn the headline or narrative sentences into statements', () => {
    expect(statements.every((s) => s.start > headlineEnd)).toBe(true);
    expect(statements.some((s) => s.text.includes('skipping the BRICS summit'))).toBe(false);
  });
});

describe('quotation patterns', () => {
  it('splits “…,” he said. “…” into two direct quotes of one speaker', () => {
    const text =
      '“We have no intention of leaving the talks,” Foreign Minister Sergei Lavrov said on Thursday. “The door remains open for a settlement on fair terms.”\n\nHe added that the delegation would return to Geneva next week.';
    const statements = extractStatements(text, { lang: 'en' });
    expect(statements.map((s) => [s.kind, s.speaker, s.resolvedSpeaker])).toEqual([
      ['direct', 'Foreign Minister Sergei Lavrov', 'Foreign Minister Sergei Lavrov'],
      ['direct', null, 'Foreign Minister Sergei Lavrov'],
      ['indirect', 'He', 'Foreign Minister Sergei Lavrov'],
    ]);
    expect(statements[2]?.text).toBe('the delegation would return to Geneva next week');
  });

  it('takes an inverted attribution (“…,” said Peskov) and straight quotes', () => {
    const text = '"The president has a busy schedule in Ulaanbaatar," said Kremlin spokesman Dmitry Peskov.';
    const [s] = extractStatements(text, { lang: 'en' });
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Kremlin spokesman Dmitry Peskov', cue: 'said' });
    expect(s?.text).toBe('The president has a busy schedule in Ulaanbaatar');
  });

  it('reads „…“ and a colon introduction as a direct quote', () => {
    const text = 'The court’s president said: „No state party may ignore a warrant issued by the judges.“';
    const [s] = extractStatements(text, { lang: 'en' });
    expect(s).toMatchObject({ kind: 'direct', speaker: 'court’s president' });
  });

  it('closes a quote left open at the end of a paragraph (multi-paragraph quotes)', () => {
    const text =
      'The minister told parliament: “We will defend our interests by every lawful means.\n\n“Our partners know where we stand,” she said.';
    const statements = extractStatements(text, { lang: 'en' });
    expect(statements[0]?.text).toBe('We will defend our interests by every lawful means.');
    expect(statements[1]?.text).toBe('Our partners know where we stand');
  });
});

describe('transcripts and institutional statements', () => {
  it('gives each labelled turn, and the paragraphs continuing it, to the speaker, and skips the questions', () => {
    const text = [
      'Interview to a newspaper',
      'Question: How do you assess relations between our countries?',
      'Vladimir Putin: Relations are developing steadily. Trade grew by a fifth last year.',
      'Our governments meet regularly.',
      'Question: What about gas?',
      'Vladimir Putin: The pipeline route has been agreed.',
    ].join('\n\n');
    const statements = extractStatements(text, {
      lang: 'en',
      headlineEnd: 'Interview to a newspaper'.length,
    });
    expect(statements.map((s) => s.text)).toEqual([
      'Relations are developing steadily. Trade grew by a fifth last year.',
      'Our governments meet regularly.',
      'The pipeline route has been agreed.',
    ]);
    expect(new Set(statements.map((s) => s.speaker))).toEqual(new Set(['Vladimir Putin']));
  });

  it('reads an official page’s first-person sentences as the issuer’s own statements', () => {
    const text =
      'The visit took place on Monday. We call on the Mongolian side to execute the binding warrant. The delegation left on Tuesday.';
    const statements = extractStatements(text, {
      lang: 'en',
      issuer: 'Ministry of Foreign Affairs of Ukraine',
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      kind: 'direct',
      speaker: 'Ministry of Foreign Affairs of Ukraine',
    });
    expect(statements[0]?.text).toBe('We call on the Mongolian side to execute the binding warrant');
  });
});

describe('Mongolian and Russian', () => {
  it('reads «…» гэж NAME онцлов with the speaker between the quotative and the verb', () => {
    const text =
      '«Хоолой нь жилд 50 тэрбум шоо метр хүртэл хий тээвэрлэх хүчин чадалтай байна» гэж В.Путин онцлов.';
    const [s] = extractStatements(text, { lang: 'mn' });
    expect(s).toMatchObject({ kind: 'direct', speaker: 'В.Путин', cue: 'гэж онцлов', lang: 'mn' });
    expect(s?.text).toBe('Хоолой нь жилд 50 тэрбум шоо метр хүртэл хий тээвэрлэх хүчин чадалтай байна');
  });

  it('reads NAME «…» гэв with the speaker before the quotation', () => {
    const text = 'Ерөнхийлөгч Хүрэлсүх «Бид хоёр орны харилцааг цаашид хөгжүүлнэ» гэв.';
    const [s] = extractStatements(text, { lang: 'mn' });
    expect(s).toMatchObject({ speaker: 'Ерөнхийлөгч Хүрэлсүх', cue: 'гэв' });
  });

  it('reads «…», — заявил NAME and NAME заявил: «…»', () => {
    const after = extractStatements('«Никаких беспокойств нет», — заявил Дмитрий Песков журналистам.', {
      lang: 'ru',
    });
    expect(after[0]).toMatchObject({ kind: 'direct', speaker: 'Дмитрий Песков', cue: 'заявил' });
    const before = extractStatements(
      'Министр иностранных дел Сергей Лавров заявил: «Переговоры будут продолжены».',
      { lang: 'ru' },
    );
    expect(before[0]).toMatchObject({
      speaker: 'Министр иностранных дел Сергей Лавров',
      text: 'Переговоры будут продолжены',
    });
  });
});

describe('Russian attribution with a second, coordinated cue', () => {
  it('credits «…», — сказал X и добавил, что … to X both times', () => {
    const text =
      '«Мы договорились обо всём. Скоро они будут дома», — сказал министр Иван Петров и добавил, что не видит причин для новых встреч.';
    const statements = extractStatements(text, { lang: 'ru' });
    expect(statements.map((s) => [s.kind, s.speaker, s.text])).toEqual([
      ['direct', 'министр Иван Петров', 'Мы договорились обо всём. Скоро они будут дома'],
      ['indirect', 'министр Иван Петров', 'не видит причин для новых встреч'],
    ]);
  });
});

describe('Russian attribution of a quotation after another one’s tag', () => {
  it('does not credit a scare-quoted word to the words of the quotation before it', () => {
    const text =
      '«Крайне отрицательная», — ответил Иван Петров на вопрос о реакции на «выводы» комиссии. «Мы с ними не согласны, — подчеркнул он. — Мы их решительно и полностью отвергаем».';
    const statements = extractStatements(text, { lang: 'ru' });
    for (const s of statements) expect(s.resolvedSpeaker ?? s.speaker).toBe('Иван Петров');
    expect(statements.map((s) => s.text)).toContain('Мы их решительно и полностью отвергаем');
  });
});

describe('Reported speech on lines without a full stop', () => {
  it('keeps a headline line out of the next line’s speaker and content', () => {
    const text = [
      'Анна Смирнова прокомментировала отставку Ивана Петрова*',
      'Смирнова заявила, что комиссия проведёт проверку по поводу отставки Петрова*',
      'Официальный представитель Кремля также добавил, что пока никаких решений нет.',
    ].join('\n');
    const statements = extractStatements(text, { lang: 'ru' });
    expect(statements.map((s) => [s.speaker, s.text])).toEqual([
      ['Смирнова', 'комиссия проведёт проверку по поводу отставки Петрова*'],
      ['Официальный представитель Кремля', 'пока никаких решений нет'],
    ]);
  });
});

describe('Russian attribution with an aside after the cue', () => {
  it('reads «…», — сказал, улыбнувшись, ROLE without crashing and takes the role as speaker', () => {
    const text =
      'В среду прошла встреча.\n\n«Мы готовы к обмену», — сказал, улыбнувшись, представитель ведомства.';
    const [s] = extractStatements(text, { lang: 'ru' });
    expect(s).toMatchObject({
      kind: 'direct',
      text: 'Мы готовы к обмену',
      speaker: 'представитель ведомства',
    });
  });

  it('survives a cue followed only by a comma and no speaker', () => {
    for (const text of ['«Да», — сказал,', '«Да», — сказал, ,', '«Да», — заявил, — «нет».']) {
      const statements = extractStatements(text, { lang: 'ru' });
      for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

describe('hostile text', () => {
  it('survives unbalanced marks, a megabyte of quotation marks, invisible and bidi characters', () => {
    const inputs = [
      '“'.repeat(1_000_000),
      '“a” '.repeat(50_000),
      'He said “this never closes. And the paragraph goes on and on without an end',
      'The spokes\u200bman said\u202e that “the talks\u2066 will resume”, he added.',
      "»«»«„“”\"''‚‘’",
      '',
    ];
    for (const text of inputs) {
      for (const lang of ['en', 'ru', 'mn']) {
        const statements = extractStatements(text, { lang });
        for (const s of statements) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });
});

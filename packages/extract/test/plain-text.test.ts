import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromText, detectLanguage } from '../src/index';

const seed = readFileSync(
  new URL('../../../test/corpus/putin-mongolia-2024/seed.txt', import.meta.url),
  'utf8',
);

describe('articleFromText', () => {
  it('keeps the text unchanged so offsets are the file’s own', () => {
    const article = articleFromText(seed);
    expect(article.text).toBe(seed);
  });

  it('takes the first line as headline when a blank line follows it', () => {
    const article = articleFromText(seed);
    expect(article.title).toBe('Vladimir Putin Visits Kyzyl Republic Of Tuva');
    expect(article.headlineEnd).toBe('Vladimir Putin Visits Kyzyl Republic Of Tuva'.length);
    expect(article.blocks[0]).toEqual({ type: 'title', start: 0, end: article.headlineEnd });
  });

  it('has no headline when the first paragraph runs over several lines', () => {
    const text =
      'The ministry said on Friday that talks had stalled\nand would resume in October.\n\nA second paragraph follows.';
    const article = articleFromText(text);
    expect(article.title).toBe('');
    expect(article.headlineEnd).toBe(0);
  });

  it('gives paragraph blocks whose offsets slice the text', () => {
    const article = articleFromText(seed);
    const second = article.blocks[1];
    expect(second && seed.slice(second.start, second.end)).toMatch(
      /^Russian President Vladimir Putin is scheduled/,
    );
  });
});

describe('detectLanguage', () => {
  it('tells Mongolian, Russian, Ukrainian and English apart', () => {
    expect(
      detectLanguage(
        'Монгол Улсын Ерөнхийлөгч Ухнаагийн Хүрэлсүх ОХУ-ын Ерөнхийлөгчтэй албан ёсны хэлэлцээ хийв.',
      ),
    ).toBe('mn');
    expect(
      detectLanguage('Президент России прибыл в Монголию с официальным визитом в понедельник вечером.'),
    ).toBe('ru');
    expect(detectLanguage('Міністерство закордонних справ України закликає Монголію виконати ордер.')).toBe(
      'uk',
    );
    expect(detectLanguage('The ministry said the warrant was binding on all states parties.')).toBe('en');
    expect(detectLanguage('12345 — 678')).toBe('und');
  });

  it('tells the languages with rule files, dictionaries or translators apart (franc)', () => {
    const cases: Array<[string, string]> = [
      [
        'tr',
        'Bakan Mert Aydın, görüşmelerin gelecek ay devam edeceğini ve anlaşmanın yakında imzalanacağını söyledi.',
      ],
      [
        'bg',
        'Министърът заяви, че преговорите са били много трудни, но правителството ще продължи разговорите.',
      ],
      ['ru', 'Министр заявил, что переговоры были очень трудными, но правительство продолжит переговоры.'],
      [
        'it',
        'Il ministro ha detto che i negoziati sono stati molto difficili, ma il governo continuerà a trattare.',
      ],
      [
        'pt',
        'O ministro disse que as negociações foram muito difíceis, mas o governo vai continuar a negociar.',
      ],
      ['pl', 'Minister powiedział, że negocjacje były bardzo trudne, ale rząd będzie kontynuował rozmowy.'],
      [
        'es',
        'El ministro dijo que las negociaciones fueron muy difíciles, pero el gobierno seguirá negociando.',
      ],
      [
        'de',
        'Der Minister sagte, die Verhandlungen seien sehr schwierig gewesen, die Regierung werde aber weiterverhandeln.',
      ],
      ['el', 'Ο υπουργός δήλωσε ότι οι διαπραγματεύσεις ήταν πολύ δύσκολες, αλλά η κυβέρνηση θα συνεχίσει.'],
    ];
    for (const [lang, text] of cases) expect([lang, detectLanguage(text)]).toEqual([lang, lang]);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Article } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index';

const corpus = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024');
const page = (file: string) => readFileSync(resolve(corpus, file), 'utf8');

describe('extractArticle on recorded pages', () => {
  const bloomberg = extractArticle(page('bloomberg.html'));

  it('returns an Article that satisfies the core schema', () => {
    expect(Article.parse(bloomberg)).toEqual(bloomberg);
  });

  it('takes title, date and language from JSON-LD and meta tags', () => {
    expect(bloomberg.title).toBe('Putin Gets Assurances He Won’t Be Arrested on Mongolia Visit');
    expect(bloomberg.publishedAt).toBe('2024-08-30T16:30:00.000Z');
    expect(bloomberg.lang).toBe('en');
  });

  it('keeps the body paragraphs, starting the text with the headline', () => {
    expect(bloomberg.text.startsWith(`${bloomberg.title}\n\n`)).toBe(true);
    expect(bloomberg.headlineEnd).toBe(bloomberg.title.length);
    expect(bloomberg.text).toContain(
      '“We call on the Mongolian side to execute the binding international arrest warrant,” Ukraine’s Foreign Ministry said in a statement.',
    );
  });

  it('drops cookie banner, newsletter box, caption and footer', () => {
    expect(bloomberg.text).not.toContain('We use cookies');
    expect(bloomberg.text).not.toContain('By submitting my information');
    expect(bloomberg.text).not.toContain('Photographer:');
    expect(bloomberg.text).not.toContain('All Rights Reserved');
  });

  it('records blocks whose offsets cut the text into its paragraphs', () => {
    for (const block of bloomberg.blocks) {
      const slice = bloomberg.text.slice(block.start, block.end);
      expect(slice.trim()).toBe(slice);
      expect(slice.length).toBeGreaterThan(0);
    }
    expect(bloomberg.blocks[0]?.type).toBe('title');
  });

  it('reads a Mongolian page as Mongolian with its Cyrillic intact', () => {
    const unuudur = extractArticle(page('unuudur.html'));
    expect(unuudur.lang).toBe('mn');
    expect(unuudur.text).toContain(
      '«Хоолой нь жилд 50 тэрбум шоо метр хүртэл хий тээвэрлэх хүчин чадалтай байна» гэж В.Путин онцлов.',
    );
  });

  it('keeps transcript speaker labels that sit in <b> inside paragraphs', () => {
    const kremlin = extractArticle(page('kremlin.html'));
    expect(kremlin.text).toMatch(/\n\nVladimir Putin: /);
    expect(kremlin.text).toMatch(/\n\nQuestion: /);
  });
});

describe('extractArticle fallbacks', () => {
  it('survives broken JSON-LD and falls back to og: and article:published_time', () => {
    const html = `<!doctype html><html lang="en-GB"><head>
      <script type="application/ld+json">{ "headline": "broken, </script>
      <meta property="og:title" content="Court orders release of detained journalist">
      <meta property="article:published_time" content="2024-05-14T09:30:00+02:00">
      </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <div class="story"><p>The regional court in Lviv ordered on Tuesday the release of a journalist detained for eleven days, his lawyer said.</p>
      <p>“This is a victory for the rule of law,” the lawyer, Olena Kovalenko, told reporters outside the courthouse.</p></div>
      <footer>© 2024 Example Media</footer></body></html>`;
    const article = extractArticle(html);
    expect(article.title).toBe('Court orders release of detained journalist');
    expect(article.publishedAt).toBe('2024-05-14T07:30:00.000Z');
    expect(article.lang).toBe('en');
    expect(article.text).toContain('“This is a victory for the rule of law,”');
    expect(article.text).not.toContain('Home');
    expect(article.text).not.toContain('Example Media');
  });

  it('takes the date from the URL when the page gives none, and detects the language when undeclared', () => {
    const html = `<html><head><title>Переговоры в Улан-Баторе – Новости</title></head><body>
      <h1>Переговоры в Улан-Баторе</h1><div><p>Президент России прибыл в Улан-Батор вечером в понедельник, сообщила пресс-служба Кремля.</p>
      <p>«Мы открыты к сотрудничеству», — заявил Дмитрий Песков журналистам в пятницу утром.</p></div></body></html>`;
    const article = extractArticle(html, { url: 'https://example.ru/news/2024/09/02/talks/' });
    expect(article.title).toBe('Переговоры в Улан-Баторе');
    expect(article.publishedAt).toBe('2024-09-02T00:00:00.000Z');
    expect(article.lang).toBe('ru');
  });

  it('never lets markup or script text into the article text', () => {
    const html = `<html><body><article><p>Officials said the talks would resume next week in Geneva after a pause of two months.</p>
      <script>document.write('<p>injected</p>')</script><p>&lt;script&gt;alert(1)&lt;/script&gt; appeared in a reader comment quoted by the paper.</p></article></body></html>`;
    const article = extractArticle(html);
    expect(article.text).not.toContain('document.write');
    expect(article.text).toContain('<script>alert(1)</script> appeared');
  });
});

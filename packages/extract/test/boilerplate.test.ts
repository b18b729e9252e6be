import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Article } from '@parallax/core';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');

function blockTexts(article: Article, type: string): string[] {
  return article.blocks.filter((b) => b.type === type).map((b) => article.text.slice(b.start, b.end));
}

describe('a news page with all the furniture', () => {
  const article = extractArticle(fixture('news-with-furniture.html'), {
    url: 'https://steppetimes.example/world/2024/09/03/putin-mongolia-icc/',
  });

  it('keeps every body paragraph, in order, after the headline', () => {
    expect(
      article.text.startsWith(
        'Mongolia hosts Putin despite ICC warrant, drawing rebuke from Kyiv\n\nULAANBAATAR — ',
      ),
    ).toBe(true);
    const order = [
      'Mongolian officials did not act on the warrant.',
      'Ukraine’s Foreign Ministry called the visit',
      'Landlocked between Russia and China',
      'The talks focused on energy.',
      'Under the treaty that created the court',
      'A spokesman for the court said on Monday',
    ].map((s) => article.text.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps headings, block quotes and lists as structure', () => {
    expect(blockTexts(article, 'heading')).toEqual(['A delicate balance between two neighbours']);
    expect(blockTexts(article, 'quote')[0]).toMatch(
      /^“Mongolia has always pursued a peaceful foreign policy/,
    );
    expect(blockTexts(article, 'list')).toEqual([
      'The ICC issued the warrant in March 2023 over the deportation of Ukrainian children.',
      'Mongolia ratified the Rome Statute in 2002.',
      'Russia withdrew its signature from the statute in 2016.',
    ]);
  });

  it('keeps an embedded social post as a quote: it is what someone said', () => {
    const quotes = blockTexts(article, 'quote');
    expect(quotes[1]).toMatch(/^Mongolia allowed a fugitive from the ICC to escape justice, thereby sharing/);
    expect(quotes[2]).toBe('— Heorhii Tykhyi (@SpoxUkraineMFA) September 3, 2024');
  });

  it.each([
    ['cookie banner', 'We use cookies'],
    ['navigation', 'Politics'],
    ['breadcrumbs', 'Home'],
    ['share bar', 'Share on Facebook'],
    ['byline and date line', 'By Saraa Bold'],
    ['photo caption', 'An honour guard on Sukhbaatar Square'],
    ['ad label', 'Advertisement'],
    ['related links', 'What the ICC warrant means'],
    ['newsletter box', 'Get the Asia Briefing'],
    ['newsletter small print', 'By signing up'],
    ['tag list', 'Tags:'],
    ['comments', 'Small countries have to survive'],
    ['comment form', 'Leave a reply'],
    ['recommended stories', 'Naadam festival'],
    ['sidebar', 'Most read'],
    ['footer', 'All rights reserved'],
  ])('drops the %s', (_furniture, phrase) => {
    expect(article.text).not.toContain(phrase);
  });

  it('reads byline, both dates and the language from JSON-LD, meta and <html lang>', () => {
    expect(article.byline).toBe('Saraa Bold, James Whitfield');
    expect(article.publishedAt).toBe('2024-09-03T08:15:00.000Z');
    expect(article.modifiedAt).toBe('2024-09-03T14:40:00.000Z');
    expect(article.lang).toBe('en');
    expect(Article.parse(article)).toEqual(article);
  });

  it('cuts the text into blocks whose offsets are exact and separated by blank lines', () => {
    let previousEnd = 0;
    for (const [i, block] of article.blocks.entries()) {
      const slice = article.text.slice(block.start, block.end);
      expect(slice).toBe(slice.trim());
      expect(slice).not.toContain('\n');
      if (i > 0) expect(article.text.slice(previousEnd, block.start)).toBe('\n\n');
      previousEnd = block.end;
    }
    expect(previousEnd).toBe(article.text.length);
    expect(article.headlineEnd).toBe(article.title.length);
  });
});

describe('a Russian news page built of div blocks', () => {
  const article = extractArticle(fixture('russian-news.html'));

  it('keeps the article blocks with their Cyrillic and quotes intact', () => {
    expect(article.lang).toBe('ru');
    expect(article.title).toBe('Песков: Россия не беспокоится о визите Путина в Монголию из-за ордера МУС');
    expect(article.text).toContain(
      '«Никаких опасений нет, у нас прекрасный диалог с нашими друзьями из Монголии», — сказал он, отвечая на вопрос о возможном исполнении ордера Международного уголовного суда.',
    );
    expect(article.text).toContain('Монголия ратифицировала Римский статут в 2002 году.');
  });

  it.each([
    ['inline related link', 'Читайте также'],
    ['share bar', 'Поделиться'],
    ['subscription plug', 'Подписывайтесь'],
    ['photo credit', 'Михаил Климентьев'],
    ['comments', 'Правильно, Монголия'],
    ['news feed', 'Лента новостей'],
    ['cookie notice', 'файлы cookie'],
    ['menu', 'Происшествия'],
  ])('drops the %s', (_furniture, phrase) => {
    expect(article.text).not.toContain(phrase);
  });

  it('takes the dates with their offset from JSON-LD', () => {
    expect(article.publishedAt).toBe('2024-08-30T09:47:00.000Z');
    expect(article.modifiedAt).toBe('2024-08-30T10:05:00.000Z');
    expect(article.byline).toBe('Анна Смирнова');
  });
});

describe('a Mongolian news page without a declared language', () => {
  const article = extractArticle(fixture('mongolian-news.html'));

  it('detects Mongolian and keeps the body', () => {
    expect(article.lang).toBe('mn');
    expect(article.text).toContain(
      '«Монгол, Оросын иж бүрэн стратегийн түншлэлийн харилцааг цаашид гүнзгийрүүлэх нь хоёр орны ард түмний эрх ашигт нийцнэ» гэж Ерөнхийлөгч У.Хүрэлсүх онцлов.',
    );
    expect(article.text).toContain('Айлчлалын хүрээнд ОХУ-ын Ерөнхийлөгч');
  });

  it('reads the byline from meta and the date from <time datetime>', () => {
    expect(article.byline).toBe('Б.Сарангэрэл');
    expect(article.publishedAt).toBe('2024-09-03T06:20:00.000Z');
  });

  it.each([
    ['photo caption', 'Зураг: Ерөнхийлөгчийн Тамгын газар'],
    ['menu', 'Эдийн засаг'],
    ['view counter', 'Үзсэн'],
    ['related news list', 'ОУЭШ Монгол Улсыг'],
    ['most-read sidebar', 'Их уншсан'],
    ['comment box', 'Сэтгэгдэл үлдээх'],
    ['footer', 'Бүх эрх хуулиар хамгаалагдсан'],
  ])('drops the %s', (_furniture, phrase) => {
    expect(article.text).not.toContain(phrase);
  });
});

describe('profile hints', () => {
  const html = fixture('russian-news.html');

  it('takes the body from the hinted element and drops what the profile removes', () => {
    const article = extractArticle(html, {
      hints: {
        body: ['.no-such-body', '[itemprop="articleBody"]'],
        remove: ['.article__block[data-type="quote"]'],
        title: 'h1.article__title',
      },
    });
    expect(article.text).not.toContain('Никаких опасений нет');
    expect(article.text).toContain('Песков добавил, что все аспекты визита были тщательно подготовлены.');
    expect(article.text).not.toContain('Читайте также');
  });

  it('falls back to the generic path when no hinted selector matches or one is outside the supported subset', () => {
    const generic = extractArticle(html);
    const hinted = extractArticle(html, {
      hints: { body: ['div:has(> p)', '#missing'], remove: ['::before'] },
    });
    expect(hinted.text).toBe(generic.text);
  });
});

describe('hostile and broken input', () => {
  it('survives nesting far deeper than any real page without losing the text', () => {
    const depth = 20_000;
    const html = `${'<div>'.repeat(depth)}<p>Officials confirmed on Friday that the border crossing at Altanbulag would reopen next week.</p>${'</div>'.repeat(depth)}`;
    expect(extractArticle(html).text).toContain('the border crossing at Altanbulag would reopen next week.');
  });

  it('returns an empty article for empty or non-HTML input instead of throwing', () => {
    expect(extractArticle('')).toMatchObject({ title: '', text: '', blocks: [], headlineEnd: 0 });
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    expect(() => Article.parse(extractArticle(binary))).not.toThrow();
  });

  it('ignores JSON-LD that is not an object and dates that are not dates', () => {
    const html = `<html><head><script type="application/ld+json">[1, "two", null]</script>
      <meta property="article:published_time" content="yesterday"></head>
      <body><article><p>The council voted on Thursday to extend the evening curfew in the district by another month.</p></article></body></html>`;
    const article = extractArticle(html);
    expect(article.publishedAt).toBeNull();
    expect(article.text).toContain('extend the evening curfew');
  });
});

describe('a body split into one card per paragraph', () => {
  const article = extractArticle(fixture('paragraph-cards.html'));

  it('joins every card of the body rather than picking the longest one', () => {
    const paragraphs = blockTexts(article, 'paragraph');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^ULAANBAATAR \(Channel 9\) - City authorities extended/);
    expect(paragraphs[3]).toMatch(/many families still burn raw coal\.$/);
  });

  it('leaves out the byline, copyright line, related stories and sidebar', () => {
    for (const phrase of ['Nomin Gantulga', 'Copyright 2024', 'Raw coal ban', 'Ice festival', 'Watch live'])
      expect(article.text).not.toContain(phrase);
  });
});

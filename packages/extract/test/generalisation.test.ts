import { describe, expect, it } from 'vitest';
import { parsePage } from '../src/dom';
import { extractArticle } from '../src/index';

/**
 * Behaviours found on pages the extractor was not tuned on (bench:extract-readability). Every
 * fixture is written here in the manner of the page that showed the failure; none is copied.
 */

const body = (article: { text: string; headlineEnd: number }) =>
  article.text.slice(article.headlineEnd).trim();

const paragraphs = (n: number, topic: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} about ${topic}: the council met on the budget, heard from residents, and agreed to report back, in writing, before the next session of the year.</p>`,
  ).join('\n');

describe('microdata <meta> tags inside the body', () => {
  it('leave the element tree as written (a void <meta> closes nothing)', () => {
    const page = parsePage(
      '<html><head><meta name="a" content="b"></head><body><div id="outer"><div id="inner"><meta itemprop="x" content="y"><p>one</p></div><p>two</p></div></body></html>',
    );
    const html = page.root.children.find((c) => typeof c !== 'string' && c.tag === 'html');
    expect(
      html && typeof html !== 'string' && html.children.map((c) => (typeof c === 'string' ? c : c.tag)),
    ).toEqual(['head', 'body']);
  });

  it('do not cut the article off its container', () => {
    const html = `<html><head><title>Council budget</title><meta name="description" content="x"></head><body>
      <div class="page"><div class="hero"><h1>Council budget</h1><p>A standfirst that sums the story up in one line.</p></div>
      <div class="story" itemscope itemtype="https://schema.org/NewsArticle">
        <meta itemprop="datePublished" content="2024-09-03"><meta itemprop="author" content="A. Writer">
        <meta itemprop="publisher" content="The Paper"><meta itemprop="image" content="x.jpg">
        ${paragraphs(6, 'the budget')}
      </div></div></body></html>`;
    const text = body(extractArticle(html));
    for (let i = 1; i <= 6; i++) expect(text).toContain(`Paragraph ${i} about the budget`);
  });
});

describe('section ids that are anchors of their heading', () => {
  const html = `<html><head><title>Notebook guide</title></head><body><div class="document">
    <h1>Notebook guide</h1>
    <div class="section" id="writing-your-first-note"><h2>Writing your first note</h2>${paragraphs(3, 'first notes')}</div>
    <div class="section" id="sharing-notes-between-machines"><h2>Sharing notes between machines</h2>${paragraphs(4, 'sync')}</div>
    <div class="section" id="related-commands"><h2>Related commands</h2>${paragraphs(2, 'commands')}</div>
    <div id="share-buttons"><a href="/s/a">Post it</a> <a href="/s/b">Mail it</a></div>
  </div></body></html>`;
  const text = body(extractArticle(html));

  it('do not make a section furniture because its title has a furniture word', () => {
    expect(text).toContain('Paragraph 4 about sync');
    expect(text).toContain('Paragraph 2 about commands');
  });

  it('while an id that only names a role still does', () => {
    expect(text).not.toContain('Post it');
  });
});

describe('a body split into boxes that do not score alike', () => {
  const para = (i: number, topic: string) =>
    `<p>${topic} ${i}: the harbour board met on Tuesday, heard from the fishing crews, and agreed to publish its findings, in full, before the winter season starts.</p>`;
  const many = (n: number, topic: string) => Array.from({ length: n }, (_, i) => para(i + 1, topic)).join('');
  const page = (
    aside: string,
  ) => `<html><head><title>Harbour dredging approved</title></head><body><div class="site">
    <nav><a href="/">Home</a> <a href="/local">Local</a></nav>
    <div class="columns"><article class="story"><h1>Harbour dredging approved</h1>
      <div class="story-part-wrap"><div class="story-part story-part-1">${many(2, 'Opening')}</div></div>
      <div class="inline-box"><div class="ad-slot">Advertisement</div></div>
      <div class="story-part-wrap"><div class="story-part story-part-2">${many(7, 'Main')}</div>
        <div class="story-tools"><a href="/print">Print</a></div></div>
    </article>${aside}</div>
    <footer>About us</footer></div></body></html>`;

  it('is read whole when the wider container adds prose and little else', () => {
    const text = body(extractArticle(page('')));
    expect(text).toContain('Opening 1: the harbour board');
    expect(text).toContain('Main 7: the harbour board');
    expect(text).not.toContain('Advertisement');
  });

  it('but not into a neighbouring box of links with another story in it', () => {
    const links = Array.from(
      { length: 5 },
      (_, i) => `<a href="/news/${i}">Headline number ${i} of the day in brief</a>`,
    ).join(' ');
    const feed = `<div class="live"><h2>Latest</h2>${links}<div class="item"><h3>Ferry timetable changes</h3>${many(2, 'Ferry')}</div></div>`;
    const text = body(extractArticle(page(feed)));
    expect(text).toContain('Opening 1: the harbour board');
    expect(text).not.toContain('Ferry 1');
  });

  it('nor into a list of teasers, whose summaries are long but are not the article', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><h3><a href="/s/${i}">Another story ${i}</a></h3><p>A summary of another story ${i}, long enough to pass for a paragraph of prose, with a clause or two, and a full stop.</p></li>`,
    ).join('');
    const text = body(extractArticle(page(`<div class="more"><ul>${teasers}</ul></div>`)));
    expect(text).toContain('Main 7: the harbour board');
    expect(text).not.toContain('A summary of another story');
  });
});

describe('a page saved with a dialog open', () => {
  const teasers = Array.from(
    { length: 12 },
    (_, i) =>
      `<li><a href="/n/${i}">Teaser ${i}</a><p>A line or two about teaser ${i}, which the page behind the dialog lists with all the others, each with a picture.</p></li>`,
  ).join('');
  const html = `<html><head><title>Rocket lost after launch</title></head><body>
    <div id="app-root" aria-hidden="true"><div class="stream"><ul>${teasers}</ul></div></div>
    <div id="overlay" class="view-modal"><div class="viewer"><article><h1>Rocket lost after launch</h1>
      ${paragraphs(5, 'the launch')}
    </article></div></div></body></html>`;

  it('still yields the article shown in the dialog when the precise pass finds next to nothing', () => {
    const text = body(extractArticle(html));
    expect(text).toContain('Paragraph 1 about the launch');
    expect(text).toContain('Paragraph 5 about the launch');
  });

  it('while an ARIA-hidden box beside a readable article stays out', () => {
    const page = `<html><head><title>Budget</title></head><body><article><h1>Budget</h1>${paragraphs(4, 'the budget')}
      <div aria-hidden="true"><p>Text for sighted readers only, repeated from above for the layout.</p></div></article></body></html>`;
    expect(body(extractArticle(page))).not.toContain('sighted readers');
  });
});

describe('author boxes', () => {
  it('are furniture like bylines: the name line and the biography under the article', () => {
    const html = `<html><head><title>Ferry fares rise</title></head><body><article class="entry">
      <h1>Ferry fares rise</h1>
      <div class="entry-author"><span class="name">Dana Field</span> 3 March 2024, 09:40</div>
      ${paragraphs(5, 'fares')}
      <div class="writer-bio"><p>Dana Field reports on transport and the islands for the paper, and before that covered the courts.</p></div>
    </article></body></html>`;
    const text = body(extractArticle(html));
    expect(text).toContain('Paragraph 5 about fares');
    expect(text).not.toContain('Dana Field');
  });
});

describe('boxes of scraps inside the body', () => {
  const page = (inner: string) =>
    `<html><head><title>Debt costs</title></head><body><article><h1>Debt costs</h1>${paragraphs(2, 'debt')}${inner}${paragraphs(2, 'interest')}</article></body></html>`;

  it("drop a chart's labels, laid out as one short paragraph each", () => {
    const labels = ['$900', 'billion', '600', '300', '$263', "'18", "'20", "'22", "'24", "'26", 'Projected'];
    const chart = `<div class="graphic"><div class="artboard">${labels.map((l) => `<div class="label"><p>${l}</p></div>`).join('')}</div></div>`;
    const text = body(extractArticle(page(chart)));
    expect(text).toContain('Paragraph 2 about interest');
    expect(text).not.toContain('Projected');
  });

  it("drop a media player's settings menus", () => {
    const menu = ['Quality', 'Auto', 'High', 'Low', 'Subtitles', 'Off', 'Size', 'Aa', 'Aa', 'Aa', 'Back'];
    const player = `<div class="player"><div class="controls">${menu.map((m) => `<div>${m}</div>`).join('')}</div></div>`;
    expect(body(extractArticle(page(player)))).not.toContain('Subtitles');
  });

  it('keep a table of figures and a list of short items', () => {
    const rows = Array.from(
      { length: 6 },
      (_, i) => `<tr><td><p>Year ${2020 + i}</p></td><td><p>${i + 1}.5 bn</p></td></tr>`,
    );
    const items = [
      'Flour',
      'Salt',
      'Yeast',
      'Water',
      'Oil',
      'Sugar',
      'Seeds',
      'Milk',
      'Eggs',
      'Butter',
      'Honey',
    ];
    const inner = `<div class="figures"><table>${rows.join('')}</table></div><div class="needs"><ul>${items.map((i) => `<li><p>${i}</p></li>`).join('')}</ul></div>`;
    const text = body(extractArticle(page(inner)));
    expect(text).toContain('Year 2025');
    expect(text).toContain('Honey');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ArticleUrlSet,
  BLOOMBERG,
  type DiscoveryResult,
  discoverArticles,
  genericProfile,
  ICC,
  KREMLIN_EN,
  KREMLIN_RU,
  MONGOLIA_PRESIDENT,
  type SourceProfile,
  UKRAINE_MFA,
  UNUUDUR,
  US_EMBASSY_MONGOLIA,
} from '../src/index';
import { RecordedWeb } from './recorded-web';

const web = new RecordedWeb();

beforeAll(async () => {
  await web.start();
});

afterAll(async () => {
  await web.stop();
});

beforeEach(() => {
  web.requested.length = 0;
});

/** The week of Putin's visit to Mongolia (29 Aug – 5 Sep 2024), the window of these recordings. */
const SINCE = new Date('2024-08-29T00:00:00Z');
const UNTIL = new Date('2024-09-05T00:00:00Z');

function discover(profile: SourceProfile, extra: { seen?: ArticleUrlSet; keepUndated?: boolean } = {}) {
  return discoverArticles(profile, {
    fetchDocument: web.fetchDocument,
    since: SINCE,
    until: UNTIL,
    ...extra,
  });
}

const urls = (result: DiscoveryResult) => result.articles.map((a) => a.url);

describe('Bloomberg: politics RSS + news sitemap', () => {
  it('finds the articles of the week, tracking parameters and fragments stripped, deduplicated, newest first', async () => {
    const result = await discover(BLOOMBERG);
    expect(urls(result)).toEqual([
      'https://www.bloomberg.com/news/articles/2024-09-03/putin-visits-mongolia-in-defiance-of-icc-arrest-warrant',
      'https://www.bloomberg.com/news/articles/2024-09-03/mongolia-s-fuel-dependence-on-russia-looms-over-putin-visit',
      'https://www.bloomberg.com/news/features/2024-09-02/inside-the-race-to-build-the-power-of-siberia-2-pipeline',
      'https://www.bloomberg.com/news/articles/2024-09-02/harris-trump-campaigns-brace-for-labor-day-sprint',
      'https://www.bloomberg.com/news/articles/2024-08-30/putin-gets-assurances-he-won-t-be-arrested-on-mongolia-visit',
      'https://www.bloomberg.com/news/articles/2024-08-30/ukraine-urges-mongolia-to-arrest-putin-before-visit',
    ]);
  });

  it('keeps titles and dates from the feed and from <news:news>', async () => {
    const result = await discover(BLOOMBERG);
    const visit = result.articles[0];
    expect(visit?.title).toBe('Putin Visits Mongolia in Defiance of ICC Arrest Warrant');
    expect(visit?.publishedAt).toBe('2024-09-03T09:41:12.000Z');
    expect(visit?.foundAt).toBe('https://feeds.bloomberg.com/politics/news.rss');
    const fuel = result.articles.find((a) => a.url.includes('fuel-dependence'));
    expect(fuel?.title).toBe('Mongolia’s Fuel Dependence on Russia Looms Over Putin Visit');
    expect(fuel?.foundAt).toBe('https://www.bloomberg.com/sitemaps/news/latest.xml');
  });

  it('leaves out videos and newsletters (not article URLs) and items outside the window', async () => {
    const found = urls(await discover(BLOOMBERG)).join('\n');
    expect(found).not.toContain('/news/videos/');
    expect(found).not.toContain('/news/newsletters/');
    expect(found).not.toContain('china-s-xi-hosts-african-leaders'); // 26 August
  });

  it('reports the markets feed that is gone (404) as a failure and still returns the rest', async () => {
    const result = await discover(BLOOMBERG);
    expect(result.failures).toEqual([
      expect.objectContaining({
        endpoint: 'https://feeds.bloomberg.com/markets/news.rss',
        code: 'PARALLAX_FETCH_STATUS',
      }),
    ]);
    expect(result.articles.length).toBeGreaterThan(0);
  });
});

describe('Unuudur: Mongolian RSS + section listing', () => {
  it('finds the Mongolian articles with their Cyrillic titles intact, the ad and the old item left out', async () => {
    const result = await discover(UNUUDUR);
    expect(urls(result)).toEqual([
      'https://unuudur.mn/a/mongol-oros-15-barimt-bichig',
      'https://unuudur.mn/a/putin-unuudur-interview-2024',
      'https://unuudur.mn/a/khalkh-gol-85-jiliin-oi',
      'https://unuudur.mn/a/ue-khurelsukh-oros-ulsyn-elchin-said',
    ]);
    expect(result.articles[1]?.title).toBe('ОХУ-ын Ерөнхийлөгч В.Путин манай сонинд ярилцлага өглөө');
    expect(result.articles[1]?.publishedAt).toBe('2024-09-02T07:00:00.000Z');
    expect(result.failures).toEqual([]);
  });

  it('takes the listing page date from the <time> next to the link', async () => {
    const result = await discover({
      ...UNUUDUR,
      discovery: UNUUDUR.discovery.filter((e) => e.type === 'listing'),
    });
    const visit = result.articles.find((a) => a.url.endsWith('/ue-khurelsukh-oros-ulsyn-elchin-said'));
    expect(visit?.publishedAt).toBe('2024-08-29T06:05:00.000Z');
    expect(visit?.foundAt).toBe('https://unuudur.mn/category/uls-tur');
    // The "most read" box and the pagination link are outside the selector.
    expect(urls(result)).not.toContain('https://unuudur.mn/category/uls-tur?page=2');
  });
});

describe('Kremlin: English news and transcripts feeds, Russian transcripts feed', () => {
  it('merges the two English feeds without duplicates and leaves out photo galleries', async () => {
    const result = await discover(KREMLIN_EN);
    expect(urls(result)).toEqual([
      'http://en.kremlin.ru/events/president/transcripts/74995',
      'http://en.kremlin.ru/events/president/news/74993',
      'http://en.kremlin.ru/events/president/news/74990',
      'http://en.kremlin.ru/events/president/transcripts/74988',
      'http://en.kremlin.ru/events/president/transcripts/74986',
      'http://en.kremlin.ru/events/president/transcripts/74984',
    ]);
    expect(result.articles.find((a) => a.url.endsWith('/74988'))?.title).toBe(
      'Interview to Mongolian newspaper Unuudur',
    );
  });

  it('reads the Russian transcripts feed with Moscow-time dates converted to UTC', async () => {
    const result = await discover(KREMLIN_RU);
    expect(result.articles.map((a) => [a.url, a.publishedAt])).toEqual([
      ['http://kremlin.ru/events/president/transcripts/74995', '2024-09-03T09:40:00.000Z'],
      ['http://kremlin.ru/events/president/transcripts/74988', '2024-09-02T08:00:00.000Z'],
      ['http://kremlin.ru/events/president/transcripts/74986', '2024-09-02T06:30:00.000Z'],
    ]);
    expect(result.articles[1]?.title).toBe('Интервью монгольской газете «Өнөөдөр»');
  });
});

describe('Ukraine MFA: news listing + sitemap index', () => {
  it('follows only the child sitemaps modified inside the window', async () => {
    await discover(UKRAINE_MFA);
    const sitemaps = web.requested.filter((p) => p.includes('sitemap'));
    expect(sitemaps).toEqual([
      'mfa.gov.ua/sitemap.xml',
      'mfa.gov.ua/sitemap/news-en-2024-09.xml',
      'mfa.gov.ua/sitemap/news-en-2024-08.xml',
    ]);
  });

  it('finds the statements on Putin’s visit from the listing and the sitemaps, the Cabinet link left out', async () => {
    const result = await discover(UKRAINE_MFA);
    expect(urls(result)).toEqual([
      'https://mfa.gov.ua/en/news/statement-ministry-foreign-affairs-ukraine-regarding-mongolias-failure-execute-icc-arrest-warrant',
      'https://mfa.gov.ua/en/news/andrii-sybiha-holds-phone-call-eu-high-representative',
      'https://mfa.gov.ua/en/news/ukraine-and-poland-discuss-border-crossing-points',
      'https://mfa.gov.ua/en/news/statement-ministry-foreign-affairs-ukraine-regarding-putins-visit-mongolia',
    ]);
    expect(result.articles[3]?.title).toBe(
      'Statement of the Ministry of Foreign Affairs of Ukraine regarding Putin’s visit to Mongolia',
    );
  });
});

describe('ICC: press-release listing + sitemap', () => {
  it('finds the spokesperson statement of 30 August and nothing outside the window or off /news/', async () => {
    const result = await discover(ICC);
    expect(urls(result)).toEqual([
      'https://www.icc-cpi.int/news/icc-spokesperson-obligations-states-parties-cooperate',
    ]);
    expect(result.articles[0]?.title).toBe(
      'ICC Spokesperson on the obligations of States Parties to cooperate',
    );
  });

  it('with a wider window also finds the October ruling from the sitemap', async () => {
    const result = await discoverArticles(ICC, {
      fetchDocument: web.fetchDocument,
      since: SINCE,
      until: new Date('2024-11-01T00:00:00Z'),
    });
    expect(urls(result)[0]).toBe(
      'https://www.icc-cpi.int/news/pre-trial-chamber-ii-finds-mongolia-failed-comply-its-obligations',
    );
  });
});

describe('US Embassy in Mongolia: WordPress feed + post sitemap', () => {
  it('finds the English and Mongolian statements, not the category page or the July alert', async () => {
    const result = await discover(US_EMBASSY_MONGOLIA);
    expect(urls(result)).toEqual([
      'https://mn.usembassy.gov/mn/statement-on-russian-president-putins-visit-to-mongolia-mn/',
      'https://mn.usembassy.gov/statement-on-russian-president-putins-visit-to-mongolia/',
    ]);
    // The feed's title has an HTML entity; it comes out as the character.
    expect(result.articles[1]?.title).toBe('Statement on Russian President Putin’s Visit to Mongolia');
  });
});

describe('President of Mongolia: WordPress feed + news listing', () => {
  it('finds the talks in Mongolian and English, not the decree under /documents/', async () => {
    const result = await discover(MONGOLIA_PRESIDENT);
    expect(urls(result)).toEqual([
      'https://president.mn/2024/09/03/khalkh-gol-85-khuleen-avalt/',
      'https://president.mn/en/2024/09/03/official-talks-mongolia-russia/',
      'https://president.mn/2024/09/03/mongol-oros-alban-yosny-khelelcee/',
      'https://president.mn/2024/08/30/erunkhiilugch-khuul-tsaazyn-baiguullaga/',
    ]);
  });
});

describe('generic profile: an Atom feed', () => {
  const blog = genericProfile({
    id: 'steppe-observer',
    homepage: 'https://steppe-observer.example/',
    discovery: [{ type: 'feed', url: 'https://steppe-observer.example/feed.atom' }],
  });

  it('resolves relative links, uses the alternate link, skips mailto: and off-window entries', async () => {
    const result = await discover(blog);
    expect(result.articles.map((a) => [a.url, a.publishedAt])).toEqual([
      ['https://steppe-observer.example/2024/09/04/putin-ulaanbaatar-icc/', '2024-09-04T05:30:00.000Z'],
      [
        'https://steppe-observer.example/2024/09/01/coal-rail-power-of-siberia-2/',
        '2024-09-01T10:00:00.000Z',
      ],
    ]);
  });

  it('also reads the sitemaps robots.txt lists, without reading the feed twice', async () => {
    const robotsSitemaps = async (origin: string) => {
      const { text } = await web.fetchDocument(`${origin}/robots.txt`);
      return [...text.matchAll(/^sitemap:\s*(\S+)/gim)].map((m) => m[1] ?? '');
    };
    const result = await discoverArticles(blog, {
      fetchDocument: web.fetchDocument,
      since: SINCE,
      until: UNTIL,
      robotsSitemaps,
    });
    expect(urls(result)).toEqual([
      'https://steppe-observer.example/2024/09/04/putin-ulaanbaatar-icc/',
      'https://steppe-observer.example/2024/09/02/interview-unuudur-editor/',
      'https://steppe-observer.example/2024/09/01/coal-rail-power-of-siberia-2/',
    ]);
    expect(web.requested.filter((p) => p.endsWith('feed.atom'))).toHaveLength(1);
  });

  it('by default reads /feed and /sitemap.xml on the homepage', () => {
    expect(genericProfile({ id: 'x', homepage: 'https://news.example.mn/' }).discovery).toEqual([
      { type: 'feed', url: 'https://news.example.mn/feed' },
      { type: 'sitemap', url: 'https://news.example.mn/sitemap.xml' },
    ]);
  });
});

describe('across runs', () => {
  it('skips URLs a shared ArticleUrlSet has seen, so a second run finds nothing new', async () => {
    const seen = new ArticleUrlSet();
    const first = await discover(KREMLIN_EN, { seen });
    expect(first.articles.length).toBeGreaterThan(0);
    const second = await discover(KREMLIN_EN, { seen });
    expect(second.articles).toEqual([]);
  });
});

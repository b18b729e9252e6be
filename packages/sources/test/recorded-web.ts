import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { InProcessHostLimiter, PoliteFetcher } from '@parallax/fetch';
import { type FetchDocument, politeDocumentFetcher } from '../src/index';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** The real URL each recorded fixture was served at. */
const RECORDED: Record<string, string> = {
  'https://feeds.bloomberg.com/politics/news.rss': 'bloomberg-politics.rss',
  'https://www.bloomberg.com/sitemaps/news/latest.xml': 'bloomberg-sitemap-news.xml',
  'https://unuudur.mn/rss': 'unuudur.rss',
  'https://unuudur.mn/category/uls-tur': 'unuudur-uls-tur.html',
  'http://en.kremlin.ru/events/president/news/feed': 'kremlin-en-news.rss',
  'http://en.kremlin.ru/events/president/transcripts/feed': 'kremlin-en-transcripts.rss',
  'http://kremlin.ru/events/president/transcripts/feed': 'kremlin-ru-transcripts.rss',
  'https://mfa.gov.ua/en/news': 'mfa-ua-news.html',
  'https://mfa.gov.ua/sitemap.xml': 'mfa-ua-sitemap.xml',
  'https://mfa.gov.ua/sitemap/news-en-2024-09.xml': 'mfa-ua-sitemap-news-en-2024-09.xml',
  'https://mfa.gov.ua/sitemap/news-en-2024-08.xml': 'mfa-ua-sitemap-news-en-2024-08.xml',
  'https://www.icc-cpi.int/news': 'icc-news.html',
  'https://www.icc-cpi.int/sitemap.xml': 'icc-sitemap.xml',
  'https://mn.usembassy.gov/feed/': 'usembassy-mn-feed.xml',
  'https://mn.usembassy.gov/post-sitemap.xml': 'usembassy-mn-post-sitemap.xml',
  'https://president.mn/feed/': 'president-mn-feed.xml',
  'https://president.mn/category/medee/': 'president-mn-medee.html',
  'https://steppe-observer.example/feed.atom': 'generic-blog-atom.xml',
  'https://steppe-observer.example/robots.txt': 'generic-blog-robots.txt',
  'https://steppe-observer.example/sitemap-posts-2024-09.xml': 'generic-blog-sitemap-2024-09.xml',
};

function contentType(file: string): string {
  if (file.endsWith('.txt')) return 'text/plain; charset=utf-8';
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.rss') || file.includes('feed')) return 'application/rss+xml; charset=utf-8';
  return 'application/xml; charset=utf-8';
}

/**
 * The recorded pages served over real loopback HTTP. A real URL is requested as
 * http://127.0.0.1:PORT/<host><path>, as if DNS pointed every recorded site here; URLs with no
 * recording answer 404, like a page that is gone.
 */
export class RecordedWeb {
  #server: Server | undefined;
  origin = '';
  /** Host and path of every recorded URL requested, in order. */
  readonly requested: string[] = [];
  #fetcher: PoliteFetcher | undefined;

  async start(): Promise<void> {
    const byPath = new Map(
      Object.entries(RECORDED).map(([url, file]) => {
        const u = new URL(url);
        return [`/${u.host}${u.pathname}${u.search}`, file];
      }),
    );
    this.#server = createServer(async (req, res) => {
      const path = req.url ?? '/';
      const file = byPath.get(path);
      if (path === '/robots.txt') {
        // The loopback server's own robots.txt (asked by the polite fetcher): none, so all allowed.
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      this.requested.push(path.slice(1));
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
        return;
      }
      const body = await readFile(resolve(FIXTURES, file));
      res.writeHead(200, { 'content-type': contentType(file), 'content-length': String(body.length) });
      res.end(body);
    });
    await new Promise<void>((ok) => this.#server?.listen(0, '127.0.0.1', ok));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    this.#fetcher = new PoliteFetcher({
      agent: 'ParallaxBot/0.1',
      contactUrl: 'https://parallax.example.org/bot',
      request: { allowPrivateAddresses: true, timeoutMs: 5000 },
      limiter: new InProcessHostLimiter({ minDelayMs: 0, maxConcurrency: 4 }),
      retry: { maxAttempts: 1 },
    });
  }

  /** Discovery's document fetcher: the polite fetcher against the recording, answering with the real URL. */
  fetchDocument: FetchDocument = async (url) => {
    const real = new URL(url);
    const fetcher = this.#fetcher;
    if (!fetcher) throw new Error('RecordedWeb not started');
    const page = await politeDocumentFetcher(fetcher)(
      `${this.origin}/${real.host}${real.pathname}${real.search}`,
    );
    return { text: page.text, finalUrl: url };
  };

  async stop(): Promise<void> {
    await this.#fetcher?.close();
    await new Promise<void>((ok) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => ok());
    });
  }
}

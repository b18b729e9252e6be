import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/** Recorded discovery documents (feeds, sitemaps, listings) of the fleet tests. */
const FIXTURES = resolve(import.meta.dirname, '../fleet/fixtures');
/** The recorded article pages. */
const CORPUS_DIR = resolve(import.meta.dirname, '../corpus/putin-mongolia-2024');

export interface RecordedPage {
  /** A file under FIXTURES or CORPUS_DIR (absolute). Text files have {{origin}} replaced by the site's. */
  file: string;
  contentType: string;
}

/**
 * One recorded site on a real loopback HTTP server: its feed, sitemap or listing page and its article
 * pages at their own paths, so the absolute links in a recorded feed point back here once {{origin}} is
 * filled in. robots.txt is served when given, else 404 (no rules), as on most news sites' mirrors.
 */
export class RecordedSite {
  origin = '';
  /** Every path requested, robots.txt included, in order. */
  readonly requested: string[] = [];
  #server: Server | undefined;

  constructor(
    private readonly pages: Record<string, RecordedPage>,
    private readonly robots?: string,
  ) {}

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const path = req.url ?? '/';
      this.requested.push(path);
      if (path === '/robots.txt' && this.robots !== undefined) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(this.robots);
        return;
      }
      const page = this.pages[path];
      if (!page) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Not Found</h1>');
        return;
      }
      const body = Buffer.from(
        (await readFile(page.file, 'utf8')).replaceAll('{{origin}}', this.origin),
        'utf8',
      );
      res.writeHead(200, { 'content-type': page.contentType, 'content-length': String(body.length) });
      res.end(body);
    });
    await new Promise<void>((ok) => this.#server?.listen(0, '127.0.0.1', ok));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Times `path` was requested. */
  hits(path: string): number {
    return this.requested.filter((p) => p === path).length;
  }

  async close(): Promise<void> {
    await new Promise<void>((ok) => {
      this.#server?.closeAllConnections();
      this.#server?.close(() => ok());
    });
  }
}

const HTML = 'text/html; charset=utf-8';

/** The Kremlin's English transcripts feed and the transcript it announces in the window. */
export function kremlinSite(robots?: string): RecordedSite {
  return new RecordedSite(
    {
      '/events/president/transcripts/feed': {
        file: resolve(FIXTURES, 'kremlin-transcripts.rss'),
        contentType: 'application/rss+xml; charset=utf-8',
      },
      '/events/president/transcripts/74988': { file: resolve(CORPUS_DIR, 'kremlin.html'), contentType: HTML },
    },
    robots,
  );
}

/** The ICC's press-release listing and news sitemap, and the press release in the window. */
export function iccSite(robots?: string): RecordedSite {
  return new RecordedSite(
    {
      '/news': { file: resolve(FIXTURES, 'icc-news.html'), contentType: HTML },
      '/sitemap-news.xml': {
        file: resolve(FIXTURES, 'icc-sitemap-news.xml'),
        contentType: 'application/xml; charset=utf-8',
      },
      '/news/icc-spokesperson-obligations-states-parties-cooperate': {
        file: resolve(CORPUS_DIR, 'icc.html'),
        contentType: HTML,
      },
    },
    robots,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A sources config (YAML, as an operator writes it) for the Kremlin and ICC sites on loopback: the
 * named profiles with their endpoints, homepage and article patterns pointed at the recorded sites.
 * No request spacing (the sites are local); loopback allowed, which only tests need.
 */
export function sourcesYaml(kremlin: RecordedSite, icc: RecordedSite, extra = ''): string {
  return `version: 1
agent:
  name: ParallaxBot/0.1
  contact: https://github.com/parallax-news/parallax#crawler
limits:
  minDelayMs: 0
  maxAttempts: 1
  timeoutMs: 10000
defaults:
  schedule: "*/30 * * * *"
sources:
  - id: kremlin-en
    homepage: ${kremlin.origin}/
    schedule: "*/15 * * * *"
    windowHours: 48
    allowPrivateAddresses: true
    discovery:
      - type: feed
        url: ${kremlin.origin}/events/president/transcripts/feed
    articlePatterns:
      - '^${escapeRegExp(kremlin.origin)}/events/president/(news|transcripts)/\\d+$'
  - id: icc
    homepage: ${icc.origin}/
    schedule: "0 */2 * * *"
    windowHours: 100
    allowPrivateAddresses: true
    discovery:
      - type: listing
        url: ${icc.origin}/news
        linkSelector: ".views-row .field--name-title a"
      - type: sitemap
        url: ${icc.origin}/sitemap-news.xml
      - type: feed
        url: ${icc.origin}/rss
    articlePatterns:
      - '^${escapeRegExp(icc.origin)}/news/[a-z0-9-]+$'
${extra}`;
}

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { FetchError, Snapshot } from '@parallax/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InProcessHostLimiter, PoliteFetcher, type PoliteFetcherOptions } from '../src/index';
import { NEWS_ARTICLE } from './fixtures';
import { fetchErrorOf, sha256, startServer, type TestServer } from './helpers';

const CONTACT = 'https://parallax.example.org/bot';
const ARTICLE = Buffer.from(NEWS_ARTICLE, 'utf8');

type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A loopback site whose routes a test sets; counts hits per path. */
class Site {
  server!: TestServer;
  routes = new Map<string, Route>();
  hits = new Map<string, number>();
  /** Time each request arrived, per path. */
  arrivals = new Map<string, number[]>();
  inFlight = 0;
  maxInFlight = 0;

  async start(): Promise<void> {
    this.server = await startServer((req, res) => {
      const path = req.url ?? '/';
      const hit = (this.hits.get(path) ?? 0) + 1;
      this.hits.set(path, hit);
      this.arrivals.set(path, [...(this.arrivals.get(path) ?? []), performance.now()]);
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => {
        this.inFlight -= 1;
      });
      const route = this.routes.get(path);
      if (route) route(req, res, hit);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  }

  url(path: string): string {
    return `${this.server.origin}${path}`;
  }

  /** Milliseconds between consecutive arrivals on `path`. */
  gaps(path: string): number[] {
    const times = this.arrivals.get(path) ?? [];
    return times.slice(1).map((t, i) => t - (times[i] ?? t));
  }

  reset(): void {
    this.routes.clear();
    this.hits.clear();
    this.arrivals.clear();
    this.server.requests.length = 0;
    this.maxInFlight = 0;
  }
}

const site = new Site();
const fetchers: PoliteFetcher[] = [];

function fetcher(extra: Partial<PoliteFetcherOptions> = {}): PoliteFetcher {
  const f = new PoliteFetcher({
    agent: 'ParallaxBot/0.1',
    contactUrl: CONTACT,
    request: { allowPrivateAddresses: true, timeoutMs: 2000, ...extra.request },
    retry: { baseDelayMs: 10, maxDelayMs: 40, ...extra.retry },
    random: () => 0.5,
    // Spacing off unless a test is about spacing: the default 1 s would only slow the suite down.
    limiter: extra.limiter ?? new InProcessHostLimiter({ minDelayMs: 0, maxConcurrency: 4 }),
    ...(extra.robots ? { robots: extra.robots } : {}),
  });
  fetchers.push(f);
  return f;
}

function html(res: ServerResponse, body: Buffer = ARTICLE, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

function robots(text: string, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', ...headers });
    res.end(text);
  };
}

beforeAll(async () => {
  await site.start();
});

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  site.reset();
});

afterAll(async () => {
  await site.server.close();
});

describe('User-Agent', () => {
  it('sends the bot name with the contact URL, to robots.txt and to the page', async () => {
    site.routes.set('/robots.txt', robots('User-agent: *\nDisallow: /admin/\n'));
    site.routes.set('/news/1', (_req, res) => html(res));
    await fetcher().fetch(site.url('/news/1'));
    const agents = site.server.requests.map((r) => [r.url, r.headers['user-agent']]);
    expect(agents).toEqual([
      ['/robots.txt', `ParallaxBot/0.1 (+${CONTACT})`],
      ['/news/1', `ParallaxBot/0.1 (+${CONTACT})`],
    ]);
  });

  it('refuses a contact that is not an http(s) URL as PARALLAX_CONFIG_INVALID', () => {
    for (const contactUrl of ['mailto:bot@example.org', 'not a url', '']) {
      expect(() => new PoliteFetcher({ agent: 'ParallaxBot/0.1', contactUrl })).toThrow(
        expect.objectContaining({ code: 'PARALLAX_CONFIG_INVALID' }),
      );
    }
  });
});

describe('robots.txt', () => {
  const RULES = [
    'User-agent: ParallaxBot',
    'Disallow: /private/',
    'Allow: /private/press-room',
    '',
    'User-agent: *',
    'Disallow: /',
    '',
    `Sitemap: http://127.0.0.1/sitemap-news.xml`,
  ].join('\n');

  it('refuses a disallowed path without requesting it, as PARALLAX_FETCH_ROBOTS_DISALLOWED (not retryable)', async () => {
    site.routes.set('/robots.txt', robots(RULES));
    site.routes.set('/private/memo', (_req, res) => html(res));
    const error = await fetchErrorOf(fetcher().fetch(site.url('/private/memo')));
    expect(error.code).toBe('PARALLAX_FETCH_ROBOTS_DISALLOWED');
    expect(error.retryable).toBe(false);
    expect(error.details.basis).toBe('rules');
    expect(site.hits.get('/private/memo')).toBeUndefined();
  });

  it('follows the group for our token (Allow beats a shorter Disallow) and not the * group', async () => {
    site.routes.set('/robots.txt', robots(RULES));
    site.routes.set('/private/press-room', (_req, res) => html(res));
    site.routes.set('/news/2', (_req, res) => html(res));
    const f = fetcher();
    expect((await f.fetch(site.url('/private/press-room'))).kind).toBe('fetched');
    // `User-agent: *` disallows everything, but our own group has no rule for /news/: allowed.
    expect((await f.fetch(site.url('/news/2'))).kind).toBe('fetched');
    expect(site.hits.get('/robots.txt')).toBe(1); // cached between the two fetches
  });

  it('applies a robots rule to a redirect hop too', async () => {
    site.routes.set('/robots.txt', robots(RULES));
    site.routes.set('/short/abc', (_req, res) => {
      res.writeHead(302, { location: '/private/memo' }).end();
    });
    const error = await fetchErrorOf(fetcher().fetch(site.url('/short/abc')));
    expect(error.code).toBe('PARALLAX_FETCH_ROBOTS_DISALLOWED');
    expect(site.hits.get('/short/abc')).toBe(1);
    expect(site.hits.get('/private/memo')).toBeUndefined();
  });

  it('fetches robots.txt again once its cache entry expires', async () => {
    site.routes.set('/robots.txt', robots('User-agent: *\nDisallow:\n'));
    site.routes.set('/a', (_req, res) => html(res));
    const f = fetcher({ robots: { ttlMs: 60 } });
    await f.fetch(site.url('/a'));
    await f.fetch(site.url('/a'));
    expect(site.hits.get('/robots.txt')).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    await f.fetch(site.url('/a'));
    expect(site.hits.get('/robots.txt')).toBe(2);
  });

  it('honours a Cache-Control max-age shorter than the cache TTL', async () => {
    site.routes.set('/robots.txt', robots('User-agent: *\nDisallow:\n', { 'cache-control': 'max-age=0' }));
    site.routes.set('/a', (_req, res) => html(res));
    const f = fetcher();
    await f.fetch(site.url('/a'));
    await new Promise((r) => setTimeout(r, 5));
    await f.fetch(site.url('/a'));
    expect(site.hits.get('/robots.txt')).toBe(2);
  });

  it('treats a missing robots.txt (404) as allowing everything', async () => {
    site.routes.set('/a', (_req, res) => html(res));
    expect((await fetcher().fetch(site.url('/a'))).kind).toBe('fetched');
    expect(site.hits.get('/robots.txt')).toBe(1);
  });

  it('treats a robots.txt that answers 500 as disallowing everything, retryable later', async () => {
    site.routes.set('/robots.txt', (_req, res) => res.writeHead(500).end());
    site.routes.set('/a', (_req, res) => html(res));
    const error = await fetchErrorOf(fetcher().fetch(site.url('/a')));
    expect(error.code).toBe('PARALLAX_FETCH_ROBOTS_DISALLOWED');
    expect(error.retryable).toBe(true);
    expect(error.details.basis).toBe('unreachable');
    expect(site.hits.get('/a')).toBeUndefined();
  });

  it('spaces requests by the Crawl-delay robots.txt asks for', async () => {
    site.routes.set('/robots.txt', robots('User-agent: ParallaxBot\nCrawl-delay: 0.25\nDisallow:\n'));
    site.routes.set('/a', (_req, res) => html(res));
    const f = fetcher();
    await Promise.all([f.fetch(site.url('/a')), f.fetch(site.url('/a'))]);
    const gaps = site.gaps('/a');
    expect(gaps).toHaveLength(1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200); // 250 ms, less the first connection setup;
  });

  it('lists the sitemaps robots.txt names', async () => {
    site.routes.set('/robots.txt', robots(RULES));
    expect(await fetcher().robotsSitemaps(site.server.origin)).toEqual(['http://127.0.0.1/sitemap-news.xml']);
  });
});

describe('retries and Retry-After', () => {
  it('obeys 429 + Retry-After: waits the seconds asked, then succeeds', async () => {
    site.routes.set('/busy', (_req, res, hit) => {
      if (hit === 1)
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
      else html(res);
    });
    const result = await fetcher({ robots: { respect: false } }).fetch(site.url('/busy'));
    expect(result.kind).toBe('fetched');
    expect(result.attempts).toBe(2);
    expect(site.gaps('/busy')).toHaveLength(1);
    expect(Math.min(...site.gaps('/busy'))).toBeGreaterThanOrEqual(900);
  });

  it('does not sit on a Retry-After longer than the policy allows: retryable error with retryAfterMs', async () => {
    site.routes.set('/busy', (_req, res) => res.writeHead(503, { 'retry-after': '3600' }).end());
    const error = await fetchErrorOf(fetcher({ robots: { respect: false } }).fetch(site.url('/busy')));
    expect(error.code).toBe('PARALLAX_FETCH_STATUS');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.details.retryAfterMs).toBe(3_600_000);
    expect(site.hits.get('/busy')).toBe(1);
  });

  it('retries a 503 without Retry-After with backoff, then succeeds', async () => {
    site.routes.set('/flaky', (_req, res, hit) => {
      if (hit === 1) res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      else html(res);
    });
    const result = await fetcher({ robots: { respect: false } }).fetch(site.url('/flaky'));
    expect(result.kind).toBe('fetched');
    expect(result.attempts).toBe(2);
    if (result.kind === 'fetched') expect(result.page.snapshot.sha256).toBe(sha256(ARTICLE));
  });

  it('gives up after maxAttempts on a lasting 502, saying how many attempts it made', async () => {
    site.routes.set('/down', (_req, res) => res.writeHead(502).end());
    const error = await fetchErrorOf(
      fetcher({ robots: { respect: false }, retry: { maxAttempts: 3 } }).fetch(site.url('/down')),
    );
    expect(error.code).toBe('PARALLAX_FETCH_STATUS');
    expect(error.retryable).toBe(true);
    expect(error.details.attempts).toBe(3);
    expect(site.hits.get('/down')).toBe(3);
  });

  it('does not retry a 404 or a 410, but does retry a 408', async () => {
    site.routes.set('/gone', (_req, res) => res.writeHead(410).end());
    site.routes.set('/slow-client', (_req, res, hit) => (hit === 1 ? res.writeHead(408).end() : html(res)));
    const f = fetcher({ robots: { respect: false } });
    expect((await fetchErrorOf(f.fetch(site.url('/missing')))).retryable).toBe(false);
    expect((await fetchErrorOf(f.fetch(site.url('/gone')))).status).toBe(410);
    expect(site.hits.get('/missing')).toBe(1);
    expect(site.hits.get('/gone')).toBe(1);
    expect((await f.fetch(site.url('/slow-client'))).attempts).toBe(2);
  });

  it('retries a connection reset and a timeout', async () => {
    // fetchPage itself resends once after a reset (a stale keep-alive connection); a server that
    // resets twice in a row is a network failure for the polite fetcher to retry with backoff.
    site.routes.set('/reset', (req, res, hit) => (hit <= 2 ? req.socket.destroy() : html(res)));
    site.routes.set('/stall', (_req, res, hit) => {
      if (hit > 1) html(res);
      // The first request is never answered: the headers timeout fires.
    });
    const f = fetcher({ robots: { respect: false }, request: { timeoutMs: 150 } });
    expect((await f.fetch(site.url('/reset'))).attempts).toBe(2);
    expect((await f.fetch(site.url('/stall'))).attempts).toBe(2);
  });
});

describe('timeouts', () => {
  it('gives up on a connection that never completes its TLS handshake at connectTimeoutMs', async () => {
    // A TCP server that accepts and then says nothing: the TLS ClientHello is never answered.
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => sockets.push(socket));
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    try {
      const { port } = silent.address() as AddressInfo;
      const error = await fetchErrorOf(
        fetcher({
          robots: { respect: false },
          request: { connectTimeoutMs: 150, timeoutMs: 10_000 },
          retry: { maxAttempts: 1 },
        }).fetch(`https://127.0.0.1:${port}/`),
      );
      expect(error.code).toBe('PARALLAX_FETCH_TIMEOUT');
      expect(error.retryable).toBe(true);
      // The connect timeout fired, not the 10 s headers timeout.
      expect(error.message).toMatch(/connect timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((ok) => silent.close(() => ok()));
    }
  });

  it('reports a server that never answers as PARALLAX_FETCH_TIMEOUT after every attempt', async () => {
    site.routes.set('/never', () => {});
    const error = await fetchErrorOf(
      fetcher({ robots: { respect: false }, request: { timeoutMs: 100 }, retry: { maxAttempts: 2 } }).fetch(
        site.url('/never'),
      ),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(site.hits.get('/never')).toBe(2);
  });

  it('stops a body that trickles in forever at the total timeout, though each chunk is on time', async () => {
    site.routes.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>');
      const timer = setInterval(() => res.write('<p>.</p>'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const error = await fetchErrorOf(
      fetcher({
        robots: { respect: false },
        request: { timeoutMs: 1000, totalTimeoutMs: 200 },
        retry: { maxAttempts: 1 },
      }).fetch(site.url('/trickle')),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TIMEOUT');
  });
});

describe('per-host politeness', () => {
  it('keeps at most maxConcurrency requests in flight to one host', async () => {
    site.routes.set('/slow', (_req, res) => setTimeout(() => html(res), 60));
    for (const maxConcurrency of [1, 2]) {
      site.maxInFlight = 0;
      const f = fetcher({
        robots: { respect: false },
        limiter: new InProcessHostLimiter({ minDelayMs: 0, maxConcurrency }),
      });
      await Promise.all(Array.from({ length: 5 }, () => f.fetch(site.url('/slow'))));
      expect(site.maxInFlight).toBe(maxConcurrency);
    }
  });

  it('spaces request starts to one host by minDelayMs', async () => {
    site.routes.set('/a', (_req, res) => html(res));
    const f = fetcher({
      robots: { respect: false },
      limiter: new InProcessHostLimiter({ minDelayMs: 120, maxConcurrency: 4 }),
    });
    await Promise.all([1, 2, 3].map(() => f.fetch(site.url('/a'))));
    const gaps = site.gaps('/a');
    expect(gaps).toHaveLength(2);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
  });
});

describe('conditional GET', () => {
  it('re-fetches with If-None-Match / If-Modified-Since and reports a 304 as not modified, pointing at the earlier snapshot', async () => {
    const etag = '"a1b2c3"';
    const lastModified = 'Fri, 13 Mar 2026 21:40:00 GMT';
    site.routes.set('/news/tram', (req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
      else html(res, ARTICLE, { etag, 'last-modified': lastModified });
    });
    const f = fetcher({ robots: { respect: false } });
    const first = await f.fetch(site.url('/news/tram'));
    if (first.kind !== 'fetched') throw new Error('first fetch must return the page');
    expect(Snapshot.parse(first.page.snapshot)).toEqual(first.page.snapshot);
    const second = await f.fetch(site.url('/news/tram'), { previous: first.page.snapshot });
    expect(second.kind).toBe('not-modified');
    if (second.kind !== 'not-modified') return;
    expect(second.previous).toEqual({
      sha256: sha256(ARTICLE),
      url: site.url('/news/tram'),
      finalUrl: site.url('/news/tram'),
      fetchedAt: first.page.snapshot.fetchedAt,
    });
    expect(second.status).toBe(304);
    const conditional = site.server.requests[1];
    expect(conditional?.headers['if-none-match']).toBe(etag);
    expect(conditional?.headers['if-modified-since']).toBe(lastModified);
  });

  it('returns the new page when the server answers 200 to the conditional request', async () => {
    const changed = Buffer.from(NEWS_ARTICLE.replace('31 to 18', '32 to 17'), 'utf8');
    site.routes.set('/news/tram', (_req, res, hit) =>
      html(res, hit === 1 ? ARTICLE : changed, { etag: hit === 1 ? '"v1"' : '"v2"' }),
    );
    const f = fetcher({ robots: { respect: false } });
    const first = await f.fetch(site.url('/news/tram'));
    if (first.kind !== 'fetched') throw new Error('expected a page');
    const second = await f.fetch(site.url('/news/tram'), { previous: first.page.snapshot });
    expect(second.kind).toBe('fetched');
    if (second.kind === 'fetched') expect(second.page.snapshot.sha256).toBe(sha256(changed));
  });
});

describe('compressed bodies and size caps', () => {
  it('decodes gzip, br, zlib deflate and raw deflate to the same bytes and hash', async () => {
    const encodings: Record<string, Buffer> = {
      gzip: gzipSync(ARTICLE),
      br: brotliCompressSync(ARTICLE),
      deflate: deflateSync(ARTICLE),
    };
    site.routes.set('/raw-deflate', (_req, res) =>
      html(res, deflateRawSync(ARTICLE), { 'content-encoding': 'deflate' }),
    );
    for (const [encoding, body] of Object.entries(encodings)) {
      site.routes.set(`/${encoding}`, (_req, res) => html(res, body, { 'content-encoding': encoding }));
    }
    const f = fetcher({ robots: { respect: false } });
    for (const path of ['/gzip', '/br', '/deflate', '/raw-deflate']) {
      const result = await f.fetch(site.url(path));
      if (result.kind !== 'fetched') throw new Error('expected a page');
      expect(result.page.snapshot.sha256).toBe(sha256(ARTICLE));
      expect(result.page.text).toBe(NEWS_ARTICLE);
    }
  });

  it('stops a gzip bomb (64 KB on the wire, 64 MB inflated) at the cap after decompression', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    site.routes.set('/bomb', (_req, res) => html(res, bomb, { 'content-encoding': 'gzip' }));
    const before = process.memoryUsage().rss;
    const error = await fetchErrorOf(
      fetcher({ robots: { respect: false }, request: { maxBytes: 2 * 1024 * 1024 } }).fetch(
        site.url('/bomb'),
      ),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TOO_LARGE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('after decompression');
    // Not a speed figure: the 64 MB were never held in memory at once.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses a corrupt gzip body with a typed error, not a crash', async () => {
    const broken = gzipSync(ARTICLE);
    broken.fill(0x41, 20, 60);
    site.routes.set('/broken', (_req, res) => html(res, broken, { 'content-encoding': 'gzip' }));
    const error = await fetchErrorOf(
      fetcher({ robots: { respect: false }, retry: { maxAttempts: 1 } }).fetch(site.url('/broken')),
    );
    expect(error.code).toBe('PARALLAX_FETCH_NETWORK');
  });

  it('refuses an encoding it did not ask for', async () => {
    site.routes.set('/zstd', (_req, res) => html(res, randomBytes(100), { 'content-encoding': 'zstd' }));
    const error = await fetchErrorOf(fetcher({ robots: { respect: false } }).fetch(site.url('/zstd')));
    expect(error.code).toBe('PARALLAX_FETCH_CONTENT_TYPE');
  });

  it('refuses a 50 MB body at the default 5 MB cap without reading it all, declared or streamed', async () => {
    const FIFTY_MB = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const stream: Route = (_req, res) => {
      const pump = () => {
        while (sent < FIFTY_MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    };
    site.routes.set('/declared', (req, res, hit) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(FIFTY_MB) });
      stream(req, res, hit);
    });
    site.routes.set('/streamed', (req, res, hit) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      stream(req, res, hit);
    });
    const f = fetcher({ robots: { respect: false } });
    for (const path of ['/declared', '/streamed']) {
      sent = 0;
      const error = await fetchErrorOf(f.fetch(site.url(path)));
      expect(error.code).toBe('PARALLAX_FETCH_TOO_LARGE');
      expect(error.retryable).toBe(false);
      await new Promise((r) => setTimeout(r, 20));
      expect(sent).toBeLessThan(FIFTY_MB);
    }
  });

  it('accepts the same 50 MB body when the cap allows it, hashing every byte', async () => {
    const body = Buffer.alloc(50 * 1024 * 1024, 'b');
    site.routes.set('/big', (_req, res) => html(res, body));
    const result = await fetcher({
      robots: { respect: false },
      request: { maxBytes: 64 * 1024 * 1024 },
    }).fetch(site.url('/big'));
    if (result.kind !== 'fetched') throw new Error('expected a page');
    expect(result.page.snapshot.byteLength).toBe(body.length);
    expect(result.page.snapshot.sha256).toBe(sha256(body));
  });
});

describe('content types and redirects through the polite fetcher', () => {
  it('refuses application/pdf and image/jpeg without retrying', async () => {
    site.routes.set('/report.pdf', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7\n'),
    );
    site.routes.set('/photo', (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end('\xff\xd8'),
    );
    const f = fetcher({ robots: { respect: false } });
    for (const path of ['/report.pdf', '/photo']) {
      const error = await fetchErrorOf(f.fetch(site.url(path)));
      expect(error.code).toBe('PARALLAX_FETCH_CONTENT_TYPE');
      expect(error.retryable).toBe(false);
      expect(site.hits.get(path)).toBe(1);
    }
  });

  it('refuses a redirect loop once, without retrying it', async () => {
    site.routes.set('/a', (_req, res) => res.writeHead(301, { location: '/b' }).end());
    site.routes.set('/b', (_req, res) => res.writeHead(301, { location: '/a' }).end());
    const error = await fetchErrorOf(fetcher({ robots: { respect: false } }).fetch(site.url('/a')));
    expect(error.code).toBe('PARALLAX_FETCH_REDIRECTS');
    expect(error.retryable).toBe(false);
    expect(site.hits.get('/a')).toBe(1);
  });

  it('records the final URL and the chain of a followed redirect', async () => {
    site.routes.set('/old', (_req, res) => res.writeHead(301, { location: '/new' }).end());
    site.routes.set('/new', (_req, res) => html(res));
    const result = await fetcher({ robots: { respect: false } }).fetch(site.url('/old'));
    if (result.kind !== 'fetched') throw new Error('expected a page');
    expect(result.page.snapshot.finalUrl).toBe(site.url('/new'));
    expect(result.page.snapshot.redirects).toEqual([site.url('/old')]);
  });

  it('refuses a loopback host without allowPrivateAddresses, before asking for robots.txt', async () => {
    const f = new PoliteFetcher({ agent: 'ParallaxBot/0.1', contactUrl: CONTACT });
    fetchers.push(f);
    const error = await fetchErrorOf(f.fetch(site.url('/a')));
    expect(error).toBeInstanceOf(FetchError);
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(site.server.requests).toHaveLength(0);
  });
});

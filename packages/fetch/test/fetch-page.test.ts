import { Snapshot } from '@parallax/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FetchOptions, fetchPage } from '../src/index';
import { NEWS_ARTICLE } from './fixtures';
import { closedPort, fetchErrorOf, sha256, startServer, type TestServer } from './helpers';

const NOW = new Date('2026-03-14T09:26:53.000Z');
const ARTICLE_BYTES = Buffer.from(NEWS_ARTICLE, 'utf8');
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

let server: TestServer;

function options(extra: Partial<FetchOptions> = {}): FetchOptions {
  return {
    userAgent: 'ParallaxTest/1.0 (+https://example.org/bot)',
    allowPrivateAddresses: true,
    now: () => NOW,
    ...extra,
  };
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const redirect = (status: number, location: string) => {
      res.writeHead(status, { location, 'content-type': 'text/html' });
      res.end(`<a href="${location}">moved</a>`);
    };
    if (path === '/news/council-tram-vote') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(ARTICLE_BYTES.length),
        'x-served-by': 'courier-web-3',
        'cache-control': 'max-age=60',
      });
      res.end(ARTICLE_BYTES);
    } else if (path === '/old-link') redirect(301, '/moved-link');
    else if (path === '/moved-link') redirect(302, `${server.origin}/news/council-tram-vote`);
    else if (/^\/status-redirect\/\d+$/.test(path))
      redirect(Number(path.split('/')[2]), '/news/council-tram-vote');
    else if (path === '/loop-a') redirect(302, '/loop-b');
    else if (path === '/loop-b') redirect(302, '/loop-a');
    else if (path === '/self') redirect(307, '/self');
    else if (/^\/chain\/\d+$/.test(path)) {
      const n = Number(path.split('/')[2]);
      if (n === 0) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('end of chain');
      } else redirect(302, `/chain/${n - 1}`);
    } else if (path === '/to-ftp') redirect(302, 'ftp://files.example.org/article.html');
    else if (path === '/bad-location') redirect(302, 'http://[::1');
    else if (/^\/status\/\d+$/.test(path)) {
      res.writeHead(Number(path.split('/')[2]), { 'content-type': 'text/html' });
      res.end('<h1>error</h1>');
    } else if (path === '/declared-large') {
      const body = Buffer.alloc(2000, 'a');
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(body.length) });
      res.end(body);
    } else if (path === '/chunked-large') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 64; i++) res.write(`<p>${'x'.repeat(1017)}</p>\n`);
      res.end();
    } else if (path === '/chunked-exact') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('a'.repeat(600));
      res.end('b'.repeat(400));
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG_BYTES.length) });
      res.end(PNG_BYTES);
    } else if (path === '/no-content-type') {
      res.end('plain words');
    } else if (path === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title></channel></rss>');
    } else if (path === '/never-answers') {
      // Accept the request and never send a status line.
    } else if (path === '/stalls-mid-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>The first paragraph arrived, the rest never does');
    } else if (path === '/reset-once' || path === '/reset-always') {
      // The socket is dropped before any response byte, as a server does with a keep-alive
      // connection it has just timed out.
      const seen = server.requests.filter((r) => r.url === path).length;
      if (path === '/reset-always' || seen === 1) req.socket.destroy();
      else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<p>Answered on the second connection.</p>');
      }
    } else if (path === '/reset-mid-body') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      res.write('<p>cut short');
      setTimeout(() => res.socket?.destroy(), 20);
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchPage: a 200 page', () => {
  it('returns the exact bytes, their sha256 and every snapshot field', async () => {
    const before = server.requests.length;
    const page = await fetchPage(`${server.origin}/news/council-tram-vote`, options());

    expect(Buffer.from(page.body).equals(ARTICLE_BYTES)).toBe(true);
    expect(page.text).toBe(NEWS_ARTICLE);
    const { snapshot } = page;
    expect(snapshot.sha256).toBe(sha256(ARTICLE_BYTES));
    expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.url).toBe(`${server.origin}/news/council-tram-vote`);
    expect(snapshot.finalUrl).toBe(`${server.origin}/news/council-tram-vote`);
    expect(snapshot.redirects).toEqual([]);
    expect(snapshot.status).toBe(200);
    expect(snapshot.contentType).toBe('text/html; charset=utf-8');
    expect(snapshot.byteLength).toBe(ARTICLE_BYTES.length);
    expect(snapshot.byteLength).toBeGreaterThan(NEWS_ARTICLE.length); // “ ” € © · are multi-byte
    expect(snapshot.fetchedAt).toBe('2026-03-14T09:26:53.000Z');
    expect(snapshot.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(ARTICLE_BYTES.length),
      'x-served-by': 'courier-web-3',
      'cache-control': 'max-age=60',
    });
    expect(() => Snapshot.parse(snapshot)).not.toThrow();

    expect(server.requests.length - before).toBe(1);
    const seen = server.requests.at(-1);
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/news/council-tram-vote');
    expect(seen?.headers['user-agent']).toBe('ParallaxTest/1.0 (+https://example.org/bot)');
    expect(seen?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('uses the real clock when no `now` is injected', async () => {
    const start = Date.now();
    const page = await fetchPage(`${server.origin}/news/council-tram-vote`, {
      userAgent: 'ParallaxTest/1.0',
      allowPrivateAddresses: true,
    });
    const fetchedAt = Date.parse(page.snapshot.fetchedAt);
    expect(fetchedAt).toBeGreaterThanOrEqual(start - 1000);
    expect(fetchedAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('accepts a missing content type (contentType null) and feed types', async () => {
    const bare = await fetchPage(`${server.origin}/no-content-type`, options());
    expect(bare.snapshot.contentType).toBeNull();
    expect(bare.text).toBe('plain words');
    const feed = await fetchPage(`${server.origin}/feed`, options());
    expect(feed.snapshot.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(feed.text).toContain('<title>Courier</title>');
  });
});

describe('fetchPage: redirects', () => {
  it('follows a relative then an absolute redirect and records the chain', async () => {
    const before = server.requests.length;
    const page = await fetchPage(`${server.origin}/old-link`, options());
    expect(page.snapshot.url).toBe(`${server.origin}/old-link`);
    expect(page.snapshot.finalUrl).toBe(`${server.origin}/news/council-tram-vote`);
    expect(page.snapshot.redirects).toEqual([`${server.origin}/old-link`, `${server.origin}/moved-link`]);
    expect(page.snapshot.status).toBe(200);
    expect(page.snapshot.sha256).toBe(sha256(ARTICLE_BYTES));
    expect(server.requests.slice(before).map((r) => r.url)).toEqual([
      '/old-link',
      '/moved-link',
      '/news/council-tram-vote',
    ]);
  });

  it.each([301, 302, 303, 307, 308])('follows a %i with a GET', async (status) => {
    const page = await fetchPage(`${server.origin}/status-redirect/${status}`, options());
    expect(page.snapshot.finalUrl).toBe(`${server.origin}/news/council-tram-vote`);
    expect(page.snapshot.redirects).toEqual([`${server.origin}/status-redirect/${status}`]);
    expect(server.requests.at(-1)?.method).toBe('GET');
  });

  it('refuses a redirect loop as PARALLAX_FETCH_REDIRECTS, not retryable', async () => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/loop-a`, options({ maxRedirects: 20 })));
    expect(error.code).toBe('PARALLAX_FETCH_REDIRECTS');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('loop');
    expect(error.details.redirects).toEqual([`${server.origin}/loop-a`, `${server.origin}/loop-b`]);
  });

  it('refuses a page that redirects to itself', async () => {
    const before = server.requests.length;
    const error = await fetchErrorOf(fetchPage(`${server.origin}/self`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_REDIRECTS');
    expect(error.retryable).toBe(false);
    expect(server.requests.length - before).toBe(1);
  });

  it('follows exactly maxRedirects hops and refuses one more', async () => {
    const ok = await fetchPage(`${server.origin}/chain/3`, options({ maxRedirects: 3 }));
    expect(ok.snapshot.redirects).toHaveLength(3);
    expect(ok.snapshot.finalUrl).toBe(`${server.origin}/chain/0`);
    expect(ok.text).toBe('end of chain');

    const before = server.requests.length;
    const error = await fetchErrorOf(fetchPage(`${server.origin}/chain/4`, options({ maxRedirects: 3 })));
    expect(error.code).toBe('PARALLAX_FETCH_REDIRECTS');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('more than 3 redirects');
    expect(error.details.redirects).toHaveLength(4);
    // /chain/0 is never requested.
    expect(server.requests.slice(before).map((r) => r.url)).toEqual([
      '/chain/4',
      '/chain/3',
      '/chain/2',
      '/chain/1',
    ]);
  });

  it('defaults to 5 redirects', async () => {
    await expect(fetchPage(`${server.origin}/chain/5`, options())).resolves.toBeDefined();
    const error = await fetchErrorOf(fetchPage(`${server.origin}/chain/6`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_REDIRECTS');
  });

  it('refuses a redirect to an ftp: URL as PARALLAX_FETCH_BAD_URL', async () => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/to-ftp`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_BAD_URL');
    expect(error.retryable).toBe(false);
  });

  it('refuses an unparseable Location as PARALLAX_FETCH_BAD_URL', async () => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/bad-location`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_BAD_URL');
    expect(error.retryable).toBe(false);
    expect(error.details.location).toBe('http://[::1');
  });
});

describe('fetchPage: HTTP errors', () => {
  it('refuses a 404 as PARALLAX_FETCH_STATUS, not retryable, with the status', async () => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/status/404`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_STATUS');
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(404);
    expect(error.details.url).toBe(`${server.origin}/status/404`);
  });

  it.each([
    [410, false],
    [403, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
  ])('HTTP %i is PARALLAX_FETCH_STATUS with retryable %s', async (status, retryable) => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/status/${status}`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_STATUS');
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
  });
});

describe('fetchPage: size and content type', () => {
  it('refuses a declared Content-Length over the cap', async () => {
    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/declared-large`, options({ maxBytes: 1000 })),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TOO_LARGE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('declares 2000 bytes');
  });

  it('refuses a chunked body with no length once it passes the cap', async () => {
    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/chunked-large`, options({ maxBytes: 10_000 })),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TOO_LARGE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('larger than 10000 bytes');
  });

  it('accepts a chunked body of exactly the cap', async () => {
    const page = await fetchPage(`${server.origin}/chunked-exact`, options({ maxBytes: 1000 }));
    expect(page.snapshot.byteLength).toBe(1000);
    expect(page.snapshot.headers['content-length']).toBeUndefined();
    expect(page.snapshot.headers['transfer-encoding']).toBe('chunked');
  });

  it('refuses image/png as PARALLAX_FETCH_CONTENT_TYPE', async () => {
    const error = await fetchErrorOf(fetchPage(`${server.origin}/image`, options()));
    expect(error.code).toBe('PARALLAX_FETCH_CONTENT_TYPE');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('image/png');
  });
});

describe('fetchPage: transport failures', () => {
  it('times out on a server that never answers: PARALLAX_FETCH_TIMEOUT, retryable', async () => {
    const start = Date.now();
    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/never-answers`, options({ timeoutMs: 300 })),
    );
    const elapsed = Date.now() - start;
    expect(error.code).toBe('PARALLAX_FETCH_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
  });

  it('times out on a body that stalls after the headers', async () => {
    const start = Date.now();
    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/stalls-mid-body`, options({ timeoutMs: 300 })),
    );
    expect(error.code).toBe('PARALLAX_FETCH_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('sends a GET once more when the connection resets before any response, and only once', async () => {
    const page = await fetchPage(`${server.origin}/reset-once`, options({ timeoutMs: 2000 }));
    expect(page.text).toContain('Answered on the second connection.');
    expect(server.requests.filter((r) => r.url === '/reset-once')).toHaveLength(2);

    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/reset-always`, options({ timeoutMs: 2000 })),
    );
    expect(error.code).toBe('PARALLAX_FETCH_NETWORK');
    expect(error.retryable).toBe(true);
    expect(server.requests.filter((r) => r.url === '/reset-always')).toHaveLength(2);
  });

  it('reports a connection cut mid-body as PARALLAX_FETCH_NETWORK, retryable', async () => {
    const error = await fetchErrorOf(
      fetchPage(`${server.origin}/reset-mid-body`, options({ timeoutMs: 2000 })),
    );
    expect(error.code).toBe('PARALLAX_FETCH_NETWORK');
    expect(error.retryable).toBe(true);
  });

  it('reports connection refused as PARALLAX_FETCH_NETWORK, retryable', async () => {
    const port = await closedPort();
    const error = await fetchErrorOf(fetchPage(`http://127.0.0.1:${port}/`, options({ timeoutMs: 2000 })));
    expect(error.code).toBe('PARALLAX_FETCH_NETWORK');
    expect(error.retryable).toBe(true);
    expect(error.details.url).toBe(`http://127.0.0.1:${port}/`);
  });
});

describe('fetchPage: bad URLs', () => {
  it.each(['not a url', '', '/relative/path', 'http://'])(
    'refuses %j as PARALLAX_FETCH_BAD_URL',
    async (href) => {
      const error = await fetchErrorOf(fetchPage(href, options()));
      expect(error.code).toBe('PARALLAX_FETCH_BAD_URL');
      expect(error.retryable).toBe(false);
    },
  );

  it.each(['ftp://files.example.org/article.html', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses the scheme of %s as PARALLAX_FETCH_BAD_URL',
    async (href) => {
      const error = await fetchErrorOf(fetchPage(href, options()));
      expect(error.code).toBe('PARALLAX_FETCH_BAD_URL');
      expect(error.retryable).toBe(false);
      expect(error.message).toContain('unsupported scheme');
    },
  );
});

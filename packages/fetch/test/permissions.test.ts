/**
 * Issue 15: `--allow-private` then a 302 to 169.254.169.254 was followed. Loopback and private
 * networks are separate permissions; link-local (the cloud metadata service) and reserved addresses
 * are never allowed, whatever is. A real loopback server answers the first hop with the redirect.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addressAllowed, addressKind, fetchPage, PoliteFetcher } from '../src/index';
import { fetchErrorOf, startServer, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const to = url.searchParams.get('to');
    if (url.pathname === '/go' && to) {
      res.writeHead(302, { location: to }).end();
      return;
    }
    if (url.pathname === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('local page');
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

const via = (to: string) => `${server.origin}/go?to=${encodeURIComponent(to)}`;
const NEVER = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
  'http://2852039166/latest/meta-data/', // 169.254.169.254 as one number
  'http://169.254.0.1/',
  'http://[fe80::1]/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
];

describe('address permissions', () => {
  it('classifies loopback, private, link-local and reserved apart', () => {
    expect(addressKind('127.0.0.1')).toBe('loopback');
    expect(addressKind('::1')).toBe('loopback');
    expect(addressKind('10.1.2.3')).toBe('private');
    expect(addressKind('fd00::1')).toBe('private');
    expect(addressKind('169.254.169.254')).toBe('link-local');
    expect(addressKind('::ffff:169.254.169.254')).toBe('link-local');
    expect(addressKind('224.0.0.1')).toBe('reserved');
    expect(addressKind('203.0.113.10')).toBe('public');
    expect(addressAllowed('169.254.169.254', { loopback: true, private: true })).toBe(false);
    expect(addressAllowed('10.0.0.1', { loopback: true })).toBe(false);
    expect(addressAllowed('127.0.0.1', { loopback: true })).toBe(true);
  });

  it.each(NEVER)('allowPrivateAddresses: a redirect to %s is refused at the hop', async (target) => {
    const error = await fetchErrorOf(
      fetchPage(via(target), { userAgent: 'ParallaxTest/1.0', allowPrivateAddresses: true, timeoutMs: 2000 }),
    );
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/never allowed/);
    expect(server.requests).toHaveLength(1);
  });

  it('allowLoopback: a redirect to the loopback server is followed, one to a private network is refused', async () => {
    const options = { userAgent: 'ParallaxTest/1.0', allowLoopback: true, timeoutMs: 2000 };
    const page = await fetchPage(via(`http://localhost:${server.port}/page`), options);
    expect(page.text).toBe('local page');
    for (const target of [
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://[fd00::1]/',
      ...NEVER.slice(0, 2),
    ]) {
      const error = await fetchErrorOf(fetchPage(via(target), options));
      expect(error.code, target).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    }
  });

  it('the polite fetcher keeps the same rule on every hop', async () => {
    const fetcher = new PoliteFetcher({
      agent: 'ParallaxTest/1.0',
      contactUrl: 'https://example.org/bot',
      request: { allowPrivateAddresses: true, timeoutMs: 2000 },
      retry: { maxAttempts: 1 },
    });
    try {
      const error = await fetchErrorOf(fetcher.fetch(via(NEVER[0] as string)));
      expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
      const ok = await fetcher.fetch(`${server.origin}/page`);
      expect(ok.kind).toBe('fetched');
    } finally {
      await fetcher.close();
    }
  });
});

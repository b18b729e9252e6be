import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchResource, guardedLookup } from '../src/index';
import { fetchErrorOf, startServer, type TestServer } from './helpers';

/**
 * DNS rebinding: the host passes the guard's lookup, then resolves to a private address when the
 * socket connects. To get exactly that split without a hostile DNS server, the request-time guard is
 * switched off (allowPrivateAddresses) and only the connection pool's guarded lookup is left: whatever
 * the first check said, the socket must not connect to loopback.
 */
let server: TestServer;
let guarded: Agent;

beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>internal admin page</p>');
  }, '::');
  guarded = new Agent({ connect: { lookup: guardedLookup, timeout: 2000 } });
});

afterAll(async () => {
  await guarded.close();
  await server.close();
});

describe('guardedLookup on the connection pool', () => {
  it('refuses a name that resolves to loopback at connect time, as PARALLAX_FETCH_BLOCKED_ADDRESS, without connecting', async () => {
    const error = await fetchErrorOf(
      fetchResource(`http://localhost:${server.port}/admin`, {
        userAgent: 'ParallaxTest/1.0',
        allowPrivateAddresses: true,
        dispatcher: guarded,
      }),
    );
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.retryable).toBe(false);
    expect(String(error.details.address)).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(server.requests).toHaveLength(0);
  });

  it('control: the same request through an unguarded pool reaches the server', async () => {
    const plain = new Agent();
    try {
      const outcome = await fetchResource(`http://localhost:${server.port}/admin`, {
        userAgent: 'ParallaxTest/1.0',
        allowPrivateAddresses: true,
        dispatcher: plain,
      });
      expect(outcome.kind).toBe('fetched');
      expect(server.requests).toHaveLength(1);
    } finally {
      await plain.close();
    }
  });
});

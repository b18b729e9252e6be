import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPage } from '../src/index';
import { fetchErrorOf, startServer, type TestServer } from './helpers';

/**
 * The private-address guard must refuse before any connection is made. The server listens
 * dual-stack on a loopback port, so every loopback spelling below really reaches it when allowed:
 * the control test proves it, which is what makes "the server saw no request" mean something.
 */
let server: TestServer;

const loopbackSpellings = (port: number) => [
  `http://127.0.0.1:${port}/admin`,
  `http://localhost:${port}/admin`,
  `http://[::1]:${port}/admin`,
  `http://[::ffff:127.0.0.1]:${port}/admin`,
  `http://[0:0:0:0:0:0:0:1]:${port}/admin`,
  `http://2130706433:${port}/admin`, // 127.0.0.1 as one decimal number
  `http://0x7f.1:${port}/admin`, // 127.0.0.1 in hex shorthand
  `http://127.1:${port}/admin`,
  `http://0.0.0.0:${port}/admin`,
];

beforeAll(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('internal admin page');
  }, '::');
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

describe('private-address guard', () => {
  it('control: with allowPrivateAddresses every loopback spelling reaches the server', async () => {
    const urls = loopbackSpellings(server.port);
    for (const url of urls) {
      const page = await fetchPage(url, {
        userAgent: 'ParallaxTest/1.0',
        allowPrivateAddresses: true,
        timeoutMs: 2000,
      });
      expect(page.text).toBe('internal admin page');
    }
    expect(server.requests).toHaveLength(urls.length);
  });

  it('refuses every loopback spelling by default, before connecting', async () => {
    for (const url of loopbackSpellings(server.port)) {
      const error = await fetchErrorOf(fetchPage(url, { userAgent: 'ParallaxTest/1.0', timeoutMs: 2000 }));
      expect(error.code, url).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
      expect(error.retryable).toBe(false);
      expect(typeof error.details.address).toBe('string');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('also refuses with allowPrivateAddresses: false given explicitly', async () => {
    const error = await fetchErrorOf(
      fetchPage(`http://127.0.0.1:${server.port}/`, {
        userAgent: 'ParallaxTest/1.0',
        allowPrivateAddresses: false,
      }),
    );
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.details.address).toBe('127.0.0.1');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['http://10.0.0.1/', '10.0.0.1'],
    ['http://10.20.30.40:8080/internal', '10.20.30.40'],
    ['http://192.168.1.1/router', '192.168.1.1'],
    ['http://172.16.5.4/', '172.16.5.4'],
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', '169.254.169.254'],
    ['http://[fd00::2]/', 'fd00::2'],
    ['http://[fe80::1]/', 'fe80::1'],
  ])('refuses %s as PARALLAX_FETCH_BLOCKED_ADDRESS', async (url, address) => {
    // A guard that let these through would try to connect and end in TIMEOUT or NETWORK instead.
    const error = await fetchErrorOf(fetchPage(url, { userAgent: 'ParallaxTest/1.0', timeoutMs: 300 }));
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.retryable).toBe(false);
    expect(error.details.address).toBe(address);
  });

  it('turns a name that does not resolve into PARALLAX_FETCH_NETWORK, not a raw DNS error', async () => {
    // .invalid never resolves (RFC 6761); the guard's own lookup fails first.
    const error = await fetchErrorOf(
      fetchPage('http://parallax-no-such-host.invalid/', { userAgent: 'ParallaxTest/1.0', timeoutMs: 2000 }),
    );
    expect(error.code).toBe('PARALLAX_FETCH_NETWORK');
    expect(error.retryable).toBe(true);
  });
});

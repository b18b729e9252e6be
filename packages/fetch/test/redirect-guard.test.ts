import { type Dispatcher, getGlobalDispatcher, ProxyAgent, setGlobalDispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPage, isPrivateAddress } from '../src/index';
import { fetchErrorOf, startServer, type TestServer } from './helpers';

/**
 * A redirect from a public origin to a private one must be refused at the hop, before connecting.
 *
 * To get a public first hop without the internet, every request goes through a real forward proxy
 * (a node:http server on loopback) installed as undici's global dispatcher. The proxy plays the
 * public sites 203.0.113.10 and 203.0.113.20 (TEST-NET-3: public to the guard, never routed) and
 * records each absolute URL it is asked for. If fetchPage followed a redirect to a private address,
 * that request would go through the proxy too and show up in its log (and a private service on a
 * real loopback port is watched as well), so "only the first hop reached the proxy" proves the
 * guard ran on the redirect target.
 */
const PUBLIC_A = 'http://203.0.113.10';
const PUBLIC_B = 'http://203.0.113.20';

let proxy: TestServer;
let internal: TestServer;
let previousDispatcher: Dispatcher;
let agent: ProxyAgent;

beforeAll(async () => {
  internal = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('secret');
  }, '::');
  proxy = await startServer((req, res) => {
    // Absolute-form request line: req.url is the full target URL.
    const target = new URL(req.url ?? '');
    const location = target.searchParams.get('to');
    if (target.pathname === '/go' && location) {
      res.writeHead(302, { location, 'content-type': 'text/html' });
      res.end('<a>moved</a>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<h1>${target.host}${target.pathname}</h1>`);
  });
  previousDispatcher = getGlobalDispatcher();
  agent = new ProxyAgent({ uri: proxy.origin, proxyTunnel: false });
  setGlobalDispatcher(agent);
});

afterAll(async () => {
  setGlobalDispatcher(previousDispatcher);
  await agent.close();
  await proxy.close();
  await internal.close();
});

beforeEach(() => {
  proxy.requests.length = 0;
  internal.requests.length = 0;
});

const via = (to: string) => `${PUBLIC_A}/go?to=${encodeURIComponent(to)}`;
const fetchPublic = (url: string) => fetchPage(url, { userAgent: 'ParallaxTest/1.0', timeoutMs: 2000 });

describe('redirects and the private-address guard', () => {
  it('precondition: the stand-in public addresses are public to the guard', () => {
    expect(isPrivateAddress('203.0.113.10')).toBe(false);
    expect(isPrivateAddress('203.0.113.20')).toBe(false);
  });

  it('control: a public-to-public redirect is followed through the proxy', async () => {
    const page = await fetchPublic(via(`${PUBLIC_B}/news/story`));
    expect(page.snapshot.finalUrl).toBe(`${PUBLIC_B}/news/story`);
    expect(page.snapshot.redirects).toEqual([via(`${PUBLIC_B}/news/story`)]);
    expect(page.text).toBe('<h1>203.0.113.20/news/story</h1>');
    expect(proxy.requests.map((r) => r.url)).toEqual([
      via(`${PUBLIC_B}/news/story`),
      `${PUBLIC_B}/news/story`,
    ]);
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/secret`,
    (port: number) => `http://localhost:${port}/secret`,
    (port: number) => `http://[::1]:${port}/secret`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/secret`,
    () => 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    () => 'http://10.0.0.5/admin',
    () => 'http://[fd00::2]/',
  ])('refuses a public page redirecting to a private target (%#)', async (target) => {
    const to = target(internal.port);
    const error = await fetchErrorOf(fetchPublic(via(to)));
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.retryable).toBe(false);
    // Only the public first hop was requested; the private target never was, by any route.
    expect(proxy.requests.map((r) => r.url)).toEqual([via(to)]);
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses the private hop in the middle of a longer chain', async () => {
    const inner = `${PUBLIC_B}/go?to=${encodeURIComponent('http://192.168.0.1/router')}`;
    const error = await fetchErrorOf(fetchPublic(via(inner)));
    expect(error.code).toBe('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(error.details.address).toBe('192.168.0.1');
    expect(proxy.requests.map((r) => r.url)).toEqual([via(inner), inner]);
  });
});

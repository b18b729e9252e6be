/**
 * What politeness costs in-process: the same loopback page fetched N times by a bare undici request
 * (the named peer: no guard, no robots, no limits), by fetchPage, and by the PoliteFetcher (robots.txt
 * cached, limiter with no spacing, so only the bookkeeping is measured). Then gzip decoding and the
 * decompression-bomb cap: time and peak RSS growth for a 1 MB gzip that inflates to 256 MB.
 *
 *   pnpm --filter @parallax/fetch bench
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { FetchError } from '@parallax/core';
import { Agent, request } from 'undici';
import { fetchPage, InProcessHostLimiter, PoliteFetcher } from '../src/index';

const N = Number(process.env.BENCH_REQUESTS ?? 2000);
const paragraph =
  '<p>The city council voted 31 to 18 on Thursday to approve a 12-kilometre tram line linking the northern suburbs with the central station.</p>\n';
const PAGE = Buffer.from(
  `<!doctype html><html><head><meta charset="utf-8"><title>Bench</title></head><body>${paragraph.repeat(60)}</body></html>`,
);
const PAGE_GZ = gzipSync(PAGE);
const BOMB = gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 });

const server = createServer((req, res) => {
  if (req.url === '/robots.txt')
    return void res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end('User-agent: *\nDisallow: /admin/\n');
  if (req.url === '/gz')
    return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(PAGE_GZ);
  if (req.url === '/bomb')
    return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(BOMB);
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(PAGE.length) })
    .end(PAGE);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

type Contender = { label: string; run: () => Promise<unknown> };

/**
 * The contenders take turns in rounds (the machine is shared, so load comes and goes); each one's
 * figure is the median round.
 */
async function race(contenders: Contender[], rounds = 7): Promise<Map<string, number>> {
  for (const c of contenders) for (let i = 0; i < 50; i += 1) await c.run(); // warm-up: connections, JIT
  const perRound = Math.max(1, Math.floor(N / rounds));
  const samples = new Map<string, number[]>(contenders.map((c) => [c.label, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const c of contenders) {
      const start = performance.now();
      for (let i = 0; i < perRound; i += 1) await c.run();
      samples.get(c.label)?.push(((performance.now() - start) * 1000) / perRound);
    }
  }
  const medians = new Map<string, number>();
  for (const [label, values] of samples) {
    values.sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] ?? Number.NaN;
    medians.set(label, median);
    console.log(
      `${label.padEnd(48)} ${String(perRound * rounds).padStart(5)} requests  median ${median.toFixed(0).padStart(5)} µs/req  ${(1e6 / median).toFixed(0).padStart(6)} req/s`,
    );
  }
  return medians;
}

const agent = new Agent();
const polite = new PoliteFetcher({
  agent: 'ParallaxBot/0.1',
  contactUrl: 'https://parallax.example.org/bot',
  request: { allowPrivateAddresses: true },
  limiter: new InProcessHostLimiter({ minDelayMs: 0, maxConcurrency: 4 }),
});
const BARE = 'undici request (peer: no politeness)';
const PLAIN = 'fetchPage (caps, charset, sha256)';
const POLITE = 'PoliteFetcher (+ robots cache, limiter, retry)';
const GZIP = 'PoliteFetcher, same page gzip-encoded';
const m = await race([
  {
    label: BARE,
    run: async () => {
      const res = await request(`${origin}/news`, { dispatcher: agent });
      await res.body.arrayBuffer();
    },
  },
  {
    label: PLAIN,
    run: () =>
      fetchPage(`${origin}/news`, { userAgent: 'Bench/1.0', allowPrivateAddresses: true, dispatcher: agent }),
  },
  { label: POLITE, run: () => polite.fetch(`${origin}/news`) },
  { label: GZIP, run: () => polite.fetch(`${origin}/gz`) },
]);
const us = (label: string) => m.get(label) ?? Number.NaN;
console.log(
  `\nper-request overhead over bare undici: fetchPage +${(us(PLAIN) - us(BARE)).toFixed(0)} µs, PoliteFetcher +${(us(POLITE) - us(BARE)).toFixed(0)} µs; gzip decoding +${(us(GZIP) - us(POLITE)).toFixed(0)} µs (${(PAGE.length / 1024).toFixed(0)} KB page)`,
);

const rssBefore = process.memoryUsage().rss;
const bombStart = performance.now();
let code = '';
try {
  await polite.fetch(`${origin}/bomb`);
} catch (error) {
  code = error instanceof FetchError ? error.code : String(error);
}
console.log(
  `gzip bomb (${(BOMB.length / 1024).toFixed(0)} KB → 256 MB) refused as ${code} after ${(performance.now() - bombStart).toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MB (cap 5 MB)`,
);

await polite.close();
await agent.close();
server.close();

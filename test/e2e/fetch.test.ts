import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Snapshot } from '@parallax/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';

/** A Mongolian news page, as a site would serve it (UTF-8, with an ETag). */
const ARTICLE = Buffer.from(
  `<!doctype html>
<html lang="mn"><head><meta charset="utf-8"><title>Монгол, Оросын хооронд 15 баримт бичигт гарын үсэг зурав</title></head>
<body><article><h1>Монгол, Оросын хооронд 15 баримт бичигт гарын үсэг зурав</h1>
<p>Албан ёсны хэлэлцээний дараа хоёр улсын төлөөлөгчид эрчим хүч, боловсролын чиглэлээр баримт бичигт гарын үсэг зурлаа.</p>
</article></body></html>
`,
  'utf8',
);
const ETAG = '"unuudur-15-barimt-v1"';

const work = mkdtempSync(join(tmpdir(), 'parallax-fetch-e2e-'));
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    } else if (req.url === '/a/mongol-oros-15-barimt-bichig') {
      if (req.headers['if-none-match'] === ETAG) res.writeHead(304, { etag: ETAG }).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: ETAG }).end(ARTICLE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  rmSync(work, { recursive: true, force: true });
});

const dataDir = join(work, 'home');

describe('parallax fetch', () => {
  it('fetches a page politely, stores its snapshot and prints the metadata (not the body)', async () => {
    const url = `${origin}/a/mongol-oros-15-barimt-bichig`;
    const result = await runCli(['fetch', url, '--allow-private', '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.result).toBe('fetched');
    expect(out.stored).toBe(true);
    const snapshot = Snapshot.parse(out.snapshot);
    expect(snapshot.sha256).toBe(createHash('sha256').update(ARTICLE).digest('hex'));
    expect(snapshot.byteLength).toBe(ARTICLE.length);
    expect(snapshot.finalUrl).toBe(url);
    expect(result.stdout).not.toContain('баримт бичигт');
    // robots.txt first, with the User-Agent of infra/sources.yaml and its contact URL.
    expect(seen.map((r) => r.url)).toEqual(['/robots.txt', '/a/mongol-oros-15-barimt-bichig']);
    expect(seen[1]?.headers['user-agent']).toMatch(/^ParallaxBot\/0\.1 \(\+https?:\/\/\S+\)$/);
  });

  it('re-fetching the unchanged page is a conditional GET answered 304, pointing at the stored snapshot', async () => {
    seen.length = 0;
    const url = `${origin}/a/mongol-oros-15-barimt-bichig`;
    const result = await runCli(['fetch', url, '--allow-private', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.result).toBe('not-modified');
    expect(out.stored).toBe(false);
    expect(out.previous.sha256).toBe(createHash('sha256').update(ARTICLE).digest('hex'));
    expect(seen.find((r) => r.url === '/a/mongol-oros-15-barimt-bichig')?.headers['if-none-match']).toBe(
      ETAG,
    );
  });

  it('refuses a loopback address without --allow-private, exit 1, before any request', async () => {
    seen.length = 0;
    const result = await runCli(['fetch', `${origin}/a/mongol-oros-15-barimt-bichig`, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PARALLAX_FETCH_BLOCKED_ADDRESS');
    expect(result.stdout).toBe('');
    expect(seen).toEqual([]);
  });

  it('refuses a path robots.txt disallows, exit 1, without requesting it', async () => {
    seen.length = 0;
    const result = await runCli([
      'fetch',
      `${origin}/private/memo`,
      '--allow-private',
      '--data-dir',
      dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PARALLAX_FETCH_ROBOTS_DISALLOWED');
    expect(seen.map((r) => r.url)).toEqual(['/robots.txt']);
  });

  it('reports a broken --config as PARALLAX_CONFIG_INVALID with file and line, exit 2', async () => {
    const config = join(work, 'sources.yaml');
    writeFileSync(
      config,
      'version: 1\nagent:\n  name: ParallaxBot/0.1\n  contact: https://parallax.example.org/bot\nlimits:\n  maxBytes: huge\nsources:\n  - id: icc\n',
    );
    const result = await runCli(['fetch', `${origin}/a/x`, '--config', config, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PARALLAX_CONFIG_INVALID');
    expect(result.stderr).toContain(`${config}:6:13: limits.maxBytes`);
  });
});

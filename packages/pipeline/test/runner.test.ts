import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Manifest, ParallaxError, Report } from '@parallax/core';
import { openStore, type Store } from '@parallax/store';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ReplayServer,
  type RunProgress,
  type RunSource,
  runPipeline,
  startReplayServer,
} from '../src/index';

const corpus = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024');
const manifest: Manifest = JSON.parse(readFileSync(resolve(corpus, 'manifest.json'), 'utf8'));
const pages = manifest.map((m) => ({ url: m.url, file: resolve(corpus, m.file) }));
const metaOf = (m: Manifest[number]) => ({
  source: m.source,
  kind: m.kind,
  url: m.url,
  title: m.title,
  lang: m.lang,
  publishedAt: m.publishedAt,
});
const fetchOptions = { userAgent: 'ParallaxTest/0.1', allowPrivateAddresses: true, timeoutMs: 5_000 };

let replay: ReplayServer;
let store: Store;

beforeAll(async () => {
  replay = await startReplayServer(pages);
});
afterAll(async () => {
  await replay.close();
});
beforeEach(async () => {
  store = await openStore({ memory: true });
});
afterEach(async () => {
  await store.close();
});

/**
 * Each request on its own connection: a socket pooled by one test and reused by the next after a
 * slow beforeEach (a new PGlite store) can meet the server's keep-alive timeout and reset.
 */
const NO_KEEP_ALIVE = { headers: { connection: 'close' } };

describe('startReplayServer', () => {
  it('serves each recorded page byte for byte at its original host and path', async () => {
    const bloomberg = manifest.find((m) => m.source === 'Bloomberg') as Manifest[number];
    const response = await fetch(replay.urlFor(bloomberg.url), NO_KEEP_ALIVE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(
      Buffer.from(await response.arrayBuffer()).equals(readFileSync(resolve(corpus, bloomberg.file))),
    ).toBe(true);
  });

  it('answers 404 for a page it has no recording of', async () => {
    const response = await fetch(`${replay.origin}/www.bloomberg.com/news/articles/unknown`, NO_KEEP_ALIVE);
    expect(response.status).toBe(404);
  });
});

describe('runPipeline', () => {
  it('fetches, stores every stage and returns the report it stored', async () => {
    const progress: RunProgress[] = [];
    const result = await runPipeline(
      manifest.map((m) => ({ meta: metaOf(m), fetchUrl: replay.urlFor(m.url) })),
      {
        store,
        fetch: fetchOptions,
        now: () => new Date('2024-09-05T00:00:00Z'),
        onProgress: (p) => progress.push(p),
      },
    );
    expect(result.failures).toEqual([]);
    expect(Report.parse(result.report).generatedAt).toBe('2024-09-05T00:00:00.000Z');
    expect(await store.getReport(result.reportId)).toEqual(result.report);
    expect((await store.listDocuments()).map((d) => d.url)).toEqual(manifest.map((m) => m.url));
    for (const doc of result.documents) {
      const stored = await store.getDocument(doc.ref.id);
      expect(stored?.statements).toEqual(doc.statements);
      const snapshot = await store.getSnapshot(doc.ref.snapshotSha256);
      expect(snapshot?.snapshot.finalUrl).toBe(replay.urlFor(doc.ref.url));
    }
    expect(progress.filter((p) => p.type === 'fetched')).toHaveLength(manifest.length);
    expect((await store.getRun(result.runId))?.status).toBe('succeeded');
  });

  it('records a source that fails with its code and goes on with the rest', async () => {
    const sources: RunSource[] = manifest
      .slice(0, 3)
      .map((m) => ({ meta: metaOf(m), fetchUrl: replay.urlFor(m.url) }));
    sources.splice(1, 0, {
      meta: { source: 'Missing', kind: 'outlet', url: 'https://example.org/missing' },
      fetchUrl: `${replay.origin}/example.org/missing`,
    });
    const result = await runPipeline(sources, { store, fetch: fetchOptions });
    expect(result.failures).toEqual([
      expect.objectContaining({
        url: 'https://example.org/missing',
        code: 'PARALLAX_FETCH_STATUS',
        retryable: false,
      }),
    ]);
    expect(result.documents).toHaveLength(3);
    expect((await store.getRun(result.runId))?.summary).toMatchObject({ documents: 3, failures: 1 });
  });

  it('refuses loopback addresses unless the run allows them', async () => {
    const [first] = manifest;
    const run = runPipeline(
      [{ meta: metaOf(first as Manifest[number]), fetchUrl: replay.urlFor((first as Manifest[number]).url) }],
      {
        store,
        fetch: { userAgent: 'ParallaxTest/0.1' },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'PARALLAX_RUN_FAILED' });
    await expect(run).rejects.toThrow(/PARALLAX_FETCH_BLOCKED_ADDRESS/);
  });

  describe('when every source fails', () => {
    let flaky: Server;
    let origin: string;
    beforeAll(async () => {
      flaky = createServer((_req, res) =>
        res.writeHead(503, { 'retry-after': '1' }).end('down for maintenance'),
      );
      await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', () => r()));
      origin = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => flaky.close(() => r())));

    it('fails the run as retryable, records it as failed and stores no report', async () => {
      const error = await runPipeline(
        [
          {
            meta: { source: 'Down', kind: 'outlet', url: 'https://down.example/a' },
            fetchUrl: `${origin}/a`,
          },
        ],
        { store, fetch: fetchOptions },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParallaxError);
      expect(error).toMatchObject({ code: 'PARALLAX_RUN_FAILED', retryable: true });
      expect(await store.listDocuments()).toEqual([]);
      const runId = (error as ParallaxError).details.runId as string;
      expect(await store.getRun(runId)).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('PARALLAX_FETCH_STATUS'),
      });
    });
  });
});

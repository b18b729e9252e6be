import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Manifest, Report } from '@parallax/core';
import {
  discoverSource,
  enqueueSourceRun,
  FleetClient,
  type RunSource,
  runPipeline,
  type StageWorkers,
  sourceToDiscover,
  startStageWorkers,
} from '@parallax/pipeline';
import { parseSourcesConfig, type SourcesConfig } from '@parallax/sources';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../harness/cli';
import { RecordedSite } from '../harness/recorded-site';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';

const manifest: Manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8'));
const fetchOptions = { userAgent: 'ParallaxCorpusTest/0.1', allowPrivateAddresses: true, timeoutMs: 20_000 };
const NOW = new Date('2024-09-05T00:00:00Z');
const now = () => NOW;

let redis: RedisService;
let postgres: PostgresService;
let site: RecordedSite;
let dir: string;
let config: SourcesConfig;

/**
 * The demo corpus as nine sites' worth of sources on one loopback site: each source its own RSS feed
 * (one item: its article, with the manifest's title and date) and article page.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-feeds-'));
  const pages: ConstructorParameters<typeof RecordedSite>[0] = {};
  manifest.forEach((m, i) => {
    const feed = join(dir, `s${i}.rss`);
    writeFileSync(
      feed,
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${m.source}</title><link>{{origin}}/s${i}/</link>
<item><title>${m.title?.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</title><link>{{origin}}/s${i}/article</link>
<pubDate>${new Date(m.publishedAt as string).toUTCString()}</pubDate></item>
</channel></rss>`,
    );
    pages[`/s${i}/feed.rss`] = { file: feed, contentType: 'application/rss+xml; charset=utf-8' };
    pages[`/s${i}/article`] = {
      file: resolve(CORPUS, m.file),
      contentType: m.file.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8',
    };
  });
  [redis, postgres, site] = await Promise.all([
    startRedis(),
    startPostgres(),
    new RecordedSite(pages).start(),
  ]);
  const origin = site.origin;
  config = parseSourcesConfig(
    `version: 1
agent:
  name: ParallaxBot/0.1
  contact: https://github.com/parallax-news/parallax#crawler
limits:
  minDelayMs: 0
  maxAttempts: 1
  timeoutMs: 10000
sources:
${manifest
  .map(
    (m, i) => `  - id: s${i}
    profile: generic
    name: ${JSON.stringify(m.source)}
    kind: ${m.kind}
    lang: ${m.lang}
    homepage: ${origin}/s${i}/
    schedule: "0 0 1 1 *"
    windowHours: 240
    allowPrivateAddresses: true
    discovery:
      - type: feed
        url: ${origin}/s${i}/feed.rss
    articlePatterns:
      - '^${origin.replaceAll('.', '\\.')}/s${i}/article$'`,
  )
  .join('\n')}
`,
    'sources.yaml',
  );
});

afterAll(async () => {
  await Promise.all([redis?.stop(), postgres?.stop(), site?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function finished(store: Store, runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await store.getRun(runId);
    if (run && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const byId = (report: Report) => [...report.events].sort((a, b) => (a.id < b.id ? -1 : 1));

/** Every source discovered (the same discovery code the fleet runs), then one in-process run over all. */
async function inProcessRun() {
  const scratch = await openStore({ memory: true });
  const sources: RunSource[] = [];
  for (const source of config.sources) {
    const found = await discoverSource(sourceToDiscover(config, source), { store: scratch, now: NOW });
    sources.push(...found.sources);
  }
  await scratch.close();
  expect(sources).toHaveLength(manifest.length);
  const embedded = await openStore({ memory: true });
  const result = await runPipeline(sources, { store: embedded, fetch: fetchOptions, now });
  await embedded.close();
  expect(result.failures).toEqual([]);
  return result;
}

describe('the store is the corpus, on the fleet', () => {
  it('the demo corpus fed source by source through the scheduler’s jobs equals one in-process run over all of it', async () => {
    const inProcess = await inProcessRun();

    // The fleet: one scheduled firing per source (the scheduler's discover job), one after another.
    const store = await openStore({ databaseUrl: await postgres.createDatabase('corpus_feeding') });
    const workers: StageWorkers = await startStageWorkers({
      redisUrl: redis.url,
      store,
      fetch: fetchOptions,
      hostRequestsPerSecond: 50,
      now,
    });
    const client = new FleetClient(redis.url);
    try {
      let reportId = '';
      for (const source of config.sources) {
        const runId = await enqueueSourceRun(client.discoverQueue, config, source);
        const run = await finished(store, runId);
        expect(run.status, JSON.stringify(run)).toBe('succeeded');
        expect(run.summary?.documents).toBe(1);
        reportId = String(run.summary?.reportId);
      }
      const last = await store.getReport(reportId);
      expect(last).not.toBeNull();
      expect(byId(last as Report)).toEqual(byId(inProcess.report));
      expect(reportId).toBe(inProcess.reportId);
      // Each story's current version is its event in that report; the corpus saw one compare per firing.
      const stories = await store.currentStories();
      expect(stories.map((s) => s.event).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        byId(inProcess.report),
      );
      expect(await store.corpusVersion()).toBe(manifest.length);
    } finally {
      await workers.close();
      await client.close();
      await store.close();
    }
  });

  it('every source fired at once, served by two workers on their own connections: no compare loses another’s documents', async () => {
    const inProcess = await inProcessRun();
    const databaseUrl = await postgres.createDatabase('corpus_concurrent');
    const stores = [await openStore({ databaseUrl }), await openStore({ databaseUrl })];
    await redis.flush();
    const workers = await Promise.all(
      stores.map((store) =>
        startStageWorkers({
          redisUrl: redis.url,
          store,
          fetch: fetchOptions,
          hostRequestsPerSecond: 50,
          now,
        }),
      ),
    );
    const client = new FleetClient(redis.url);
    try {
      const runIds = await Promise.all(
        config.sources.map((source) => enqueueSourceRun(client.discoverQueue, config, source)),
      );
      for (const runId of runIds) {
        const run = await finished(stores[0] as Store, runId, 120_000);
        expect(run.status, JSON.stringify(run)).toBe('succeeded');
      }
      const store = stores[0] as Store;
      // Whatever order the compares saved in, the last saved holds every document.
      const stories = await store.currentStories();
      expect(stories.map((s) => s.event).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        byId(inProcess.report),
      );
      // One save per compare, each the next corpus version: none overwrote another.
      expect(await store.corpusVersion()).toBe(manifest.length);
      const versions = (await Promise.all(stories.map((s) => store.storyVersions(s.storyId)))).flat();
      const seen = new Set(versions.flatMap((v) => v.changes.documents));
      expect(seen.size).toBe(manifest.length);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await client.close();
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

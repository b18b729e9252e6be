import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FleetClient,
  type ReplayServer,
  type RunSource,
  runPipeline,
  type StageWorkers,
  startReplayServer,
  startStageWorkers,
} from '@parallax/pipeline';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';
import { killHard, startWorkerApp, type WorkerApp } from '../harness/workers';
import { generateCorpus } from './corpus';
import { type StoreState, storeState } from './store-state';

// A run of 1,008 documents: every page of the demo corpus in 112 revisions.
const DOCUMENTS = 1_008;
const fetchOptions = { userAgent: 'ParallaxFaultTest/0.1', allowPrivateAddresses: true, timeoutMs: 30_000 };
const now = () => new Date('2024-09-05T00:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: RedisService;
let postgres: PostgresService;
let replay: ReplayServer;
let corpusDir: string;
let sources: RunSource[];
let clean: StoreState;
let cleanReportId: string;

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), 'parallax-fleet-corpus-'));
  const pages = generateCorpus(corpusDir, DOCUMENTS);
  [redis, postgres, replay] = await Promise.all([
    startRedis({ aof: true }),
    startPostgres(),
    startReplayServer(pages.map((p) => ({ url: p.url, file: p.file }))),
  ]);
  sources = pages.map((p) => ({ meta: p.meta, fetchUrl: replay.urlFor(p.url) }));
  // The reference: the same documents run in-process, undisturbed, into a database of their own.
  const url = await postgres.createDatabase('clean');
  const store = await openStore({ databaseUrl: url });
  try {
    const result = await runPipeline(sources, { store, fetch: fetchOptions, now });
    expect(result.failures).toEqual([]);
    cleanReportId = result.reportId;
  } finally {
    await store.close();
  }
  clean = await storeState(url);
}, 180_000);

afterAll(async () => {
  await Promise.all([redis?.stop(), postgres?.stop(), replay?.close()]);
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
});

/** The faulted run's store must hold exactly what the clean run's holds: nothing lost, nothing twice. */
function expectSameAsClean(state: StoreState, reportId: string): void {
  expect(state.duplicateUrls).toEqual([]);
  expect(state.documents.length).toBe(DOCUMENTS);
  expect(state.snapshots).toEqual(clean.snapshots);
  expect(state.documents).toEqual(clean.documents);
  expect(state.statements).toEqual(clean.statements);
  expect(state.facts).toEqual(clean.facts);
  expect(state.reports).toEqual(clean.reports);
  expect(reportId).toBe(cleanReportId);
}

/** Workers in this process (for the Redis and PostgreSQL faults, which hit every worker alike). */
async function inProcessWorkers(store: Store): Promise<StageWorkers> {
  return startStageWorkers({
    redisUrl: redis.url,
    store,
    fetch: fetchOptions,
    now,
    hostRequestsPerSecond: 0,
    concurrency: { fetch: 16, extract: 4 },
    lockDurationMs: 5_000,
    policy: { backoffMs: 500, attempts: 8 },
  });
}

async function waitForProgress(client: FleetClient, runId: string, fraction: number): Promise<void> {
  for (;;) {
    const progress = await client.progress(runId);
    if (progress.state === 'done' || (progress.total > 0 && progress.done >= progress.total * fraction))
      return;
    await sleep(100);
  }
}

describe('fault tests: a run of 1,008 documents', () => {
  it('loses nothing and duplicates nothing when a worker process is SIGKILLed ten times at random points', async () => {
    await redis.flush();
    const databaseUrl = await postgres.createDatabase('killed');
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: databaseUrl,
      PARALLAX_STAGES: 'all',
      PARALLAX_HEALTH_PORT: '0',
      PARALLAX_ALLOW_PRIVATE_ADDRESSES: '1',
      PARALLAX_HOST_RPS: '0',
      PARALLAX_LOCK_MS: '3000',
      PARALLAX_MAX_STALLED: '50',
    };
    // Two worker processes serving every stage; a killed one is restarted at once, and the next kill
    // may wait for it to be up (so every kill hits a working process) while the other one works on.
    const apps: Array<Promise<WorkerApp>> = [
      startWorkerApp('normaliser', env),
      startWorkerApp('normaliser', env),
    ];
    const client = new FleetClient(redis.url, { backoffMs: 500, attempts: 8 });
    try {
      await Promise.all(apps);
      const runId = await client.enqueueRun(sources);
      let killsDuringRun = 0;
      for (let kill = 0; kill < 10; kill++) {
        await sleep(300 + Math.floor(Math.random() * 1_200));
        const victim = Math.floor(Math.random() * apps.length);
        const app = await (apps[victim] as Promise<WorkerApp>);
        if ((await client.progress(runId)).state !== 'done') killsDuringRun++;
        await killHard(app);
        apps[victim] = startWorkerApp('normaliser', env);
      }
      const result = await client.waitForRun(runId, { timeoutMs: 240_000 });
      // The kills must have landed while the run was going on, or the test proves nothing.
      expect(killsDuringRun).toBeGreaterThanOrEqual(5);
      expect(result.failures).toEqual([]);
      expect(result.documents).toBe(DOCUMENTS);
      expectSameAsClean(await storeState(databaseUrl), result.reportId);
    } finally {
      await client.close();
      await Promise.all(apps.map(async (app) => killHard(await app)));
    }
  }, 300_000);

  it('completes when Redis restarts mid-run (append-only file on)', async () => {
    await redis.flush();
    const databaseUrl = await postgres.createDatabase('redis_restart');
    const store = await openStore({ databaseUrl });
    const workers = await inProcessWorkers(store);
    const client = new FleetClient(redis.url, { backoffMs: 500, attempts: 8 });
    try {
      const runId = await client.enqueueRun(sources);
      await waitForProgress(client, runId, 0.2);
      expect((await client.progress(runId)).state).not.toBe('done');
      await redis.restart();
      const result = await client.waitForRun(runId, { timeoutMs: 180_000 });
      expect(result.failures).toEqual([]);
      expectSameAsClean(await storeState(databaseUrl), result.reportId);
    } finally {
      await workers.close();
      await client.close();
      await store.close();
    }
  }, 240_000);

  it('retries and completes when PostgreSQL is down for a few seconds mid-run', async () => {
    await redis.flush();
    const databaseUrl = await postgres.createDatabase('pg_outage');
    const store = await openStore({ databaseUrl });
    const workers = await inProcessWorkers(store);
    const client = new FleetClient(redis.url, { backoffMs: 500, attempts: 8 });
    const failed: string[] = [];
    for (const worker of workers.workers.values())
      worker.on('failed', (_job, error) => failed.push(error.message));
    try {
      const runId = await client.enqueueRun(sources);
      await waitForProgress(client, runId, 0.2);
      expect((await client.progress(runId)).state).not.toBe('done');
      await postgres.pause();
      await sleep(3_000);
      await postgres.resume();
      const result = await client.waitForRun(runId, { timeoutMs: 180_000 });
      // The outage was felt (attempts failed on the store) and overcome by retries.
      expect(failed.some((m) => /failed|ECONNREFUSED|terminat|connect/i.test(m))).toBe(true);
      expect(result.failures).toEqual([]);
      expectSameAsClean(await storeState(databaseUrl), result.reportId);
    } finally {
      await workers.close();
      await client.close();
      await store.close();
    }
  }, 240_000);
});

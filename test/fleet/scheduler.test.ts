import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest } from '@parallax/core';
import {
  FleetClient,
  parseScheduledSources,
  type ReplayServer,
  type StageWorkers,
  startReplayServer,
  startStageWorkers,
  syncSchedules,
} from '@parallax/pipeline';
import { openStore, type Store } from '@parallax/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../harness/cli';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';

const manifest: Manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: RedisService;
let postgres: PostgresService;
let replay: ReplayServer;
let store: Store;
let databaseUrl: string;
let workers: StageWorkers;
let client: FleetClient;

beforeAll(async () => {
  [redis, postgres, replay] = await Promise.all([
    startRedis(),
    startPostgres(),
    startReplayServer(manifest.map((m) => ({ url: m.url, file: resolve(CORPUS, m.file) }))),
  ]);
  databaseUrl = await postgres.createDatabase('scheduled');
  store = await openStore({ databaseUrl });
  workers = await startStageWorkers({
    redisUrl: redis.url,
    store,
    fetch: { userAgent: 'ParallaxSchedulerTest/0.1', allowPrivateAddresses: true, timeoutMs: 5_000 },
    hostRequestsPerSecond: 20,
  });
  client = new FleetClient(redis.url);
});

afterAll(async () => {
  await workers?.close();
  await client?.close();
  await store?.close();
  await Promise.all([redis?.stop(), postgres?.stop(), replay?.close()]);
});

async function runs(): Promise<Array<{ id: string; status: string }>> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<{ id: string; status: string }>('SELECT id, status FROM runs ORDER BY started_at'))
      .rows;
  } finally {
    await db.end();
  }
}

async function schedulers() {
  return (await client.discoverQueue.getJobSchedulers(0, -1)).map((s) => ({ id: s.key, pattern: s.pattern }));
}

describe('scheduler: job schedulers from the sources config', () => {
  const bloomberg = manifest.find((m) => m.source === 'Bloomberg') as Manifest[number];
  const kremlin = manifest.find((m) => m.file === 'kremlin.html') as Manifest[number];
  const config = (bloombergSchedule: string, withKremlin: boolean) =>
    parseScheduledSources([
      {
        id: 'bloomberg',
        name: 'Bloomberg',
        kind: 'outlet',
        url: replay.urlFor(bloomberg.url),
        schedule: bloombergSchedule,
      },
      ...(withKremlin
        ? [{ id: 'kremlin', kind: 'official', urls: [replay.urlFor(kremlin.url)], schedule: '0 6 * * *' }]
        : []),
    ]);

  it('a source with a schedule fires, and its run goes through the fleet into the store', async () => {
    // Six fields: every second, so the test sees firings without waiting minutes.
    const result = await syncSchedules(client.discoverQueue, config('*/1 * * * * *', true));
    expect(result).toEqual({ upserted: ['source-bloomberg', 'source-kremlin'], removed: [] });
    const deadline = Date.now() + 30_000;
    let scheduled: Array<{ id: string; status: string }> = [];
    while (Date.now() < deadline) {
      scheduled = (await runs()).filter((r) => r.id.includes('source-bloomberg') && r.status === 'succeeded');
      if (scheduled.length >= 2) break;
      await sleep(200);
    }
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    const documents = await store.listDocuments();
    expect(documents.map((d) => d.url)).toContain(replay.urlFor(bloomberg.url));
    // Kremlin's cron (06:00 daily) has not come round: no run of it.
    expect((await runs()).some((r) => r.id.includes('source-kremlin'))).toBe(false);
  });

  it('syncing the same config again changes nothing; a changed schedule replaces the old one', async () => {
    const before = await schedulers();
    await syncSchedules(client.discoverQueue, config('*/1 * * * * *', true));
    expect(await schedulers()).toEqual(before);

    await syncSchedules(client.discoverQueue, config('30 7 * * 1', true));
    const after = await schedulers();
    expect(after.filter((s) => s.id === 'source-bloomberg')).toEqual([
      { id: 'source-bloomberg', pattern: '30 7 * * 1' },
    ]);
    expect(after).toHaveLength(2);
  });

  it('a removed source’s schedule is gone, and nothing more runs for it', async () => {
    await syncSchedules(client.discoverQueue, config('*/1 * * * * *', true));
    const result = await syncSchedules(client.discoverQueue, config('*/1 * * * * *', false));
    expect(result.removed).toEqual(['source-kremlin']);
    expect((await schedulers()).map((s) => s.id)).toEqual(['source-bloomberg']);

    await syncSchedules(client.discoverQueue, []);
    expect(await schedulers()).toEqual([]);
    await sleep(1_500); // let a firing already queued finish
    const settled = (await runs()).length;
    await sleep(2_500);
    expect((await runs()).length).toBe(settled);
  });

  it('refuses a config with a bad cron or a repeated id, naming the problem', () => {
    expect(() =>
      parseScheduledSources([{ id: 'a', url: 'https://www.icc-cpi.int/', schedule: 'hourly' }]),
    ).toThrow(/a: schedule "hourly" is not a cron expression/);
    expect(() =>
      parseScheduledSources([
        { id: 'a', url: 'https://www.icc-cpi.int/', schedule: '0 * * * *' },
        { id: 'a', url: 'https://mfa.gov.ua/en', schedule: '0 * * * *' },
      ]),
    ).toThrow(/the id a appears twice/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetClient, type StageWorkers, startStageWorkers, syncSchedules } from '@parallax/pipeline';
import { loadSourcesConfig, parseSourcesConfig, type SourcesConfig } from '@parallax/sources';
import { openStore, type Store } from '@parallax/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iccSite, kremlinSite, type RecordedSite, sourcesYaml } from '../harness/recorded-site';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';
import { killHard, startWorkerApp } from '../harness/workers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: RedisService;
let postgres: PostgresService;
let kremlin: RecordedSite;
let icc: RecordedSite;
let store: Store;
let databaseUrl: string;
let workers: StageWorkers;
let client: FleetClient;

beforeAll(async () => {
  [redis, postgres, kremlin, icc] = await Promise.all([
    startRedis(),
    startPostgres(),
    kremlinSite().start(),
    iccSite().start(),
  ]);
  databaseUrl = await postgres.createDatabase('scheduled');
  store = await openStore({ databaseUrl });
  workers = await startStageWorkers({
    redisUrl: redis.url,
    store,
    fetch: { userAgent: 'ParallaxSchedulerTest/0.1', allowPrivateAddresses: true, timeoutMs: 5_000 },
    hostRequestsPerSecond: 20,
    // The recorded feeds are of early September 2024: the workers' clock stands there.
    now: () => new Date('2024-09-03T12:00:00Z'),
  });
  client = new FleetClient(redis.url);
});

afterAll(async () => {
  await workers?.close();
  await client?.close();
  await store?.close();
  await Promise.all([redis?.stop(), postgres?.stop(), kremlin?.close(), icc?.close()]);
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

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

async function schedulers() {
  return (await client.discoverQueue.getJobSchedulers(0, -1))
    .map((s) => ({ id: s.key, pattern: s.pattern, tz: s.tz ?? null }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The sources config as the scheduler reads it (YAML through the validating loader). `kremlinSchedule`
 * may have six fields (seconds first), so the test sees firings without waiting minutes.
 */
function config(kremlinSchedule: string, options: { icc?: boolean; extra?: string } = {}): SourcesConfig {
  let yaml = sourcesYaml(kremlin, icc, options.extra).replace('"*/15 * * * *"', `"${kremlinSchedule}"`);
  if (options.icc === false) yaml = yaml.slice(0, yaml.indexOf('  - id: icc\n'));
  return parseSourcesConfig(yaml, 'sources.yaml');
}

describe('scheduler: one job scheduler per source of the YAML sources config', () => {
  it('a firing discovers the source’s new articles and runs them through the fleet into the store', async () => {
    const result = await syncSchedules(client.discoverQueue, config('*/1 * * * * *'));
    expect(result).toEqual({ upserted: ['source-kremlin-en', 'source-icc'], removed: [] });
    const deadline = Date.now() + 30_000;
    let scheduled: Array<{ id: string; status: string }> = [];
    while (Date.now() < deadline) {
      scheduled = (await runs()).filter(
        (r) => r.id.includes('source-kremlin-en') && r.status === 'succeeded',
      );
      if (scheduled.length >= 2) break;
      await sleep(200);
    }
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    // The transcript in the feed's window is stored (once: a document's id is a content hash). That
    // a later firing skips it is for the discovery test: here two firings may overlap.
    const transcript = `${kremlin.origin}/events/president/transcripts/74988`;
    expect((await store.listDocuments()).filter((d) => d.url === transcript)).toHaveLength(1);
    expect(kremlin.hits('/events/president/transcripts/feed')).toBeGreaterThanOrEqual(2);
    // ICC's cron (every two hours, on the hour) has not come round: no run of it.
    expect((await runs()).some((r) => r.id.includes('source-icc'))).toBe(false);
  });

  it('syncing the same config again changes nothing; a changed schedule, tz or source replaces the old one', async () => {
    const before = await schedulers();
    await syncSchedules(client.discoverQueue, config('*/1 * * * * *'));
    expect(await schedulers()).toEqual(before);

    await syncSchedules(client.discoverQueue, config('30 7 * * 1'));
    const after = await schedulers();
    expect(after).toEqual([
      { id: 'source-icc', pattern: '0 */2 * * *', tz: null },
      { id: 'source-kremlin-en', pattern: '30 7 * * 1', tz: null },
    ]);

    // A time zone, and a source's endpoints edited: the firing's payload follows the config.
    const edited = config('30 7 * * 1');
    const kremlinSource = edited.sources.find((s) => s.id === 'kremlin-en');
    if (!kremlinSource) throw new Error('no kremlin-en');
    kremlinSource.tz = 'Europe/Moscow';
    kremlinSource.windowHours = 72;
    await syncSchedules(client.discoverQueue, edited);
    expect((await schedulers()).find((s) => s.id === 'source-kremlin-en')).toEqual({
      id: 'source-kremlin-en',
      pattern: '30 7 * * 1',
      tz: 'Europe/Moscow',
    });
    const template = (await client.discoverQueue.getJobScheduler('source-kremlin-en'))?.template;
    expect(template?.data).toMatchObject({
      configured: {
        id: 'kremlin-en',
        windowHours: 72,
        agent: { name: 'ParallaxBot/0.1' },
        discovery: [{ type: 'feed', url: `${kremlin.origin}/events/president/transcripts/feed` }],
      },
    });
  });

  it('a removed or disabled source’s schedule is gone, and nothing more runs for it', async () => {
    await syncSchedules(client.discoverQueue, config('*/1 * * * * *'));
    const result = await syncSchedules(client.discoverQueue, config('*/1 * * * * *', { icc: false }));
    expect(result.removed).toEqual(['source-icc']);
    expect((await schedulers()).map((s) => s.id)).toEqual(['source-kremlin-en']);

    const disabled = config('*/1 * * * * *', { icc: false });
    for (const source of disabled.sources) source.enabled = false;
    expect(await syncSchedules(client.discoverQueue, disabled)).toEqual({
      upserted: [],
      removed: ['source-kremlin-en'],
    });
    expect(await schedulers()).toEqual([]);
    await sleep(1_500); // let a firing already queued finish
    const settled = (await runs()).length;
    await sleep(2_500);
    expect((await runs()).length).toBe(settled);
  });

  it('the shipped infra/sources.yaml schedules every enabled source, each payload valid', async () => {
    const shipped = await loadSourcesConfig(join(import.meta.dirname, '../../infra/sources.yaml'));
    const enabled = shipped.sources.filter((s) => s.enabled).map((s) => `source-${s.id}`);
    expect(enabled).toContain('source-kremlin-en');
    expect(enabled).not.toContain('source-montsame'); // enabled: false in the file
    expect((await syncSchedules(client.discoverQueue, shipped)).upserted).toEqual(enabled);
    for (const source of shipped.sources) source.enabled = false;
    expect((await syncSchedules(client.discoverQueue, shipped)).removed.sort()).toEqual([...enabled].sort());
  });

  it('the scheduler app: a bad edit keeps the schedules and logs file:line:column; SIGHUP applies a fix; SIGTERM stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-sources-'));
    const file = join(dir, 'sources.yaml');
    const good = sourcesYaml(kremlin, icc).replace('"*/15 * * * *"', '"0 6 * * *"');
    writeFileSync(file, good);
    const app = await startWorkerApp('scheduler', {
      REDIS_URL: redis.url,
      PARALLAX_SOURCES: file,
      PARALLAX_HEALTH_PORT: '0',
      PARALLAX_SCHEDULER_SYNC_MS: '600000',
    });
    try {
      const synced = [
        { id: 'source-icc', pattern: '0 */2 * * *', tz: null },
        { id: 'source-kremlin-en', pattern: '0 6 * * *', tz: null },
      ];
      expect(await schedulers()).toEqual(synced);

      writeFileSync(file, good.replace('"0 */2 * * *"', '"every two hours"'));
      app.child.kill('SIGHUP');
      await until(() => app.log().includes('schedule sync failed'));
      expect(app.log()).toMatch(
        new RegExp(`${file}:\\d+:\\d+: sources\\[1\\]\\.schedule: expected a cron expression`),
      );
      expect(await schedulers()).toEqual(synced);

      writeFileSync(file, good.slice(0, good.indexOf('  - id: icc\n')));
      app.child.kill('SIGHUP');
      await until(async () => (await schedulers()).length === 1);
      expect(await schedulers()).toEqual([synced[1]]);

      app.child.kill('SIGTERM');
      expect(await app.exited).toEqual({ code: 0, signal: null });
    } finally {
      if (app.child.exitCode === null && app.child.signalCode === null) await killHard(app);
      rmSync(dir, { recursive: true });
    }
  });
});

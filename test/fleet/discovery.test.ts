import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueSourceRun, FleetClient, type StageWorkers, startStageWorkers } from '@parallax/pipeline';
import { parseSourcesConfig, type SourcesConfig } from '@parallax/sources';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli';
import { iccSite, kremlinSite, type RecordedSite, sourcesYaml } from '../harness/recorded-site';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';

// The recorded feeds are of early September 2024: the workers' clock stands there.
const NOW = new Date('2024-09-03T12:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: RedisService;
let postgres: PostgresService;
let kremlin: RecordedSite;
let icc: RecordedSite;
let store: Store;
let workers: StageWorkers;
let client: FleetClient;
let config: SourcesConfig;

beforeAll(async () => {
  [redis, postgres, kremlin, icc] = await Promise.all([
    startRedis(),
    startPostgres(),
    kremlinSite().start(),
    iccSite().start(),
  ]);
  store = await openStore({ databaseUrl: await postgres.createDatabase('discovery') });
  workers = await startStageWorkers({
    redisUrl: redis.url,
    store,
    // The workers' own agent: the configured one (ParallaxBot) must be what robots.txt is read for.
    fetch: { userAgent: 'ParallaxFleetTest/0.1', allowPrivateAddresses: true, timeoutMs: 10_000 },
    hostRequestsPerSecond: 50,
    now: () => NOW,
  });
  client = new FleetClient(redis.url);
  config = parseSourcesConfig(sourcesYaml(kremlin, icc), 'sources.yaml');
});

afterAll(async () => {
  await workers?.close();
  await client?.close();
  await store?.close();
  await Promise.all([redis?.stop(), postgres?.stop(), kremlin?.close(), icc?.close()]);
});

const source = (id: string) => {
  const found = config.sources.find((s) => s.id === id);
  if (!found) throw new Error(`no source ${id}`);
  return found;
};

/** Waits until the run is no longer running and returns its record. */
async function finished(runId: string) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const run = await store.getRun(runId);
    if (run && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status ?? 'not started'}`);
    await sleep(100);
  }
}

async function runDocuments(runId: string) {
  const summary = (await finished(runId)).summary as { reportId: string };
  const report = await store.getReport(summary.reportId);
  return (report?.events ?? []).flatMap((e) => e.documents.map((d) => d.url)).sort();
}

describe('a discover job for a configured source discovers its new articles', () => {
  it('runs exactly the feed’s in-window article URLs (Kremlin RSS)', async () => {
    const runId = await enqueueSourceRun(client.discoverQueue, config, source('kremlin-en'), 'run_kremlin-1');
    const run = await finished(runId);
    expect(run.status).toBe('succeeded');
    const transcript = `${kremlin.origin}/events/president/transcripts/74988`;
    // 74988 (2 Sep) is in the 48 h window, its "#sel=" link normalised; 74951 (29 Aug) and 74937
    // (20 Aug) are older; the photo gallery is not a transcript URL.
    expect(await runDocuments(runId)).toEqual([transcript]);
    expect(run.summary).toMatchObject({
      documents: 1,
      failures: 0,
      discovery: { source: 'kremlin-en', found: 1, skipped: 0, failures: [] },
    });
    expect(kremlin.hits('/events/president/transcripts/74951')).toBe(0);
    expect(kremlin.hits('/multimedia/photo/galleries/74996')).toBe(0);
    const [stored] = (await store.listDocuments()).filter((d) => d.url === transcript);
    expect(stored).toMatchObject({ source: 'President of Russia (Kremlin, English)', kind: 'official' });
  });

  it('reads a listing and a news sitemap (ICC), deduplicated; an endpoint that fails is recorded and the run goes on', async () => {
    const runId = await enqueueSourceRun(client.discoverQueue, config, source('icc'), 'run_icc-1');
    const run = await finished(runId);
    expect(run.status).toBe('succeeded');
    // Listed and in the news sitemap: fetched once. The 27 August release is outside the 100 h window.
    const release = `${icc.origin}/news/icc-spokesperson-obligations-states-parties-cooperate`;
    // One new document; a scheduled run compares it with the whole store, so its report also holds
    // the transcript the Kremlin's firing stored before (the store is the corpus).
    expect((run.summary as { documents: number }).documents).toBe(1);
    expect(await runDocuments(runId)).toEqual(
      [release, `${kremlin.origin}/events/president/transcripts/74988`].sort(),
    );
    expect(icc.hits('/news/icc-spokesperson-obligations-states-parties-cooperate')).toBe(1);
    expect(icc.hits('/news/icc-president-opens-judicial-seminar-hague')).toBe(0);
    const discovery = (run.summary as { discovery: { failures: Array<{ endpoint: string; code: string }> } })
      .discovery;
    expect(discovery.failures).toEqual([
      expect.objectContaining({ endpoint: `${icc.origin}/rss`, code: 'PARALLAX_FETCH_STATUS' }),
    ]);
  });

  it('a later firing skips what earlier runs stored: nothing new, nothing fetched, the run succeeds', async () => {
    const before = kremlin.hits('/events/president/transcripts/74988');
    const runId = await enqueueSourceRun(client.discoverQueue, config, source('kremlin-en'), 'run_kremlin-2');
    const run = await finished(runId);
    expect(run.status).toBe('succeeded');
    expect(run.summary).toMatchObject({ documents: 0, discovery: { found: 1, skipped: 1 } });
    expect(kremlin.hits('/events/president/transcripts/74988')).toBe(before);
  });

  it('a source whose every endpoint fails fails its discover job (in `parallax failures`) and its run', async () => {
    const broken = parseSourcesConfig(
      sourcesYaml(kremlin, icc).replace('/events/president/transcripts/feed', '/events/president/feed-gone'),
      'sources.yaml',
    );
    const gone = broken.sources.find((s) => s.id === 'kremlin-en');
    if (!gone) throw new Error('no kremlin-en');
    const runId = await enqueueSourceRun(client.discoverQueue, broken, gone, 'run_kremlin-gone');
    const run = await finished(runId);
    expect(run.status).toBe('failed');
    expect(run.error).toContain('/events/president/feed-gone');
    const failed = (await client.failures()).find((f) => f.runId === runId);
    expect(failed).toMatchObject({ stage: 'discover', attemptsMade: 1 });
    expect(failed?.reason).toMatch(/^PARALLAX_DISCOVERY_FAILED: .*feed-gone/);
  });
});

describe('parallax run --config FILE --source ID --queue', () => {
  it('enqueues a discover job per source on the fleet, waits for its run, and a second run finds nothing new', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-run-queue-'));
    try {
      const file = join(dir, 'sources.yaml');
      // Its own name: the documents earlier tests stored for the Kremlin source do not count for it.
      writeFileSync(
        file,
        sourcesYaml(kremlin, icc).replace(
          '  - id: kremlin-en\n',
          '  - id: kremlin-en\n    name: Kremlin via CLI\n',
        ),
      );
      const args = [
        'run',
        '--config',
        file,
        '--source',
        'kremlin-en',
        '--queue',
        redis.url,
        '--timeout',
        '60',
      ];
      const first = await runCli(args);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^run run_kremlin-en-\S+ \(queue redis:\/\/\S+\): kremlin-en: 1 documents, 0 failed, \d+ events, report \S+\n$/,
      );
      const second = await runCli(args);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(
        /^run run_kremlin-en-\S+ \(queue \S+\): kremlin-en: nothing new to run\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('robots.txt in the fleet’s fetch stage', () => {
  it('a page robots.txt disallows for the configured agent fails its fetch job, coded, and nothing is stored', async () => {
    // For ParallaxBot the feed is allowed (the longer Allow rule wins), the transcripts are not; other
    // bots (the workers' own agent) may not fetch that one transcript either.
    const guarded = await kremlinSite(
      [
        'User-agent: *',
        'Disallow: /admin/',
        'Disallow: /events/president/transcripts/74988',
        '',
        'User-agent: ParallaxBot',
        'Allow: /events/president/transcripts/feed',
        'Disallow: /events/president/transcripts/',
        '',
      ].join('\n'),
    ).start();
    try {
      const guardedConfig = parseSourcesConfig(sourcesYaml(guarded, icc), 'sources.yaml');
      const kremlinGuarded = guardedConfig.sources.find((s) => s.id === 'kremlin-en');
      if (!kremlinGuarded) throw new Error('no kremlin-en');
      const runId = await enqueueSourceRun(
        client.discoverQueue,
        guardedConfig,
        kremlinGuarded,
        'run_kremlin-robots',
      );
      const run = await finished(runId);
      // Its only document could not be had: the run has nothing to compare.
      expect(run.status).toBe('failed');
      const transcript = `${guarded.origin}/events/president/transcripts/74988`;
      const fetchFailure = (await client.failures()).find((f) => f.runId === runId && f.stage === 'fetch');
      expect(fetchFailure).toMatchObject({ url: transcript, attemptsMade: 1 });
      expect(fetchFailure?.reason).toMatch(
        /^PARALLAX_FETCH_ROBOTS_DISALLOWED: robots\.txt of .* disallows .*74988 for ParallaxBot/,
      );
      expect(guarded.hits('/events/president/transcripts/74988')).toBe(0);
      expect(guarded.hits('/robots.txt')).toBeGreaterThanOrEqual(1);
      expect(await store.listSnapshotVersions(transcript)).toEqual([]);
      expect((await store.listDocuments()).some((d) => d.url === transcript)).toBe(false);

      // The explicit-URL path (parallax run, demo --queue) goes through the same gate, as the workers' agent.
      const explicit = await client.enqueueRun(
        [{ meta: { source: 'Kremlin', kind: 'official', url: transcript }, fetchUrl: transcript }],
        'run_explicit-robots',
      );
      await expect(client.waitForRun(explicit, { timeoutMs: 30_000 })).rejects.toThrow(/PARALLAX_RUN_FAILED/);
      const explicitFailure = (await client.failures()).find(
        (f) => f.runId === explicit && f.stage === 'fetch',
      );
      expect(explicitFailure?.reason).toMatch(
        /^PARALLAX_FETCH_ROBOTS_DISALLOWED: robots\.txt of .* disallows .*74988 for ParallaxFleetTest/,
      );
      expect(guarded.hits('/events/president/transcripts/74988')).toBe(0);
    } finally {
      await guarded.close();
    }
  });
});

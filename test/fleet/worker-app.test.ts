import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest } from '@parallax/core';
import { FleetClient, type ReplayServer, startReplayServer } from '@parallax/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../harness/cli';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';
import { killHard, startWorkerApp, type WorkerApp } from '../harness/workers';

const manifest: Manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8'));

let redis: RedisService;
let postgres: PostgresService;
let replay: ReplayServer;
const apps: WorkerApp[] = [];

beforeAll(async () => {
  [redis, postgres, replay] = await Promise.all([
    startRedis(),
    startPostgres(),
    startReplayServer(manifest.map((m) => ({ url: m.url, file: resolve(CORPUS, m.file) }))),
  ]);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => killHard(app)));
  await Promise.all([redis?.stop(), postgres?.stop(), replay?.close()]);
});

/** The health URL a worker app logged when it became ready. */
function healthUrl(app: WorkerApp): string {
  const match = /"health":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(app.log());
  if (!match) throw new Error(`no health URL in the log:\n${app.log()}`);
  return match[1] as string;
}

/** One sample of a Prometheus text exposition, or 0 when absent. */
function sample(metrics: string, name: string, labels: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('worker apps', () => {
  it('the three stage apps run a batch together, serve /health and /metrics, and stop gracefully on SIGTERM', async () => {
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.createDatabase('apps'),
      PARALLAX_HEALTH_PORT: '0',
      PARALLAX_ALLOW_PRIVATE_ADDRESSES: '1',
      PARALLAX_HOST_RPS: '20',
    };
    const [scraper, normaliser, differ] = await Promise.all([
      startWorkerApp('scraper', env),
      startWorkerApp('normaliser', env),
      startWorkerApp('differ', env),
    ]);
    apps.push(scraper as WorkerApp, normaliser as WorkerApp, differ as WorkerApp);

    const health = await fetch(`${healthUrl(scraper as WorkerApp)}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', stages: ['discover', 'fetch'] });

    const client = new FleetClient(redis.url);
    try {
      const runId = await client.enqueueRun(
        manifest.map((m) => ({
          meta: {
            source: m.source,
            kind: m.kind,
            url: m.url,
            title: m.title,
            lang: m.lang,
            publishedAt: m.publishedAt,
          },
          fetchUrl: replay.urlFor(m.url),
        })),
      );
      const result = await client.waitForRun(runId, { timeoutMs: 60_000 });
      expect(result.documents).toBe(manifest.length);
      expect(result.failures).toEqual([]);
    } finally {
      await client.close();
    }

    const scraped = await (await fetch(`${healthUrl(scraper as WorkerApp)}/metrics`)).text();
    expect(sample(scraped, 'parallax_jobs_total', 'queue="parallax-fetch",state="completed"')).toBe(
      manifest.length,
    );
    expect(sample(scraped, 'parallax_fetch_status_total', 'status="200"')).toBe(manifest.length);
    expect(scraped).toMatch(/parallax_job_duration_seconds_bucket\{le="[0-9.]+",queue="parallax-fetch"\}/);
    // Queue depths are read from Redis: the differ sees the fetch queue's completed jobs too.
    const differed = await (await fetch(`${healthUrl(differ as WorkerApp)}/metrics`)).text();
    expect(sample(differed, 'parallax_queue_jobs', 'queue="parallax-fetch",state="completed"')).toBe(
      manifest.length,
    );
    expect(sample(differed, 'parallax_jobs_total', 'queue="parallax-compare",state="completed"')).toBe(1);
    expect(scraped).toContain('# TYPE parallax_jobs_total counter');

    // Logs carry the run and job ids.
    expect((normaliser as WorkerApp).log()).toMatch(
      /"runId":"run_[^"]+".*"msg":"job completed"|"msg":"job completed".*"runId":"run_/,
    );

    (scraper as WorkerApp).child.kill('SIGTERM');
    expect(await (scraper as WorkerApp).exited).toEqual({ code: 0, signal: null });
    expect((scraper as WorkerApp).log()).toContain('stopping: finishing in-flight jobs');
  });

  it('refuses to start without REDIS_URL, exiting 2 with a PARALLAX_CONFIG_INVALID line', async () => {
    const error = await startWorkerApp('normaliser', {
      REDIS_URL: '',
      DATABASE_URL: postgres.urlFor('postgres'),
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/exited \(2\) before it was ready/);
    expect(error?.message).toContain('PARALLAX_CONFIG_INVALID');
    expect(error?.message).toContain('REDIS_URL must be set');
  });
});

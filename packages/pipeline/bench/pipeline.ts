/**
 * pnpm bench:pipeline — the same ≥1,000-document corpus (revisions of the demo corpus's pages, served
 * by a loopback replay server) run in-process (runPipeline) and through BullMQ with N worker
 * processes (apps/normaliser serving every stage), both into PostgreSQL on a private cluster, with a
 * private redis-server. Prints documents/s for each and the ratio of the times (queue overhead).
 *
 *   BENCH_DOCUMENTS (default 1008)   BENCH_WORKERS (default 2)   BENCH_CONCURRENCY_EXTRACT (default 2)
 * The serial fleet row (one process, one job at a time) isolates the queue's own overhead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@parallax/store';
import { generateCorpus } from '../../../test/fleet/corpus';
import { startPostgres, startRedis } from '../../../test/harness/services';
import { killHard, startWorkerApp } from '../../../test/harness/workers';
import { FleetClient, runPipeline, startReplayServer } from '../src/index';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 1008);
const workerCount = Number(process.env.BENCH_WORKERS ?? 2);
const extractConcurrency = process.env.BENCH_CONCURRENCY_EXTRACT ?? '2';
const fetchOptions = { userAgent: 'ParallaxBench/0.1', allowPrivateAddresses: true, timeoutMs: 10_000 };

const corpusDir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const pages = generateCorpus(corpusDir, documents);
const [redis, postgres, replay] = await Promise.all([
  startRedis(),
  startPostgres(),
  startReplayServer(pages.map((p) => ({ url: p.url, file: p.file }))),
]);
const sources = pages.map((p) => ({ meta: p.meta, fetchUrl: replay.urlFor(p.url) }));
const apps: Awaited<ReturnType<typeof startWorkerApp>>[] = [];
try {
  // In-process: one process, the stages one document after another, into PostgreSQL.
  const inProcessUrl = await postgres.createDatabase('bench_in_process');
  const store = await openStore({ databaseUrl: inProcessUrl });
  const started = performance.now();
  const inProcess = await runPipeline(sources, { store, fetch: fetchOptions });
  const inProcessMs = performance.now() - started;
  await store.close();

  // Fleet: worker processes (started and ready before the clock starts), the run enqueued and waited
  // for. Once with one process doing one job at a time (the queue's own overhead against the
  // in-process loop), once with N processes at their default concurrency (what the fleet is for).
  const fleetRun = async (name: string, processes: number, concurrency: Record<string, string>) => {
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: await postgres.createDatabase(name),
      PARALLAX_STAGES: 'all',
      PARALLAX_HEALTH_PORT: '0',
      PARALLAX_ALLOW_PRIVATE_ADDRESSES: '1',
      PARALLAX_HOST_RPS: '0',
      PARALLAX_LOG_LEVEL: 'info',
      ...concurrency,
    };
    const started: Awaited<ReturnType<typeof startWorkerApp>>[] = [];
    for (let i = 0; i < processes; i++) started.push(await startWorkerApp('normaliser', env));
    apps.push(...started);
    const client = new FleetClient(redis.url);
    const t0 = performance.now();
    const runId = await client.enqueueRun(sources);
    const result = await client.waitForRun(runId, { pollMs: 50 });
    const ms = performance.now() - t0;
    await client.close();
    await Promise.all(started.map((a) => killHard(a)));
    return { result, ms };
  };
  const serial = await fleetRun('bench_fleet_serial', 1, {
    PARALLAX_CONCURRENCY_FETCH: '1',
    PARALLAX_CONCURRENCY_EXTRACT: '1',
  });
  const parallel = await fleetRun('bench_fleet', workerCount, {
    PARALLAX_CONCURRENCY_EXTRACT: extractConcurrency,
  });

  const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
  const row = (label: string, n: number, ms: number) =>
    console.log(
      `  ${label.padEnd(58)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${rate(n, ms).padStart(6)} docs/s`,
    );
  console.log(
    `pipeline bench: ${documents} documents on a loopback replay server, PostgreSQL store, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  row('in-process (runPipeline: one document after another)', inProcess.documents.length, inProcessMs);
  row('BullMQ flow, 1 worker process, 1 job at a time per stage', serial.result.documents, serial.ms);
  row(
    `BullMQ flow, ${workerCount} worker processes (fetch 16, extract ${extractConcurrency})`,
    parallel.result.documents,
    parallel.ms,
  );
  console.log(
    `  queue overhead (1 worker, serial) / in-process time: ${(serial.ms / inProcessMs).toFixed(2)}× (goal ≤ 1.20×)`,
  );
  console.log(
    `  fleet (${workerCount} workers) / in-process time:            ${(parallel.ms / inProcessMs).toFixed(2)}×`,
  );
  for (const [label, id] of [
    ['serial', serial.result.reportId],
    ['fleet', parallel.result.reportId],
  ] as const) {
    if (id !== inProcess.reportId)
      console.log(`  WARNING: the ${label} run gave a different report from the in-process one`);
  }
} finally {
  await Promise.all(apps.map((a) => killHard(a)));
  await Promise.all([redis.stop(), postgres.stop(), replay.close()]);
  rmSync(corpusDir, { recursive: true, force: true });
}

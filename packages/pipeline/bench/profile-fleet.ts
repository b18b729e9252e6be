/**
 * npx tsx packages/pipeline/bench/profile-fleet.ts — where the fleet's time goes, against the in-process
 * loop, on the bench corpus. Both run in this process (so the store, PostgreSQL and the processors
 * can be timed from inside); the fleet serves every stage one job at a time, as the bench's serial
 * row does. Prints per-step time, PostgreSQL queries and Redis commands per document.
 *
 *   BENCH_DOCUMENTS (default 1008)   PROFILE_CONCURRENCY_FETCH / _EXTRACT (default 1)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fetchPage } from '@parallax/fetch';
import { openStore, type Store } from '@parallax/store';
import { Redis } from 'ioredis';
import { generateCorpus } from '../../../test/fleet/corpus';
import { startPostgres, startRedis } from '../../../test/harness/services';
import {
  buildReport,
  FleetClient,
  type ProcessedDocument,
  processDocument,
  startReplayServer,
  startStageWorkers,
} from '../src/index';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 1008);
const fetchOptions = { userAgent: 'ParallaxBench/0.1', allowPrivateAddresses: true, timeoutMs: 10_000 };

// Every PostgreSQL round trip goes through pg's Client#query (the pool's too): count them.
const requireFromStore = createRequire(resolve(import.meta.dirname, '../../store/package.json'));
const pg = requireFromStore('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
let pgQueries = 0;
const pgByKind = new Map<string, number>();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  pgQueries++;
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
  const kind = text.trim().split(/\s+/).slice(0, 3).join(' ').slice(0, 40);
  pgByKind.set(kind, (pgByKind.get(kind) ?? 0) + 1);
  return originalQuery.apply(this, args);
};

// Every Redis command this process sends (workers and client), by name (scripts by their sha prefix).
const redisSent = new Map<string, number>();
const originalSend = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (
  this: Redis,
  command: Parameters<Redis['sendCommand']>[0],
  ...rest: unknown[]
) {
  const c = command as unknown as { name: string; args: unknown[] };
  const key = c.name === 'evalsha' ? `evalsha ${String(c.args[0]).slice(0, 8)}` : c.name;
  redisSent.set(key, (redisSent.get(key) ?? 0) + 1);
  return (originalSend as (...a: unknown[]) => unknown).call(this, command, ...rest) as ReturnType<
    Redis['sendCommand']
  >;
};

/** Wraps a store so that each method's calls and time are counted. */
function timedStore(store: Store, times: Map<string, { n: number; ms: number }>): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          const entry = times.get(key) ?? { n: 0, ms: 0 };
          entry.n++;
          entry.ms += performance.now() - t0;
          times.set(key, entry);
        }
      };
    },
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function pidsOf(pattern: RegExp): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (pattern.test(cmd)) out.push(Number(entry));
    } catch {}
  }
  return out;
}

async function commandStats(url: string): Promise<Map<string, number>> {
  const redis = new Redis(url);
  const info = await redis.info('commandstats');
  await redis.quit();
  const out = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
    out.set(match[1] as string, Number(match[2]));
  return out;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const per = (n: number) => (n / documents).toFixed(2);

const corpusDir = mkdtempSync(join(tmpdir(), 'parallax-profile-'));
const pages = generateCorpus(corpusDir, documents);
const [redis, postgres, replay] = await Promise.all([
  startRedis(),
  startPostgres(),
  startReplayServer(pages.map((p) => ({ url: p.url, file: p.file }))),
]);
const sources = pages.map((p) => ({ meta: p.meta, fetchUrl: replay.urlFor(p.url) }));
const redisPid = pidsOf(new RegExp(`redis-server .*:${redis.port}`))[0];
const postgresPids = () => pidsOf(/^postgres: /);
const cpuOf = () => ({
  self: process.cpuUsage(),
  redis: redisPid ? cpuSeconds(redisPid) : 0,
  postgres: postgresPids().reduce((s, p) => s + cpuSeconds(p), 0),
});
const cpuSince = (before: ReturnType<typeof cpuOf>) => {
  const now = cpuOf();
  const self = process.cpuUsage(before.self);
  return `this process ${((self.user + self.system) / 1e6).toFixed(2)} s, redis ${(now.redis - before.redis).toFixed(2)} s, postgres backends ${(now.postgres - before.postgres).toFixed(2)} s (exited backends not counted)`;
};

async function inProcessProfile(): Promise<void> {
  // In-process, step by step (runPipeline's loop, timed).
  {
    const times = new Map<string, { n: number; ms: number }>();
    const add = (key: string, ms: number) => {
      const e = times.get(key) ?? { n: 0, ms: 0 };
      e.n++;
      e.ms += ms;
      times.set(key, e);
    };
    const store = timedStore(
      await openStore({ databaseUrl: await postgres.createDatabase('in_process') }),
      times,
    );
    const cpu = cpuOf();
    const q0 = pgQueries;
    const t0 = performance.now();
    const run = await store.startRun();
    const docs: ProcessedDocument[] = [];
    for (const source of sources) {
      let t = performance.now();
      const page = await fetchPage(source.fetchUrl, fetchOptions);
      add('fetchPage', performance.now() - t);
      await store.saveSnapshot(page.snapshot, page.body);
      t = performance.now();
      const doc = processDocument({
        meta: source.meta,
        body: page.text,
        format: page.snapshot.contentType?.startsWith('text/plain') ? 'text' : 'html',
        snapshotSha256: page.snapshot.sha256,
      });
      add('processDocument', performance.now() - t);
      await store.saveDocument(doc);
      docs.push(doc);
    }
    let t = performance.now();
    const report = buildReport(docs, new Date());
    add('buildReport', performance.now() - t);
    const reportId = await store.saveReport(report);
    await store.finishRun(run.id, { status: 'succeeded', summary: { reportId } });
    t = performance.now() - t0;
    console.log(`in-process: ${fmt(t)} (${(documents / (t / 1000)).toFixed(1)} docs/s), ${cpuSince(cpu)}`);
    for (const [k, v] of times)
      console.log(`  ${k.padEnd(20)} ${String(v.n).padStart(5)} calls ${fmt(v.ms).padStart(9)}`);
    console.log(`  PostgreSQL queries: ${pgQueries - q0} (${per(pgQueries - q0)} per document)`);
    await store.close();
  }
}

async function fleetProfile(name: string): Promise<void> {
  // The fleet in this process, one job at a time per stage.
  {
    const times = new Map<string, { n: number; ms: number }>();
    const store = timedStore(await openStore({ databaseUrl: await postgres.createDatabase(name) }), times);
    const workers = await startStageWorkers({
      redisUrl: redis.url,
      store,
      fetch: fetchOptions,
      hostRequestsPerSecond: 0,
      concurrency: {
        fetch: Number(process.env.PROFILE_CONCURRENCY_FETCH ?? 1),
        extract: Number(process.env.PROFILE_CONCURRENCY_EXTRACT ?? 1),
      },
    });
    const jobs = new Map<string, { n: number; ms: number; wait: number; first: number; last: number }>();
    for (const [stage, worker] of workers.workers) {
      worker.on('completed', (job) => {
        const e = jobs.get(stage) ?? { n: 0, ms: 0, wait: 0, first: Number.POSITIVE_INFINITY, last: 0 };
        e.n++;
        e.ms += (job.finishedOn ?? 0) - (job.processedOn ?? 0);
        e.wait += (job.processedOn ?? 0) - job.timestamp;
        e.first = Math.min(e.first, job.processedOn ?? 0);
        e.last = Math.max(e.last, job.finishedOn ?? 0);
        jobs.set(stage, e);
      });
    }
    const client = new FleetClient(redis.url);
    const stats0 = await commandStats(redis.url);
    redisSent.clear();
    const cpu = cpuOf();
    const q0 = pgQueries;
    const wall0 = Date.now();
    const t0 = performance.now();
    const runId = await client.enqueueRun(sources);
    const tEnqueued = performance.now() - t0;
    let polls = 0;
    const result = await client.waitForRun(runId, { pollMs: 50, onProgress: () => polls++ });
    const t = performance.now() - t0;
    const stats1 = await commandStats(redis.url);
    console.log(
      `fleet, 1 process, every stage: ${fmt(t)} (${(documents / (t / 1000)).toFixed(1)} docs/s), ${cpuSince(cpu)}`,
    );
    console.log(`  enqueueRun ${tEnqueued.toFixed(0)} ms; waitForRun polled ${polls} times`);
    for (const [stage, e] of jobs) {
      console.log(
        `  ${stage.padEnd(9)} ${String(e.n).padStart(5)} jobs  processing ${fmt(e.ms).padStart(8)} (${(e.ms / e.n).toFixed(2)} ms/job)  active from ${fmt(e.first - wall0)} to ${fmt(e.last - wall0)}`,
      );
    }
    for (const [k, v] of times)
      console.log(`  store.${k.padEnd(16)} ${String(v.n).padStart(5)} calls ${fmt(v.ms).padStart(9)}`);
    console.log(`  PostgreSQL queries: ${pgQueries - q0} (${per(pgQueries - q0)} per document)`);
    const diff = [...stats1].map(([k, v]) => [k, v - (stats0.get(k) ?? 0)] as const).filter(([, v]) => v > 0);
    diff.sort((a, b) => b[1] - a[1]);
    const total = diff.reduce((s, [, v]) => s + v, 0);
    console.log(
      `  Redis commands: ${total} (${per(total)} per document): ${diff.map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    const sent = [...redisSent].sort((a, b) => b[1] - a[1]);
    console.log(
      `  Redis commands sent by this process: ${sent.reduce((s, [, v]) => s + v, 0)}: ${sent.map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    console.log(`  report ${result.reportId}`);
    await client.close();
    await workers.close();
    await store.close();
  }
}

try {
  // JIT warm-up favours whichever runs second: PROFILE_ORDER=fleet-first runs the fleet cold.
  if (process.env.PROFILE_ORDER === 'fleet-first') {
    await fleetProfile('fleet_cold');
    await inProcessProfile();
  } else {
    await inProcessProfile();
    await fleetProfile('fleet_warm');
  }
  const kinds = [...pgByKind].sort((a, b) => b[1] - a[1]);
  console.log(`PostgreSQL queries by kind (both runs): ${kinds.map(([k, v]) => `${k}: ${v}`).join('; ')}`);
} finally {
  await Promise.all([redis.stop(), postgres.stop(), replay.close()]);
  rmSync(corpusDir, { recursive: true, force: true });
}

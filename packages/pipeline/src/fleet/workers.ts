import type { FetchOptions } from '@parallax/fetch';
import type { Store } from '@parallax/store';
import { FlowProducer, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { redisConnection } from './connection';
import { HandoffCache } from './handoff';
import { RedisHostLimiter } from './host-limiter';
import { QUEUES, STAGES, type Stage } from './payloads';
import { DEFAULT_JOB_POLICY, type JobPolicy } from './policy';
import { compareStage, discoverStage, extractStage, fetchStage } from './processors';
import type { StageContext } from './stage-context';

export interface StageWorkersOptions {
  redisUrl: string;
  store: Store;
  /** Which stages this process works on (default: all). */
  stages?: readonly Stage[];
  /** Jobs at once per stage (defaults: discover 1, fetch 16, extract 4, compare 1). */
  concurrency?: Partial<Record<Stage, number>>;
  fetch: FetchOptions;
  /** Request starts per host per second, across the whole fleet (default 2; 0 = no fleet limit). */
  hostRequestsPerSecond?: number;
  policy?: Partial<JobPolicy>;
  /**
   * How long a job's lock lasts without renewal: a worker that dies holds its jobs this long before
   * another worker takes them over (default 30 s; tests use less).
   */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died (default: lockDurationMs). */
  stalledIntervalMs?: number;
  /** Times a job may be taken over from a dead worker before it fails (default 5). */
  maxStalledCount?: number;
  /**
   * Memory, in MiB, this process may spend handing its stages' output to its next stage instead of
   * reading it back from the store (see HandoffCache): a quarter for fetched snapshots, the rest for
   * extracted documents, until their run's report is built (default 128; 0 = always read the store).
   */
  handoffMegabytes?: number;
  now?: () => Date;
  onFetchStatus?: (status: number) => void;
}

const DEFAULT_HANDOFF_MEGABYTES = 128;

export const DEFAULT_CONCURRENCY: Record<Stage, number> = { discover: 1, fetch: 16, extract: 4, compare: 1 };

export interface StageWorkers {
  readonly workers: ReadonlyMap<Stage, Worker>;
  /** True while every worker is connected and running. */
  isRunning(): boolean;
  /**
   * Graceful stop: workers take no new jobs and wait for the ones in flight (a job that cannot finish
   * is left to the stalled-job check, which hands it to another worker), then connections close.
   */
  close(): Promise<void>;
}

type Processor = (job: Job, ctx: StageContext, token?: string) => Promise<unknown>;
const PROCESSORS: Record<Stage, Processor> = {
  discover: discoverStage,
  fetch: fetchStage,
  extract: extractStage,
  compare: compareStage,
};

/** Binds the stages to BullMQ workers in this process. The store is the caller's (and stays open). */
export async function startStageWorkers(options: StageWorkersOptions): Promise<StageWorkers> {
  const stages = options.stages ?? STAGES;
  for (const stage of stages) {
    if (!STAGES.includes(stage))
      throw new RangeError(`unknown stage ${stage}; expected ${STAGES.join(', ')}`);
  }
  const connections: Redis[] = [];
  const connect = () => {
    const connection = redisConnection(options.redisUrl);
    // ioredis reports connection trouble as events; BullMQ reconnects. Unhandled, they would crash.
    connection.on('error', () => {});
    connections.push(connection);
    return connection;
  };
  const rate = options.hostRequestsPerSecond ?? 2;
  const flows = new FlowProducer({ connection: connect() });
  const compareQueue = new Queue(QUEUES.compare, { connection: connect() });
  flows.on('error', () => {});
  compareQueue.on('error', () => {});
  const lockDuration = options.lockDurationMs ?? 30_000;
  const ctx: StageContext = {
    lockDurationMs: lockDuration,
    store: options.store,
    fetch: options.fetch,
    hostLimiter: rate > 0 ? new RedisHostLimiter(connect(), rate) : undefined,
    flows,
    compareQueue,
    policy: { ...DEFAULT_JOB_POLICY, ...options.policy },
    now: options.now ?? (() => new Date()),
    onFetchStatus: options.onFetchStatus,
  };
  const handoffBytes = (options.handoffMegabytes ?? DEFAULT_HANDOFF_MEGABYTES) * 1024 * 1024;
  if (handoffBytes > 0) {
    ctx.handoff = {
      snapshots: new HandoffCache(handoffBytes / 4),
      documents: new HandoffCache((handoffBytes * 3) / 4),
    };
  }
  const workers = new Map<Stage, Worker>();
  for (const stage of stages) {
    const processor = PROCESSORS[stage];
    const worker = new Worker(QUEUES[stage], (job, token) => processor(job, ctx, token), {
      connection: connect(),
      concurrency: options.concurrency?.[stage] ?? DEFAULT_CONCURRENCY[stage],
      lockDuration,
      stalledInterval: options.stalledIntervalMs ?? lockDuration,
      maxStalledCount: options.maxStalledCount ?? 5,
      autorun: false,
    });
    worker.on('error', () => {}); // the app listens too and logs; unheard, an 'error' event would throw
    workers.set(stage, worker);
  }
  for (const worker of workers.values()) {
    worker.run().catch(() => {});
    await worker.waitUntilReady();
  }
  let closed = false;
  return {
    workers,
    isRunning: () => !closed && [...workers.values()].every((w) => w.isRunning()),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...workers.values()].map((w) => w.close()));
      await flows.close();
      await compareQueue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

import { randomUUID } from 'node:crypto';
import { ParallaxError } from '@parallax/core';
import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunSource } from '../runner';
import { redisConnection } from './connection';
import {
  CompareResult,
  DiscoverJob,
  type DiscoverJob as DiscoverJobData,
  jobIds,
  QUEUES,
  STAGES,
  type Stage,
} from './payloads';
import { DEFAULT_JOB_POLICY, type JobPolicy, jobOptions } from './policy';

export interface FleetProgress {
  runId: string;
  state: 'queued' | 'running' | 'reporting' | 'done';
  /** Documents whose extract job finished (stored or given up), of `total`. */
  done: number;
  failed: number;
  total: number;
}

export interface FailedJob {
  stage: Stage;
  id: string;
  runId: string | null;
  url: string | null;
  reason: string;
  attemptsMade: number;
  failedAt: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The producer side of the fleet: enqueue runs, follow them, list and retry failed jobs. */
export class FleetClient {
  readonly #connection: Redis;
  readonly #queues: Record<Stage, Queue>;
  readonly #policy: JobPolicy;

  constructor(redisUrl: string, policy: Partial<JobPolicy> = {}) {
    this.#connection = redisConnection(redisUrl);
    this.#connection.on('error', () => {});
    this.#policy = { ...DEFAULT_JOB_POLICY, ...policy };
    this.#queues = Object.fromEntries(
      STAGES.map((stage) => {
        const queue = new Queue(QUEUES[stage], { connection: this.#connection });
        queue.on('error', () => {});
        return [stage, queue];
      }),
    ) as Record<Stage, Queue>;
  }

  /** The discover queue (the scheduler upserts its job schedulers there). */
  get discoverQueue(): Queue {
    return this.#queues.discover;
  }

  /**
   * Enqueues a batch run and returns its id. The payload is validated here and again by the worker;
   * enqueueing the same run id twice adds nothing.
   */
  async enqueueRun(sources: RunSource[], runId = `run_${randomUUID()}`): Promise<string> {
    const data: DiscoverJobData = DiscoverJob.parse({ runId, sources });
    await this.#queues.discover.add('discover', data, {
      ...jobOptions(this.#policy),
      jobId: jobIds.discover(runId),
    });
    return runId;
  }

  async progress(runId: string): Promise<FleetProgress & { result?: CompareResult; error?: string }> {
    // The state first, then the job: a job read before its state could be one that completed in
    // between, without its return value.
    const compareId = jobIds.compare(runId);
    const state = await this.#queues.compare.getJobState(compareId);
    const compare = state === 'unknown' ? undefined : await this.#queues.compare.getJob(compareId);
    const total = (compare?.data as { total?: number } | undefined)?.total ?? 0;
    if (compare === undefined) {
      // The discover job carries every source of the run (hundreds of kB for a thousand documents):
      // its state is asked by id, and the job itself read only when it failed, not on every poll.
      const discoverId = jobIds.discover(runId);
      if ((await this.#queues.discover.getJobState(discoverId)) === 'failed') {
        const discover = await this.#queues.discover.getJob(discoverId);
        return { runId, state: 'done', done: 0, failed: 0, total, error: discover?.failedReason ?? '' };
      }
      return { runId, state: 'queued', done: 0, failed: 0, total };
    }
    if (state === 'completed') {
      const result = CompareResult.parse(compare.returnvalue);
      return { runId, state: 'done', done: total, failed: result.failures.length, total, result };
    }
    if (state === 'failed') {
      return { runId, state: 'done', done: total, failed: total, total, error: compare.failedReason };
    }
    const counts = await compare.getDependenciesCount({ processed: true, ignored: true });
    return {
      runId,
      state: state === 'waiting-children' ? 'running' : 'reporting',
      done: (counts.processed ?? 0) + (counts.ignored ?? 0),
      failed: counts.ignored ?? 0,
      total,
    };
  }

  /**
   * Waits for the run's flow to finish and returns the comparison's result; a run whose report could
   * not be built is a PARALLAX_RUN_FAILED error.
   */
  async waitForRun(
    runId: string,
    options: { onProgress?: (progress: FleetProgress) => void; pollMs?: number; timeoutMs?: number } = {},
  ): Promise<CompareResult> {
    const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
    for (;;) {
      const progress = await this.progress(runId);
      options.onProgress?.(progress);
      if (progress.result) return progress.result;
      if (progress.error !== undefined) {
        throw new ParallaxError('PARALLAX_RUN_FAILED', `run ${runId} failed: ${progress.error}`, {
          details: { runId },
        });
      }
      if (Date.now() > deadline) {
        throw new ParallaxError('PARALLAX_RUN_TIMEOUT', `run ${runId} did not finish in time`, {
          details: { runId, progress },
        });
      }
      await sleep(options.pollMs ?? 250);
    }
  }

  /** Failed jobs of every stage (newest first), with why they failed. */
  async failures(limit = 1_000): Promise<FailedJob[]> {
    const out: FailedJob[] = [];
    for (const stage of STAGES) {
      const jobs = await this.#queues[stage].getFailed(0, limit - 1);
      for (const job of jobs) out.push(describeFailure(stage, job));
    }
    return out.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  /** Puts failed jobs back in their queues (all of them, or those with the given ids). */
  async retryFailures(ids?: readonly string[]): Promise<FailedJob[]> {
    const wanted = ids === undefined ? undefined : new Set(ids);
    const retried: FailedJob[] = [];
    for (const stage of STAGES) {
      for (const job of await this.#queues[stage].getFailed(0, -1)) {
        if (wanted && !wanted.has(String(job.id))) continue;
        await job.retry('failed', { resetAttemptsMade: true });
        retried.push(describeFailure(stage, job));
      }
    }
    return retried;
  }

  async close(): Promise<void> {
    await Promise.all(STAGES.map((stage) => this.#queues[stage].close()));
    await this.#connection.quit().catch(() => this.#connection.disconnect());
  }
}

function describeFailure(stage: Stage, job: Job): FailedJob {
  const data = (job.data ?? {}) as {
    runId?: unknown;
    meta?: { url?: unknown };
    source?: { meta?: { url?: unknown } };
  };
  const url = data.meta?.url ?? data.source?.meta?.url;
  return {
    stage,
    id: String(job.id),
    runId: typeof data.runId === 'string' ? data.runId : null,
    url: typeof url === 'string' ? url : null,
    reason: job.failedReason ?? '',
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

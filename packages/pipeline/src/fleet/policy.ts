import type { JobsOptions } from 'bullmq';

/** Retry and retention for every job of a run. */
export interface JobPolicy {
  /** Attempts per job before it fails for good (default 6). */
  attempts: number;
  /** First retry delay; each next one doubles (default 1,000 ms: 1, 2, 4, 8, 16 s). */
  backoffMs: number;
  /** Completed jobs kept (default 10,000 per queue, at most a day). */
  keepCompleted: number;
  /** Failed jobs kept for `parallax failures` (default 10,000 per queue, at most a week). */
  keepFailed: number;
}

export const DEFAULT_JOB_POLICY: JobPolicy = {
  attempts: 6,
  backoffMs: 1_000,
  keepCompleted: 10_000,
  keepFailed: 10_000,
};

export function jobOptions(policy: JobPolicy): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs },
    removeOnComplete: { count: policy.keepCompleted, age: 24 * 3600 },
    removeOnFail: { count: policy.keepFailed, age: 7 * 24 * 3600 },
  };
}

import { randomUUID } from 'node:crypto';
import type { ConfiguredSource, SourcesConfig } from '@parallax/sources';
import type { Queue } from 'bullmq';
import { jobIds } from './payloads';
import { DEFAULT_JOB_POLICY, type JobPolicy, jobOptions } from './policy';
import { SourceDiscoverJob, sourceToDiscover } from './source-job';

/** Job scheduler ids of sources carry this prefix, so the scheduler never touches anyone else's. */
const PREFIX = 'source-';

export interface ScheduleSync {
  upserted: string[];
  removed: string[];
}

/**
 * Makes the discover queue's job schedulers match the sources config (validated by loadSourcesConfig):
 * one per enabled source, `source-<id>`, on its cron `schedule` (in its `tz` when given), upserted — so
 * syncing again changes nothing, and a changed schedule or source replaces the old one — and those of
 * sources no longer configured (or disabled) removed. Each firing enqueues a discover job carrying the
 * source (endpoints, patterns, window, agent, limits): the discover stage finds its new articles.
 */
export async function syncSchedules(
  discoverQueue: Queue,
  config: Pick<SourcesConfig, 'agent' | 'sources'>,
  policy: Partial<JobPolicy> = {},
): Promise<ScheduleSync> {
  const opts = jobOptions({ ...DEFAULT_JOB_POLICY, ...policy });
  // Every payload is built before Redis is touched: a source that cannot be scheduled changes nothing.
  const wanted = config.sources
    .filter((source) => source.enabled)
    .map((source) => ({ source, data: { configured: sourceToDiscover(config, source) } }));
  const upserted: string[] = [];
  for (const { source, data } of wanted) {
    const id = `${PREFIX}${source.id}`;
    await discoverQueue.upsertJobScheduler(
      id,
      { pattern: source.schedule.trim(), ...(source.tz ? { tz: source.tz } : {}) },
      {
        name: 'discover',
        data: data satisfies SourceDiscoverJob,
        opts: {
          attempts: opts.attempts,
          backoff: opts.backoff,
          removeOnComplete: opts.removeOnComplete,
          removeOnFail: opts.removeOnFail,
        },
      },
    );
    upserted.push(id);
  }
  const keep = new Set(upserted);
  const removed: string[] = [];
  const existing = await discoverQueue.getJobSchedulers(0, -1);
  for (const scheduler of existing) {
    const id = scheduler.key;
    if (id.startsWith(PREFIX) && !keep.has(id)) {
      await discoverQueue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted, removed };
}

/**
 * Enqueues one discover job for a configured source now (what a firing of its schedule does, with a
 * run id of the caller's): `parallax run --config --queue`. Returns the run id.
 */
export async function enqueueSourceRun(
  discoverQueue: Queue,
  config: Pick<SourcesConfig, 'agent'>,
  source: ConfiguredSource,
  runId = `run_${source.id}-${randomUUID()}`,
  policy: Partial<JobPolicy> = {},
): Promise<string> {
  const data = SourceDiscoverJob.parse({ runId, configured: sourceToDiscover(config, source) });
  await discoverQueue.add('discover', data, {
    ...jobOptions({ ...DEFAULT_JOB_POLICY, ...policy }),
    jobId: jobIds.discover(runId),
  });
  return runId;
}

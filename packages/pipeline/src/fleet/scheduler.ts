import { ConfigError, type SourceKind } from '@parallax/core';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { RunSource } from '../runner';
import { RunSourceSchema } from './payloads';
import { DEFAULT_JOB_POLICY, type JobPolicy, jobOptions } from './policy';

/**
 * The minimal scheduled source: an id, the URLs to fetch, and a cron schedule. (The sources config
 * loader of @parallax/sources maps onto this.)
 */
export const ScheduledSourceSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'an id is letters, digits, _ . -'),
    name: z.string().optional(),
    kind: z.enum(['outlet', 'official', 'aggregator', 'other']).optional(),
    url: z.url().optional(),
    urls: z.array(z.url()).optional(),
    /** cron (5 fields, or 6 with seconds); a source without one is run on demand only */
    schedule: z.string().min(1).optional(),
    tz: z.string().optional(),
  })
  .refine((s) => s.url !== undefined || (s.urls?.length ?? 0) > 0, 'a source needs url or urls');

export type ScheduledSource = z.infer<typeof ScheduledSourceSchema>;

/** Job scheduler ids of sources carry this prefix, so the scheduler never touches anyone else's. */
const PREFIX = 'source-';

/** The cron fields BullMQ accepts: 5 or 6 fields of digits, ranges, steps, lists, names. */
const CRON = /^(\S+\s+){4,5}\S+$/;

export function parseScheduledSources(value: unknown): ScheduledSource[] {
  const result = z.array(ScheduledSourceSchema).safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`invalid sources: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const seen = new Set<string>();
  for (const source of result.data) {
    if (seen.has(source.id)) throw new ConfigError(`invalid sources: the id ${source.id} appears twice`);
    seen.add(source.id);
    if (source.schedule !== undefined && !CRON.test(source.schedule.trim())) {
      throw new ConfigError(
        `invalid sources: ${source.id}: schedule "${source.schedule}" is not a cron expression`,
      );
    }
  }
  return result.data;
}

/** The run sources a scheduled source expands to (fetched at their own URLs). */
export function runSourcesOf(source: ScheduledSource): RunSource[] {
  const urls = source.urls ?? (source.url ? [source.url] : []);
  const kind: SourceKind = source.kind ?? 'other';
  return urls.map((url) =>
    RunSourceSchema.parse({ meta: { source: source.name ?? source.id, kind, url }, fetchUrl: url }),
  );
}

export interface ScheduleSync {
  upserted: string[];
  removed: string[];
}

/**
 * Makes the discover queue's job schedulers match `sources`: one per scheduled source (its cron), upserted —
 * so running it again changes nothing, and a changed schedule replaces the old one — and those of
 * sources no longer configured removed. Each firing enqueues a discover job that runs the source.
 */
export async function syncSchedules(
  discoverQueue: Queue,
  sources: readonly ScheduledSource[],
  policy: Partial<JobPolicy> = {},
): Promise<ScheduleSync> {
  const opts = jobOptions({ ...DEFAULT_JOB_POLICY, ...policy });
  const upserted: string[] = [];
  for (const source of sources) {
    if (source.schedule === undefined) continue;
    const id = `${PREFIX}${source.id}`;
    await discoverQueue.upsertJobScheduler(
      id,
      { pattern: source.schedule.trim(), ...(source.tz ? { tz: source.tz } : {}) },
      {
        name: 'discover',
        data: { sources: runSourcesOf(source) },
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
  const wanted = new Set(upserted);
  const removed: string[] = [];
  const existing = await discoverQueue.getJobSchedulers(0, -1);
  for (const scheduler of existing) {
    const id = scheduler.key;
    if (id.startsWith(PREFIX) && !wanted.has(id)) {
      await discoverQueue.removeJobScheduler(id);
      removed.push(id);
    }
  }
  return { upserted, removed };
}

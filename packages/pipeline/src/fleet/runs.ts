import type { RunRecord, Store } from '@parallax/store';
import { z } from 'zod';
import { forQueue, parsePayload } from './job-errors';
import { CompareJob, jobIds } from './payloads';
import { DiscoverySummary } from './source-job';
import type { StageContext } from './stage-context';

/**
 * What a finished run records as its summary, in one shape whichever way it ran (in process, on the
 * fleet, or a discovery that found nothing new): counts of documents stored, sources failed and events
 * reported, the report's id when one was stored, and what discovery of a configured source found.
 */
export const RunSummary = z.object({
  documents: z.int().min(0),
  failures: z.int().min(0),
  events: z.int().min(0),
  reportId: z.string().min(1).optional(),
  discovery: DiscoverySummary.optional(),
  /** A corpus compare (a scheduled run): how many story versions it wrote. */
  stories: z.int().min(0).optional(),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** The one way the pipeline finishes a run: its summary, if any, is a RunSummary. */
export async function finishRun(
  store: Store,
  runId: string,
  result: { status: 'succeeded' | 'failed'; summary?: RunSummary; error?: string },
): Promise<void> {
  await store.finishRun(runId, {
    status: result.status,
    ...(result.summary ? { summary: result.summary } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
  });
}

/**
 * The one idempotent start of a run (a discover job, first run or retried): records the run (or reads
 * it back), then looks for the flow an earlier attempt added — its compare job, whose payload says how
 * many documents it waits for.
 */
export async function startRunOnce(
  ctx: Pick<StageContext, 'store' | 'compareQueue'>,
  runId: string,
): Promise<{ run: RunRecord; flow?: { id: string; total: number } }> {
  let run: RunRecord;
  try {
    run = await ctx.store.startRun(runId);
  } catch (error) {
    throw forQueue(error);
  }
  const id = jobIds.compare(runId);
  const existing = await ctx.compareQueue.getJob(id);
  if (existing === undefined) return { run };
  return { run, flow: { id, total: parsePayload(CompareJob, existing.data, 'compare job').total } };
}

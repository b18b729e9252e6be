import { ParallaxError } from '@parallax/core';
import type { Store } from '@parallax/store';
import type { RunFailure, RunOptions, RunResult, RunSource } from '../runner';
import type { ProcessedDocument } from '../stages';
import { FleetClient, type FleetProgress } from './client';
import { type StageWorkers, type StageWorkersOptions, startStageWorkers } from './workers';

export interface FleetRunOptions extends Omit<RunOptions, 'onProgress'> {
  redisUrl: string;
  /**
   * Start workers for every stage in this process, on `store`, for the run's duration (the default).
   * Without them, workers elsewhere must be running on the same database as `store`.
   */
  startWorkers?: boolean;
  workers?: Omit<StageWorkersOptions, 'redisUrl' | 'store' | 'fetch' | 'now'>;
  onProgress?: (progress: FleetProgress) => void;
  timeoutMs?: number;
}

/** "CODE: message" as the stages write failure reasons; anything else is an internal failure. */
function failureOf(url: string, reason: string): RunFailure {
  const match = /^(PARALLAX_[A-Z_]+): (.*)$/s.exec(reason.replace(/^.*? was not fetched: /s, ''));
  return match
    ? { url, code: match[1] as string, retryable: false, message: match[2] as string }
    : { url, code: 'PARALLAX_INTERNAL', retryable: false, message: reason };
}

/**
 * The same batch run as runPipeline, through BullMQ: enqueue the run, wait for its flow, then read
 * the report and documents back from the store the workers wrote to. Returns runPipeline's result.
 */
export async function runOnFleet(sources: RunSource[], options: FleetRunOptions): Promise<RunResult> {
  const client = new FleetClient(options.redisUrl);
  let workers: StageWorkers | undefined;
  try {
    if (options.startWorkers !== false) {
      workers = await startStageWorkers({
        ...options.workers,
        redisUrl: options.redisUrl,
        store: options.store,
        fetch: options.fetch,
        now: options.now,
      });
    }
    const runId = await client.enqueueRun(sources);
    const result = await client.waitForRun(runId, {
      onProgress: options.onProgress,
      timeoutMs: options.timeoutMs,
    });
    return await resultFromStore(options.store, sources, result.reportId, runId, await client.failures());
  } finally {
    await workers?.close();
    await client.close();
  }
}

async function resultFromStore(
  store: Store,
  sources: RunSource[],
  reportId: string,
  runId: string,
  failed: Awaited<ReturnType<FleetClient['failures']>>,
): Promise<RunResult> {
  const report = await store.getReport(reportId);
  if (report === null) {
    throw new ParallaxError(
      'PARALLAX_REPORT_MISSING',
      `report ${reportId} of run ${runId} is not in the store`,
    );
  }
  const ids = new Set(report.events.flatMap((e) => e.documents.map((d) => d.id)));
  const documents: ProcessedDocument[] = await store.getDocuments([...ids]);
  const order = new Map(sources.map((s, i) => [s.meta.url, i]));
  documents.sort((a, b) => (order.get(a.ref.url) ?? 0) - (order.get(b.ref.url) ?? 0));
  const failures = failed
    .filter((f) => f.runId === runId && f.stage === 'extract' && f.url !== null)
    .map((f) => failureOf(f.url as string, f.reason));
  return { runId, reportId, report, documents, failures };
}

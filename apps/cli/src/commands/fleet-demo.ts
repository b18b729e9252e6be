import { UsageError } from '@parallax/core';
import { type RunOptions, type RunResult, type RunSource, runOnFleet, runPipeline } from '@parallax/pipeline';
import { openStore, type Store } from '@parallax/store';
import { queueUrl } from './fleet-options';

export interface DemoFleetOptions {
  /** --queue: run through BullMQ on this Redis */
  queue?: string;
  /** --database: PostgreSQL instead of the embedded store */
  database?: string;
  /** --no-workers sets this false: workers elsewhere serve the queue */
  workers?: boolean;
}

/** The demo's store: PostgreSQL with --database, else the embedded one in `dataDir`. */
export async function openDemoStore(options: DemoFleetOptions, dataDir: string): Promise<Store> {
  if (options.workers === false && !options.database) {
    throw new UsageError(
      '--no-workers needs --database: the workers elsewhere write to it, and the demo reads from it',
    );
  }
  if (options.database !== undefined && !/^postgres(ql)?:\/\//.test(options.database)) {
    throw new UsageError('--database must be a postgres:// URL');
  }
  if (options.workers === false && options.queue === undefined)
    throw new UsageError('--no-workers needs --queue');
  return options.database ? openStore({ databaseUrl: options.database }) : openStore({ dataDir });
}

/**
 * The demo's runner: runPipeline in this process, or with --queue the same run through BullMQ (with
 * workers in this process unless --no-workers); both return the same result, so the demo writes the
 * same reports either way.
 */
export function demoRunner(
  options: DemoFleetOptions,
): (sources: RunSource[], run: RunOptions) => Promise<RunResult> {
  if (options.queue === undefined) return runPipeline;
  const redisUrl = queueUrl(options.queue) as string;
  return (sources, run) =>
    runOnFleet(sources, {
      ...run,
      redisUrl,
      startWorkers: options.workers !== false,
      // The demo's replay server is one loopback host: no fleet-wide politeness delay for it.
      workers: { hostRequestsPerSecond: 0 },
      onProgress: undefined,
    });
}

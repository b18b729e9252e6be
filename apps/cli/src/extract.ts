import { availableParallelism } from 'node:os';
import { UsageError } from '@parallax/core/errors';
import { articleLine, articleOf, batchOutcome, eachFile, requireJson } from './files';
import { resolveUserPath } from './inputs';
import type { Io } from './io';

/* `parallax extract`: one thread, or a pool of them (extract-pool.ts) for many files. */

/**
 * How many threads `extract` uses by default: one for a few files, one more per 200 up to the
 * machine's cores. A thread costs about a second of CPU to load the extractor and warm its JIT up,
 * worth it only when it takes a few hundred pages off the main thread.
 */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, 1 + Math.floor(files / 200)));
}

/** --jobs as given (a whole number, 1 or more), else the default for this many files; never more than the files. */
export function jobsFor(raw: string | undefined, files: number): number {
  if (raw === undefined) return Math.min(defaultJobs(files), Math.max(1, files));
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw new UsageError(`--jobs ${raw}: expected a whole number of threads, 1 or more`);
  }
  return Math.min(Number(raw), Math.max(1, files));
}

export async function extractCommand(
  files: string[],
  options: { format: string; jobs?: string },
  io: Io,
): Promise<void> {
  requireJson(options.format);
  const jobs = jobsFor(options.jobs, files.length);
  if (jobs > 1) {
    const paths = files.map(resolveUserPath);
    // PARALLAX_EXTRACT_MAIN_READS=0 (for the tests): every file goes through a worker thread.
    const mainReads = process.env.PARALLAX_EXTRACT_MAIN_READS !== '0';
    const statuses = await (await import('./extract-pool')).extractInPool(paths, jobs, io, { mainReads });
    batchOutcome(statuses, paths.length);
    return;
  }
  // The article only: statements and facts are not printed here, so they are not computed.
  await eachFile(files, io, articleLine, articleOf);
}

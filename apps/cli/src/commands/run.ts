import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, UsageError } from '@parallax/core';
import {
  FleetClient,
  type FleetProgress,
  parseScheduledSources,
  type ReplayServer,
  type RunSource,
  runPipeline,
  runSourcesOf,
  startReplayServer,
} from '@parallax/pipeline';
import type { Command } from 'commander';
import { DEMO_CORPUS, type Io } from '../commands';
import { loadManifest, metaOf, resolveUserPath, userCwd } from '../inputs';
import { openCliStore, queueUrl } from './fleet-options';

export interface RunCommandOptions {
  queue?: string;
  sources?: string;
  corpus?: string;
  database?: string;
  dataDir: string;
  timeout?: string;
}

/** The run's sources: a sources file (live URLs), or a recorded corpus served on loopback. */
async function loadRunSources(
  options: RunCommandOptions,
): Promise<{ sources: RunSource[]; replay?: ReplayServer }> {
  if (options.sources && options.corpus) throw new UsageError('give --sources or --corpus, not both');
  if (options.sources) {
    const file = resolveUserPath(options.sources);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read sources file ${file}: ${(error as Error).message}`);
    }
    const list = parseScheduledSources(
      Array.isArray(value) ? value : (value as { sources?: unknown })?.sources,
    );
    return { sources: list.flatMap(runSourcesOf) };
  }
  const manifest = await loadManifest(join(resolveUserPath(options.corpus ?? DEMO_CORPUS), 'manifest.json'));
  const replay = await startReplayServer(manifest.entries.map((e) => ({ url: e.url, file: e.path })));
  return {
    sources: manifest.entries.map((e) => ({ meta: metaOf(e), fetchUrl: replay.urlFor(e.url) })),
    replay,
  };
}

/** A bar redrawn in place on a terminal; elsewhere a log line when the count moves, at most once a second. */
function progressPrinter(io: Io): (p: FleetProgress) => void {
  const tty = process.stderr.isTTY === true;
  let last = '';
  let lastAt = 0;
  return (p) => {
    if (io.quiet) return;
    const line = `${p.state.padEnd(9)} ${p.done}/${p.total} documents${p.failed ? `, ${p.failed} failed` : ''}`;
    if (tty) {
      const width = 30;
      const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : 0;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}`);
      if (p.state === 'done') process.stderr.write('\n');
    } else if (line !== last && (Date.now() - lastAt >= 1_000 || p.state === 'done')) {
      process.stderr.write(`run ${p.runId}: ${line}\n`);
      lastAt = Date.now();
    }
    last = line;
  };
}

/**
 * `parallax run`: one batch run. Without a queue it runs in this process (the embedded default); with
 * --queue it enqueues the run for the fleet's workers, shows progress and waits for its flow.
 */
export async function runCommand(options: RunCommandOptions, io: Io): Promise<void> {
  const url = queueUrl(options.queue);
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout) * 1000;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError('--timeout takes seconds, > 0');
  const { sources, replay } = await loadRunSources(options);
  try {
    if (url === undefined) {
      const store = await openCliStore(options.database, resolveUserPath(options.dataDir));
      try {
        const result = await runPipeline(sources, {
          store,
          fetch: {
            userAgent: 'Parallax/0.1 (+https://github.com/parallax)',
            allowPrivateAddresses: replay !== undefined,
          },
          onProgress: (p) => {
            if (p.type === 'failed') io.log.warn(p.failure, 'source failed');
          },
        });
        io.stdout(
          `run ${result.runId} (in process): ${result.documents.length} documents, ${result.failures.length} failed, ${result.report.events.length} events, report ${result.reportId}\n`,
        );
        if (result.failures.length > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
      return;
    }
    const client = new FleetClient(url);
    try {
      const runId = await client.enqueueRun(sources);
      const result = await client.waitForRun(runId, { onProgress: progressPrinter(io), timeoutMs });
      io.stdout(
        `run ${runId} (queue ${url}): ${result.documents} documents, ${result.failures.length} failed, ${result.events} events, report ${result.reportId}\n`,
      );
      for (const failure of result.failures) io.log.warn(failure, 'document failed');
      if (result.failures.length > 0) process.exitCode = 1;
    } finally {
      await client.close();
    }
  } finally {
    await replay?.close();
  }
}

export function registerRunCommand(cli: Command, io: Io): void {
  cli
    .command('run')
    .description('one batch run: in this process, or through the fleet with --queue (waits for it)')
    .option('--queue <url>', 'Redis URL of the fleet (default: REDIS_URL; none: run in process)')
    .option('--sources <file>', 'JSON list of sources {id, url | urls, kind?, name?} to fetch live')
    .option('--corpus <dir>', 'recorded corpus (manifest.json) served on loopback (default: the demo corpus)')
    .option('--database <url>', 'PostgreSQL URL for an in-process run (default: DATABASE_URL)')
    .option(
      '--data-dir <dir>',
      'embedded store for an in-process run',
      join(process.env.PARALLAX_HOME ?? join(userCwd(), '.parallax'), 'db'),
    )
    .option('--timeout <seconds>', 'give up waiting for a queued run after this long')
    .action((options: RunCommandOptions) => runCommand(options, io));
}

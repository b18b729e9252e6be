import { join } from 'node:path';
import { UsageError } from '@parallax/core/errors';
import type { FetchOptions } from '@parallax/fetch';
import type { DiscoverResult, FleetClient, FleetProgress, ReplayServer, RunSource } from '@parallax/pipeline';
import { homeDir, loadOptions } from '@parallax/runtime/options';
import type { ConfiguredSource, SourcesConfig } from '@parallax/sources';
import type { Store } from '@parallax/store';
import type { Command } from 'commander';
import { DEMO_CORPUS, loadManifest, metaOf, resolveUserPath } from '../inputs';
import type { Io } from '../io';
import { openCliStore, queueUrl } from './fleet-options';

interface RunCommandOptions {
  queue?: string;
  config?: string;
  source?: string[];
  since?: string;
  corpus?: string;
  database?: string;
  dataDir: string;
  timeout?: string;
  withStore?: boolean;
}

/** The run's sources for a recorded corpus, served on loopback. */
async function loadCorpusSources(
  options: RunCommandOptions,
): Promise<{ sources: RunSource[]; replay?: ReplayServer }> {
  const manifest = await loadManifest(join(resolveUserPath(options.corpus ?? DEMO_CORPUS), 'manifest.json'));
  const { startReplayServer } = await import('@parallax/pipeline');
  const replay = await startReplayServer(manifest.entries.map((e) => ({ url: e.url, file: e.path })));
  return {
    sources: manifest.entries.map((e) => ({ meta: metaOf(e), fetchUrl: replay.urlFor(e.url) })),
    replay,
  };
}

/** The configured sources a --config run covers: those named by --source, else every enabled one. */
function chosenSources(config: SourcesConfig, ids: readonly string[] | undefined): ConfiguredSource[] {
  if (ids === undefined || ids.length === 0) {
    const enabled = config.sources.filter((s) => s.enabled);
    if (enabled.length === 0)
      throw new UsageError(`${config.file} has no enabled source; name one with --source`);
    return enabled;
  }
  return [...new Set(ids)].map((id) => {
    const source = config.sources.find((s) => s.id === id);
    if (source === undefined) {
      throw new UsageError(
        `no source "${id}" in ${config.file}; expected one of ${config.sources.map((s) => s.id).join(', ')}`,
      );
    }
    return source;
  });
}

/**
 * In process: each source's new articles discovered (politely, robots.txt obeyed), then one run over
 * all of them, so the named sources are compared with each other. Article fetches go out as the
 * configured agent, robots.txt checked on every hop, request starts to a host spaced by minDelayMs.
 */
async function runConfiguredInProcess(
  config: SourcesConfig,
  chosen: ConfiguredSource[],
  store: Store,
  io: Io,
  since: Date | undefined,
  corpus = false,
): Promise<void> {
  const [
    { discoverSource, RobotsGate, runPipeline, sourceToDiscover },
    { buildUserAgent, InProcessHostLimiter },
  ] = await Promise.all([import('@parallax/pipeline'), import('@parallax/fetch')]);
  const now = new Date();
  const sources: RunSource[] = [];
  let failedEndpoints = 0;
  for (const source of chosen) {
    const found = await discoverSource(sourceToDiscover(config, source), {
      store,
      now,
      ...(since ? { since } : {}),
    });
    for (const failure of found.summary.failures) {
      failedEndpoints += 1;
      io.log.warn({ source: source.id, ...failure }, 'discovery endpoint failed');
    }
    const { found: total, skipped } = found.summary;
    io.log.info({ source: source.id, found: total, skipped, new: found.sources.length }, 'discovered');
    sources.push(...found.sources);
  }
  if (sources.length === 0) {
    io.stdout(
      `nothing new to run: ${chosen.map((s) => s.id).join(', ')} discovered no article that is not stored already${failedEndpoints ? ` (${failedEndpoints} endpoint(s) failed)` : ''}\n`,
    );
    if (failedEndpoints > 0) process.exitCode = 1;
    return;
  }
  const limits = config.limits;
  const base: FetchOptions = {
    userAgent: buildUserAgent(config.agent.name, config.agent.contact),
    timeoutMs: limits.timeoutMs,
    totalTimeoutMs: limits.totalTimeoutMs,
    maxBytes: limits.maxBytes,
    maxRedirects: limits.maxRedirects,
    // One run fetches for every named source: loopback only when one of them asks for it (tests).
    allowPrivateAddresses: chosen.some((s) => s.allowPrivateAddresses),
  };
  const guarded = new RobotsGate(base).options(config.agent);
  const limiter = new InProcessHostLimiter({ minDelayMs: limits.minDelayMs, maxConcurrency: 1 });
  const fetch: FetchOptions = {
    ...guarded,
    beforeRequest: async (url) => {
      await guarded.beforeRequest?.(url);
      // The run fetches one page at a time: the slot only spaces request starts per host.
      (await limiter.acquire(url.host))();
    },
  };
  const result = await runPipeline(sources, {
    store,
    fetch,
    corpus,
    onProgress: (p) => {
      if (p.type === 'failed') io.log.warn(p.failure, 'source failed');
    },
  });
  io.stdout(
    `run ${result.runId} (in process): ${result.documents.length} documents, ${result.failures.length} failed, ${result.report.events.length} events, report ${result.reportId}\n`,
  );
  if (result.failures.length > 0 || failedEndpoints > 0) process.exitCode = 1;
}

/**
 * Through the fleet: one discover job per source (what a firing of its schedule does), each its own
 * run; waits for each run's discovery, then for its flow.
 */
async function runConfiguredOnFleet(
  config: SourcesConfig,
  chosen: ConfiguredSource[],
  client: FleetClient,
  url: string,
  timeoutMs: number | undefined,
  io: Io,
): Promise<void> {
  const pipeline = await import('@parallax/pipeline');
  const { enqueueSourceRun, jobIds } = pipeline;
  const deadline = Date.now() + (timeoutMs ?? Number.POSITIVE_INFINITY);
  const runs = [];
  for (const source of chosen)
    runs.push({ source, runId: await enqueueSourceRun(client.discoverQueue, config, source) });
  for (const { source, runId } of runs) {
    // Discovery first: a run with nothing new finishes without a flow.
    let discovered: DiscoverResult | undefined;
    for (;;) {
      const job = await client.discoverQueue.getJob(jobIds.discover(runId));
      const state = job ? await job.getState() : 'unknown';
      if (job && state === 'failed') {
        io.log.warn({ source: source.id, runId, reason: job.failedReason }, 'discovery failed');
        process.exitCode = 1;
        break;
      }
      if (job && state === 'completed') {
        discovered = pipeline.DiscoverResult.parse(job.returnvalue);
        break;
      }
      if (Date.now() > deadline) throw new UsageError(`run ${runId} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (discovered === undefined) continue;
    if (discovered.total === 0) {
      io.stdout(`run ${runId} (queue ${url}): ${source.id}: nothing new to run\n`);
      continue;
    }
    const remaining = Math.max(1, deadline - Date.now());
    const result = await client.waitForRun(runId, {
      onProgress: progressPrinter(io),
      ...(Number.isFinite(remaining) ? { timeoutMs: remaining } : {}),
    });
    io.stdout(
      `run ${runId} (queue ${url}): ${source.id}: ${result.documents} documents, ${result.failures.length} failed, ${result.events} events, report ${result.reportId}\n`,
    );
    for (const failure of result.discovery?.failures ?? []) io.log.warn(failure, 'discovery endpoint failed');
    for (const failure of result.failures) io.log.warn(failure, 'document failed');
    if (result.failures.length > 0 || (result.discovery?.failures.length ?? 0) > 0) process.exitCode = 1;
  }
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
async function runCommand(options: RunCommandOptions, io: Io): Promise<void> {
  const url = queueUrl(options.queue);
  const timeoutMs = options.timeout === undefined ? undefined : Number(options.timeout) * 1000;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError('--timeout takes seconds, > 0');
  if (options.source !== undefined && options.config === undefined) {
    throw new UsageError('--source names a source of --config FILE');
  }
  const [{ FleetClient, runPipeline }, { loadSourcesConfig }] = await Promise.all([
    import('@parallax/pipeline'),
    import('@parallax/sources'),
  ]);
  if (options.config !== undefined) {
    if (options.corpus !== undefined) throw new UsageError('give --config or --corpus, not both');
    const config = await loadSourcesConfig(resolveUserPath(options.config));
    const chosen = chosenSources(config, options.source);
    const since = options.since === undefined ? undefined : new Date(options.since);
    if (since !== undefined && Number.isNaN(since.getTime())) {
      throw new UsageError(`--since takes a date or an ISO 8601 instant (got "${options.since}")`);
    }
    if (url === undefined) {
      const store = await openCliStore(options.database, join(resolveUserPath(options.dataDir), 'db'));
      try {
        await runConfiguredInProcess(config, chosen, store, io, since, options.withStore === true);
      } finally {
        await store.close();
      }
      return;
    }
    if (since !== undefined)
      throw new UsageError('--since is for in-process runs (the fleet uses windowHours)');
    const client = new FleetClient(url);
    try {
      await runConfiguredOnFleet(config, chosen, client, url, timeoutMs, io);
    } finally {
      await client.close();
    }
    return;
  }
  const { sources, replay } = await loadCorpusSources(options);
  try {
    if (url === undefined) {
      const store = await openCliStore(options.database, join(resolveUserPath(options.dataDir), 'db'));
      try {
        const result = await runPipeline(sources, {
          store,
          fetch: {
            userAgent: loadOptions().userAgent,
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
    .option('--config <file>', 'sources config (YAML, e.g. infra/sources.yaml): discover and run its sources')
    .option('--source <id...>', 'with --config: only these sources (repeatable; default: every enabled one)')
    .option(
      '--since <date>',
      'with --config, in process: articles published since then (default: windowHours ago)',
    )
    .option('--corpus <dir>', 'recorded corpus (manifest.json) served on loopback (default: the demo corpus)')
    .option('--database <url>', 'PostgreSQL URL for an in-process run (default: DATABASE_URL)')
    .option(
      '--data-dir <dir>',
      'where the embedded store lives, for an in-process run (as for demo, fetch and serve)',
      homeDir(),
    )
    .option(
      '--with-store',
      'in process: compare with every stored document and write story versions, as scheduled runs do',
    )
    .option('--timeout <seconds>', 'give up waiting for a queued run after this long')
    .action((options: RunCommandOptions) => runCommand(options, io));
}

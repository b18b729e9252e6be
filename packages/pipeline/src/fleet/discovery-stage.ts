import { ParallaxError } from '@parallax/core';
import { InProcessHostLimiter, PoliteFetcher } from '@parallax/fetch';
import { discoverArticles, politeDocumentFetcher } from '@parallax/sources';
import type { Store } from '@parallax/store';
import type { Job } from 'bullmq';
import type { RunSource } from '../runner';
import { forQueue } from './job-errors';
import type { DiscoverJob, DiscoverResult } from './payloads';
import { finishRun } from './runs';
import type { DiscoverySummary, SourceToDiscover } from './source-job';
import type { StageContext } from './stage-context';

/** A configured source's new articles, as run sources (fetched as the configured agent). */
export interface SourceDiscovery {
  sources: Array<RunSource & { agent: SourceToDiscover['agent'] }>;
  summary: DiscoverySummary;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Discovery of one configured source: its feeds, sitemaps and listing pages read politely (robots.txt
 * for the configured agent, its host limits, retries), article links kept when they match its patterns
 * and were published within `windowHours` before `now` (undated ones kept), minus those whose document
 * an earlier run stored. An endpoint that cannot be read is a failure in the summary, never thrown.
 */
export async function discoverSource(
  source: SourceToDiscover,
  options: {
    store: Store;
    now: Date;
    allowPrivateAddresses?: boolean;
    /** Overrides the window's start (a backfill): articles published since this instant. */
    since?: Date;
  },
): Promise<SourceDiscovery> {
  const fetcher = new PoliteFetcher({
    agent: source.agent.name,
    contactUrl: source.agent.contact,
    request: {
      timeoutMs: source.limits.timeoutMs,
      totalTimeoutMs: source.limits.totalTimeoutMs,
      maxBytes: source.limits.maxBytes,
      maxRedirects: source.limits.maxRedirects,
      allowPrivateAddresses: source.allowPrivateAddresses || options.allowPrivateAddresses === true,
    },
    limiter: new InProcessHostLimiter({
      minDelayMs: source.limits.minDelayMs,
      maxConcurrency: source.limits.maxConcurrencyPerHost,
    }),
    retry: { maxAttempts: source.limits.maxAttempts },
  });
  try {
    const { articles, failures } = await discoverArticles(source, {
      fetchDocument: politeDocumentFetcher(fetcher),
      since: options.since ?? new Date(options.now.getTime() - source.windowHours * HOUR_MS),
    });
    const stored = new Set(
      await options.store.storedDocumentUrls(
        source.name,
        articles.map((a) => a.url),
      ),
    );
    const fresh = articles.filter((a) => !stored.has(a.url));
    return {
      sources: fresh.map((article) => ({
        meta: {
          source: source.name,
          kind: source.kind,
          url: article.url,
          ...(article.title ? { title: article.title } : {}),
          ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
        },
        fetchUrl: article.url,
        agent: source.agent,
      })),
      summary: { source: source.id, found: articles.length, skipped: stored.size, failures },
    };
  } finally {
    await fetcher.close();
  }
}

function describeFailures(summary: DiscoverySummary): string {
  return summary.failures.map((f) => `${f.endpoint}: ${f.code}: ${f.message}`).join('; ');
}

/**
 * The discover stage's half for a configured source (a scheduler firing): discovers its new articles
 * and hands back the explicit-URL discover job that adds the run's flow — or, when there is nothing
 * new, finishes the run itself (nothing to compare). Every endpoint failing fails the job (visible in
 * `parallax failures`); some failing are logged on the job and kept in the run's summary. The run was
 * started (once) by the discover stage.
 */
export async function expandSourceDiscoverJob(
  job: Job,
  runId: string,
  configured: SourceToDiscover,
  ctx: StageContext,
): Promise<{ job: DiscoverJob } | { result: DiscoverResult }> {
  let found: SourceDiscovery;
  try {
    found = await discoverSource(configured, {
      store: ctx.store,
      now: ctx.now(),
      allowPrivateAddresses: ctx.fetch.allowPrivateAddresses === true,
    });
  } catch (error) {
    throw forQueue(error);
  }
  const { summary } = found;
  for (const failure of summary.failures) {
    await job.log(`discovery failed: ${failure.endpoint}: ${failure.code}: ${failure.message}`);
  }
  await job.log(
    `discovered ${summary.found} article(s) of ${configured.id} in ${configured.windowHours} h, ${summary.skipped} stored before, ${found.sources.length} new`,
  );
  if (found.sources.length > 0) {
    return { job: { runId, sources: found.sources, discovery: summary } };
  }
  const everyEndpointFailed = configured.discovery.every((endpoint) =>
    summary.failures.some((failure) => failure.endpoint === endpoint.url),
  );
  if (everyEndpointFailed) {
    const error = `discovery of ${configured.id} failed at every endpoint: ${describeFailures(summary)}`;
    await finishRun(ctx.store, runId, {
      status: 'failed',
      error,
      summary: { documents: 0, failures: 0, events: 0, discovery: summary },
    });
    // The next firing tries again; retrying this one at once would hammer a site that is down.
    throw forQueue(new ParallaxError('PARALLAX_DISCOVERY_FAILED', error, { details: { runId } }));
  }
  await finishRun(ctx.store, runId, {
    status: 'succeeded',
    summary: { documents: 0, failures: 0, events: 0, discovery: summary },
  });
  return { result: { flowJobId: '', total: 0 } };
}

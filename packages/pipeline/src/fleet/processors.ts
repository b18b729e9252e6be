import { FetchError, ParallaxError } from '@parallax/core';
import { decodeBody, fetchPage } from '@parallax/fetch';
import { type Job, UnrecoverableError } from 'bullmq';
import { compareWithCorpus } from '../corpus';
import { editsOfPages } from '../edits';
import { buildReport, type ProcessedDocument, processDocument } from '../stages';
import { expandSourceDiscoverJob } from './discovery-stage';
import { forQueue, parsePayload } from './job-errors';
import {
  CompareJob,
  type CompareResult,
  DiscoverJob,
  type DiscoverResult,
  ExtractJob,
  type ExtractResult,
  ExtractResult as ExtractResultSchema,
  FetchJob,
  FetchResult,
  jobIds,
  QUEUES,
} from './payloads';
import { jobOptions } from './policy';
import { robotsFetchOptions } from './robots-gate';
import { finishRun, startRunOnce } from './runs';
import { isSourceDiscoverJob, SourceDiscoverJob } from './source-job';
import type { StageContext } from './stage-context';

/**
 * A document is kept per run: its id hashes its URL and snapshot but not the manifest's metadata, so
 * another run may store a different rendering under the same id; within a run it is what was stored.
 */
const handoffKey = (runId: string, documentId: string) => `${runId}\n${documentId}`;

/** A rough size in memory (UTF-16 text, the article's text twice: as text and as blocks). */
function documentBytes(doc: ProcessedDocument): number {
  let bytes = 4 * doc.article.text.length + 1_024;
  for (const s of doc.statements) bytes += 2 * s.text.length + 256;
  return bytes + 256 * doc.facts.length;
}

/** A generous bound on report building per document on a slow, busy core (measured ~4 ms idle). */
const REPORT_MS_PER_DOCUMENT = 40;

/** A scheduler's jobs carry no run id (their data is a fixed template): each firing's job id names it. */
function runIdOf(job: Job, data: { runId?: unknown }): string {
  if (typeof data.runId === 'string') return data.runId;
  return `run_${String(job.id).replace(/[^A-Za-z0-9_.-]/g, '.')}`;
}

/**
 * discover: records the run, then adds its flow — a compare job whose children are one extract job per
 * source, each with its fetch job as child. BullMQ runs children first, so a document is extracted
 * only once its snapshot is stored, and the comparison runs once, after every document.
 */
export async function discoverStage(job: Job, ctx: StageContext): Promise<DiscoverResult> {
  const raw = (job.data ?? {}) as Record<string, unknown>;
  const runId = runIdOf(job, raw);
  // A configured source (a scheduler firing) is discovered first; the explicit-URL job is its result.
  // Parsed before the run is recorded: a payload that fails its schema records nothing.
  const payload = isSourceDiscoverJob(raw)
    ? ({
        kind: 'configured',
        source: parsePayload(SourceDiscoverJob, { ...raw, runId }, 'source discover job').configured,
      } as const)
    : ({ kind: 'explicit', job: parsePayload(DiscoverJob, { ...raw, runId }, 'discover job') } as const);
  const start = await startRunOnce(ctx, runId);
  // A discover job that dies after adding its flow is run again: the flow must not be added twice
  // (children already completed and removed would be re-created).
  if (start.flow) return { flowJobId: start.flow.id, total: start.flow.total };
  let data: DiscoverJob;
  if (payload.kind === 'explicit') data = payload.job;
  else {
    // A retried firing whose run finished already did its discovery.
    if (start.run.status !== 'running') return { flowJobId: '', total: 0 };
    const expanded = await expandSourceDiscoverJob(job, runId, payload.source, ctx);
    if ('result' in expanded) return expanded.result;
    // A scheduled firing is compared with the whole store: the store is the corpus.
    data = { ...expanded.job, corpus: true };
  }
  const parentId = jobIds.compare(data.runId);
  const opts = jobOptions(ctx.policy);
  await ctx.flows.add({
    name: 'compare',
    queueName: QUEUES.compare,
    data: {
      runId: data.runId,
      total: data.sources.length,
      discovery: data.discovery,
      ...(data.corpus ? { corpus: true } : {}),
    } satisfies CompareJob,
    opts: { ...opts, jobId: parentId },
    children: data.sources.map((source, index) => ({
      name: 'extract',
      queueName: QUEUES.extract,
      data: { runId: data.runId, index, meta: source.meta } satisfies ExtractJob,
      // A document that can never be had must not hold the run's report back forever.
      opts: { ...opts, jobId: jobIds.extract(data.runId, source.meta.url), ignoreDependencyOnFailure: true },
      children: [
        {
          name: 'fetch',
          queueName: QUEUES.fetch,
          data: { runId: data.runId, index, source } satisfies FetchJob,
          opts: {
            ...opts,
            jobId: jobIds.fetch(data.runId, source.meta.url),
            ignoreDependencyOnFailure: true,
          },
        },
      ],
    })),
  });
  return { flowJobId: parentId, total: data.sources.length };
}

/** fetch: one page over HTTP, politely; its snapshot is stored before the job completes. */
export async function fetchStage(job: Job, ctx: StageContext): Promise<FetchResult> {
  const { index, source } = parsePayload(FetchJob, job.data, 'fetch job');
  try {
    const release = await ctx.hostLimiter?.acquire(new URL(source.fetchUrl).host);
    let page: Awaited<ReturnType<typeof fetchPage>>;
    try {
      // robots.txt (cached per origin) for the source's configured agent, or the workers' own.
      page = await fetchPage(source.fetchUrl, robotsFetchOptions(ctx, source.agent));
    } finally {
      release?.();
    }
    ctx.onFetchStatus?.(page.snapshot.status);
    await ctx.store.saveSnapshot(page.snapshot, page.body);
    // Committed: the extract job, if this process gets it, may take the body from here (keyed by its
    // sha256, so it is the stored body byte for byte).
    ctx.handoff?.snapshots.put(
      page.snapshot.sha256,
      { contentType: page.snapshot.contentType, body: page.body },
      page.body.byteLength,
    );
    return {
      index,
      url: source.meta.url,
      sha256: page.snapshot.sha256,
      status: page.snapshot.status,
      contentType: page.snapshot.contentType,
    };
  } catch (error) {
    if (error instanceof FetchError) ctx.onFetchStatus?.(error.status ?? 0);
    throw forQueue(error);
  }
}

/** extract: the stored snapshot → article, statements, facts → stored document. */
export async function extractStage(job: Job, ctx: StageContext): Promise<ExtractResult> {
  const { runId, index, meta } = parsePayload(ExtractJob, job.data, 'extract job');
  const [value] = Object.values(await job.getChildrenValues());
  if (value === undefined) {
    const [reason] = Object.values(await job.getIgnoredChildrenFailures());
    throw new UnrecoverableError(`${meta.url} was not fetched: ${reason ?? 'its fetch job is gone'}`);
  }
  const fetched = parsePayload(FetchResult, value, 'fetch result');
  try {
    // A snapshot this process fetched is handed over rather than read back. The row was committed before
    // the fetch job completed; should it be gone regardless (a store wiped under the run), the
    // document's foreign key to it refuses the document, as the missing row below does.
    const handed = ctx.handoff?.snapshots.take(fetched.sha256);
    const stored = handed
      ? { snapshot: { contentType: handed.contentType }, body: handed.body }
      : await ctx.store.getSnapshot(fetched.sha256);
    if (stored === null) {
      // Its fetch job completed, so the snapshot was committed: a missing row means the store was
      // replaced or wiped under the run, which no retry mends.
      throw new ParallaxError('PARALLAX_SNAPSHOT_MISSING', `snapshot ${fetched.sha256} is not in the store`);
    }
    const contentType = stored.snapshot.contentType;
    const doc = processDocument({
      meta,
      body: decodeBody(stored.body, contentType),
      format: contentType?.startsWith('text/plain') ? 'text' : 'html',
      snapshotSha256: fetched.sha256,
    });
    await ctx.store.saveDocument(doc);
    ctx.handoff?.documents.put(handoffKey(runId, doc.ref.id), doc, documentBytes(doc));
    return {
      index,
      url: meta.url,
      documentId: doc.ref.id,
      statements: doc.statements.length,
      facts: doc.facts.length,
    };
  } catch (error) {
    throw forQueue(error);
  }
}

/** compare: once every document of the run is stored or given up, the report is built and stored. */
export async function compareStage(job: Job, ctx: StageContext, token?: string): Promise<CompareResult> {
  const { runId, discovery, corpus } = parsePayload(CompareJob, job.data, 'compare job');
  const results = Object.values(await job.getChildrenValues())
    .map((value) => parsePayload(ExtractResultSchema, value, 'extract result'))
    .sort((a, b) => a.index - b.index);
  const failures = Object.entries(await job.getIgnoredChildrenFailures()).map(([key, reason]) => ({
    job: key.slice(key.lastIndexOf(':') + 1),
    reason,
  }));
  try {
    const documents = await runDocuments(ctx, runId, results);
    if (documents.length !== new Set(results.map((r) => r.documentId)).size) {
      const stored = new Set(documents.map((d) => d.ref.id));
      const missing = results.find((r) => !stored.has(r.documentId));
      throw new ParallaxError(
        'PARALLAX_DOCUMENT_MISSING',
        `document ${missing?.documentId} is not in the store`,
      );
    }
    const run = await ctx.store.startRun(runId);
    if (documents.length === 0) {
      const error = `every source failed (${failures.length}); first: ${failures[0]?.reason ?? 'none'}`;
      if (run.status === 'running') await finishRun(ctx.store, runId, { status: 'failed', error });
      throw new ParallaxError('PARALLAX_RUN_FAILED', error);
    }
    // Building the report is synchronous CPU work (seconds for a thousand documents): the lock cannot
    // be renewed meanwhile, and a lock that lapsed would hand the job to another worker, which would
    // lapse too, forever. So the lock is first extended to cover it; a worker that dies here holds
    // the job that much longer.
    if (token !== undefined) {
      await job.extendLock(token, ctx.lockDurationMs + documents.length * REPORT_MS_PER_DOCUMENT);
    }
    let events: number;
    let reportId: string;
    let stories: { storyId: string; version: number }[] | undefined;
    if (corpus) {
      // The corpus report stays in the store (a reference to the story versions): not read back here.
      const compared = await compareWithCorpus(ctx.store, { runId, documents, now: ctx.now() });
      ({ events, reportId } = compared);
      stories = compared.stories.map((s) => ({ storyId: s.storyId, version: s.version }));
    } else {
      const report = buildReport(documents, ctx.now(), { edits: await editsOfPages(ctx.store, documents) });
      reportId = await ctx.store.saveReport(report);
      events = report.events.length;
    }
    // A compare job run again after it stored everything finds its run finished already.
    if (run.status === 'running') {
      await finishRun(ctx.store, runId, {
        status: 'succeeded',
        summary: {
          documents: documents.length,
          failures: failures.length,
          events,
          reportId,
          ...(discovery ? { discovery } : {}),
          ...(stories ? { stories: stories.length } : {}),
        },
      });
    }
    for (const r of results) ctx.handoff?.documents.delete(handoffKey(runId, r.documentId));
    return {
      runId,
      reportId,
      documents: documents.length,
      failures,
      events,
      discovery,
      ...(stories ? { stories } : {}),
    };
  } catch (error) {
    throw forQueue(error);
  }
}

/**
 * The run's documents in the order of `results` (as getDocuments returns them): those this process
 * extracted from the handoff, the rest from the store in one query.
 */
async function runDocuments(
  ctx: StageContext,
  runId: string,
  results: readonly ExtractResult[],
): Promise<ProcessedDocument[]> {
  const ids = [...new Set(results.map((r) => r.documentId))];
  const handed = new Map<string, ProcessedDocument>();
  for (const id of ids) {
    const doc = ctx.handoff?.documents.get(handoffKey(runId, id));
    if (doc !== undefined) handed.set(id, doc);
  }
  const missing = ids.filter((id) => !handed.has(id));
  const stored = missing.length > 0 ? await ctx.store.getDocuments(missing) : [];
  const byId = new Map<string, ProcessedDocument>([...handed, ...stored.map((d) => [d.ref.id, d] as const)]);
  return ids.flatMap((id) => {
    const doc = byId.get(id);
    return doc === undefined ? [] : [doc];
  });
}

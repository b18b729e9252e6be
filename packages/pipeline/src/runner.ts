import { isParallaxError, ParallaxError, type Report } from '@parallax/core';
import { type FetchOptions, fetchPage } from '@parallax/fetch';
import type { Store } from '@parallax/store';
import { compareWithCorpus, corpusReport } from './corpus';
import { editsOfPages } from './edits';
import { finishRun } from './fleet/runs';
import { buildReport, type DocumentMeta, type ProcessedDocument, processDocument } from './stages';

export interface RunSource {
  meta: DocumentMeta;
  /** Where to fetch it from (the original URL, or a replay server's address for it). */
  fetchUrl: string;
}

export interface RunFailure {
  url: string;
  code: string;
  retryable: boolean;
  message: string;
}

/** What a run reports as it goes; the library never logs, the caller decides what to print. */
export type RunProgress =
  | { type: 'fetched'; url: string; status: number; bytes: number; sha256: string }
  | { type: 'processed'; url: string; documentId: string; statements: number; facts: number }
  | { type: 'failed'; failure: RunFailure };

export interface RunOptions {
  store: Store;
  fetch: FetchOptions;
  now?: () => Date;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Compare the run's documents with every stored document and write a new version of each story
   * that changed (compareWithCorpus), as a scheduled run does, instead of comparing the run alone.
   */
  corpus?: boolean;
}

export interface RunResult {
  runId: string;
  reportId: string;
  report: Report;
  documents: ProcessedDocument[];
  failures: RunFailure[];
}

function toFailure(url: string, error: unknown): RunFailure {
  if (isParallaxError(error))
    return { url, code: error.code, retryable: error.retryable, message: error.message };
  return {
    url,
    code: 'PARALLAX_INTERNAL',
    retryable: false,
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The in-process runner: fetch → store snapshot → extract + statements → store document, for each
 * source in turn, then events → align → compare → store report. Each stage's output is stored before
 * the next stage reads it. A source that fails is recorded as a failure (with its code) and the run
 * goes on; a run in which every source fails is itself a failure.
 */
export async function runPipeline(sources: RunSource[], options: RunOptions): Promise<RunResult> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const run = await store.startRun();
  const failures: RunFailure[] = [];
  const documents: ProcessedDocument[] = [];
  try {
    for (const source of sources) {
      try {
        const page = await fetchPage(source.fetchUrl, options.fetch);
        await store.saveSnapshot(page.snapshot, page.body);
        options.onProgress?.({
          type: 'fetched',
          url: source.meta.url,
          status: page.snapshot.status,
          bytes: page.snapshot.byteLength,
          sha256: page.snapshot.sha256,
        });
        const format = page.snapshot.contentType?.startsWith('text/plain') ? 'text' : 'html';
        const doc = processDocument({
          meta: source.meta,
          body: page.text,
          format,
          snapshotSha256: page.snapshot.sha256,
        });
        await store.saveDocument(doc);
        documents.push(doc);
        options.onProgress?.({
          type: 'processed',
          url: source.meta.url,
          documentId: doc.ref.id,
          statements: doc.statements.length,
          facts: doc.facts.length,
        });
      } catch (error) {
        const failure = toFailure(source.meta.url, error);
        failures.push(failure);
        options.onProgress?.({ type: 'failed', failure });
      }
    }
    if (documents.length === 0) {
      throw new ParallaxError(
        'PARALLAX_RUN_FAILED',
        `every source failed (${failures.length}); first: ${failures[0]?.code ?? 'none'} ${failures[0]?.message ?? ''}`,
        { retryable: failures.some((f) => f.retryable), details: { failures, runId: run.id } },
      );
    }
    let report: Report;
    let reportId: string;
    let stories: number | undefined;
    if (options.corpus) {
      const compared = await compareWithCorpus(store, { runId: run.id, documents, now: now() });
      reportId = compared.reportId;
      report = await corpusReport(store, reportId);
      stories = compared.stories.length;
    } else {
      report = buildReport(documents, now(), { edits: await editsOfPages(store, documents) });
      reportId = await store.saveReport(report);
    }
    await finishRun(store, run.id, {
      status: 'succeeded',
      summary: {
        documents: documents.length,
        failures: failures.length,
        events: report.events.length,
        reportId,
        ...(stories !== undefined ? { stories } : {}),
      },
    });
    return { runId: run.id, reportId, report, documents, failures };
  } catch (error) {
    await finishRun(store, run.id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

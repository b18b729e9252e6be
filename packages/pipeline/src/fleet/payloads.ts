import { contentId } from '@parallax/core';
import { z } from 'zod';
import { DiscoverySummary } from './source-job';

/** The BullMQ queues, one per stage, named for what their jobs do. */
export const QUEUES = {
  /** expands a run's sources into its flow (the scheduler's target too) */
  discover: 'parallax-discover',
  /** fetch a page over polite HTTP and store its snapshot */
  fetch: 'parallax-fetch',
  /** extract the article, statements and facts of a stored snapshot and store the document */
  extract: 'parallax-extract',
  /** group events, align, compare and store the run's report, once its documents are stored */
  compare: 'parallax-compare',
} as const;

export type Stage = keyof typeof QUEUES;
export const STAGES = Object.keys(QUEUES) as Stage[];

const DocumentMetaSchema = z.object({
  source: z.string().min(1),
  kind: z.enum(['outlet', 'official', 'aggregator', 'other']),
  url: z.url(),
  title: z.string().optional(),
  lang: z.string().optional(),
  publishedAt: z.string().optional(),
});

const RunSourceSchema = z.object({
  meta: DocumentMetaSchema,
  fetchUrl: z.url(),
  /** The configured bot it is fetched as (robots.txt token, User-Agent); absent: the workers' own. */
  agent: z.object({ name: z.string().min(1), contact: z.url() }).optional(),
});

const runId = z.string().regex(/^run_[A-Za-z0-9_.-]+$/, 'a run id is run_ followed by [A-Za-z0-9_.-]');

export const DiscoverJob = z.object({
  runId,
  sources: z.array(RunSourceSchema).min(1),
  /** Set when the sources were discovered from a configured source (kept on the run's summary). */
  discovery: DiscoverySummary.optional(),
  /** Compare with every stored document and write story versions (scheduled runs), not the run alone. */
  corpus: z.boolean().optional(),
});
export const FetchJob = z.object({ runId, index: z.number().int().min(0), source: RunSourceSchema });
export const ExtractJob = z.object({ runId, index: z.number().int().min(0), meta: DocumentMetaSchema });
export const CompareJob = z.object({
  runId,
  total: z.number().int().min(1),
  discovery: DiscoverySummary.optional(),
  /** Compare with every stored document and write story versions (see compareWithCorpus). */
  corpus: z.boolean().optional(),
});

export const DiscoverResult = z.object({ flowJobId: z.string(), total: z.number().int() });
export const FetchResult = z.object({
  index: z.number().int(),
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.number().int(),
  contentType: z.string().nullable(),
});
export const ExtractResult = z.object({
  index: z.number().int(),
  url: z.string(),
  documentId: z.string().min(1),
  statements: z.number().int(),
  facts: z.number().int(),
});
export const CompareResult = z.object({
  runId: z.string(),
  reportId: z.string(),
  documents: z.number().int(),
  failures: z.array(z.object({ job: z.string(), reason: z.string() })),
  events: z.number().int(),
  discovery: DiscoverySummary.optional(),
  /** For a corpus compare: the story versions it wrote. */
  stories: z.array(z.object({ storyId: z.string(), version: z.number().int() })).optional(),
});

export type DiscoverJob = z.infer<typeof DiscoverJob>;
export type FetchJob = z.infer<typeof FetchJob>;
export type ExtractJob = z.infer<typeof ExtractJob>;
export type CompareJob = z.infer<typeof CompareJob>;
export type DiscoverResult = z.infer<typeof DiscoverResult>;
export type FetchResult = z.infer<typeof FetchResult>;
export type ExtractResult = z.infer<typeof ExtractResult>;
export type CompareResult = z.infer<typeof CompareResult>;

/**
 * Job ids are hashes of what the job is about (the run and the URL), so enqueueing the same run twice
 * adds nothing. BullMQ refuses ':' in custom ids; content ids contain none.
 */
export const jobIds = {
  discover: (run: string) => `discover-${run}`,
  compare: (run: string) => `compare-${run}`,
  extract: (run: string, url: string) => `extract-${contentId('job', run, url)}`,
  fetch: (run: string, url: string) => `fetch-${contentId('job', run, url)}`,
};

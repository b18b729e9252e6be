import type {
  Article,
  DocumentRef,
  Event,
  Fact,
  Report,
  Snapshot,
  Statement,
  StoryChanges,
} from '@parallax/core';

/** A document as the pipeline produces it: where it came from, its text, and what was extracted. */
export interface StoredDocument {
  ref: DocumentRef;
  article: Article;
  statements: Statement[];
  facts: Fact[];
}

/** One stored version of a page: its document and the snapshot it was read from. */
export interface DocumentVersion {
  documentId: string;
  snapshotSha256: string;
  /** When the snapshot was fetched (ISO, exactly as stored). */
  fetchedAt: string;
}

/** One version of a story as stored. */
export interface StoryVersion {
  storyId: string;
  version: number;
  corpusVersion: number;
  runId: string | null;
  reportId: string;
  generatedAt: string;
  documentIds: string[];
  event: Event;
  changes: StoryChanges;
  current: boolean;
}

/** A span of publication times (ISO instants, both ends included). */
export interface PublicationSpan {
  from: string;
  to: string;
}

/** What a compare's save wrote: the corpus report (a reference to the story versions current now). */
export interface SavedCorpus {
  /** The corpus report's id: the same as a report with the same events has (see reportId). */
  reportId: string;
  corpusVersion: number;
  /** How many stories (events) the corpus report holds. */
  events: number;
}

/** A story version to write: the next version of `storyId` (or its first). */
export type StoryVersionInput = Pick<
  StoryVersion,
  'storyId' | 'version' | 'documentIds' | 'event' | 'changes'
>;

export type RunStatus = 'running' | 'succeeded' | 'failed';

/** One pipeline run. Timestamps are ISO 8601 instants in UTC. */
export interface RunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  summary: Record<string, unknown> | null;
  error: string | null;
}

export interface RunResult {
  status: 'succeeded' | 'failed';
  summary?: Record<string, unknown>;
  error?: string;
}

/**
 * `dataDir`: embedded PGlite, file-backed, one process at a time. `memory`: throwaway PGlite.
 * `databaseUrl`: a PostgreSQL server (postgres://…), shared by any number of workers on any machines.
 */
/** A stored report as listed: its id, when it was generated and the events it holds, in order. */
export interface ReportListing {
  id: string;
  generatedAt: string;
  events: { id: string; title: string }[];
}

export type OpenStoreOptions =
  | { dataDir: string }
  | { memory: true }
  | { databaseUrl: string /** connections in this process's pool (default 4) */; poolSize?: number };

/**
 * The pipeline's persistence. Every method either succeeds or throws a StoreError (whose `retryable`
 * says whether trying again can help); rows read back are validated against the core schemas, so a
 * corrupted row is a StoreError, never a half-valid object.
 */
export interface Store {
  /** Idempotent: same sha256 → no second row (the first one's metadata stays). Body stored as bytea. */
  saveSnapshot(snapshot: Snapshot, body: Uint8Array): Promise<void>;
  getSnapshot(sha256: string): Promise<{ snapshot: Snapshot; body: Uint8Array } | null>;
  /**
   * Every stored version of one URL (one per distinct body, so a re-fetch with unchanged content adds
   * none), oldest fetch first. Bodies via getSnapshot(sha256).
   */
  listSnapshotVersions(url: string): Promise<Snapshot[]>;
  /**
   * One transaction: document row + its statements + its facts; re-saving the same document id replaces
   * its statements/facts atomically (no half-written rows). The snapshot it names must be stored first.
   */
  saveDocument(doc: StoredDocument): Promise<void>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The documents with these ids, in the order given (duplicates once); ids not stored are left out. */
  getDocuments(ids: readonly string[]): Promise<StoredDocument[]>;
  /**
   * The stored documents of one URL (any source), oldest fetch first: a page's versions, for telling
   * what changed when it is fetched again.
   */
  documentVersions(url: string): Promise<DocumentVersion[]>;
  /** The same for many URLs in one query: each URL's versions (URLs with none are left out). */
  documentVersionsOf(urls: readonly string[]): Promise<Map<string, DocumentVersion[]>>;
  /** The latest stored document of every URL (by its snapshot's fetch time): the corpus a compare reads. */
  currentDocumentIds(): Promise<string[]>;
  /** The corpus version: how many compares have saved stories (0 for a new store). */
  corpusVersion(): Promise<number>;
  /** Every story's current version. */
  currentStories(): Promise<StoryVersion[]>;
  /** The current versions of the stories holding any of these documents (by story_versions' GIN index). */
  currentStoriesOf(documentIds: readonly string[]): Promise<StoryVersion[]>;
  /** Which of these documents are the latest of their URL (part of the corpus), in the order given, each once. */
  currentAmong(ids: readonly string[]): Promise<string[]>;
  /**
   * The current documents published within any of the spans, and the undated ones: a compare's time
   * window, read by index (no scan of the corpus), in the order they were first saved.
   */
  currentDocumentsPublishedIn(spans: readonly PublicationSpan[]): Promise<DocumentRef[]>;
  /**
   * One transaction: when the corpus version is still `expectedCorpusVersion`, bumps it, writes the
   * story versions (each the next of its story, which becomes its current one), retires the stories
   * listed (absorbed by others) and records the corpus report: a reference to the story versions now
   * current, which getReport reads back as a Report (events in report order, generatedAt as given).
   * Returns null, writing nothing, when another compare saved first (or wrote one of these versions):
   * the caller reads the corpus again.
   */
  saveStoryVersions(input: {
    expectedCorpusVersion: number;
    runId: string | null;
    generatedAt: string;
    stories: StoryVersionInput[];
    retired: string[];
  }): Promise<SavedCorpus | null>;
  /** A story's versions, oldest first (empty when unknown). */
  storyVersions(storyId: string): Promise<StoryVersion[]>;
  /** Story versions generated after `since` (ISO instant), oldest first, at most `limit` (default 1000). */
  storyVersionsSince(since: string, limit?: number): Promise<StoryVersion[]>;
  /** Every stored document, in the order they were first saved. */
  listDocuments(): Promise<DocumentRef[]>;
  /**
   * Which of `urls` already have a document stored for `source` (DocumentRef.source), in the order
   * given, each once: discovery skips them so a scheduled run fetches only new articles.
   */
  storedDocumentUrls(source: string, urls: readonly string[]): Promise<string[]>;
  /**
   * Stores the report JSON and one row per event (event id, title, report id); idempotent per report id.
   * Returns the report id (content hash of the report's events, not of generatedAt).
   */
  saveReport(report: Report): Promise<string>;
  /** A saved report, or a corpus report (see saveStoryVersions) assembled from its story versions. */
  getReport(id: string): Promise<Report | null>;
  /** The stored report with the latest generatedAt that contains the event, or null. */
  latestReportForEvent(eventId: string): Promise<Report | null>;
  /**
   * Starts a run. With an id (a queued run names its run before any worker sees it) it is idempotent:
   * a run that exists is returned as it is.
   */
  startRun(id?: string): Promise<RunRecord>;
  /** Finishes a running run; a run that is unknown or already finished is a (non-retryable) StoreError. */
  finishRun(id: string, result: RunResult): Promise<void>;
  getRun(id: string): Promise<RunRecord | null>;
  /** Stored reports, latest generatedAt first, at most `limit` (default 100): for browsing (the dashboard). */
  listReports(limit?: number): Promise<ReportListing[]>;
  /** Runs, latest started first, at most `limit` (default 100). */
  listRuns(limit?: number): Promise<RunRecord[]>;
  /** Closes the database and releases the data dir. Idempotent; any other call after it fails. */
  close(): Promise<void>;
}

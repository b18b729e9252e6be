import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  type DocumentRef,
  type Event,
  Event as EventSchema,
  type Fact,
  Report,
  SCHEMA_VERSION,
  Snapshot,
  type Statement,
  StoreError,
  StoryChanges,
  sha256Hex,
} from '@parallax/core';
import type { z } from 'zod';
import { guard, invalidInput } from './errors';
import { eventDigest, reportId, reportIdOfDigest, reportOrder, sumDigests, ZERO } from './report-identity';
import {
  type DocumentRow,
  type DocumentWithChildrenRow,
  describeIssues,
  documentFromRow,
  offsetProblem,
  type RunRow,
  refFromRow,
  reportFromRow,
  runFromRow,
  type SnapshotMetaRow,
  type SnapshotRow,
  StoredDocumentSchema,
  snapshotFromRow,
  snapshotMetaFromRow,
} from './rows';
import type { SqlClient, SqlExecutor } from './sql';
import type {
  DocumentVersion,
  PublicationSpan,
  ReportListing,
  RunRecord,
  RunResult,
  SavedCorpus,
  Store,
  StoredDocument,
  StoryVersion,
  StoryVersionInput,
} from './types';

function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalidInput(`invalid ${what}: ${describeIssues(result.error)}`, { what }, result.error);
  }
  return result.data;
}

const DOCUMENT_COLUMNS = `d.id, d.snapshot_sha256, d.source, d.kind, d.url, d.title, d.published_at, d.published_at_iso,
  d.lang, d.copy_of, d.article_title, d.byline, d.article_published_at, d.article_published_at_iso, d.article_lang,
  d.body_text, d.blocks, d.headline_end`;

const DOCUMENT_WITH_CHILDREN = `SELECT ${DOCUMENT_COLUMNS},
  (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.ordinal), '[]'::jsonb)
     FROM statements s WHERE s.document_id = d.id) AS statements,
  (SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.ordinal), '[]'::jsonb)
     FROM facts f WHERE f.document_id = d.id) AS facts
FROM documents d`;

const REF_COLUMNS = `d.id, d.snapshot_sha256, d.source, d.kind, d.url, d.title, d.published_at, d.published_at_iso,
  d.lang, d.copy_of`;

const SAVE_DOCUMENT = `
INSERT INTO documents (id, snapshot_sha256, source, kind, url, title, published_at, published_at_iso, lang, copy_of,
  article_title, byline, article_published_at, article_published_at_iso, article_lang, body_text, blocks, headline_end)
VALUES ($1, $2, $3, $4, $5, $6, $7::text::timestamptz, $7::text, $8, $9, $10, $11, $12::text::timestamptz, $12::text, $13, $14, $15::jsonb, $16)
ON CONFLICT (id) DO UPDATE SET
  snapshot_sha256 = EXCLUDED.snapshot_sha256, source = EXCLUDED.source, kind = EXCLUDED.kind, url = EXCLUDED.url,
  title = EXCLUDED.title, published_at = EXCLUDED.published_at, published_at_iso = EXCLUDED.published_at_iso,
  lang = EXCLUDED.lang, copy_of = EXCLUDED.copy_of, article_title = EXCLUDED.article_title,
  byline = EXCLUDED.byline, article_published_at = EXCLUDED.article_published_at,
  article_published_at_iso = EXCLUDED.article_published_at_iso, article_lang = EXCLUDED.article_lang,
  body_text = EXCLUDED.body_text, blocks = EXCLUDED.blocks, headline_end = EXCLUDED.headline_end,
  updated_at = now()`;

// Children go in as one JSON array per statement: a single round trip whatever their number, and no
// bind-parameter limit.
const INSERT_STATEMENTS = `
INSERT INTO statements (document_id, id, ordinal, text, kind, speaker, resolved_speaker, cue, lang, start_offset,
  end_offset, spans)
SELECT $1, s.id, s.ordinal, s.text, s.kind, s.speaker, s.resolved_speaker, s.cue, s.lang, s.start_offset, s.end_offset,
  s.spans
FROM jsonb_to_recordset($2::jsonb) AS s(id text, ordinal integer, text text, kind text, speaker text,
  resolved_speaker text, cue text, lang text, start_offset integer, end_offset integer, spans jsonb)`;

const INSERT_FACTS = `
INSERT INTO facts (document_id, id, ordinal, kind, subject, value, text, start_offset, end_offset, country, in_headline,
  details)
SELECT $1, f.id, f.ordinal, f.kind, f.subject, f.value, f.text, f.start_offset, f.end_offset, f.country, f.in_headline,
  f.details
FROM jsonb_to_recordset($2::jsonb) AS f(id text, ordinal integer, kind text, subject text, value text, text text,
  start_offset integer, end_offset integer, country text, in_headline boolean, details jsonb)`;

const INSERT_REPORT_EVENTS = `
INSERT INTO report_events (report_id, event_id, title, position)
SELECT $1, e.event_id, e.title, e.position
FROM jsonb_to_recordset($2::jsonb) AS e(event_id text, title text, position integer)`;

const RUN_COLUMNS = 'id, status, started_at, finished_at, summary, error';

/** A statement's attribution spans as stored: only those it has, or null when it has none. */
function statementSpans(s: Statement): Pick<Statement, 'quoted' | 'source' | 'cueSpan'> | null {
  const spans = {
    ...(s.quoted ? { quoted: s.quoted } : {}),
    ...(s.source ? { source: s.source } : {}),
    ...(s.cueSpan ? { cueSpan: s.cueSpan } : {}),
  };
  return Object.keys(spans).length ? spans : null;
}

/** A fact's details as stored: only those it has, or null when it has none. */
function factDetails(f: Fact): Partial<Fact> | null {
  const details: Partial<Fact> = {};
  for (const key of FACT_DETAILS) if (f[key] !== undefined) Object.assign(details, { [key]: f[key] });
  return Object.keys(details).length ? details : null;
}
const FACT_DETAILS = [
  'placeType',
  'low',
  'high',
  'part',
  'weekday',
  'asOf',
] as const satisfies readonly (keyof Fact)[];

function listLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1)
    throw invalidInput(`list limit must be a positive integer, not ${limit}`, { limit });
  return limit;
}

/** A document is current when no other document of its URL was fetched (then stored, saved) later. */
const IS_CURRENT = `NOT EXISTS (
  SELECT 1 FROM documents o JOIN snapshots os ON os.sha256 = o.snapshot_sha256
  WHERE o.url = d.url AND o.id <> d.id
    AND (os.fetched_at, os.stored_at, o.saved_at, o.id) > (s.fetched_at, s.stored_at, d.saved_at, d.id))`;

/** The story versions of the corpus report at corpus version $1: written by then, not yet replaced. */
const STORIES_AT_VERSION = `corpus_version <= $1 AND (current OR superseded_at > $1)`;

const STORY_COLUMNS =
  'story_id, version, corpus_version, run_id, report_id, generated_at_iso, document_ids, event, changes, current';

interface StoryVersionRow {
  story_id: string;
  version: number;
  corpus_version: number;
  run_id: string | null;
  report_id: string;
  generated_at_iso: string;
  document_ids: unknown;
  event: unknown;
  changes: unknown;
  current: boolean;
}

function storyFromRow(row: StoryVersionRow): StoryVersion {
  const event = EventSchema.safeParse(row.event);
  const changes = StoryChanges.safeParse(row.changes);
  const ids = row.document_ids;
  if (!event.success || !changes.success || !Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new StoreError(`story_versions row ${row.story_id} v${row.version} does not match the schema`, {
      retryable: false,
      details: { storyId: row.story_id, version: row.version },
    });
  }
  return {
    storyId: row.story_id,
    version: row.version,
    corpusVersion: row.corpus_version,
    runId: row.run_id,
    reportId: row.report_id,
    generatedAt: row.generated_at_iso,
    documentIds: ids as string[],
    event: event.data,
    changes: changes.data,
    current: row.current,
  };
}

/**
 * The digest sum of every current story's event, filling in the digests of versions written before
 * they were kept (a store from before migration 7: once, on its first compare after it).
 */
async function digestOfCurrentStories(tx: SqlExecutor): Promise<string> {
  const { rows } = await tx.query<{
    story_id: string;
    version: number;
    event: unknown;
    event_digest: string | null;
  }>('SELECT story_id, version, event, event_digest FROM story_versions WHERE current');
  const missing = rows
    .filter((row) => row.event_digest === null)
    .map((row) => ({
      story_id: row.story_id,
      version: row.version,
      event_digest: eventDigest(EventSchema.parse(row.event)),
    }));
  if (missing.length > 0) {
    await tx.query(
      `UPDATE story_versions v SET event_digest = m.event_digest
       FROM jsonb_to_recordset($1::jsonb) AS m(story_id text, version integer, event_digest text)
       WHERE v.story_id = m.story_id AND v.version = m.version`,
      [JSON.stringify(missing)],
    );
  }
  const known = rows.flatMap((row) => (row.event_digest === null ? [] : [row.event_digest]));
  return sumDigests([...known, ...missing.map((m) => m.event_digest)], [], ZERO);
}

interface CorpusReportRow {
  id: string;
  corpus_version: number;
  schema_version: number;
  generated_at_iso: string;
}

interface ListedReportRow {
  id: string;
  generated_at: string;
  corpus_version: number | null;
  events: { id: string; title: string }[] | null;
}

/** The Store over any SqlClient: PGlite today, a PostgreSQL pool tomorrow. */
export class SqlStore implements Store {
  #closed = false;

  constructor(
    private readonly client: SqlClient,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  #open(): void {
    if (this.#closed) throw new StoreError('the store is closed', { retryable: false });
  }

  async saveSnapshot(input: Snapshot, body: Uint8Array): Promise<void> {
    this.#open();
    const snapshot = parseInput(Snapshot, input, 'snapshot');
    if (!(body instanceof Uint8Array)) throw invalidInput('snapshot body must be a Uint8Array', {});
    if (body.byteLength !== snapshot.byteLength) {
      throw invalidInput(
        `snapshot ${snapshot.sha256} says byteLength ${snapshot.byteLength} but its body has ${body.byteLength} bytes`,
        { sha256: snapshot.sha256 },
      );
    }
    if (sha256Hex(body) !== snapshot.sha256) {
      throw invalidInput(`snapshot ${snapshot.sha256} does not match the sha256 of its body`, {
        sha256: snapshot.sha256,
      });
    }
    await guard(
      'saveSnapshot',
      () =>
        this.client.query(
          `INSERT INTO snapshots (sha256, url, final_url, redirects, status, headers, content_type, fetched_at,
             fetched_at_iso, byte_length, body, body_encoding)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8::text::timestamptz, $8::text, $9, $10, 'gzip')
           ON CONFLICT (sha256) DO NOTHING`,
          [
            snapshot.sha256,
            snapshot.url,
            snapshot.finalUrl,
            JSON.stringify(snapshot.redirects),
            snapshot.status,
            JSON.stringify(snapshot.headers),
            snapshot.contentType,
            snapshot.fetchedAt,
            snapshot.byteLength,
            gzipSync(body),
          ],
        ),
      { sha256: snapshot.sha256 },
    );
  }

  async getSnapshot(sha256: string): Promise<{ snapshot: Snapshot; body: Uint8Array } | null> {
    this.#open();
    const { rows } = await guard(
      'getSnapshot',
      () =>
        this.client.query<SnapshotRow>(
          `SELECT sha256, url, final_url, redirects, status, headers, content_type, fetched_at, fetched_at_iso,
             byte_length, body, body_encoding
           FROM snapshots WHERE sha256 = $1`,
          [sha256],
        ),
      { sha256 },
    );
    const row = rows[0];
    return row === undefined ? null : snapshotFromRow(row);
  }

  async listSnapshotVersions(url: string): Promise<Snapshot[]> {
    this.#open();
    const { rows } = await guard(
      'listSnapshotVersions',
      () =>
        this.client.query<SnapshotMetaRow>(
          `SELECT sha256, url, final_url, redirects, status, headers, content_type, fetched_at, fetched_at_iso,
             byte_length
           FROM snapshots WHERE url = $1 ORDER BY fetched_at, stored_at, sha256`,
          [url],
        ),
      { url },
    );
    return rows.map(snapshotMetaFromRow);
  }

  async saveDocument(input: StoredDocument): Promise<void> {
    this.#open();
    const doc = parseInput(StoredDocumentSchema, input, 'document');
    const problem = offsetProblem(doc);
    if (problem !== null) {
      throw invalidInput(`invalid document ${doc.ref.id}: ${problem}`, { documentId: doc.ref.id });
    }
    const { ref, article } = doc;
    const statements = doc.statements.map((s, ordinal) => ({
      id: s.id,
      ordinal,
      text: s.text,
      kind: s.kind,
      speaker: s.speaker,
      resolved_speaker: s.resolvedSpeaker,
      cue: s.cue,
      lang: s.lang,
      start_offset: s.start,
      end_offset: s.end,
      spans: statementSpans(s),
    }));
    const facts = doc.facts.map((f, ordinal) => ({
      id: f.id,
      ordinal,
      kind: f.kind,
      subject: f.subject,
      value: f.value,
      text: f.text,
      start_offset: f.start,
      end_offset: f.end,
      country: f.country ?? null,
      in_headline: f.inHeadline ?? null,
      details: factDetails(f),
    }));
    await guard(
      `saveDocument(${ref.id})`,
      () =>
        this.client.transaction(async (tx) => {
          await tx.query(SAVE_DOCUMENT, [
            ref.id,
            ref.snapshotSha256,
            ref.source,
            ref.kind,
            ref.url,
            ref.title,
            ref.publishedAt ?? null,
            ref.lang,
            ref.copyOf ?? null,
            article.title,
            article.byline,
            article.publishedAt,
            article.lang,
            article.text,
            JSON.stringify(article.blocks),
            article.headlineEnd,
          ]);
          await tx.query('DELETE FROM statements WHERE document_id = $1', [ref.id]);
          await tx.query('DELETE FROM facts WHERE document_id = $1', [ref.id]);
          if (statements.length > 0) await tx.query(INSERT_STATEMENTS, [ref.id, JSON.stringify(statements)]);
          if (facts.length > 0) await tx.query(INSERT_FACTS, [ref.id, JSON.stringify(facts)]);
        }),
      { documentId: ref.id },
    );
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    this.#open();
    // One statement, so the document and its children come from one consistent snapshot of the database.
    const { rows } = await guard(
      'getDocument',
      () => this.client.query<DocumentWithChildrenRow>(`${DOCUMENT_WITH_CHILDREN} WHERE d.id = $1`, [id]),
      { documentId: id },
    );
    const row = rows[0];
    return row === undefined ? null : documentFromRow(row);
  }

  async getDocuments(ids: readonly string[]): Promise<StoredDocument[]> {
    this.#open();
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      throw invalidInput('getDocuments takes an array of document ids', {});
    }
    if (ids.length === 0) return [];
    // The ids travel as one JSON array: one round trip for a whole run, and no bind-parameter limit.
    const { rows } = await guard(
      'getDocuments',
      () =>
        this.client.query<DocumentWithChildrenRow>(
          `${DOCUMENT_WITH_CHILDREN} WHERE d.id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(ids)],
        ),
      { documents: ids.length },
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const out: StoredDocument[] = [];
    for (const id of new Set(ids)) {
      const row = byId.get(id);
      if (row !== undefined) out.push(documentFromRow(row));
    }
    return out;
  }

  async storedDocumentUrls(source: string, urls: readonly string[]): Promise<string[]> {
    this.#open();
    if (typeof source !== 'string' || !Array.isArray(urls) || urls.some((u) => typeof u !== 'string')) {
      throw invalidInput('storedDocumentUrls takes a source name and an array of URLs', {});
    }
    if (urls.length === 0) return [];
    // The URLs travel as one JSON array: one round trip, and no bind-parameter limit.
    const { rows } = await guard(
      'storedDocumentUrls',
      () =>
        this.client.query<{ url: string }>(
          `SELECT DISTINCT d.url FROM documents d
           WHERE d.source = $1 AND d.url IN (SELECT jsonb_array_elements_text($2::jsonb))`,
          [source, JSON.stringify(urls)],
        ),
      { urls: urls.length },
    );
    const stored = new Set(rows.map((row) => row.url));
    return [...new Set(urls)].filter((url) => stored.has(url));
  }

  async documentVersions(url: string): Promise<DocumentVersion[]> {
    this.#open();
    if (typeof url !== 'string') throw invalidInput('documentVersions takes a URL', {});
    const { rows } = await guard(
      'documentVersions',
      () =>
        this.client.query<{ id: string; snapshot_sha256: string; fetched_at_iso: string }>(
          `SELECT d.id, d.snapshot_sha256, s.fetched_at_iso FROM documents d
           JOIN snapshots s ON s.sha256 = d.snapshot_sha256
           WHERE d.url = $1
           ORDER BY s.fetched_at, s.stored_at, d.saved_at, d.id`,
          [url],
        ),
      { url },
    );
    return rows.map((row) => ({
      documentId: row.id,
      snapshotSha256: row.snapshot_sha256,
      fetchedAt: row.fetched_at_iso,
    }));
  }

  async documentVersionsOf(urls: readonly string[]): Promise<Map<string, DocumentVersion[]>> {
    this.#open();
    if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string')) {
      throw invalidInput('documentVersionsOf takes an array of URLs', {});
    }
    const out = new Map<string, DocumentVersion[]>();
    if (urls.length === 0) return out;
    // The URLs travel as one JSON array: one round trip for a whole run, and no bind-parameter limit.
    const { rows } = await guard(
      'documentVersionsOf',
      () =>
        this.client.query<{ url: string; id: string; snapshot_sha256: string; fetched_at_iso: string }>(
          `SELECT d.url, d.id, d.snapshot_sha256, s.fetched_at_iso FROM documents d
           JOIN snapshots s ON s.sha256 = d.snapshot_sha256
           WHERE d.url IN (SELECT jsonb_array_elements_text($1::jsonb))
           ORDER BY d.url, s.fetched_at, s.stored_at, d.saved_at, d.id`,
          [JSON.stringify([...new Set(urls)])],
        ),
      { urls: urls.length },
    );
    for (const row of rows) {
      const list = out.get(row.url) ?? [];
      list.push({ documentId: row.id, snapshotSha256: row.snapshot_sha256, fetchedAt: row.fetched_at_iso });
      out.set(row.url, list);
    }
    return out;
  }

  async currentDocumentIds(): Promise<string[]> {
    this.#open();
    const { rows } = await guard('currentDocumentIds', () =>
      this.client.query<{ id: string }>(
        `SELECT DISTINCT ON (d.url) d.id FROM documents d
         JOIN snapshots s ON s.sha256 = d.snapshot_sha256
         ORDER BY d.url, s.fetched_at DESC, s.stored_at DESC, d.saved_at DESC, d.id DESC`,
      ),
    );
    return rows.map((row) => row.id);
  }

  async currentAmong(ids: readonly string[]): Promise<string[]> {
    this.#open();
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
      throw invalidInput('currentAmong takes an array of document ids', {});
    }
    if (ids.length === 0) return [];
    const { rows } = await guard(
      'currentAmong',
      () =>
        this.client.query<{ id: string }>(
          `SELECT d.id FROM documents d JOIN snapshots s ON s.sha256 = d.snapshot_sha256
           WHERE d.id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND ${IS_CURRENT}`,
          [JSON.stringify(ids)],
        ),
      { documents: ids.length },
    );
    const current = new Set(rows.map((row) => row.id));
    return [...new Set(ids)].filter((id) => current.has(id));
  }

  async currentDocumentsPublishedIn(spans: readonly PublicationSpan[]): Promise<DocumentRef[]> {
    this.#open();
    if (
      !Array.isArray(spans) ||
      spans.some((x) => Number.isNaN(Date.parse(x?.from)) || Number.isNaN(Date.parse(x?.to)))
    ) {
      throw invalidInput('currentDocumentsPublishedIn takes spans of ISO instants', {});
    }
    // One index range scan per span (documents_published_at_idx), the undated by their partial index.
    const { rows } = await guard(
      'currentDocumentsPublishedIn',
      () =>
        this.client.query<DocumentRow & { fetched_at: unknown }>(
          `WITH spans AS (SELECT x.from::timestamptz AS lo, x.to::timestamptz AS hi
             FROM jsonb_to_recordset($1::jsonb) AS x("from" text, "to" text)),
           near AS (
             SELECT d.id FROM spans JOIN documents d ON d.published_at BETWEEN spans.lo AND spans.hi
             UNION SELECT d.id FROM documents d WHERE d.published_at IS NULL)
           SELECT ${REF_COLUMNS} FROM near JOIN documents d ON d.id = near.id
           JOIN snapshots s ON s.sha256 = d.snapshot_sha256
           WHERE ${IS_CURRENT}
           ORDER BY d.saved_at, d.id`,
          [JSON.stringify(spans)],
        ),
      { spans: spans.length },
    );
    return rows.map(refFromRow);
  }

  async corpusVersion(): Promise<number> {
    this.#open();
    const { rows } = await guard('corpusVersion', () =>
      this.client.query<{ version: number }>('SELECT version FROM corpus_state WHERE id = 1'),
    );
    return rows[0]?.version ?? 0;
  }

  async currentStories(): Promise<StoryVersion[]> {
    this.#open();
    const { rows } = await guard('currentStories', () =>
      this.client.query<StoryVersionRow>(
        `SELECT ${STORY_COLUMNS} FROM story_versions WHERE current ORDER BY story_id`,
      ),
    );
    return rows.map(storyFromRow);
  }

  async currentStoriesOf(documentIds: readonly string[]): Promise<StoryVersion[]> {
    this.#open();
    if (!Array.isArray(documentIds) || documentIds.some((id) => typeof id !== 'string')) {
      throw invalidInput('currentStoriesOf takes an array of document ids', {});
    }
    if (documentIds.length === 0) return [];
    // ?| on the current versions' document_ids: their partial GIN index.
    const { rows } = await guard(
      'currentStoriesOf',
      () =>
        this.client.query<StoryVersionRow>(
          `SELECT ${STORY_COLUMNS} FROM story_versions
           WHERE current AND document_ids ?| (SELECT array_agg(x) FROM jsonb_array_elements_text($1::jsonb) AS x)
           ORDER BY story_id`,
          [JSON.stringify([...new Set(documentIds)])],
        ),
      { documents: documentIds.length },
    );
    return rows.map(storyFromRow);
  }

  async saveStoryVersions(input: {
    expectedCorpusVersion: number;
    runId: string | null;
    generatedAt: string;
    stories: StoryVersionInput[];
    retired: string[];
  }): Promise<SavedCorpus | null> {
    this.#open();
    if (Number.isNaN(Date.parse(input.generatedAt))) {
      throw invalidInput(
        `saveStoryVersions: generatedAt must be an ISO instant, not ${input.generatedAt}`,
        {},
      );
    }
    const stories = input.stories.map((story) => {
      const event = parseInput(EventSchema, story.event, 'story event');
      return {
        story_id: story.storyId,
        version: story.version,
        event_id: story.event.id,
        event_digest: eventDigest(event),
        document_ids: story.documentIds,
        event,
        changes: parseInput(StoryChanges, story.changes, 'story changes'),
      };
    });
    return guard(
      'saveStoryVersions',
      () =>
        this.client.transaction(async (tx) => {
          // The row lock serialises concurrent savers; the version check makes the later one start over.
          const bumped = await tx.query<{ version: number; events_digest: string | null }>(
            `UPDATE corpus_state SET version = version + 1, run_id = $2, updated_at = now()
             WHERE id = 1 AND version = $1 RETURNING version, events_digest`,
            [input.expectedCorpusVersion, input.runId],
          );
          const state = bumped.rows[0];
          if (state === undefined) return null;
          const corpusVersion = state.version;
          const before = state.events_digest ?? (await digestOfCurrentStories(tx));
          const ids = [...stories.map((s) => s.story_id), ...input.retired];
          let replaced: string[] = [];
          if (ids.length > 0) {
            const { rows } = await tx.query<{ event_digest: string }>(
              `UPDATE story_versions SET current = false, superseded_at = $2
               WHERE current AND story_id IN (SELECT jsonb_array_elements_text($1::jsonb)) RETURNING event_digest`,
              [JSON.stringify(ids), corpusVersion],
            );
            replaced = rows.map((row) => row.event_digest);
          }
          // The corpus report's id follows from the previous one: add the new versions, take away the replaced.
          const digest = sumDigests(
            stories.map((s) => s.event_digest),
            replaced,
            before,
          );
          const reportId = reportIdOfDigest(digest);
          if (stories.length > 0) {
            await tx.query(
              `INSERT INTO story_versions (story_id, version, corpus_version, run_id, report_id, event_id, event_digest,
                 generated_at, generated_at_iso, document_ids, event, changes, current)
               SELECT s.story_id, s.version, $2, $3, $4, s.event_id, s.event_digest, $5::text::timestamptz, $5::text,
                 s.document_ids, s.event, s.changes, true
               FROM jsonb_to_recordset($1::jsonb) AS s(story_id text, version integer, event_id text,
                 event_digest text, document_ids jsonb, event jsonb, changes jsonb)`,
              [JSON.stringify(stories), corpusVersion, input.runId, reportId, input.generatedAt],
            );
          }
          await tx.query('UPDATE corpus_state SET report_id = $1, events_digest = $2 WHERE id = 1', [
            reportId,
            digest,
          ]);
          // The same events as an earlier corpus version's: that version's reference stands for both.
          await tx.query(
            `INSERT INTO corpus_reports (id, corpus_version, schema_version, generated_at, generated_at_iso)
             VALUES ($1, $2, $3, $4::text::timestamptz, $4::text) ON CONFLICT (id) DO NOTHING`,
            [reportId, corpusVersion, SCHEMA_VERSION, input.generatedAt],
          );
          const counted = await tx.query<{ n: number }>(
            'SELECT count(*)::integer AS n FROM story_versions WHERE current',
          );
          return { reportId, corpusVersion, events: counted.rows[0]?.n ?? 0 };
        }),
      { corpusVersion: input.expectedCorpusVersion },
    ).catch((error: unknown) => {
      // Two savers that both wrote version n of one story: the primary key refuses the later one, which
      // reads the corpus again like any other loser.
      if (error instanceof StoreError && /story_versions_pkey|duplicate key/.test(String(error.message)))
        return null;
      throw error;
    });
  }

  async storyVersions(storyId: string): Promise<StoryVersion[]> {
    this.#open();
    const { rows } = await guard(
      'storyVersions',
      () =>
        this.client.query<StoryVersionRow>(
          `SELECT ${STORY_COLUMNS} FROM story_versions WHERE story_id = $1 ORDER BY version`,
          [storyId],
        ),
      { storyId },
    );
    return rows.map(storyFromRow);
  }

  async storyVersionsSince(since: string, limit = 1000): Promise<StoryVersion[]> {
    this.#open();
    if (typeof since !== 'string' || Number.isNaN(Date.parse(since))) {
      throw invalidInput(`storyVersionsSince takes an ISO instant, not ${since}`, { since });
    }
    const { rows } = await guard('storyVersionsSince', () =>
      this.client.query<StoryVersionRow>(
        `SELECT ${STORY_COLUMNS} FROM story_versions WHERE generated_at > $1::text::timestamptz
         ORDER BY generated_at, corpus_version, story_id, version LIMIT $2`,
        [since, listLimit(limit)],
      ),
    );
    return rows.map(storyFromRow);
  }

  async listDocuments(): Promise<DocumentRef[]> {
    this.#open();
    const { rows } = await guard('listDocuments', () =>
      this.client.query<DocumentRow>(`SELECT ${REF_COLUMNS} FROM documents d ORDER BY d.saved_at, d.id`),
    );
    return rows.map(refFromRow);
  }

  async saveReport(input: Report): Promise<string> {
    this.#open();
    const report = parseInput(Report, input, 'report');
    const id = reportId(report);
    const events = report.events.map((event: Event, position) => ({
      event_id: event.id,
      title: event.title,
      position,
    }));
    await guard(
      'saveReport',
      () =>
        this.client.transaction(async (tx) => {
          const inserted = await tx.query<{ id: string }>(
            `INSERT INTO reports (id, schema_version, generated_at, body)
             VALUES ($1, $2, $3::timestamptz, $4::jsonb)
             ON CONFLICT (id) DO NOTHING RETURNING id`,
            [id, report.schemaVersion, report.generatedAt, JSON.stringify(report)],
          );
          if (inserted.rows.length > 0 && events.length > 0) {
            await tx.query(INSERT_REPORT_EVENTS, [id, JSON.stringify(events)]);
          }
        }),
      { reportId: id },
    );
    return id;
  }

  async getReport(id: string): Promise<Report | null> {
    this.#open();
    const { rows } = await guard(
      'getReport',
      () =>
        this.client.query<{ id: string; body: unknown }>('SELECT id, body FROM reports WHERE id = $1', [id]),
      { reportId: id },
    );
    const row = rows[0];
    if (row !== undefined) return reportFromRow(row);
    const corpus = await this.#corpusReport(id);
    return corpus === null ? null : this.#assembled(corpus);
  }

  async #corpusReport(id: string): Promise<CorpusReportRow | null> {
    const { rows } = await guard(
      'getReport',
      () =>
        this.client.query<CorpusReportRow>(
          `SELECT id, corpus_version, schema_version, generated_at_iso, generated_at, saved_at
           FROM corpus_reports WHERE id = $1`,
          [id],
        ),
      { reportId: id },
    );
    return rows[0] ?? null;
  }

  /** A corpus report as a Report: the events of the story versions it refers to, in report order. */
  async #assembled(corpus: CorpusReportRow): Promise<Report> {
    const { rows } = await guard(
      'getReport',
      () =>
        this.client.query<StoryVersionRow>(
          `SELECT ${STORY_COLUMNS} FROM story_versions WHERE ${STORIES_AT_VERSION}`,
          [corpus.corpus_version],
        ),
      { reportId: corpus.id },
    );
    const events = reportOrder(rows.map((row) => storyFromRow(row).event));
    return parseInput(
      Report,
      { schemaVersion: corpus.schema_version, generatedAt: corpus.generated_at_iso, events },
      'corpus report',
    );
  }

  async latestReportForEvent(eventId: string): Promise<Report | null> {
    this.#open();
    const { rows } = await guard(
      'latestReportForEvent',
      () =>
        this.client.query<{ id: string; corpus: boolean }>(
          `SELECT id, corpus FROM (
             SELECT r.id, false AS corpus, r.generated_at, r.saved_at FROM report_events e
             JOIN reports r ON r.id = e.report_id WHERE e.event_id = $1
             UNION ALL
             SELECT c.id, true, c.generated_at, c.saved_at FROM story_versions v
             JOIN corpus_reports c ON c.corpus_version >= v.corpus_version
               AND (v.superseded_at IS NULL OR c.corpus_version < v.superseded_at)
             WHERE v.event_id = $1 AND (v.current OR v.superseded_at IS NOT NULL)
           ) AS found
           ORDER BY generated_at DESC, saved_at DESC, id DESC
           LIMIT 1`,
          [eventId],
        ),
      { eventId },
    );
    const row = rows[0];
    return row === undefined ? null : this.getReport(row.id);
  }

  async startRun(requestedId?: string): Promise<RunRecord> {
    this.#open();
    if (requestedId !== undefined && (typeof requestedId !== 'string' || requestedId.trim() === '')) {
      throw invalidInput('startRun: a run id must be a non-empty string', {});
    }
    const id = requestedId ?? `run_${randomUUID()}`;
    const { rows } = await guard(
      'startRun',
      () =>
        this.client.transaction(async (tx) => {
          const inserted = await tx.query<RunRow>(
            `INSERT INTO runs (id, status) VALUES ($1, 'running') ON CONFLICT (id) DO NOTHING
             RETURNING ${RUN_COLUMNS}`,
            [id],
          );
          if (inserted.rows.length > 0) return inserted;
          return tx.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [id]);
        }),
      { runId: id },
    );
    const row = rows[0];
    if (row === undefined) throw new StoreError(`startRun returned no row for ${id}`);
    return runFromRow(row);
  }

  async finishRun(id: string, result: RunResult): Promise<void> {
    this.#open();
    if (result.status !== 'succeeded' && result.status !== 'failed') {
      throw invalidInput(`finishRun(${id}): status must be 'succeeded' or 'failed'`, { runId: id });
    }
    let summary: string | null = null;
    if (result.summary !== undefined) {
      if (typeof result.summary !== 'object' || result.summary === null || Array.isArray(result.summary)) {
        throw invalidInput(`finishRun(${id}): summary must be an object`, { runId: id });
      }
      try {
        summary = JSON.stringify(result.summary);
      } catch (error) {
        throw invalidInput(`finishRun(${id}): summary is not JSON-serialisable`, { runId: id }, error);
      }
    }
    const updated = await guard(
      'finishRun',
      () =>
        this.client.query<{ id: string }>(
          `UPDATE runs SET status = $2, finished_at = now(), summary = $3::jsonb, error = $4
           WHERE id = $1 AND status = 'running' RETURNING id`,
          [id, result.status, summary, result.error ?? null],
        ),
      { runId: id },
    );
    if (updated.rows.length > 0) return;
    const existing = await this.getRun(id);
    throw invalidInput(
      existing === null
        ? `finishRun: no run ${id}`
        : `finishRun: run ${id} has already finished (${existing.status})`,
      { runId: id },
    );
  }

  async getRun(id: string): Promise<RunRecord | null> {
    this.#open();
    const { rows } = await guard(
      'getRun',
      () => this.client.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = $1`, [id]),
      { runId: id },
    );
    const row = rows[0];
    return row === undefined ? null : runFromRow(row);
  }

  async listReports(limit = 100): Promise<ReportListing[]> {
    this.#open();
    const n = listLimit(limit);
    const { rows } = await guard('listReports', () =>
      this.client.query<ListedReportRow>(
        // generatedAt as the report wrote it (the body's string), not as a timestamptz round trip.
        `SELECT id, generated_at_text AS generated_at, corpus_version, events FROM (
           SELECT r.id, r.body->>'generatedAt' AS generated_at_text, r.generated_at, r.saved_at,
             NULL::integer AS corpus_version,
             coalesce(jsonb_agg(jsonb_build_object('id', e.event_id, 'title', e.title) ORDER BY e.position)
               FILTER (WHERE e.event_id IS NOT NULL), '[]'::jsonb) AS events
           FROM reports r LEFT JOIN report_events e ON e.report_id = r.id
           GROUP BY r.id
           UNION ALL
           SELECT c.id, c.generated_at_iso, c.generated_at, c.saved_at, c.corpus_version, NULL
           FROM corpus_reports c
         ) AS listed
         ORDER BY generated_at DESC, saved_at DESC, id
         LIMIT $1`,
        [n],
      ),
    );
    const out: ReportListing[] = [];
    for (const row of rows) {
      const events = row.corpus_version === null ? row.events : await this.#listedEvents(row.corpus_version);
      out.push({ id: row.id, generatedAt: row.generated_at, events: events ?? [] });
    }
    return out;
  }

  /** A corpus report's events as listed: id and title, in report order. */
  async #listedEvents(corpusVersion: number): Promise<{ id: string; title: string }[]> {
    const { rows } = await guard('listReports', () =>
      this.client.query<{
        id: string;
        title: string;
        documents: Pick<DocumentRef, 'id' | 'url' | 'publishedAt'>[];
      }>(
        `SELECT event_id AS id, event->>'title' AS title,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('id', d->'id', 'url', d->'url', 'publishedAt', d->'publishedAt')), '[]'::jsonb)
              FROM jsonb_array_elements(event->'documents') AS d) AS documents
         FROM story_versions WHERE ${STORIES_AT_VERSION}`,
        [corpusVersion],
      ),
    );
    return reportOrder(rows).map((row) => ({ id: row.id, title: row.title }));
  }

  async listRuns(limit = 100): Promise<RunRecord[]> {
    this.#open();
    const { rows } = await guard('listRuns', () =>
      this.client.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at DESC, id LIMIT $1`, [
        listLimit(limit),
      ]),
    );
    return rows.map(runFromRow);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await guard('close', () => this.client.close());
    } finally {
      await this.onClose();
    }
  }
}

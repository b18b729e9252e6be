import { gunzipSync } from 'node:zlib';
import {
  Article,
  DocumentRef,
  Fact,
  Report,
  Snapshot,
  Statement,
  StoreError,
  sha256Hex,
} from '@parallax/core';
import { z } from 'zod';
import type { RunRecord, StoredDocument } from './types';

export const StoredDocumentSchema = z.object({
  ref: DocumentRef,
  article: Article,
  statements: z.array(Statement),
  facts: z.array(Fact),
});

const RunRecordSchema = z.object({
  id: z.string().min(1),
  startedAt: z.string().datetime({ offset: true }),
  finishedAt: z.string().datetime({ offset: true }).nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** A row that does not read back as a valid domain object. Not retryable: reading it again gives the same. */
function corrupted(table: string, key: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(`stored ${table} row ${key} is corrupted: ${problem}`, {
    retryable: false,
    cause,
    details: { table, key },
  });
}

function validated<T>(schema: z.ZodType<T>, value: unknown, table: string, key: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw corrupted(table, key, describeIssues(result.error), result.error);
  return result.data;
}

/** A timestamptz as an ISO string in UTC (drivers return Date; a custom parser may return a string). */
function instant(value: unknown, table: string, key: string, column: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  throw corrupted(table, key, `${column} is not a timestamp`);
}

/**
 * The exact ISO text kept beside a timestamptz column, checked against it (to the millisecond, the
 * precision both sides share) so that neither can drift from the other unnoticed.
 */
function exactInstant(
  iso: unknown,
  stored: unknown,
  table: string,
  key: string,
  column: string,
): string | null {
  if (iso === null && stored === null) return null;
  if (typeof iso !== 'string' || stored === null) throw corrupted(table, key, `${column} is incomplete`);
  const expected = Date.parse(instant(stored, table, key, column));
  if (Math.abs(Date.parse(iso) - expected) > 1) {
    throw corrupted(table, key, `${column}_iso (${iso}) disagrees with ${column}`);
  }
  return iso;
}

/** Offsets must lie inside the document text (UTF-16 indices, as JavaScript strings count them). */
export function offsetProblem(doc: StoredDocument): string | null {
  const length = doc.article.text.length;
  if (doc.article.headlineEnd > length)
    return `article.headlineEnd ${doc.article.headlineEnd} > text length ${length}`;
  for (const [i, block] of doc.article.blocks.entries()) {
    if (block.start > block.end || block.end > length) {
      return `article.blocks.${i} has offsets ${block.start}–${block.end} outside the text (length ${length})`;
    }
  }
  for (const [list, items] of [
    ['statements', doc.statements],
    ['facts', doc.facts],
  ] as const) {
    for (const item of items) {
      if (item.end > length) {
        return `${list} ${item.id} ends at ${item.end}, past the end of the text (length ${length})`;
      }
    }
  }
  return null;
}

export interface SnapshotMetaRow {
  sha256: string;
  url: string;
  final_url: string;
  redirects: unknown;
  status: number;
  headers: unknown;
  content_type: string | null;
  fetched_at: unknown;
  fetched_at_iso: string | null;
  byte_length: number;
}

export interface SnapshotRow extends SnapshotMetaRow {
  body: unknown;
  body_encoding: string;
}

export function snapshotMetaFromRow(row: SnapshotMetaRow): Snapshot {
  const key = row.sha256;
  return validated(
    Snapshot,
    {
      sha256: row.sha256,
      url: row.url,
      finalUrl: row.final_url,
      redirects: row.redirects,
      status: row.status,
      headers: row.headers,
      contentType: row.content_type,
      fetchedAt: exactInstant(row.fetched_at_iso, row.fetched_at, 'snapshots', key, 'fetched_at'),
      byteLength: row.byte_length,
    },
    'snapshots',
    key,
  );
}

function decodedBody(row: SnapshotRow): Uint8Array {
  const key = row.sha256;
  if (!(row.body instanceof Uint8Array)) throw corrupted('snapshots', key, 'body is not bytes');
  if (row.body_encoding === 'identity') return new Uint8Array(row.body);
  if (row.body_encoding !== 'gzip')
    throw corrupted('snapshots', key, `unknown body_encoding ${row.body_encoding}`);
  try {
    return new Uint8Array(gunzipSync(row.body));
  } catch (error) {
    throw corrupted('snapshots', key, 'body does not decompress', error);
  }
}

export function snapshotFromRow(row: SnapshotRow): { snapshot: Snapshot; body: Uint8Array } {
  const key = row.sha256;
  const snapshot = snapshotMetaFromRow(row);
  const body = decodedBody(row);
  if (body.byteLength !== snapshot.byteLength || sha256Hex(body) !== snapshot.sha256) {
    throw corrupted('snapshots', key, 'body does not match its sha256');
  }
  return { snapshot, body };
}

export interface DocumentRow {
  id: string;
  snapshot_sha256: string;
  source: string;
  kind: string;
  url: string;
  title: string;
  published_at: unknown;
  published_at_iso: string | null;
  lang: string;
  copy_of: string | null;
  article_title: string;
  byline: string | null;
  article_published_at: unknown;
  article_published_at_iso: string | null;
  article_lang: string;
  body_text: string;
  blocks: unknown;
  headline_end: number;
}

export interface DocumentWithChildrenRow extends DocumentRow {
  statements: unknown;
  facts: unknown;
}

export function refFromRow(row: DocumentRow): DocumentRef {
  const publishedAt = exactInstant(
    row.published_at_iso,
    row.published_at,
    'documents',
    row.id,
    'published_at',
  );
  return validated(
    DocumentRef,
    {
      id: row.id,
      source: row.source,
      kind: row.kind,
      url: row.url,
      title: row.title,
      ...(publishedAt === null ? {} : { publishedAt }),
      lang: row.lang,
      snapshotSha256: row.snapshot_sha256,
      ...(row.copy_of === null ? {} : { copyOf: row.copy_of }),
    },
    'documents',
    row.id,
  );
}

type ChildRow = Record<string, unknown>;

function childRows(value: unknown, table: string, key: string): ChildRow[] {
  if (!Array.isArray(value)) throw corrupted(table, key, `${table} is not a list`);
  return value.map((item) => {
    if (typeof item !== 'object' || item === null)
      throw corrupted(table, key, `a ${table} row is not an object`);
    return item as ChildRow;
  });
}

export function documentFromRow(row: DocumentWithChildrenRow): StoredDocument {
  const ref = refFromRow(row);
  const doc = validated(
    StoredDocumentSchema,
    {
      ref,
      article: {
        title: row.article_title,
        byline: row.byline,
        publishedAt: exactInstant(
          row.article_published_at_iso,
          row.article_published_at,
          'documents',
          row.id,
          'article_published_at',
        ),
        lang: row.article_lang,
        text: row.body_text,
        blocks: row.blocks,
        headlineEnd: row.headline_end,
      },
      statements: childRows(row.statements, 'statements', row.id).map((s) => ({
        id: s.id,
        text: s.text,
        kind: s.kind,
        speaker: s.speaker,
        resolvedSpeaker: s.resolved_speaker,
        cue: s.cue,
        lang: s.lang,
        start: s.start_offset,
        end: s.end_offset,
        ...(typeof s.spans === 'object' && s.spans !== null ? s.spans : {}),
      })),
      facts: childRows(row.facts, 'facts', row.id).map((f) => ({
        id: f.id,
        kind: f.kind,
        subject: f.subject,
        value: f.value,
        text: f.text,
        start: f.start_offset,
        end: f.end_offset,
        ...(f.country === null || f.country === undefined ? {} : { country: f.country }),
        ...(f.in_headline === null || f.in_headline === undefined ? {} : { inHeadline: f.in_headline }),
        ...(typeof f.details === 'object' && f.details !== null ? f.details : {}),
      })),
    },
    'documents',
    row.id,
  );
  const problem = offsetProblem(doc);
  if (problem !== null) throw corrupted('documents', row.id, problem);
  return doc;
}

export function reportFromRow(row: { id: string; body: unknown }): Report {
  return validated(Report, row.body, 'reports', row.id);
}

export interface RunRow {
  id: string;
  status: string;
  started_at: unknown;
  finished_at: unknown;
  summary: unknown;
  error: string | null;
}

export function runFromRow(row: RunRow): RunRecord {
  return validated(
    RunRecordSchema,
    {
      id: row.id,
      status: row.status,
      startedAt: instant(row.started_at, 'runs', row.id, 'started_at'),
      finishedAt: row.finished_at === null ? null : instant(row.finished_at, 'runs', row.id, 'finished_at'),
      summary: row.summary,
      error: row.error,
    },
    'runs',
    row.id,
  );
}

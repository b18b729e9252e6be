import type { PGlite } from '@electric-sql/pglite';
import { contentId, type Report, sha256Hex } from '@parallax/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json';
import { reportId, type Store, type StoredDocument } from '../src/index';
import {
  ARTICLE_TEXT,
  articleHtml,
  buildDocument,
  buildEvent,
  buildReport,
  snapshotOf,
  span,
} from './fixtures';
import { count, openRaw, storeError } from './helpers';

let db: PGlite;
let store: Store;

beforeAll(async () => {
  ({ db, store } = await openRaw());
});

afterAll(async () => {
  await store.close();
});

/** A snapshot unique to the calling test, saved, plus its document (not saved). */
async function savedSnapshot(tag: string) {
  const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- ${tag} -->`, `https://news.example.mn/${tag}`);
  await store.saveSnapshot(snapshot, body);
  return { snapshot, body, doc: buildDocument(snapshot) };
}

describe('snapshots', () => {
  it('round-trips metadata and body bytes exactly', async () => {
    const { snapshot, body } = snapshotOf(articleHtml());
    await store.saveSnapshot(snapshot, body);
    const got = await store.getSnapshot(snapshot.sha256);
    expect(got?.snapshot).toEqual(snapshot);
    expect(got?.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(got?.body ?? []).equals(Buffer.from(body))).toBe(true);
  });

  it('keeps non-UTF-8 bytes and an offset in fetchedAt exactly as given', async () => {
    const body = new Uint8Array([0x3c, 0x70, 0x3e, 0xc0, 0xff, 0x00, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]);
    const { snapshot } = snapshotOf('x');
    const latin = {
      ...snapshot,
      sha256: sha256Hex(body),
      byteLength: body.byteLength,
      contentType: null,
      fetchedAt: '2024-09-03T09:14:05.123456+08:00',
    };
    await store.saveSnapshot(latin, body);
    const got = await store.getSnapshot(latin.sha256);
    expect(got?.snapshot).toEqual(latin);
    expect([...(got?.body ?? [])]).toEqual([...body]);
  });

  it('is idempotent: the same sha256 twice gives one row, the first one kept', async () => {
    const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- twice -->`);
    await store.saveSnapshot(snapshot, body);
    await store.saveSnapshot({ ...snapshot, url: 'https://mirror.example.org/copy', status: 203 }, body);
    expect(await count(db, 'snapshots WHERE sha256 = $1', [snapshot.sha256])).toBe(1);
    expect((await store.getSnapshot(snapshot.sha256))?.snapshot.url).toBe(snapshot.url);
  });

  it('returns null for an unknown sha256', async () => {
    expect(await store.getSnapshot('0'.repeat(64))).toBeNull();
  });

  it('refuses a body that does not match its sha256 or byteLength (not retryable)', async () => {
    const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- mismatch -->`);
    const tampered = new Uint8Array(body);
    tampered[0] = 0x20;
    const wrongHash = await storeError(store.saveSnapshot(snapshot, tampered));
    expect(wrongHash.retryable).toBe(false);
    expect(wrongHash.message).toContain(snapshot.sha256);
    const wrongLength = await storeError(store.saveSnapshot({ ...snapshot, byteLength: 1 }, body));
    expect(wrongLength.retryable).toBe(false);
    const invalid = await storeError(store.saveSnapshot({ ...snapshot, sha256: 'not-a-hash' }, body));
    expect(invalid.message).toMatch(/invalid snapshot: sha256/);
    expect(await count(db, 'snapshots WHERE sha256 = $1', [snapshot.sha256])).toBe(0);
  });
});

describe('documents', () => {
  it('round-trips a document with its statements and facts, offsets matching the text', async () => {
    const { doc } = await savedSnapshot('roundtrip');
    await store.saveDocument(doc);
    const got = await store.getDocument(doc.ref.id);
    expect(got).toEqual(doc);
    // Exact, not merely equal instants: the +08:00 offset is what the page said.
    expect(got?.ref.publishedAt).toBe('2024-09-03T06:45:00+08:00');
    expect(got?.facts[2]).not.toHaveProperty('country');
    for (const statement of got?.statements ?? []) {
      expect(ARTICLE_TEXT.slice(statement.start, statement.end)).toBe(statement.text);
    }
    expect(await count(db, 'statements WHERE document_id = $1', [doc.ref.id])).toBe(4);
    expect(await count(db, 'facts WHERE document_id = $1', [doc.ref.id])).toBe(3);
  });

  it('round-trips a statement’s attribution spans (quoted, source, cue) and leaves them out where absent', async () => {
    const { doc } = await savedSnapshot('spans');
    const [first, ...rest] = doc.statements;
    if (!first) throw new Error('fixture has no statement');
    const inner = { start: first.start + 1, end: first.end - 1, text: first.text.slice(1, -1) };
    const withSpans = {
      ...first,
      quoted: [inner],
      source: { start: 0, end: 4, text: ARTICLE_TEXT.slice(0, 4) },
      cueSpan: { start: 5, end: 9, text: ARTICLE_TEXT.slice(5, 9) },
    };
    const saved = { ...doc, statements: [withSpans, ...rest] };
    await store.saveDocument(saved);
    const got = await store.getDocument(doc.ref.id);
    expect(got?.statements[0]).toEqual(withSpans);
    expect(got?.statements[1]).not.toHaveProperty('quoted');
    expect(got?.statements[1]).not.toHaveProperty('cueSpan');
  });

  it('round-trips a fact’s details (place type, bounds, part, weekday, asOf) and leaves them out where absent', async () => {
    const { doc } = await savedSnapshot('fact-details');
    const [first, second, ...rest] = doc.facts;
    if (!first || !second) throw new Error('fixture has two facts');
    const bounded = { ...first, low: 120, high: Number.MAX_SAFE_INTEGER, part: true, asOf: '2024-09-03' };
    const dated = { ...second, weekday: 'Tuesday', placeType: 'city' as const };
    const saved = { ...doc, facts: [bounded, dated, ...rest] };
    await store.saveDocument(saved);
    const got = await store.getDocument(doc.ref.id);
    expect(got?.facts[0]).toEqual(bounded);
    expect(got?.facts[1]).toEqual(dated);
    expect(got?.facts[2]).not.toHaveProperty('low');
    expect(got?.facts[2]).not.toHaveProperty('weekday');
  });

  it('returns null for an unknown id', async () => {
    expect(await store.getDocument('doc_missing')).toBeNull();
  });

  it('lists document refs in the order they were first saved', async () => {
    const raw = await openRaw();
    try {
      const docs = [];
      for (const tag of ['first', 'second', 'third']) {
        const { snapshot, body } = snapshotOf(
          `${articleHtml()}<!-- ${tag} -->`,
          `https://news.example.mn/${tag}`,
        );
        await raw.store.saveSnapshot(snapshot, body);
        const doc = buildDocument(snapshot);
        await raw.store.saveDocument(doc);
        docs.push(doc);
      }
      // Re-saving the first one does not move it to the end.
      await raw.store.saveDocument(docs[0] as (typeof docs)[number]);
      expect(await raw.store.listDocuments()).toEqual(docs.map((doc) => doc.ref));
    } finally {
      await raw.store.close();
    }
  });

  it('reads many documents in one call, in the order asked, each as getDocument reads it', async () => {
    const saved = [];
    for (const tag of ['batch-a', 'batch-b', 'batch-c']) saved.push((await savedSnapshot(tag)).doc);
    for (const doc of saved) await store.saveDocument(doc);
    const [a, b, c] = saved as [StoredDocument, StoredDocument, StoredDocument];
    const got = await store.getDocuments([c.ref.id, a.ref.id, 'doc_not_stored', c.ref.id, b.ref.id]);
    expect(got.map((d) => d.ref.id)).toEqual([c.ref.id, a.ref.id, b.ref.id]);
    expect(got[1]).toEqual(await store.getDocument(a.ref.id));
    expect(got[1]?.statements.length).toBeGreaterThan(0);
    expect(await store.getDocuments([])).toEqual([]);
  });

  it('is idempotent: saving the same document twice leaves one row and one set of children', async () => {
    const { doc } = await savedSnapshot('idempotent');
    await store.saveDocument(doc);
    await store.saveDocument(doc);
    expect(await count(db, 'documents WHERE id = $1', [doc.ref.id])).toBe(1);
    expect(await count(db, 'statements WHERE document_id = $1', [doc.ref.id])).toBe(4);
    expect(await store.getDocument(doc.ref.id)).toEqual(doc);
  });

  it('re-saving a document replaces its statements and facts', async () => {
    const { doc } = await savedSnapshot('replace');
    await store.saveDocument(doc);
    const revised = {
      ...doc,
      article: { ...doc.article, byline: null },
      statements: doc.statements.slice(2).reverse(),
      facts: [],
    };
    await store.saveDocument(revised);
    expect(await store.getDocument(doc.ref.id)).toEqual(revised);
    expect(await count(db, 'facts WHERE document_id = $1', [doc.ref.id])).toBe(0);
  });

  it('is atomic: a duplicate statement id leaves no document row behind', async () => {
    const { doc } = await savedSnapshot('duplicate-statement');
    const [first, second] = doc.statements;
    if (first === undefined || second === undefined) throw new Error('fixture');
    const bad = { ...doc, statements: [first, { ...second, id: first.id }] };
    const error = await storeError(store.saveDocument(bad));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(doc.ref.id);
    expect(error.details).toMatchObject({ sqlState: '23505', constraint: 'statements_pkey' });
    expect(await count(db, 'documents WHERE id = $1', [doc.ref.id])).toBe(0);
    expect(await count(db, 'statements WHERE document_id = $1', [doc.ref.id])).toBe(0);
    expect(await count(db, 'facts WHERE document_id = $1', [doc.ref.id])).toBe(0);
  });

  it('is atomic: a statement whose end precedes its start (CHECK) leaves the previous version intact', async () => {
    const { doc } = await savedSnapshot('check-offsets');
    await store.saveDocument(doc);
    const [first] = doc.statements;
    if (first === undefined) throw new Error('fixture');
    const bad = {
      ...doc,
      article: { ...doc.article, title: 'changed' },
      statements: [...doc.statements, { ...first, id: 'st_reversed', start: first.end, end: first.start }],
    };
    const error = await storeError(store.saveDocument(bad));
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ sqlState: '23514', constraint: 'statements_offsets' });
    expect(await store.getDocument(doc.ref.id)).toEqual(doc);
  });

  it('refuses offsets past the end of the text before writing anything', async () => {
    const { doc } = await savedSnapshot('past-end');
    const [first] = doc.statements;
    if (first === undefined) throw new Error('fixture');
    const bad = { ...doc, statements: [{ ...first, end: ARTICLE_TEXT.length + 1 }] };
    const error = await storeError(store.saveDocument(bad));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/past the end of the text/);
    expect(await count(db, 'documents WHERE id = $1', [doc.ref.id])).toBe(0);
  });

  it('counts offsets in UTF-16 units, like JavaScript strings (astral characters included)', async () => {
    const { snapshot } = await savedSnapshot('astral');
    const text = 'Flags 🇲🇳 and 🇷🇺 at the airport\n\nPeskov said: “Everything is fine 👍”';
    const doc = buildDocument(snapshot, { text });
    const quote = span(text, 'Everything is fine 👍');
    expect(quote.end).toBe(text.length - 1);
    doc.statements = [
      {
        id: 'st_astral',
        text: 'Everything is fine 👍',
        kind: 'direct',
        speaker: 'Peskov',
        resolvedSpeaker: 'Dmitry Peskov',
        cue: 'said',
        lang: 'en',
        ...quote,
      },
    ];
    await store.saveDocument(doc);
    expect(await store.getDocument(doc.ref.id)).toEqual(doc);
  });

  it('refuses a document whose snapshot is not stored (foreign key, not retryable)', async () => {
    const doc = buildDocument(snapshotOf('<p>never stored</p>').snapshot);
    const error = await storeError(store.saveDocument(doc));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/foreign key/);
    expect(error.message).toContain(doc.ref.snapshotSha256);
    expect(await count(db, 'documents WHERE id = $1', [doc.ref.id])).toBe(0);
  });

  it('refuses input that fails the core schema', async () => {
    const { doc } = await savedSnapshot('schema');
    const bad = { ...doc, ref: { ...doc.ref, kind: 'blog' } } as unknown as typeof doc;
    const error = await storeError(store.saveDocument(bad));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/invalid document: ref\.kind/);
  });

  it('reports text PostgreSQL cannot hold (NUL) as a non-retryable StoreError', async () => {
    const { snapshot } = await savedSnapshot('nul');
    const doc = buildDocument(snapshot, { text: 'Before\u0000after' });
    const error = await storeError(store.saveDocument(doc));
    expect(error.retryable).toBe(false);
    expect(await count(db, 'documents WHERE id = $1', [doc.ref.id])).toBe(0);
  });
});

describe('reports', () => {
  async function savedDocument(tag: string) {
    const { doc } = await savedSnapshot(tag);
    await store.saveDocument(doc);
    return doc;
  }

  it('round-trips a report; its id is the content hash of its events', async () => {
    const doc = await savedDocument('report-roundtrip');
    const report = buildReport([buildEvent(doc)]);
    const id = await store.saveReport(report);
    // The sum (mod 2^256) of the events' sha256 digests: one event, its digest.
    expect(id).toBe(contentId('report', sha256Hex(canonicalJson(report.events[0]))));
    expect(id).toBe(reportId(report));
    expect(await store.getReport(id)).toEqual(report);
    expect(await count(db, 'report_events WHERE report_id = $1', [id])).toBe(1);
  });

  it('is idempotent per report id, whatever generatedAt and key order say', async () => {
    const doc = await savedDocument('report-idempotent');
    const event = buildEvent(doc, 'evt_idempotent');
    const report = buildReport([event]);
    const reordered: Report = JSON.parse(JSON.stringify(report), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    const first = await store.saveReport(report);
    const second = await store.saveReport({ ...reordered, generatedAt: '2024-09-04T08:00:00.000Z' });
    expect(second).toBe(first);
    expect(await count(db, 'reports WHERE id = $1', [first])).toBe(1);
    expect(await count(db, 'report_events WHERE report_id = $1', [first])).toBe(1);
    expect((await store.getReport(first))?.generatedAt).toBe(report.generatedAt);
  });

  it('finds the latest report for an event by generatedAt', async () => {
    const doc = await savedDocument('report-latest');
    const event = buildEvent(doc, 'evt_latest');
    const other = buildEvent(doc, 'evt_other', 'ICC reaction');
    const older = buildReport([event], '2024-09-03T08:00:00.000Z');
    const newer = buildReport([other, event], '2024-09-05T08:00:00.000Z');
    const newest = buildReport([other], '2024-09-06T08:00:00.000Z');
    await store.saveReport(newer);
    await store.saveReport(older);
    await store.saveReport(newest);
    expect(await store.latestReportForEvent('evt_latest')).toEqual(newer);
    expect(await store.latestReportForEvent('evt_other')).toEqual(newest);
    expect(await store.latestReportForEvent('evt_unknown')).toBeNull();
    expect(await store.getReport('report_missing')).toBeNull();
  });

  it('stores a report with no events', async () => {
    const report = buildReport([]);
    const id = await store.saveReport(report);
    expect(await store.getReport(id)).toEqual(report);
  });

  it('refuses a report that fails the schema, or repeats an event id', async () => {
    const doc = await savedDocument('report-invalid');
    const bad = { ...buildReport([buildEvent(doc)]), schemaVersion: 2 } as unknown as Report;
    expect((await storeError(store.saveReport(bad))).retryable).toBe(false);
    const event = buildEvent(doc, 'evt_twice');
    const twice = buildReport([event, { ...event, title: 'again' }]);
    const error = await storeError(store.saveReport(twice));
    expect(error.retryable).toBe(false);
    expect(await count(db, 'reports WHERE id = $1', [reportId(twice)])).toBe(0);
  });
});

describe('runs', () => {
  it('records a run from start to success', async () => {
    const run = await store.startRun();
    expect(run).toMatchObject({ status: 'running', finishedAt: null, summary: null, error: null });
    expect(run.id).toMatch(/^run_/);
    expect(Date.now() - Date.parse(run.startedAt)).toBeLessThan(60_000);
    expect(await store.getRun(run.id)).toEqual(run);
    await store.finishRun(run.id, {
      status: 'succeeded',
      summary: { documents: 3, statements: 12, outlets: ['a'] },
    });
    const done = await store.getRun(run.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      summary: { documents: 3, statements: 12, outlets: ['a'] },
    });
    expect(Date.parse(done?.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
  });

  it('records a failed run with its error, and refuses to finish it twice', async () => {
    const run = await store.startRun();
    await store.finishRun(run.id, { status: 'failed', error: 'fetch: 3 of 7 sources timed out' });
    expect(await store.getRun(run.id)).toMatchObject({
      status: 'failed',
      error: 'fetch: 3 of 7 sources timed out',
      summary: null,
    });
    const twice = await storeError(store.finishRun(run.id, { status: 'succeeded' }));
    expect(twice.message).toMatch(/already finished \(failed\)/);
    expect(twice.retryable).toBe(false);
    const unknown = await storeError(store.finishRun('run_missing', { status: 'succeeded' }));
    expect(unknown.message).toMatch(/no run run_missing/);
    expect(await store.getRun('run_missing')).toBeNull();
  });

  it('gives distinct ids to concurrent runs', async () => {
    const runs = await Promise.all([store.startRun(), store.startRun(), store.startRun()]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(3);
  });
});

describe('corrupted rows read back as StoreError, never garbage', () => {
  it('snapshot: headers of the wrong type, or a body that no longer matches its hash', async () => {
    const { snapshot } = await savedSnapshot('corrupt-snapshot');
    await db.query(`UPDATE snapshots SET headers = '{"content-length": 512}' WHERE sha256 = $1`, [
      snapshot.sha256,
    ]);
    const headers = await storeError(store.getSnapshot(snapshot.sha256));
    expect(headers.retryable).toBe(false);
    expect(headers.message).toMatch(/stored snapshots row .* is corrupted: headers\.content-length/);
    await db.query(
      `UPDATE snapshots SET headers = '{}', body = overlay(body placing '\\x58'::bytea from 1) WHERE sha256 = $1`,
      [snapshot.sha256],
    );
    // The body is stored gzip-compressed: a flipped header byte no longer decompresses.
    expect((await storeError(store.getSnapshot(snapshot.sha256))).message).toMatch(/does not decompress/);
  });

  it('document: an invalid block, a statement offset past the text, a drifted timestamp', async () => {
    const { doc } = await savedSnapshot('corrupt-document');
    await store.saveDocument(doc);
    await db.query(
      `UPDATE documents SET blocks = '[{"type": "sidebar", "start": 0, "end": 3}]' WHERE id = $1`,
      [doc.ref.id],
    );
    expect((await storeError(store.getDocument(doc.ref.id))).message).toMatch(/blocks\.0\.type/);
    await store.saveDocument(doc);
    await db.query('UPDATE statements SET end_offset = 100000 WHERE document_id = $1', [doc.ref.id]);
    expect((await storeError(store.getDocument(doc.ref.id))).message).toMatch(/past the end of the text/);
    await store.saveDocument(doc);
    await db.query(`UPDATE documents SET published_at = published_at + interval '1 day' WHERE id = $1`, [
      doc.ref.id,
    ]);
    expect((await storeError(store.getDocument(doc.ref.id))).message).toMatch(
      /published_at_iso .* disagrees/,
    );
    await expect(store.listDocuments()).rejects.toThrow(/disagrees/);
  });

  it('report and run: JSON that no longer fits the schema', async () => {
    const id = await store.saveReport(buildReport([], '2020-01-01T00:00:00.000Z'));
    await db.query(`UPDATE reports SET body = body || '{"schemaVersion": 2}' WHERE id = $1`, [id]);
    const report = await storeError(store.getReport(id));
    expect(report.retryable).toBe(false);
    expect(report.details).toMatchObject({ table: 'reports', key: id });
    const run = await store.startRun();
    await db.query(`UPDATE runs SET id = '' WHERE id = $1`, [run.id]);
    expect((await storeError(store.getRun(''))).message).toMatch(/stored runs row/);
  });
});

describe('a closed store', () => {
  it('refuses every call with a non-retryable StoreError, and closes idempotently', async () => {
    const raw = await openRaw();
    await raw.store.close();
    await raw.store.close();
    const error = await storeError(raw.store.listDocuments());
    expect(error.message).toMatch(/closed/);
    expect(error.retryable).toBe(false);
    await storeError(raw.store.startRun());
  });
});

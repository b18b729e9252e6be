import type { PGlite } from '@electric-sql/pglite';
import type { Event, StoryChanges } from '@parallax/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportId, reportOrder, type Store, type StoredDocument, type StoryVersionInput } from '../src/index';
import { articleHtml, buildDocument, buildEvent, snapshotOf } from './fixtures';
import { openRaw } from './helpers';

let db: PGlite;
let store: Store;

beforeAll(async () => {
  ({ db, store } = await openRaw());
});

afterAll(async () => {
  await store.close();
});

/** A stored page: `tag` tells its body apart, `fetchedAt` orders versions of one URL. */
async function page(
  tag: string,
  options: { url?: string; publishedAt?: string | null; fetchedAt?: string } = {},
): Promise<StoredDocument> {
  const url = options.url ?? `https://corpus.example/${tag}`;
  const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- ${tag} -->`, url);
  const fetched = { ...snapshot, fetchedAt: options.fetchedAt ?? snapshot.fetchedAt };
  await store.saveSnapshot(fetched, body);
  const doc = buildDocument(fetched);
  const { publishedAt: _, ...rest } = doc.ref;
  const ref =
    options.publishedAt === null
      ? rest
      : { ...rest, publishedAt: options.publishedAt ?? '2024-09-03T06:45:00+08:00' };
  const saved = { ...doc, ref };
  await store.saveDocument(saved);
  return saved;
}

function changes(storyId: string, version: number, documents: string[]): StoryChanges {
  return {
    storyId,
    version,
    since: version > 1 ? version - 1 : null,
    generatedAt: '2024-09-04T00:00:00.000Z',
    documents,
    renditions: [],
    divergences: [],
    factConflicts: [],
    edits: [],
    merged: [],
  };
}

function story(storyId: string, version: number, docs: StoredDocument[], title: string): StoryVersionInput {
  const first = docs[0] as StoredDocument;
  const event: Event = {
    ...buildEvent(first, `evt_${storyId}_${version}`, title),
    documents: docs.map((d) => d.ref),
  };
  return {
    storyId,
    version,
    documentIds: docs.map((d) => d.ref.id),
    event,
    changes: changes(storyId, version, []),
  };
}

describe('the corpus, read by index', () => {
  it('tells which documents are the latest of their page', async () => {
    const url = 'https://corpus.example/edited';
    const old = await page('edited-1', { url, fetchedAt: '2024-09-03T01:00:00.000Z' });
    const later = await page('edited-2', { url, fetchedAt: '2024-09-03T05:00:00.000Z' });
    const other = await page('alone');
    expect(
      await store.currentAmong([other.ref.id, old.ref.id, 'doc_unknown', later.ref.id, other.ref.id]),
    ).toEqual([other.ref.id, later.ref.id]);
    expect(await store.currentAmong([])).toEqual([]);
  });

  it('reads the current documents of a time window, and every undated one', async () => {
    const inside = await page('window-in', { publishedAt: '2030-05-10T12:00:00Z' });
    const edge = await page('window-edge', { publishedAt: '2030-05-12T00:00:00.000Z' });
    await page('window-out', { publishedAt: '2030-05-20T00:00:00Z' });
    const undated = await page('window-undated', { publishedAt: null });
    const url = 'https://corpus.example/window-versions';
    await page('window-v1', {
      url,
      publishedAt: '2030-05-11T00:00:00Z',
      fetchedAt: '2030-05-11T01:00:00.000Z',
    });
    const v2 = await page('window-v2', {
      url,
      publishedAt: '2030-05-11T00:00:00Z',
      fetchedAt: '2030-05-11T02:00:00.000Z',
    });
    const found = await store.currentDocumentsPublishedIn([
      { from: '2030-05-09T00:00:00.000Z', to: '2030-05-12T00:00:00.000Z' },
      { from: '2031-01-01T00:00:00.000Z', to: '2031-01-02T00:00:00.000Z' },
    ]);
    const ids = found.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([inside.ref.id, edge.ref.id, undated.ref.id, v2.ref.id]));
    // Outside every span, or superseded by a later fetch of its page: not in the window.
    expect(ids).toHaveLength(4);
    expect(found.find((r) => r.id === inside.ref.id)).toEqual(inside.ref);
  });

  it('has the indexes those reads need (each plan is an index scan when scans are too dear)', async () => {
    await db.exec('SET enable_seqscan = off');
    try {
      const plan = async (sql: string) =>
        (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      expect(
        await plan(`SELECT story_id FROM story_versions WHERE current AND document_ids ?| ARRAY['doc_a']`),
      ).toMatch(/story_versions_current_documents_idx/);
      expect(
        await plan(
          `SELECT id FROM documents WHERE published_at BETWEEN '2030-01-01'::timestamptz AND '2030-01-08'::timestamptz`,
        ),
      ).toMatch(/documents_published_at_idx/);
      expect(await plan('SELECT id FROM documents WHERE published_at IS NULL')).toMatch(
        /documents_undated_idx/,
      );
    } finally {
      await db.exec('RESET enable_seqscan');
    }
  });
});

describe('story versions and the corpus report', () => {
  it('finds the current stories of documents; saves the corpus report as a reference to them', async () => {
    const a = await page('story-a', { publishedAt: '2024-01-02T00:00:00Z' });
    const b = await page('story-b', { publishedAt: '2024-01-01T00:00:00Z' });
    const c = await page('story-c', { publishedAt: '2024-01-03T00:00:00Z' });
    const first = [story('story_ab', 1, [a, b], 'A and B'), story('story_c', 1, [c], 'C')];
    const version = await store.corpusVersion();
    const saved = await store.saveStoryVersions({
      expectedCorpusVersion: version,
      runId: null,
      generatedAt: '2024-09-04T00:00:00.000Z',
      stories: first,
      retired: [],
    });
    expect(saved).toMatchObject({ corpusVersion: version + 1, events: 2 });
    // A loser of the race writes nothing.
    expect(
      await store.saveStoryVersions({
        expectedCorpusVersion: version,
        runId: null,
        generatedAt: '2024-09-04T00:00:00.000Z',
        stories: [story('story_c', 2, [c], 'C again')],
        retired: [],
      }),
    ).toBeNull();
    expect((await store.currentStoriesOf([b.ref.id])).map((s) => s.storyId)).toEqual(['story_ab']);
    expect((await store.currentStoriesOf([c.ref.id, a.ref.id, 'doc_none'])).map((s) => s.storyId)).toEqual([
      'story_ab',
      'story_c',
    ]);

    const events = first.map((s) => s.event);
    const report = await store.getReport(saved?.reportId as string);
    expect(report).toEqual({ schemaVersion: 1, generatedAt: '2024-09-04T00:00:00.000Z', events });
    expect(saved?.reportId).toBe(reportId({ events }));

    // C grows, AB is absorbed: the new report holds the new version only; the old one reads as it was.
    const d = await page('story-d', { publishedAt: '2023-12-31T00:00:00Z' });
    const grown = story('story_c', 2, [a, b, c, d], 'C grown');
    const next = await store.saveStoryVersions({
      expectedCorpusVersion: version + 1,
      runId: null,
      generatedAt: '2024-09-05T00:00:00.000Z',
      stories: [grown],
      retired: ['story_ab'],
    });
    expect(next?.events).toBe(1);
    expect(next?.reportId).toBe(reportId({ events: [grown.event] }));
    expect((await store.getReport(next?.reportId as string))?.events).toEqual([grown.event]);
    expect(await store.getReport(saved?.reportId as string)).toEqual(report);
    expect(await store.currentStoriesOf([a.ref.id])).toMatchObject([{ storyId: 'story_c', version: 2 }]);
    expect(await store.currentStoriesOf(['doc_none'])).toEqual([]);

    // Browsing: listed with its events, and found as the latest report holding an event.
    const listed = await store.listReports();
    expect(listed[0]).toEqual({
      id: next?.reportId,
      generatedAt: '2024-09-05T00:00:00.000Z',
      events: [{ id: grown.event.id, title: 'C grown' }],
    });
    expect(listed.find((r) => r.id === saved?.reportId)?.events).toEqual(
      reportOrder(events).map((e) => ({ id: e.id, title: e.title })),
    );
    expect((await store.latestReportForEvent(first[0]?.event.id as string))?.events).toEqual(events);
    expect((await store.latestReportForEvent(grown.event.id))?.events).toEqual([grown.event]);
  });

  it('a store from before the digests were kept gets them on its next save', async () => {
    const raw = await openRaw();
    try {
      const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- old -->`, 'https://corpus.example/old');
      await raw.store.saveSnapshot(snapshot, body);
      const doc = buildDocument(snapshot);
      await raw.store.saveDocument(doc);
      const old = story('story_old', 1, [doc], 'Old');
      await raw.store.saveStoryVersions({
        expectedCorpusVersion: 0,
        runId: null,
        generatedAt: '2024-09-04T00:00:00.000Z',
        stories: [old],
        retired: [],
      });
      // As migration 7 leaves a store written before it: no digests anywhere.
      await raw.db.exec(
        'UPDATE story_versions SET event_digest = NULL; UPDATE corpus_state SET events_digest = NULL',
      );
      const other = story('story_new', 1, [doc], 'New');
      const saved = await raw.store.saveStoryVersions({
        expectedCorpusVersion: 1,
        runId: null,
        generatedAt: '2024-09-05T00:00:00.000Z',
        stories: [other],
        retired: [],
      });
      expect(saved?.reportId).toBe(reportId({ events: [old.event, other.event] }));
      const { rows } = await raw.db.query<{ n: number }>(
        'SELECT count(*)::integer AS n FROM story_versions WHERE event_digest IS NULL',
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await raw.store.close();
    }
  });

  it('orders a corpus report’s events by their first documents, as buildReport does', () => {
    const ref = (id: string, publishedAt: string | null) => ({
      id,
      url: `https://x.example/${id}`,
      publishedAt,
    });
    const events = [
      { id: 'undated', documents: [ref('u', null)] },
      { id: 'late', documents: [ref('l', '2024-02-01T00:00:00Z'), ref('e2', '2024-01-05T00:00:00Z')] },
      { id: 'early', documents: [ref('e', '2024-01-01T00:00:00Z')] },
    ];
    expect(reportOrder(events).map((e) => e.id)).toEqual(['early', 'late', 'undated']);
  });

  it('a report’s id sums its events’ digests: any order, the same id; another event, another', () => {
    const [x, y] = [
      buildEvent(buildDocument(snapshotOf('x').snapshot), 'evt_x'),
      buildEvent(buildDocument(snapshotOf('y').snapshot), 'evt_y'),
    ];
    expect(reportId({ events: [x, y] })).toBe(reportId({ events: [y, x] }));
    expect(reportId({ events: [x, y] })).not.toBe(reportId({ events: [x] }));
    expect(reportId({ events: [] })).not.toBe(reportId({ events: [x] }));
  });
});

import { openStore } from '@parallax/store';
import { describe, expect, it } from 'vitest';
import { saveDocuments, syntheticDocuments } from '../bench/synthetic-news';
import { windowSpans } from '../src/corpus';
import { compareWithCorpus } from '../src/index';

const now = new Date('2021-01-01T00:00:00Z');

describe('the incremental corpus compare', () => {
  it('rebuilds only the stories new documents can join, and gives the full rebuild', async () => {
    const store = await openStore({ memory: true });
    const reference = await openStore({ memory: true });
    try {
      // Stories 0..5, three reports each; then a document unrelated to all of them (story 40, months
      // later), then a fourth report of story 2.
      const base = syntheticDocuments(0, 6);
      await saveDocuments(store, base);
      const first = await compareWithCorpus(store, { runId: null, documents: base, now });
      expect(first.events).toBe(6);
      const before = new Map((await store.currentStories()).map((s) => [s.storyId, s.version]));

      const unrelated = syntheticDocuments(40, 41, 1);
      await saveDocuments(store, unrelated);
      const lone = await compareWithCorpus(store, { runId: null, documents: unrelated, now });
      expect(lone.recomputed).toBe(1);
      expect(lone.stories.map((s) => s.documentIds)).toEqual([[unrelated[0]?.ref.id]]);
      const after = await store.currentStories();
      for (const s of after) if (before.has(s.storyId)) expect(s.version).toBe(before.get(s.storyId));
      expect(after.length).toBe(7);

      const related = syntheticDocuments(2, 3, 4).slice(3);
      await saveDocuments(store, related);
      const joined = await compareWithCorpus(store, { runId: null, documents: related, now });
      expect(joined.recomputed).toBeLessThan(base.length);
      expect(joined.stories.length).toBe(1);
      const story2 = joined.stories[0];
      expect(story2?.version).toBe(2);
      expect(story2?.changes.documents).toEqual([related[0]?.ref.id]);
      expect(story2?.documentIds).toEqual(expect.arrayContaining(base.slice(6, 9).map((d) => d.ref.id)));
      const current = await store.currentStories();
      for (const s of current) {
        if (s.storyId !== story2?.storyId && before.has(s.storyId)) expect(s.version).toBe(1);
      }

      // The same documents compared in one go over the whole corpus give the same report.
      const all = [...base, ...unrelated, ...related];
      await saveDocuments(reference, all);
      const full = await compareWithCorpus(reference, { runId: null, documents: all, now, full: true });
      // Both corpus reports are stored as references to story versions; read whole, they are equal.
      const report = await store.getReport(joined.reportId);
      expect(report?.events.length).toBe(7);
      expect(report).toEqual(await reference.getReport(full.reportId));
      expect(joined.reportId).toBe(full.reportId);
    } finally {
      await store.close();
      await reference.close();
    }
  });
});

describe('the time window a compare reads', () => {
  it('is one span per run of new documents a window apart, a second wider each side; none when one is undated', () => {
    const at = (publishedAt?: string) => ({ ...(publishedAt ? { publishedAt } : {}) });
    expect(
      windowSpans([at('2024-01-10T00:00:00Z'), at('2024-01-01T00:00:00Z'), at('2024-01-12T00:00:00Z')], 7),
    ).toEqual([
      // 1 January and 10 January are 9 days apart: their windows (±7 days) overlap, so one span.
      { from: '2023-12-24T23:59:59.000Z', to: '2024-01-19T00:00:01.000Z' },
    ]);
    expect(windowSpans([at('2024-01-01T00:00:00Z'), at('2024-03-01T00:00:00Z')], 7)).toEqual([
      { from: '2023-12-24T23:59:59.000Z', to: '2024-01-08T00:00:01.000Z' },
      { from: '2024-02-22T23:59:59.000Z', to: '2024-03-08T00:00:01.000Z' },
    ]);
    expect(windowSpans([at('2024-01-01T00:00:00Z'), at()], 7)).toBeNull();
    expect(windowSpans([], 7)).toEqual([]);
  });
});

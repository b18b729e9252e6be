import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Manifest, Report, StoryChanges } from '@parallax/core';
import { renderHtml, renderMarkdown } from '@parallax/report';
import { openStore } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changesSince,
  type ReplayServer,
  type RunSource,
  runPipeline,
  startReplayServer,
  storyReport,
} from '../src/index';

const corpus = resolve(import.meta.dirname, '../../../test/corpus/putin-mongolia-2024');
const manifest: Manifest = JSON.parse(readFileSync(resolve(corpus, 'manifest.json'), 'utf8'));
const fetchOptions = { userAgent: 'ParallaxTest/0.1', allowPrivateAddresses: true, timeoutMs: 10_000 };
const now = () => new Date('2024-09-05T00:00:00Z');

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplayServer(manifest.map((m) => ({ url: m.url, file: resolve(corpus, m.file) })));
});
afterAll(async () => {
  await replay.close();
});

const source = (m: Manifest[number]): RunSource => ({
  meta: {
    source: m.source,
    kind: m.kind,
    url: m.url,
    title: m.title,
    lang: m.lang,
    publishedAt: m.publishedAt,
  },
  fetchUrl: replay.urlFor(m.url),
});

describe('the store is the corpus (in process)', () => {
  it('the demo corpus fed one source per run gives the one-run report; each story has versions and changes', async () => {
    const reference = await openStore({ memory: true });
    const all = await runPipeline(manifest.map(source), { store: reference, fetch: fetchOptions, now });
    await reference.close();

    const store = await openStore({ memory: true });
    try {
      let last: Awaited<ReturnType<typeof runPipeline>> | undefined;
      for (const m of manifest) {
        last = await runPipeline([source(m)], { store, fetch: fetchOptions, now, corpus: true });
      }
      expect(last?.report).toEqual(all.report);
      expect(last?.reportId).toBe(all.reportId);

      const stories = await store.currentStories();
      expect(stories.map((s) => s.event).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        [...all.report.events].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(await store.corpusVersion()).toBe(manifest.length);
      // The main story grew run by run: every version says what it added, and together they hold
      // every rendition and divergence of its current version.
      const main = stories.reduce((a, b) => (b.documentIds.length > a.documentIds.length ? b : a));
      const versions = await store.storyVersions(main.storyId);
      expect(versions.length).toBeGreaterThan(1);
      for (const v of versions) StoryChanges.parse(v.changes);
      expect(versions.map((v) => v.changes.since)).toEqual([
        null,
        ...versions.slice(0, -1).map((v) => v.version),
      ]);
      const added = new Set(versions.flatMap((v) => v.changes.documents));
      expect([...added].sort()).toEqual([...main.documentIds].sort());
      const divergences = versions.flatMap((v) => v.changes.divergences);
      for (const s of main.event.statements) {
        for (const d of s.divergences) {
          expect(
            divergences.some((x) => x.type === d.type && x.a === d.a && x.b === d.b && x.note === d.note),
          ).toBe(true);
        }
      }
      // The story read since its first version marks what the later ones added; the feed lists every version.
      const { report: since } = await storyReport(store, main.storyId, '1');
      const changes = since.events[0]?.changes;
      expect(changes?.since).toBe(1);
      expect(changes?.documents.length).toBe(
        main.documentIds.length - (versions[0]?.documentIds.length ?? 0),
      );
      expect(changes?.renditions.length).toBeGreaterThan(0);
      expect(Report.parse(since)).toEqual(since);
      const markdown = renderMarkdown(since);
      expect(markdown).toContain('New since version 1');
      expect(renderHtml(since)).toContain('New since version 1');
      const { report: plain } = await storyReport(store, main.storyId);
      expect(plain.events[0]).toEqual(main.event);
      const feed = await changesSince(store, '2000-01-01T00:00:00Z');
      expect(feed.length).toBe(
        (await Promise.all(stories.map((s) => store.storyVersions(s.storyId)))).flat().length,
      );
      expect(await changesSince(store, now().toISOString())).toEqual([]);
      // Running the last source again adds nothing: no new story version.
      const again = await runPipeline([source(manifest.at(-1) as Manifest[number])], {
        store,
        fetch: fetchOptions,
        now,
        corpus: true,
      });
      expect(again.report).toEqual(all.report);
      expect((await store.storyVersions(main.storyId)).length).toBe(versions.length);
    } finally {
      await store.close();
    }
  });
});

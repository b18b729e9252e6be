import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Manifest, Report, StoryChanges } from '@parallax/core';
import { type ReplayServer, runPipeline, startReplayServer } from '@parallax/pipeline';
import { openStore } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli } from '../harness/cli';

const manifest: Manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8'));
let home: string;
let replay: ReplayServer;

/** A data dir whose store saw the demo corpus in two scheduled-style runs (corpus compares). */
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'parallax-stories-'));
  replay = await startReplayServer(manifest.map((m) => ({ url: m.url, file: resolve(CORPUS, m.file) })));
  const store = await openStore({ dataDir: join(home, 'db') });
  const sources = manifest.map((m) => ({
    meta: {
      source: m.source,
      kind: m.kind,
      url: m.url,
      title: m.title,
      lang: m.lang,
      publishedAt: m.publishedAt,
    },
    fetchUrl: replay.urlFor(m.url),
  }));
  const fetch = { userAgent: 'ParallaxTest/0.1', allowPrivateAddresses: true, timeoutMs: 10_000 };
  try {
    await runPipeline(sources.slice(0, 4), {
      store,
      fetch,
      corpus: true,
      now: () => new Date('2024-09-03T00:00:00Z'),
    });
    await runPipeline(sources.slice(4), {
      store,
      fetch,
      corpus: true,
      now: () => new Date('2024-09-04T00:00:00Z'),
    });
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await replay?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('parallax stories, report STORY --since, changes', () => {
  it('lists stories, marks what is new since a version, and feeds changes as JSON Lines', async () => {
    const listed = await runCli(['stories', '--json', '--data-dir', home]);
    expect(listed.code, listed.stderr).toBe(0);
    const stories = JSON.parse(listed.stdout) as { id: string; version: number; documents: number }[];
    const main = stories.reduce((a, b) => (b.documents > a.documents ? b : a));
    expect(main.version).toBe(2);

    const md = await runCli(['report', main.id, '--since', '2024-09-03T12:00:00Z', '--data-dir', home]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('New since version 1');

    const json = await runCli(['report', main.id, '--since', '1', '--format', 'json', '--data-dir', home]);
    const report = Report.parse(JSON.parse(json.stdout));
    expect(report.events[0]?.changes?.documents.length).toBeGreaterThan(0);

    const feed = await runCli(['changes', '--since', '2024-09-03T12:00:00Z', '--data-dir', home]);
    expect(feed.code, feed.stderr).toBe(0);
    const lines = feed.stdout
      .trim()
      .split('\n')
      .map((l) => StoryChanges.parse(JSON.parse(l)));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.generatedAt === '2024-09-04T00:00:00.000Z')).toBe(true);

    const unknown = await runCli(['report', 'story_unknown', '--data-dir', home]);
    expect(unknown.code).toBe(2);
  });
});

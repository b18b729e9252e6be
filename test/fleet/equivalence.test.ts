import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest, Report } from '@parallax/core';
import { type ReplayServer, runOnFleet, runPipeline, startReplayServer } from '@parallax/pipeline';
import { openStore, type Store } from '@parallax/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../harness/cli';
import { type PostgresService, type RedisService, startPostgres, startRedis } from '../harness/services';

const manifest: Manifest = JSON.parse(readFileSync(resolve(CORPUS, 'manifest.json'), 'utf8'));
const fetchOptions = { userAgent: 'ParallaxFleetTest/0.1', allowPrivateAddresses: true, timeoutMs: 20_000 }; // generous: CI machines are busy
const now = () => new Date('2024-09-05T00:00:00Z');

let redis: RedisService;
let postgres: PostgresService;
let replay: ReplayServer;

beforeAll(async () => {
  [redis, postgres, replay] = await Promise.all([
    startRedis(),
    startPostgres(),
    startReplayServer(manifest.map((m) => ({ url: m.url, file: resolve(CORPUS, m.file) }))),
  ]);
});

afterAll(async () => {
  await Promise.all([redis?.stop(), postgres?.stop(), replay?.close()]);
});

const sources = () =>
  manifest.map((m) => ({
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

/** What an analyst reads: every statement's renditions and divergences, and every fact conflict. */
function findings(report: Report) {
  return report.events.map((event) => ({
    id: event.id,
    title: event.title,
    documents: event.documents.map((d) => d.id),
    statements: event.statements.map((s) => ({
      renditions: s.renditions.map((r) => [r.documentId, r.text, r.start, r.end]),
      divergences: s.divergences.map((d) => [d.type, d.a, d.b, d.note]),
    })),
    factConflicts: event.factConflicts,
  }));
}

describe('the demo corpus through BullMQ, Redis and PostgreSQL', () => {
  // With the handoff (the default), a worker process passes what it fetched and extracted to its next
  // stage in memory; without it, every stage reads the store. Both must give the in-process report.
  it.each([
    ['with', undefined],
    ['without', 0],
  ])(
    'gives the same report as the in-process run, %s the in-memory handoff between stages',
    async (name, handoffMegabytes) => {
      const embedded: Store = await openStore({ memory: true });
      const inProcess = await runPipeline(sources(), { store: embedded, fetch: fetchOptions, now });
      await embedded.close();
      expect(inProcess.failures).toEqual([]);

      const store = await openStore({
        databaseUrl: await postgres.createDatabase(`equivalence_${name}_handoff`),
      });
      try {
        const fleet = await runOnFleet(sources(), {
          redisUrl: redis.url,
          store,
          fetch: fetchOptions,
          now,
          workers: { hostRequestsPerSecond: 50, handoffMegabytes },
          timeoutMs: 60_000,
        });
        expect(fleet.failures).toEqual([]);
        expect(inProcess.report.events.length).toBeGreaterThan(0);
        expect(findings(fleet.report)).toEqual(findings(inProcess.report));
        expect(fleet.report).toEqual(inProcess.report);
        expect(fleet.reportId).toBe(inProcess.reportId);
        expect((await store.getRun(fleet.runId))?.status).toBe('succeeded');
        expect((await store.listDocuments()).map((d) => d.url).sort()).toEqual(
          manifest.map((m) => m.url).sort(),
        );
      } finally {
        await store.close();
      }
    },
  );
});

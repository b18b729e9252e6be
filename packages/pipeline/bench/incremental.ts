/**
 * `pnpm bench:incremental [--docs N] [--new M]`: what a scheduled run's corpus compare costs as the
 * corpus grows. Builds an embedded store (PGlite, in memory) of N synthetic news documents in many
 * unrelated stories (4 reports each, a story every ~9 hours), compares them once over the whole
 * corpus (the full rebuild), then times, for M new documents (half further reports of the latest
 * stored stories, half new stories):
 *   (a) comparing the M documents alone (buildReport + saveReport, a run without the store's corpus);
 *   (b) placing the same M among the N through the incremental corpus compare (compareWithCorpus);
 *   (c) the full rebuild of the N + M, for scale.
 * Goal: (b) ≤ 2 × (a).
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { openStore } from '@parallax/store';
import { compareWithCorpus } from '../src/corpus';
import { buildReport, type ProcessedDocument } from '../src/stages';
import { saveDocuments, syntheticDocuments } from './synthetic-news';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '10000' }, new: { type: 'string', default: '100' } },
});
const docs = Number(values.docs);
const fresh = Number(values.new);
const REPORTS = 4;
const now = new Date('2030-01-01T00:00:00Z');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  console.log(`  ${label}: ${seconds(ms)}`);
  return { value, ms };
}

const stories = Math.ceil(docs / REPORTS);
console.log(`corpus: ${docs} documents in ${stories} stories; ${fresh} new documents`);
const seed = await timed('generate + extract', () => syntheticDocuments(0, stories, REPORTS).slice(0, docs));
const store = await openStore({ memory: true });
try {
  await timed('save to PGlite', () => saveDocuments(store, seed.value));
  const built = await timed(`full compare of the ${docs} (seeds the stories)`, () =>
    compareWithCorpus(store, { runId: null, documents: seed.value, now, full: true }),
  );
  console.log(`  ${built.value.events} stories`);

  // Half the new documents continue the latest stored stories (their 5th and 6th reports, as a
  // scheduled run's follow-ups do), half are new stories dated after the corpus.
  const continuing: ProcessedDocument[] = [];
  for (let i = Math.max(0, stories - Math.ceil(fresh / 4)); i < stories; i++) {
    continuing.push(...syntheticDocuments(i, i + 1, REPORTS + 2).slice(REPORTS));
  }
  const newStories = syntheticDocuments(stories, stories + Math.ceil(fresh / 2 / REPORTS), REPORTS);
  const batch = [...continuing.slice(0, Math.ceil(fresh / 2)), ...newStories].slice(0, fresh);

  const alone = await timed(`(a) compare the ${batch.length} alone`, async () => {
    const report = buildReport(batch, now);
    return store.saveReport(report);
  });
  await saveDocuments(store, batch);
  const incremental = await timed(`(b) incremental corpus compare of the ${batch.length}`, () =>
    compareWithCorpus(store, { runId: null, documents: batch, now }),
  );
  console.log(
    `      regrouped ${incremental.value.recomputed} documents, wrote ${incremental.value.stories.length} story versions`,
  );
  const full = await timed(`(c) full rebuild of the ${docs + batch.length}`, () =>
    compareWithCorpus(store, { runId: null, documents: batch, now, full: true }),
  );
  const incrementalReport = await store.getReport(incremental.value.reportId);
  const fullReport = await store.getReport(full.value.reportId);
  const incrementalEvents = new Map((incrementalReport?.events ?? []).map((e) => [e.id, e]));
  const differ = (fullReport?.events ?? []).filter(
    (e) => !isDeepStrictEqual(incrementalEvents.get(e.id), e),
  ).length;
  console.log(`\nN=${docs}  (a) alone ${seconds(alone.ms)}  (b) incremental ${seconds(incremental.ms)}`);
  console.log(
    `ratio (b)/(a) = ${(incremental.ms / alone.ms).toFixed(2)}× (goal ≤ 2×)  full rebuild ${seconds(full.ms)}` +
      `  stories differing from the full rebuild's: ${differ} of ${full.value.events}`,
  );
} finally {
  await store.close();
}

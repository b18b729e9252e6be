import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/index';
import { articleHtml, buildDocument, buildEvent, buildReport, snapshotOf } from './fixtures';
import { openRaw, storeError } from './helpers';

let store: Store;

beforeAll(async () => {
  ({ store } = await openRaw());
});
afterAll(async () => {
  await store.close();
});

async function savedDocument(tag: string) {
  const { snapshot, body } = snapshotOf(`${articleHtml()}<!-- ${tag} -->`, `https://news.example.mn/${tag}`);
  await store.saveSnapshot(snapshot, body);
  const doc = buildDocument(snapshot);
  await store.saveDocument(doc);
  return doc;
}

describe('listing reports and runs (for the dashboard)', () => {
  it('lists nothing in an empty store', async () => {
    expect(await store.listReports()).toEqual([]);
    expect(await store.listRuns()).toEqual([]);
  });

  it('lists reports latest first with their events in report order, generatedAt as written', async () => {
    const doc = await savedDocument('listing');
    const older = buildReport([buildEvent(doc, 'evt_a', 'First event')], '2024-09-02T08:00:00+08:00');
    const newer = buildReport(
      [buildEvent(doc, 'evt_c', 'Third event'), buildEvent(doc, 'evt_b', 'Second event')],
      '2024-09-03T12:00:00.000Z',
    );
    const olderId = await store.saveReport(older);
    const newerId = await store.saveReport(newer);
    expect(await store.listReports()).toEqual([
      {
        id: newerId,
        generatedAt: '2024-09-03T12:00:00.000Z',
        events: [
          { id: 'evt_c', title: 'Third event' },
          { id: 'evt_b', title: 'Second event' },
        ],
      },
      {
        id: olderId,
        generatedAt: '2024-09-02T08:00:00+08:00',
        events: [{ id: 'evt_a', title: 'First event' }],
      },
    ]);
    expect((await store.listReports(1)).map((r) => r.id)).toEqual([newerId]);
  });

  it('lists runs latest first, finished or not', async () => {
    const first = await store.startRun('run_listing_1');
    await store.finishRun(first.id, { status: 'succeeded', summary: { documents: 9 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await store.startRun('run_listing_2');
    const runs = await store.listRuns();
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'running'],
      [first.id, 'succeeded'],
    ]);
    expect(runs[1]?.summary).toEqual({ documents: 9 });
  });

  it('refuses a limit that is not a positive integer', async () => {
    const error = await storeError(store.listRuns(0));
    expect(error.retryable).toBe(false);
    await storeError(store.listReports(1.5));
  });
});
